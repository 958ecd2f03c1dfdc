import BriefingModel

/// One section per topic: trend chart, its threads, its commitments with sources.
extension BookComposition {
    func topics(_ c: Composer) {
        c.newPage(section: "Topics")
        c.heading("Topics", level: 1, anchor: "topics")
        let shown = analysis.topics.filter { $0.mentions > 0 || $0.commitments > 0 }
        c.paragraph("One section for each of the \(shown.count) topics that came up, most mentioned first.", style: style.caption)
        let commitmentsByTopic = commitmentIndex(keep: limits.topicCommitments)
        for (i, topic) in shown.enumerated() {
            if i > 0 { c.newPage(section: topic.label) } else { c.section = topic.label }
            topicSection(topic, commitments: commitmentsByTopic[topic.id] ?? TopicCommitments(), into: c)
        }
    }

    /// Where a commitment sits: meeting and commitment indices.
    struct CommitmentRef { var meeting: Int; var commitment: Int }

    /// A topic's most recent commitments (as indices, so nothing large is copied).
    struct TopicCommitments {
        var recent: [CommitmentRef] = []
    }

    /// For each topic, its `keep` most recent commitments (latest meeting first, undated last;
    /// within a day in meeting then commitment order), in one pass over the meetings taken most
    /// recent first.
    func commitmentIndex(keep: Int) -> [String: TopicCommitments] {
        let meetings = analysis.meetings
        let days = meetings.map { $0.date?.dayNumber ?? Int.min }
        let order = meetings.indices.sorted { a, b in days[a] != days[b] ? days[a] > days[b] : a < b }
        var out: [String: TopicCommitments] = [:]
        for mi in order {
            let commitments = meetings[mi].commitments
            for ci in commitments.indices {
                for t in commitments[ci].topics {
                    out[t, default: TopicCommitments()].add(CommitmentRef(meeting: mi, commitment: ci), keep: keep)
                }
            }
        }
        return out
    }

    private func topicSection(_ topic: TopicFrequency, commitments index: TopicCommitments, into c: Composer) {
        let commitments = index.recent.map { r in
            (analysis.meetings[r.meeting].date, analysis.meetings[r.meeting].commitments[r.commitment])
        }
        let total = topic.commitments
        let trend = TopicTrendChart(topic: topic)
        let st = style
        c.heading(topic.label, level: 2, anchor: topicAnchor(topic.id), keepWith: trend.height(width: c.body.width))
        let threads = analysis.threads.filter { $0.topic == topic.id }
        var m = Markup()
        m.append("Mentioned ")
        m.bold("\(topic.mentions)")
        m.append(" times at ")
        m.bold("\(topic.meetings)")
        m.append(" meetings")
        if let a = topic.firstDate, let b = topic.lastDate { m.append(a == b ? " on \(a)" : " between \(a) and \(b)") }
        m.append("; ")
        m.bold("\(topic.commitments)")
        m.append(" commitments in \(Self.plural(threads.count, "thread")).")
        c.paragraph(markup: m, style: style.small, spaceAfter: 6)
        c.place(height: trend.height(width: c.body.width), spaceAfter: 8) { canvas, frame in trend.draw(in: frame, on: canvas, style: st) }

        if !threads.isEmpty {
            c.heading("Commitment threads", level: 3, inOutline: false, keepWith: 40)
            let shown = Array(threads.prefix(limits.topicThreads))
            c.table(threadTable(shown, total: threads.count, showTopic: false))
        }
        c.heading("Commitments", level: 3, inOutline: false, keepWith: 40)
        if total == 0 {
            c.paragraph("No commitments on this topic in the period.", style: style.caption)
            return
        }
        let rows = commitments
        let notes = [total > rows.count ? "The \(rows.count) most recent of \(total) commitments; all are in the analysis export." : nil,
                     analystNote(rows.map(\.1))].compactMap { $0 }
        var table = Table(
            columns: [.init("Date", weight: 1.05), .init("Actor", weight: 0.6), .init("Strength", weight: 1.55),
                      .init("Commitment (quoted)", weight: 4.8, wrap: true, maxLines: 6), .init("Source", weight: 1.9, wrap: true, maxLines: 2)],
            rows: rows.map { d, cm in
                [.init(Self.day(d)), .init(actor(cm.actor)), .init(cm.strength.label, strength: cm.strength.rawValue),
                 .init(quoted(cm)), .init(cm.statement)]
            },
            note: notes.isEmpty ? nil : notes.joined(separator: " "))
        table.links = rows.map { sourceLink($0.1.file, $0.1.statement) }
        table.anchors = rows.map { citeAnchor($0.1.file, $0.1.statement) }
        c.table(table)
    }
}

extension BookComposition.TopicCommitments {
    mutating func add(_ ref: BookComposition.CommitmentRef, keep: Int) {
        if recent.count < keep { recent.append(ref) }
    }
}
