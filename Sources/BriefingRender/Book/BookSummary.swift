import BriefingModel

/// Summary: top topics with direction, commitments by trend, what to watch.
extension BookComposition {
    func summary(_ c: Composer) {
        c.newPage(section: "Summary")
        c.heading("Summary", level: 1, anchor: "summary")
        let d = digest
        // Meetings of each kind (a kind counted once per meeting).
        var kindCounts: [String: Int] = [:]
        for m in analysis.meetings {
            for (i, k) in m.kinds.enumerated() where !m.kinds[..<i].contains(k) { kindCounts[k, default: 0] += 1 }
        }
        let kinds = kindCounts.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        var m = Markup()
        if d.meetings == 0 {
            c.paragraph("No meetings fall in this period; widen --from and --to, or check the readouts' dates in the appendix's warnings.",
                        style: style.body, spaceAfter: 8)
        }
        m.append("From \(d.periodText), ")
        m.bold(Self.plural(d.meetings, "meeting"))
        if !kinds.isEmpty { m.append(" (" + kinds.prefix(5).map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ")") }
        m.append(" produced ")
        m.bold(Self.plural(d.commitments, "commitment"))
        m.append(" in \(Self.plural(analysis.threads.count, "thread")), across \(Self.plural(d.topics.count, "topic")).")
        if d.meetings > 0 { c.paragraph(markup: m, spaceAfter: 8) }

        c.heading("Top topics", level: 2, anchor: "summary-topics")
        let top = d.topics.prefix(limits.summaryTopics)
        c.table(Table(columns: [.init("Topic", weight: 3.2), .init("Mentions", weight: 1, alignment: .right),
                                .init("Meetings", weight: 1, alignment: .right), .init("Commitments", weight: 1.2, alignment: .right),
                                .init("Latest year", weight: 1.1)],
                      rows: top.map { t in [Table.Cell(t.label), .init(String(t.mentions)), .init(String(t.meetings)),
                                            .init(String(t.commitments)), .init(t.direction.rawValue)] },
                      note: d.topics.count > top.count ? "and \(d.topics.count - top.count) more topics (see Topic overview)" : nil))

        c.heading("Commitments by trend", level: 2, anchor: "summary-commitments")
        let groups: [(CommitmentThread.Trend, String)] = [(.new, "New"), (.strengthening, "Strengthened"),
                                                          (.weakening, "Weakened"), (.lapsed, "Lapsed"), (.recurring, "Recurring")]
        let counts = groups.map { "\($0.1.lowercased()) \(d.threads[$0.0]?.count ?? 0)" }.joined(separator: " · ")
        c.paragraph("Threads: " + counts + ".", style: style.small, spaceAfter: 4)
        for (trend, title) in groups {
            let all = d.threads[trend] ?? []
            guard !all.isEmpty else { continue }
            let shown = all.prefix(limits.summaryThreads)
            c.heading("\(title) (\(all.count))", level: 3, inOutline: false, keepWith: 36)
            c.table(threadTable(Array(shown), total: all.count))
        }

        c.heading("What to watch at the next meeting", level: 2, anchor: "summary-watch")
        // As many as the layout allows and, past the first three, as fit on the page: a
        // lone item (or a lone "and N more") on a page of its own helps nobody.
        let wanted = d.watch.prefix(max(limits.summaryThreads * 2, 6))
        if wanted.isEmpty {
            c.paragraph("Nothing stands out: no lapsed, weakening or new commitments and no rising topic.", style: style.small)
        }
        var shown = 0
        for item in wanted {
            let text = "•  " + item
            if shown >= 3, !c.fits(text, style: style.small, indent: 6, extra: 3 + 16) { break }
            let last = shown == wanted.count - 1 && d.watch.count > wanted.count
            c.paragraph(text, style: style.small, spaceAfter: 3, indent: 6, keepWith: last ? 14 : 0)
            shown += 1
        }
        if d.watch.count > shown {
            c.paragraph("and \(d.watch.count - shown) more", style: style.caption)
        }
    }

    /// Threads as a table: label, topic, times made, first, last, strengths, trend.
    func threadTable(_ threads: [CommitmentThread], total: Int, showTopic: Bool = true) -> Table {
        var columns: [Table.Column] = [.init("Thread", weight: 3.0, wrap: true, maxLines: 2)]
        if showTopic { columns.append(.init("Topic", weight: 1.6)) }
        columns += [.init("Times", weight: 0.7, alignment: .right), .init("First", weight: 1.05), .init("Last", weight: 1.05),
                    .init("Strengths", weight: 1.7), .init("Trend", weight: 1.35)]
        let rows: [[Table.Cell]] = threads.map { t in
            var r: [Table.Cell] = [.init(t.label)]
            if showTopic { r.append(.init(analysis.label(ofTopic: t.topic))) }
            r += [.init(String(t.occurrences.count)), .init(Self.day(t.firstDate)), .init(Self.day(t.lastDate)),
                  .init(BriefingDigest.strengthPath(t), strength: t.strengths.last), .init(t.trend.rawValue)]
            return r
        }
        var table = Table(columns: columns, rows: rows, note: total > threads.count ? "and \(total - threads.count) more" : nil)
        // A thread's row opens its latest occurrence's sentence.
        table.links = threads.map { t in t.occurrences.last.flatMap { sourceLink($0.file, $0.statement) } }
        table.anchors = threads.map { t in t.occurrences.last.flatMap { citeAnchor($0.file, $0.statement) } }
        return table
    }
}
