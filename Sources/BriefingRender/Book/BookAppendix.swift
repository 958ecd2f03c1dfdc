import BriefingModel

/// Appendix: every readout, extraction warnings, the taxonomy, and how commitments were judged.
extension BookComposition {
    /// "Canada, France or both": the actors a commitment may have, as the relationship pack names them.
    var actorChoices: String {
        let sides = analysis.relationship?.sides.map(\.label) ?? []
        return sides.isEmpty ? "a side or both" : sides.joined(separator: ", ") + " or both"
    }

    func appendix(_ c: Composer) {
        c.newPage(section: "Appendix")
        c.heading("Appendix", level: 1, anchor: "appendix")

        c.heading("Readouts", level: 2, anchor: "appendix-readouts")
        sourceTable(c)

        c.heading("Warnings from extraction", level: 2, anchor: "appendix-warnings")
        let findings = analysis.diagnostics
        if findings.isEmpty {
            c.paragraph("None: every readout gave a date, a kind and its participants.", style: style.caption)
        } else {
            let shown = findings.prefix(limits.warnings)
            c.table(Table(columns: [.init("Where", weight: 2.2, wrap: true, maxLines: 2), .init("Severity", weight: 0.9),
                                    .init("Message", weight: 5, wrap: true, maxLines: 4)],
                          rows: shown.map { d in
                              [.init("\(d.file):\(d.line.map(String.init) ?? "1")"), .init(d.severity.rawValue), .init(d.message)]
                          },
                          note: findings.count > shown.count ? "and \(findings.count - shown.count) more (all are in the analysis export)" : nil))
        }

        corrections(c)

        c.heading("Taxonomy", level: 2, anchor: "appendix-taxonomy")
        c.table(Table(columns: [.init("Topic id", weight: 1.6), .init("Label", weight: 3)],
                      rows: analysis.taxonomy.map { [.init($0.id), .init($0.label)] }))

        c.heading("How commitments and strengths were judged", level: 2, anchor: "appendix-method")
        c.paragraph("A commitment is a discrete, specific, publicly expressed statement of intent to act (or to keep acting) "
                    + "toward an identified goal. Welcomes, thanks, condolences, explanations, shared assessments with no action, "
                    + "demands on third parties and descriptions of the past are not commitments. Each commitment keeps its "
                    + "sentence, its actor (\(actorChoices)), its topics and its source file and line.",
                    style: style.body.with(alignment: .justify))
        c.table(Table(columns: [.init("Strength", weight: 1.4), .init("Cue in the readout", weight: 5, wrap: true)],
                      rows: [
                          [.init("4 signed", strength: 4), "signed a document, agreement or framework"],
                          [.init("3 agreed", strength: 3), "agreed, decided, concurred to, committed to"],
                          [.init("2 confirmed", strength: 2), "confirmed, affirmed, reaffirmed, reiterated"],
                          [.init("1 shared view", strength: 1),
                           "shared the view that … will; expressed hope, intention or determination; will continue to; one side's “We will …”"],
                      ]))
        c.paragraph("A thread is the same commitment made again at later meetings, grouped by taxonomy concept or shared key "
                    + "words. Its trend: new (made once, recently), recurring (again at about the same strength), strengthening "
                    + "(latest stronger than the first), weakening (latest weaker than the strongest before), lapsed (not "
                    + "repeated at the most recent meetings).", style: style.body.with(alignment: .justify))
    }

    /// Every readout, one row each, up to `limits.sources` (the most recent); older ones
    /// summarised by month.
    private func sourceTable(_ c: Composer) {
        let all = analysis.meetings
        let listed = max(0, min(all.count, limits.sources))
        let older = all.count - listed
        let pagedFrom = all.count - pagedMeetings.count
        let hasMeetingPages = style.layout.sections.contains(.meetings)
        var intro = "Every readout, in date order, with what was extracted from it."
        if older > 0 { intro = "The \(listed) most recent readouts, in date order; the \(older) before them are summarised by month below." }
        if hasMeetingPages, pagedFrom > 0 { intro += " Meetings marked • have their own page." }
        c.paragraph(intro, style: style.caption, spaceAfter: 4)
        if listed > 0 {
            let rows = all[(all.count - listed)...].enumerated().map { k, m -> [Table.Cell] in
                let i = older + k
                let mark = hasMeetingPages && pagedFrom > 0 && i >= pagedFrom ? "• " : ""
                return [.init(Self.day(m.date) + (m.dateInferred ? "*" : "")), .init(mark + m.file),
                        .init(m.kinds.joined(separator: ", ")), .init(String(m.topics.count)), .init(String(m.commitments.count))]
            }
            c.table(Table(
                columns: [.init("Date", weight: 1.1), .init("File", weight: 2.35), .init("Kind", weight: 2.2),
                          .init("Topics", weight: 0.75, alignment: .right), .init("Commitments", weight: 1.3, alignment: .right)],
                rows: rows,
                note: all.suffix(listed).contains { $0.dateInferred } ? "* date inferred: the readout gives no year." : nil))
        }
        guard older > 0 else { return }
        c.heading("Earlier readouts by month", level: 3, inOutline: false, keepWith: 40)
        // Grouped by month whatever the order; months in date order, undated last.
        var groups: [String: MonthGroup] = [:]
        for k in 0..<older {
            let date = all[k].date
            let key = date.map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" } ?? "undated"
            groups[key, default: MonthGroup(first: all[k].file, last: all[k].file)].add(all[k])
        }
        let rows: [[Table.Cell]] = groups.keys.sorted { ($0 == "undated" ? "~" : $0) < ($1 == "undated" ? "~" : $1) }.map { key in
            let g = groups[key]!
            let kinds = g.kinds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(2).map { "\($0.value) \($0.key)" }
            return [.init(key), .init(String(g.count)), .init(kinds.joined(separator: ", ") + (g.kinds.count > 2 ? ", …" : "")),
                    .init(String(g.commitments)), .init(g.first == g.last ? g.first : "\(g.first) – \(g.last)")]
        }
        c.table(Table(columns: [.init("Month", weight: 0.9), .init("Readouts", weight: 1.0, alignment: .right),
                                .init("Most frequent kinds", weight: 3.0), .init("Commitments", weight: 1.4, alignment: .right),
                                .init("Files (first – last)", weight: 3.4)], rows: rows))
    }
}

/// One month of the appendix's "earlier readouts", counted in place (no copy per readout).
struct MonthGroup {
    var count = 0
    var kinds: [String: Int] = [:]
    var commitments = 0
    var first: String
    var last: String

    init(first: String, last: String) {
        self.first = first
        self.last = last
    }

    mutating func add(_ m: Meeting) {
        count += 1
        for k in m.kinds { kinds[k, default: 0] += 1 }
        commitments += m.commitments.count
        if m.file < first { first = m.file }
        if m.file > last { last = m.file }
    }
}
