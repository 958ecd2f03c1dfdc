import BriefingModel

/// A date range (`--from`, `--to`) and the analysis restricted to it: meetings inside the
/// range, topic frequencies recounted from them, thread occurrences inside the range (a thread
/// with none left is dropped; its trend is the aggregation stage's, over the whole corpus).
public struct AnalysisPeriod: Sendable, Hashable {
    public var from: CalendarDay?
    public var to: CalendarDay?

    public init(from: CalendarDay?, to: CalendarDay?) {
        self.from = from
        self.to = to
    }

    public var isUnbounded: Bool { from == nil && to == nil }

    public func contains(_ day: CalendarDay?) -> Bool {
        guard let day else { return isUnbounded }
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }

    public func apply(to analysis: Analysis) -> Analysis {
        guard !isUnbounded else { return analysis }
        var a = analysis
        a.meetings = analysis.meetings.filter { contains($0.date) }
        let kept = Set(a.meetings.map(\.file))
        a.topics = Self.recount(analysis.topics, meetings: a.meetings)
        a.threads = analysis.threads.compactMap { t in
            let occ = t.occurrences.filter { kept.contains($0.file) && contains($0.date) }
            guard !occ.isEmpty else { return nil }
            return CommitmentThread(id: t.id, label: t.label, topic: t.topic, groupedBy: t.groupedBy,
                                    occurrences: occ, trend: t.trend)
        }
        a.diagnostics = analysis.diagnostics.filter { d in
            kept.contains { d.file.hasSuffix($0) } || !analysis.meetings.contains { d.file.hasSuffix($0.file) }
        }
        var byStrength: [String: Int] = [:]
        for m in a.meetings { for c in m.commitments { byStrength[String(c.strength.rawValue), default: 0] += 1 } }
        let days = a.meetings.compactMap(\.date)
        a.summary = Analysis.Summary(readouts: a.meetings.count, meetings: a.meetings.count, failed: 0,
                                     firstDate: days.min(), lastDate: days.max(), commitmentsByStrength: byStrength,
                                     threads: a.threads.count,
                                     warnings: a.diagnostics.filter { $0.severity == .warning }.count,
                                     errors: a.diagnostics.filter { $0.severity == .error }.count)
        return a
    }

    /// Topic frequencies over `meetings`, in the analysis's order (mentions, meetings, id).
    static func recount(_ topics: [TopicFrequency], meetings: [Meeting]) -> [TopicFrequency] {
        var out: [TopicFrequency] = []
        for t in topics {
            var mentions = 0, count = 0, commitments = 0
            var first: CalendarDay?, last: CalendarDay?
            var years: [Int: (Int, Int)] = [:]
            for m in meetings {
                let n = m.topics.first { $0.id == t.id }?.mentions ?? 0
                commitments += m.commitments.filter { $0.topics.contains(t.id) }.count
                guard n > 0 else { continue }
                mentions += n
                count += 1
                if let d = m.date {
                    first = min(first ?? d, d)
                    last = max(last ?? d, d)
                    let y = years[d.year] ?? (0, 0)
                    years[d.year] = (y.0 + n, y.1 + 1)
                }
            }
            out.append(TopicFrequency(id: t.id, label: t.label, mentions: mentions, meetings: count,
                                      commitments: commitments, firstDate: first, lastDate: last,
                                      byYear: years.keys.sorted().map { .init(year: $0, mentions: years[$0]!.0, meetings: years[$0]!.1) }))
        }
        return out.sorted { ($0.mentions, $0.meetings, $1.id) > ($1.mentions, $1.meetings, $0.id) }
    }
}
