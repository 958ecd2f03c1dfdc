import BriefingModel

/// Topic mentions and meetings across the corpus, overall and per year: one frequency for each
/// of `topics` (the taxonomy's, in the analysis), sorted by mentions, meetings, id.
enum TopicFrequencies {
    static func compute(_ meetings: [Meeting], topics: [Analysis.TopicLabel]) -> [TopicFrequency] {
        struct Acc {
            var mentions = 0, meetings = 0, commitments = 0
            var first: CalendarDay?, last: CalendarDay?
            var years: [Int: (Int, Int)] = [:]
        }
        // One accumulator per taxonomy topic, by position (an id outside the taxonomy has no row).
        var slot: [String: Int] = [:]
        for (i, t) in topics.enumerated() { slot[t.id] = i }
        var acc = Array(repeating: Acc(), count: topics.count)
        var seen = Set<Int>()
        for m in meetings {
            for t in m.topics {
                guard let i = slot[t.id] else { continue }
                acc[i].mentions += t.mentions
                acc[i].meetings += 1
                if let d = m.date {
                    acc[i].first = acc[i].first.map { min($0, d) } ?? d
                    acc[i].last = acc[i].last.map { max($0, d) } ?? d
                    let y = acc[i].years[d.year, default: (0, 0)]
                    acc[i].years[d.year] = (y.0 + t.mentions, y.1 + 1)
                }
            }
            for c in m.commitments {
                seen.removeAll(keepingCapacity: true)
                for t in c.topics { if let i = slot[t], seen.insert(i).inserted { acc[i].commitments += 1 } }
            }
        }
        var out: [TopicFrequency] = []
        for (i, topic) in topics.enumerated() {
            let a = acc[i]
            out.append(TopicFrequency(id: topic.id, label: topic.label, mentions: a.mentions, meetings: a.meetings,
                                      commitments: a.commitments, firstDate: a.first, lastDate: a.last,
                                      byYear: a.years.keys.sorted().map { .init(year: $0, mentions: a.years[$0]!.0, meetings: a.years[$0]!.1) }))
        }
        return out.sorted { a, b in
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.meetings != b.meetings { return a.meetings > b.meetings }
            return a.id < b.id
        }
    }
}
