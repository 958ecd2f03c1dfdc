import BriefingModel

/// The short human summary `analyze` prints: meetings, dates, top topics, commitments by
/// strength, threads by trend, warnings.
enum SummaryText {
    static func render(_ a: Analysis, wrote json: String?) -> String {
        let s = a.summary
        var lines: [String] = []
        let range = s.firstDate.map { f in "\(f) to \(s.lastDate.map(String.init(describing:)) ?? "?")" } ?? "no dates"
        lines.append("\(s.meetings) meeting\(s.meetings == 1 ? "" : "s") from \(s.readouts) readout\(s.readouts == 1 ? "" : "s") (\(range))"
                     + (s.failed > 0 ? ", \(s.failed) failed" : ""))
        let inferred = a.meetings.filter(\.dateInferred).count
        if inferred > 0 { lines.append("  \(inferred) date\(inferred == 1 ? "" : "s") inferred from terms of office") }
        let top = a.topics.filter { $0.mentions > 0 }.prefix(6)
        if !top.isEmpty {
            lines.append("Top topics (mentions / meetings):")
            for t in top { lines.append("  \(pad(t.label, 36)) \(pad(String(t.mentions), 6, left: true)) / \(t.meetings)") }
        }
        let c = s.commitmentsByStrength
        let total = c.values.reduce(0, +)
        lines.append("Commitments: \(total) (signed \(c["4"] ?? 0), agreed \(c["3"] ?? 0), confirmed \(c["2"] ?? 0), shared view \(c["1"] ?? 0))")
        var trends: [String: Int] = [:]
        for t in a.threads { trends[t.trend.rawValue, default: 0] += 1 }
        let trendText = CommitmentThread.Trend.allCases.compactMap { t in trends[t.rawValue].map { "\($0) \(t.rawValue)" } }
        lines.append("Threads: \(a.threads.count)" + (trendText.isEmpty ? "" : " (\(trendText.joined(separator: ", ")))"))
        lines.append("Warnings: \(s.warnings), errors: \(s.errors)")
        if let json { lines.append("Wrote \(json)") }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return left ? fill + s : s + fill
    }
}
