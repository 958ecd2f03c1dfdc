import BriefingModel

/// One page per meeting (the most recent ones when there are many).
extension BookComposition {
    /// Meetings given a page: the most recent `limits.meetingPages`, in date order.
    var pagedMeetings: ArraySlice<Meeting> { analysis.meetings.suffix(limits.meetingPages) }

    func meetings(_ c: Composer) {
        c.newPage(section: "Meetings")
        c.heading("Meetings", level: 1, anchor: "meetings")
        let paged = pagedMeetings
        if paged.count < analysis.meetings.count {
            c.paragraph("The \(paged.count) most recent of \(analysis.meetings.count) meetings have a page each; "
                        + "every meeting is listed in the appendix's table of readouts.", style: style.caption)
        } else {
            c.paragraph("One page for each of the \(Self.plural(paged.count, "meeting")), in date order.", style: style.caption)
        }
        for (i, m) in paged.enumerated() {
            let index = analysis.meetings.count - paged.count + i
            if i > 0 { c.newPage(section: "Meetings") }
            meetingPage(m, index: index, into: c)
        }
    }

    private func meetingPage(_ m: Meeting, index: Int, into c: Composer) {
        let kinds = m.kinds.isEmpty ? "meeting" : m.kinds.joined(separator: ", ")
        c.heading("\(Self.day(m.date)) · \(kinds)", level: 2, anchor: "meeting-\(index)")
        if let title = m.title { c.paragraph(title, style: style.caption, spaceAfter: 6, maxLines: 2) }
        var date = Self.day(m.date)
        if m.dateInferred { date += " (inferred: the readout gives no year)" }
        let parts = m.parts.map { p in
            let detail = [p.startTime.map { "from \($0)" }, p.durationMinutes.map { "for \($0) minutes" }].compactMap { $0 }
            return detail.isEmpty ? p.kind : "\(p.kind), " + detail.joined(separator: " ")
        }
        let people = m.participants.map { p in
            let detail = [p.role, p.country].compactMap { $0 }.joined(separator: ", ")
            return detail.isEmpty ? p.name : "\(p.name) (\(detail))"
        }
        let topics = m.topics.map { "\(analysis.label(ofTopic: $0.id)) (\($0.mentions))" }
        var rows: [[Table.Cell]] = [
            ["Date", .init(date)],
            ["Kind and parts", .init(parts.isEmpty ? kinds : parts.joined(separator: "; "))],
            ["Participants", .init(people.isEmpty ? "not named" : people.joined(separator: "; "))],
            ["Place", .init(m.place ?? "not given")],
            ["Start time", .init(m.startTime ?? "not given")],
            ["Duration", .init(m.durationMinutes.map { "\($0) minutes" } ?? "not given")],
            ["Topics (mentions)", .init(topics.isEmpty ? "none matched" : topics.joined(separator: "; "))],
        ]
        if !m.sections.isEmpty { rows.append(["Readout sections", .init(m.sections.joined(separator: "; "))]) }
        rows.append(["Source", .init(m.path)])
        var facts = Table(columns: [.init("Field", weight: 1.1), .init("Value", weight: 5, wrap: true, maxLines: 6)], rows: rows)
        // The source row opens the readout as analysed, in Sources.
        facts.links = rows.indices.map { $0 == rows.count - 1 ? readoutLink(m.file) : nil }
        c.table(facts)
        c.heading("Commitments (\(m.commitments.count))", level: 3, inOutline: false, keepWith: 36)
        if m.commitments.isEmpty {
            c.paragraph("No commitments were found in this readout.", style: style.caption)
            return
        }
        var table = Table(
            columns: [.init("Strength", weight: 1.55), .init("Actor", weight: 0.65),
                      .init("Commitment (quoted)", weight: 5.05, wrap: true, maxLines: 6), .init("Topics", weight: 1.7, wrap: true, maxLines: 3),
                      .init("Line", weight: 0.55, alignment: .right)],
            rows: m.commitments.map { cm in
                [.init(cm.strength.label, strength: cm.strength.rawValue), .init(actor(cm.actor)), .init(quoted(cm)),
                 .init(cm.topics.map { analysis.label(ofTopic: $0) }.joined(separator: ", ")),
                 .init(cm.sentenceOnLine > 1 ? "\(cm.line).\(cm.sentenceOnLine)" : String(cm.line))]
            },
            note: analystNote(m.commitments))
        table.links = m.commitments.map { sourceLink($0.file, $0.statement) }
        table.anchors = m.commitments.map { citeAnchor($0.file, $0.statement) }
        c.table(table)
    }
}
