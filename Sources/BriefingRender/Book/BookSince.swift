import BriefingModel

/// The "Since DATE" section, up front: new commitments, threads whose trend moved, topics that
/// rose or fell, people met for the first time. Shown when the book is given a day to compare
/// from (`--since`, or a scheduled report's previous period).
extension BookComposition {
    func sinceSection(_ c: Composer) {
        guard let changes = since else { return }
        let words = SinceLines(changes: changes, analysis: analysis)
        let n = max(1, limits.sinceLines)
        c.newPage(section: words.title)
        c.heading(words.title, level: 1, anchor: "since")
        c.paragraph(words.scope, style: style.caption, spaceAfter: 8)
        if changes.isEmpty {
            c.paragraph("Nothing changed: no commitment, trend, topic or participant is new in this period.", style: style.body)
            return
        }

        c.heading("New commitments (\(changes.newCommitments.count))", level: 2, anchor: "since-commitments")
        let shown = Array(changes.newCommitments.suffix(n).reversed())
        if shown.isEmpty {
            c.paragraph("None.", style: style.caption)
        } else {
            c.paragraph(words.commitmentsCount + ", most recent first.", style: style.small, spaceAfter: 4)
            var table = Table(
                columns: [.init("Date", weight: 1.05), .init("Actor", weight: 0.6), .init("Strength", weight: 1.55),
                          .init("Commitment (quoted)", weight: 4.8, wrap: true, maxLines: 4),
                          .init("Sentence", weight: 1.9, wrap: true, maxLines: 2)],
                rows: shown.map { x in
                    [.init(x.date.description), .init(words.actor(x.commitment.actor)),
                     .init(x.commitment.strength.label, strength: x.commitment.strength.rawValue),
                     .init("“\(x.commitment.text)”"), .init(x.commitment.statement)]
                },
                note: changes.newCommitments.count > shown.count
                    ? "The \(shown.count) most recent of \(changes.newCommitments.count); all are in each topic's section and the export." : nil)
            table.links = shown.map { sourceLink($0.commitment.file, $0.commitment.statement) }
            table.anchors = shown.map { citeAnchor($0.commitment.file, $0.commitment.statement) }
            c.table(table)
        }

        c.heading("Threads whose trend changed (\(changes.threadChanges.count))", level: 2, anchor: "since-threads")
        c.paragraph(words.trendCounts + ".", style: style.small, spaceAfter: 4)
        let threads = Array(changes.threadChanges.prefix(n))
        if !threads.isEmpty {
            var table = Table(
                columns: [.init("Change", weight: 1.2), .init("Thread", weight: 3.4, wrap: true, maxLines: 2), .init("Topic", weight: 1.6),
                          .init("Trend then → now", weight: 2.1), .init("Last made", weight: 1.1)],
                rows: threads.map { t in
                    [.init(t.change.rawValue), .init(t.label), .init(analysis.label(ofTopic: t.topic)),
                     .init("\(t.before.rawValue) → \(t.after.rawValue)"), .init(Self.day(t.latest.date))]
                },
                note: changes.threadChanges.count > threads.count ? "and \(changes.threadChanges.count - threads.count) more" : nil)
            table.links = threads.map { sourceLink($0.latest.file, $0.latest.statement) }
            table.anchors = threads.map { citeAnchor($0.latest.file, $0.latest.statement) }
            c.table(table)
        }

        c.heading("Topics that rose or fell", level: 2, anchor: "since-topics")
        let topics = Array(changes.topicShifts.filter(\.rose).prefix(n)) + Array(changes.topicShifts.filter { !$0.rose }.prefix(n))
        if topics.isEmpty {
            c.paragraph("No topic's mentions changed against the period before.", style: style.caption)
        } else {
            c.table(Table(
                columns: [.init("Topic", weight: 3), .init("Before", weight: 1, alignment: .right),
                          .init("Since", weight: 1, alignment: .right), .init("Change", weight: 1, alignment: .right), .init("", weight: 1)],
                rows: topics.map { s in
                    let d = s.after - s.before
                    return [.init(s.label), .init(String(s.before)), .init(String(s.after)),
                            .init((d > 0 ? "+" : "−") + String(abs(d))), .init(s.rose ? "rose" : "fell")]
                },
                note: "Before: mentions from \(changes.earlierFrom) to \(changes.since.adding(days: -1)); since: from \(changes.since) to \(changes.through)."))
        }

        c.heading("People who met for the first time (\(changes.firstMeetings.count))", level: 2, anchor: "since-people")
        let people = Array(changes.firstMeetings.prefix(n))
        if people.isEmpty {
            c.paragraph("Everyone at this period's meetings had met before.", style: style.caption)
        } else {
            var table = Table(
                columns: [.init("Name", weight: 2.2), .init("Role", weight: 2.4), .init("Country", weight: 1.4),
                          .init("First meeting", weight: 1.2), .init("Readout", weight: 2.2)],
                rows: people.map { p in
                    [.init(p.participant.name), .init(p.participant.role ?? ""), .init(p.participant.country ?? ""),
                     .init(p.date.description), .init(p.file)]
                },
                note: changes.firstMeetings.count > people.count ? "and \(changes.firstMeetings.count - people.count) more" : nil)
            table.links = people.map { readoutLink($0.file) }
            c.table(table)
        }
    }
}
