import BriefingConfig
import BriefingModel

/// Extracted meetings -> Analysis: meetings in date order, topic frequencies, commitment
/// threads, a summary and every diagnostic.
struct Aggregator {
    let configuration: Configuration

    /// Empties `results` once the meetings are copied out, so they are not held twice.
    func aggregate(_ results: inout [ReadoutResult], input: String, generator: String) -> Analysis {
        // A readout with an error about it is reported, not counted: its meeting (whatever
        // extraction made of it) stays out of the meetings, topic counts and threads.
        var meetings = results.compactMap { $0.diagnostics.contains(where: Self.failsAReadout) ? nil : $0.meeting }
        meetings.sort { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.file < b.file
            }
        }
        let diagnostics = results.flatMap(\.diagnostics).sorted { a, b in
            a.file != b.file ? a.file < b.file : (a.line ?? 0) < (b.line ?? 0)
        }
        var failed = 0, readouts = 0
        for r in results {
            let didFail = r.diagnostics.contains(where: Self.failsAReadout)
            if didFail { failed += 1 }
            if didFail || r.meeting != nil { readouts += 1 }
        }
        // The meetings are copied out; let the per-readout results go before threads are built.
        results = []
        let taxonomy = configuration.taxonomy.topics.map { Analysis.TopicLabel(id: $0.id, label: $0.label) }
        let topics = TopicFrequencies.compute(meetings, topics: taxonomy)
        let threads = ThreadBuilder(taxonomy: configuration.taxonomy,
                                    lapseAfterMeetings: configuration.commitments.lapseAfterMeetings,
                                    relationship: configuration.relationship, titles: configuration.names.titles).threads(meetings)
        let summary = Self.summary(meetings: meetings, threads: threads, diagnostics: diagnostics, readouts: readouts, failed: failed)
        var analysis = Analysis(generator: generator, input: input, summary: summary,
                                relationship: configuration.relationship.info, taxonomy: taxonomy,
                                meetings: meetings, topics: topics, threads: threads, diagnostics: diagnostics)
        analysis.corrections = Self.corrections(meetings, analysis)
        analysis.lapseAfterMeetings = configuration.commitments.lapseAfterMeetings
        return analysis
    }

    /// The corrections in force in `meetings`, sides and topics named as `analysis` names them.
    static func corrections(_ meetings: [Meeting], _ analysis: Analysis) -> [Analysis.Correction]? {
        CorrectionsInForce.list(meetings, actor: { analysis.relationship?.label(ofActor: $0) ?? $0 }, topic: analysis.label(ofTopic:))
    }

    /// The headline counts of an analysis: its dates, commitments by strength, threads and findings.
    static func summary(meetings: [Meeting], threads: [CommitmentThread], diagnostics: [Diagnostic], readouts: Int,
                        failed: Int) -> Analysis.Summary {
        var byStrength: [String: Int] = ["1": 0, "2": 0, "3": 0, "4": 0]
        for m in meetings { for c in m.commitments { byStrength[String(c.strength.rawValue), default: 0] += 1 } }
        let dated = meetings.compactMap(\.date)
        return Analysis.Summary(
            readouts: readouts, meetings: meetings.count, failed: failed, firstDate: dated.min(), lastDate: dated.max(),
            commitmentsByStrength: byStrength, threads: threads.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            errors: diagnostics.filter { $0.severity == .error }.count)
    }

    /// A readout failed when an error is about it (the manifest's own findings ride in results
    /// of their own and are not readouts).
    static func failsAReadout(_ d: Diagnostic) -> Bool {
        d.severity == .error && !d.file.hasSuffix(".yaml") && !d.file.hasSuffix(".yml")
    }
}
