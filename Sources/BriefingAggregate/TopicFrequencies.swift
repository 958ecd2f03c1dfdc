import BriefingConfig
import BriefingModel

/// Topic mentions and meetings across the corpus, overall and per year.
enum TopicFrequencies {
    static func compute(_ meetings: [Meeting], taxonomy: Taxonomy) -> [TopicFrequency] {
        struct Acc {
            var mentions = 0, meetings = 0, commitments = 0
            var first: CalendarDay?, last: CalendarDay?
            var years: [Int: (Int, Int)] = [:]
        }
        var acc: [String: Acc] = [:]
        for m in meetings {
            for t in m.topics {
                var a = acc[t.id, default: Acc()]
                a.mentions += t.mentions
                a.meetings += 1
                if let d = m.date {
                    a.first = a.first.map { min($0, d) } ?? d
                    a.last = a.last.map { max($0, d) } ?? d
                    let y = a.years[d.year, default: (0, 0)]
                    a.years[d.year] = (y.0 + t.mentions, y.1 + 1)
                }
                acc[t.id] = a
            }
            for c in m.commitments { for t in Set(c.topics) { acc[t, default: Acc()].commitments += 1 } }
        }
        var out: [TopicFrequency] = []
        for topic in taxonomy.topics {
            let a = acc[topic.id] ?? Acc()
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
