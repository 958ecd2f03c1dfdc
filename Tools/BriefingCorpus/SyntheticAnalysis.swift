import BriefingModel
import Foundation

/// A deterministic, made-up analysis of any size, for tests and the render benchmark (so the
/// renderer can be measured on 50,000 meetings and hundreds of threads without extraction).
public enum SyntheticAnalysis {
    public static let taxonomy: [Analysis.TopicLabel] = [
        ("north-korea", "North Korea"), ("abductions", "Abductions issue"), ("alliance-defense", "Alliance and defense"),
        ("trade-economy", "Trade and economy"), ("tpp", "TPP and trade agreements"), ("china", "China"),
        ("indo-pacific", "Free and Open Indo-Pacific"), ("russia-ukraine", "Russia and Ukraine"),
        ("middle-east", "Middle East"), ("economic-security", "Economic security and technology"),
        ("multilateral", "UN, G7 and other fora"), ("terrorism", "Terrorism"),
        ("visits-calendar", "Visits and diplomatic calendar"), ("people-exchange", "People-to-people ties"),
    ].map { Analysis.TopicLabel(id: $0.0, label: $0.1) }

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    public static func make(meetings count: Int, threads threadCount: Int, seed: UInt64 = 11) -> Analysis {
        var g = Generator(state: seed)
        let kinds = ["summit meeting", "telephone talk", "courtesy call", "working lunch", "video conference", "ministers' meeting"]
        let people = [("Shinzo Abe", "安倍晋三"), ("Fumio Kishida", "岸田文雄"), ("Sanae Takaichi", "高市早苗"), ("Yoshihide Suga", "菅義偉")]
        let cues: [(Commitment.Strength, String)] = [(.sharedView, "shared the view that they will"), (.confirmed, "confirmed that they will"),
                                                     (.agreed, "agreed to"), (.signed, "signed an agreement to")]
        let first = CalendarDay(year: 2012, month: 1, day: 5)!.dayNumber
        let span = 14 * 365
        var meetings: [Meeting] = []
        meetings.reserveCapacity(count)
        for i in 0..<count {
            let day = CalendarDay(dayNumber: first + (span * i) / max(count, 1) + g.int(3))
            let file = String(format: "%06d_synthetic.txt", i)
            let kind = kinds[g.int(kinds.count)]
            let p = people[g.int(people.count)]
            var topics: [TopicCount] = []
            for t in taxonomy where g.int(3) == 0 { topics.append(TopicCount(id: t.id, mentions: 1 + g.int(6))) }
            topics.sort { ($0.mentions, $1.id) > ($1.mentions, $0.id) }
            var commitments: [Commitment] = []
            for k in 0..<g.int(4) where !topics.isEmpty {
                let t = topics[g.int(topics.count)].id
                let (s, cue) = cues[g.int(4)]
                commitments.append(Commitment(
                    text: "The two leaders \(cue) strengthen cooperation on \(taxonomy.first { $0.id == t }!.label.lowercased()), item \(k).",
                    clause: "\(cue) strengthen cooperation", actor: ["japan", "us", "both"][g.int(3)], strength: s, cue: cue,
                    topics: [t], concepts: [], file: file, line: 3 + k))
            }
            meetings.append(Meeting(
                file: file, path: "corpus/\(file)", title: "Japan-U.S. \(kind) (\(p.1))", date: day, dateInferred: g.int(20) == 0,
                dateSource: .text, kinds: [kind], parts: [MeetingPart(kind: kind, startTime: "10:30", durationMinutes: 30 + 15 * g.int(6))],
                participants: [Participant(name: "\(p.0) (\(p.1))", role: "Prime Minister", country: "Japan", side: "japan", known: true),
                               Participant(name: "Donald J. Trump", role: "President", country: "United States", side: "us", known: true)],
                place: ["Tokyo", "Washington, D.C.", "New York", nil][g.int(4)], startTime: "10:30", durationMinutes: 45,
                sections: [], statementCount: 20, topics: topics, commitments: commitments))
        }
        // The contract: meetings in date order (undated last, by file).
        meetings.sort { ($0.date ?? CalendarDay(year: 9999, month: 12, day: 31)!, $0.file) < ($1.date ?? CalendarDay(year: 9999, month: 12, day: 31)!, $1.file) }
        let topicFreq = frequencies(meetings)
        var threads: [CommitmentThread] = []
        for t in 0..<threadCount {
            let topic = taxonomy[t % taxonomy.count]
            let n = 1 + g.int(12) + (t < 10 ? 20 : 0)
            var occ: [CommitmentThread.Occurrence] = []
            for _ in 0..<n {
                let m = meetings.isEmpty ? nil : meetings[g.int(meetings.count)]
                occ.append(.init(file: m?.file ?? "x.txt", date: m?.date, strength: Commitment.Strength(rawValue: 1 + g.int(4))!,
                                 actor: "both", text: "Commitment \(t)", line: 4))
            }
            occ.sort { ($0.date ?? CalendarDay(dayNumber: 0), $0.file) < ($1.date ?? CalendarDay(dayNumber: 0), $1.file) }
            threads.append(CommitmentThread(id: "\(topic.id)/thread-\(t)", label: "\(topic.label): commitment line \(t)",
                                            topic: topic.id, groupedBy: "wording", occurrences: occ,
                                            trend: CommitmentThread.Trend.allCases[g.int(5)]))
        }
        threads.sort { ($0.occurrences.count, $1.id) > ($1.occurrences.count, $0.id) }
        var byStrength: [String: Int] = [:]
        for m in meetings { for c in m.commitments { byStrength[String(c.strength.rawValue), default: 0] += 1 } }
        let days = meetings.compactMap(\.date)
        let diagnostics = (0..<min(count, 40)).map { Diagnostic(.warning, file: "corpus/\(String(format: "%06d_synthetic.txt", $0 * 7))", line: 1, "no year in the date; inferred from neighbouring readouts") }
        return Analysis(generator: "synthetic", input: "synthetic",
                        summary: .init(readouts: count, meetings: count, failed: 0, firstDate: days.min(), lastDate: days.max(),
                                       commitmentsByStrength: byStrength, threads: threads.count, warnings: diagnostics.count, errors: 0),
                        taxonomy: taxonomy, meetings: meetings, topics: topicFreq, threads: threads, diagnostics: diagnostics)
    }

    /// Topic frequencies as the aggregation stage orders them: mentions, meetings, id.
    static func frequencies(_ meetings: [Meeting]) -> [TopicFrequency] {
        taxonomy.map { t in
            var mentions = 0, count = 0, commitments = 0
            var years: [Int: (mentions: Int, meetings: Int)] = [:]
            var first: CalendarDay?, last: CalendarDay?
            for m in meetings {
                commitments += m.commitments.filter { $0.topics.contains(t.id) }.count
                guard let n = m.topics.first(where: { $0.id == t.id })?.mentions, n > 0 else { continue }
                mentions += n
                count += 1
                if let d = m.date {
                    first = min(first ?? d, d)
                    last = max(last ?? d, d)
                    years[d.year, default: (0, 0)].mentions += n
                    years[d.year, default: (0, 0)].meetings += 1
                }
            }
            return TopicFrequency(id: t.id, label: t.label, mentions: mentions, meetings: count, commitments: commitments,
                                  firstDate: first, lastDate: last,
                                  byYear: years.keys.sorted().map { .init(year: $0, mentions: years[$0]!.mentions, meetings: years[$0]!.meetings) })
        }.sorted { ($0.mentions, $0.meetings, $1.id) > ($1.mentions, $1.meetings, $0.id) }
    }
}
