import BriefingModel

/// A date range (`--from`, `--to`) and the analysis restricted to it, made by the aggregation
/// stage so that rendering never counts anything itself.
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

    /// The analysis as if only the period's meetings had been read: topic frequencies and the
    /// summary by the aggregation stage's own functions over those meetings; each thread cut to
    /// its occurrences in the period (a thread with none left is dropped; its trend stays the
    /// whole corpus's); diagnostics about the period's readouts and about no readout.
    public func apply(to analysis: Analysis) -> Analysis {
        guard !isUnbounded else { return analysis }
        var a = analysis
        a.meetings = analysis.meetings.filter { contains($0.date) }
        let kept = Set(a.meetings.map(\.file))
        a.topics = TopicFrequencies.compute(a.meetings, topics: analysis.topics.map { .init(id: $0.id, label: $0.label) })
        a.threads = analysis.threads.compactMap { t in
            let occ = t.occurrences.filter { kept.contains($0.file) && contains($0.date) }
            guard !occ.isEmpty else { return nil }
            return CommitmentThread(id: t.id, label: t.label, topic: t.topic, groupedBy: t.groupedBy,
                                    occurrences: occ, trend: t.trend)
        }
        a.diagnostics = analysis.diagnostics.filter { d in
            kept.contains { d.file.hasSuffix($0) } || !analysis.meetings.contains { d.file.hasSuffix($0.file) }
        }
        // Filtered, not recomputed: a lean read leaves out the marks they are computed from.
        a.corrections = analysis.corrections?.filter { kept.contains($0.file) }
        if a.corrections?.isEmpty == true { a.corrections = nil }
        a.summary = Aggregator.summary(meetings: a.meetings, threads: a.threads, diagnostics: a.diagnostics,
                                       readouts: a.meetings.count, failed: 0)
        return a
    }
}
