import BriefingModel

/// What a reader needs first, computed once from the analysis and shared by the book's summary
/// and the one-page brief: the period, top topics with their direction, threads by trend, and
/// what to watch at the next meeting.
public struct BriefingDigest: Sendable {
    public enum Direction: String, Sendable { case rising, steady, falling, new, single = "—" }

    public struct TopicLine: Sendable {
        public var id: String
        public var label: String
        public var mentions: Int
        public var meetings: Int
        public var commitments: Int
        public var direction: Direction
    }

    public var firstDate: CalendarDay?
    public var lastDate: CalendarDay?
    public var meetings: Int
    public var sources: Int
    public var commitments: Int
    public var topics: [TopicLine]
    /// Threads per trend, most recent first.
    public var threads: [CommitmentThread.Trend: [CommitmentThread]]
    public var watch: [String]

    /// Every count from the aggregation stage's (the summary's, the topics' and threads').
    public init(analysis a: Analysis) {
        firstDate = a.summary.firstDate
        lastDate = a.summary.lastDate
        meetings = a.meetings.count
        sources = max(a.summary.readouts, a.meetings.count)
        commitments = a.summary.commitmentsByStrength.values.reduce(0, +)
        let latestYear = lastDate?.year
        topics = a.topics.filter { $0.mentions > 0 }.map { t in
            TopicLine(id: t.id, label: t.label, mentions: t.mentions, meetings: t.meetings, commitments: t.commitments,
                      direction: Self.direction(t, latestYear: latestYear))
        }
        var byTrend: [CommitmentThread.Trend: [CommitmentThread]] = [:]
        for t in a.threads { byTrend[t.trend, default: []].append(t) }
        for k in byTrend.keys {
            byTrend[k]!.sort { ($0.lastDate ?? CalendarDay(dayNumber: 0), $1.id) > ($1.lastDate ?? CalendarDay(dayNumber: 0), $0.id) }
        }
        threads = byTrend
        watch = Self.watchList(a, topics: topics, threads: byTrend, latestYear: latestYear)
    }

    /// Mentions in the latest year against the average of the years before.
    static func direction(_ t: TopicFrequency, latestYear: Int?) -> Direction {
        guard let latestYear, let last = t.byYear.first(where: { $0.year == latestYear }) else {
            return t.byYear.isEmpty ? .single : .falling
        }
        let before = t.byYear.filter { $0.year < latestYear }
        guard !before.isEmpty else { return t.byYear.count == 1 && t.firstDate?.year == latestYear ? .new : .single }
        let avg = Double(before.reduce(0) { $0 + $1.mentions }) / Double(before.count)
        let now = Double(last.mentions)
        return now > avg * 1.25 ? .rising : now < avg * 0.75 ? .falling : .steady
    }

    static func label(_ s: Int) -> String { Commitment.Strength(rawValue: s)?.label ?? String(s) }

    static func watchList(_ a: Analysis, topics: [TopicLine], threads: [CommitmentThread.Trend: [CommitmentThread]],
                          latestYear: Int?) -> [String] {
        var out: [String] = []
        let name = { (id: String) in a.label(ofTopic: id) }
        for t in (threads[.lapsed] ?? []).sorted(by: { ($0.strengths.max() ?? 0, $0.occurrences.count) > ($1.strengths.max() ?? 0, $1.occurrences.count) }) {
            let when = t.lastDate.map { " on \($0)" } ?? ""
            out.append("Lapsed: “\(t.label)” (\(name(t.topic))) was last made\(when), as \(label(t.strengths.last ?? 1)); see whether it is renewed or quietly dropped.")
        }
        for t in threads[.weakening] ?? [] {
            let peak = t.strengths.max() ?? 1, now = t.strengths.last ?? 1
            out.append("Weakening: “\(t.label)” (\(name(t.topic))) fell from \(label(peak)) to \(label(now))\(t.lastDate.map { " on \($0)" } ?? "").")
        }
        for t in topics where t.direction == .rising {
            out.append("Rising topic: \(t.label), \(t.mentions) mentions at \(t.meetings) meetings, more in \(latestYear.map(String.init) ?? "the latest year") than the years before.")
        }
        for t in threads[.strengthening] ?? [] {
            out.append("Strengthened: “\(t.label)” (\(name(t.topic))) now \(label(t.strengths.last ?? 1)); check follow-through.")
        }
        for t in threads[.new] ?? [] {
            out.append("New: “\(t.label)” (\(name(t.topic)))\(t.firstDate.map { " first made on \($0)" } ?? "").")
        }
        return out
    }

    public static func strengthPath(_ t: CommitmentThread, limit: Int = 8) -> String {
        let s = t.strengths.map(String.init)
        return s.count <= limit ? s.joined(separator: "→") : s.prefix(3).joined(separator: "→") + "→…→" + s.suffix(3).joined(separator: "→")
    }

    public var periodText: String {
        switch (firstDate, lastDate) {
        case let (a?, b?) where a == b: "\(a)"
        case let (a?, b?): "\(a) – \(b)"
        default: meetings == 0 ? "no meetings" : "undated"
        }
    }
}
