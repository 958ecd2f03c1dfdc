import BriefingModel

/// What a saved analysis must hold before it is rendered: the format this build reads, and
/// counts, lines and durations in the ranges extraction gives. A file edited by hand or
/// damaged can parse as JSON and still hold a negative count or a count near `Int.max`, which
/// scales and sums would turn into nonsense or an overflow; it is refused here, naming the field.
enum AnalysisCheck {
    struct Failure: Error {
        /// Where, as a JSON path: `meetings[3].duration_minutes`.
        var path: String
        var message: String
    }

    /// The largest count any field may hold: far beyond any corpus, far from overflowing a sum.
    static let maxCount = 1_000_000_000
    /// A meeting part's duration: a week, in minutes.
    static let maxMinutes = 7 * 24 * 60

    static func check(_ a: Analysis) throws(Failure) {
        guard a.formatVersion == 1 else {
            throw Failure(path: "format_version", message: a.formatVersion > 1
                ? "format \(a.formatVersion) is newer than this BriefingBook reads (1); update BriefingBook"
                : "format \(a.formatVersion) is not an analysis format (1)")
        }
        let s = a.summary
        for (key, v) in [("readouts", s.readouts), ("meetings", s.meetings), ("failed", s.failed), ("threads", s.threads),
                         ("warnings", s.warnings), ("errors", s.errors)] {
            try count(v, "summary.\(key)")
        }
        for (k, v) in s.commitmentsByStrength { try count(v, "summary.commitments_by_strength.\(k)") }
        for (i, m) in a.meetings.enumerated() {
            var at: String { "meetings[\(i)]" }
            try count(m.statementCount, "\(at).statement_count")
            try minutes(m.durationMinutes, "\(at).duration_minutes")
            for (j, p) in m.parts.enumerated() { try minutes(p.durationMinutes, "\(at).parts[\(j)].duration_minutes") }
            for (j, t) in m.topics.enumerated() { try count(t.mentions, "\(at).topics[\(j)].mentions") }
            for (j, c) in m.commitments.enumerated() { try count(c.line, "\(at).commitments[\(j)].line") }
        }
        for (i, t) in a.topics.enumerated() {
            var at: String { "topics[\(i)]" }
            try count(t.mentions, "\(at).mentions")
            try count(t.meetings, "\(at).meetings")
            try count(t.commitments, "\(at).commitments")
            for (j, y) in t.byYear.enumerated() {
                guard (1...9999).contains(y.year) else {
                    throw Failure(path: "\(at).by_year[\(j)].year", message: "\(y.year) is not a year (1–9999)")
                }
                try count(y.mentions, "\(at).by_year[\(j)].mentions")
                try count(y.meetings, "\(at).by_year[\(j)].meetings")
            }
        }
        for (i, t) in a.threads.enumerated() {
            for (j, o) in t.occurrences.enumerated() { try count(o.line, "threads[\(i)].occurrences[\(j)].line") }
        }
        for (i, k) in (a.corrections ?? []).enumerated() {
            if let line = k.line { try count(line, "corrections[\(i)].line") }
        }
        for (i, d) in a.diagnostics.enumerated() {
            if let line = d.line { try count(line, "diagnostics[\(i)].line") }
        }
    }

    private static func count(_ v: Int, _ path: @autoclosure () -> String) throws(Failure) {
        guard (0...maxCount).contains(v) else {
            throw Failure(path: path(), message: "\(v) is out of range (0 to \(maxCount))")
        }
    }

    private static func minutes(_ v: Int?, _ path: @autoclosure () -> String) throws(Failure) {
        guard let v else { return }
        guard (0...maxMinutes).contains(v) else {
            throw Failure(path: path(), message: "\(v) minutes is out of range (0 to \(maxMinutes))")
        }
    }
}
