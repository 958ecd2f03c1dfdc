import BriefingModel

/// How an analysis compares with hand-made truth, field by field, with the same matching rules
/// as the reference scorer: dates exact; kinds when one agrees; durations and places where the
/// truth has them (places by city); participants by surname; topics as sets (optional ones
/// count neither way); commitments when the extracted sentence covers 60% of the truth
/// clause's content words, each truth item matched once, optional items neither missed nor
/// false alarms when matched.
public struct Scorecard: Sendable {
    public struct Ratio: Sendable, Equatable {
        public var right = 0
        public var of = 0
        public var value: Double { of == 0 ? 1 : Double(right) / Double(of) }
    }

    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// One disagreement with the truth, placed where a reader can check it.
    public struct Miss: Sendable, Equatable, CustomStringConvertible {
        public enum Field: String, Sendable {
            case readout, date, kind, duration, place, participant, topic, commitment
        }
        public var file: String
        /// The readout's path as analysed, when it was found.
        public var path: String?
        public var line: Int?
        public var field: Field
        /// A miss (in the truth, not found) or a false alarm (found, not in the truth); for the
        /// single-valued fields, a wrong value.
        public var falseAlarm: Bool
        public var message: String

        public var description: String {
            "\(path ?? file):\(line ?? 1): \(field.rawValue) \(falseAlarm ? "false alarm" : "missed"): \(message)"
        }
    }

    public var readouts = 0
    public var missing = 0
    public var dates = Ratio()
    public var kinds = Ratio()
    public var durations = Ratio()
    public var places = Ratio()
    public var participants = Counts()
    public var topics = Counts()
    public var commitments = Counts()
    public var strengthOnMatches = Ratio()
    public var actorOnMatches = Ratio()
    public var misses: [Miss] = []

    /// Scores meetings (by file name) against the truth's readouts.
    public init(truth: [TruthFile.Readout], meetings: [Meeting]) {
        var byFile: [String: Meeting] = [:]
        for m in meetings { byFile[Self.baseName(m.file)] = m }
        readouts = truth.count
        for t in truth { score(t, byFile[t.file]) }
    }

    static func baseName(_ file: String) -> String {
        file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
    }

    private mutating func score(_ t: TruthFile.Readout, _ got: Meeting?) {
        let required = t.commitments.filter { $0.optional != true }
        guard let g = got else {
            missing += 1
            participants.falseNegatives += t.participants.count
            topics.falseNegatives += t.topics.count
            commitments.falseNegatives += required.count
            misses.append(Miss(file: t.file, field: .readout, falseAlarm: false, message: "not in the analysis"))
            return
        }
        func miss(_ field: Miss.Field, _ falseAlarm: Bool, _ message: String, line: Int? = nil) {
            misses.append(Miss(file: t.file, path: g.path, line: line ?? openingLine(g), field: field, falseAlarm: falseAlarm,
                               message: message))
        }
        let gotDate = g.date?.description
        dates.of += 1
        if gotDate == t.date { dates.right += 1 } else { miss(.date, true, "\(gotDate ?? "none") != \(t.date ?? "none")") }

        kinds.of += 1
        let truthKinds = Set(t.kinds.map { $0.lowercased() })
        if !truthKinds.isDisjoint(with: g.kinds.map { $0.lowercased() }) {
            kinds.right += 1
        } else {
            miss(.kind, true, "\(g.kinds.joined(separator: ", ")) != \(t.kinds.joined(separator: ", "))")
        }
        if let d = t.durationMinutes {
            durations.of += 1
            if g.durationMinutes == d { durations.right += 1 } else {
                miss(.duration, true, "\(g.durationMinutes.map(String.init) ?? "none") != \(d) minutes")
            }
        }
        if let p = t.place, !p.isEmpty {
            places.of += 1
            if MatchRules.city(g.place) == MatchRules.city(p) { places.right += 1 } else {
                miss(.place, true, "\(g.place ?? "none") != \(p)")
            }
        }

        let truthNames = Set(t.participants.map { MatchRules.surname($0.name) })
        let gotNames = Set(g.participants.map { MatchRules.surname($0.name) })
        participants.truePositives += truthNames.intersection(gotNames).count
        participants.falsePositives += gotNames.subtracting(truthNames).count
        participants.falseNegatives += truthNames.subtracting(gotNames).count
        for p in t.participants where !gotNames.contains(MatchRules.surname(p.name)) { miss(.participant, false, p.name) }
        for p in g.participants where !truthNames.contains(MatchRules.surname(p.name)) { miss(.participant, true, p.name) }

        let want = Set(t.topics), maybe = Set(t.optionalTopics ?? []), have = Set(g.topics.map(\.id))
        topics.truePositives += want.intersection(have).count
        topics.falseNegatives += want.subtracting(have).count
        topics.falsePositives += have.subtracting(want).subtracting(maybe).count
        for x in want.subtracting(have).sorted() { miss(.topic, false, x) }
        for x in have.subtracting(want).subtracting(maybe).sorted() {
            miss(.topic, true, x, line: g.statements?.first { $0.topics.contains(x) }?.line)
        }

        var used = Set<Int>()
        for c in t.commitments {
            var best: Int?
            var bestScore = MatchRules.commitmentCoverage
            for (i, gc) in g.commitments.enumerated() where !used.contains(i) {
                let s = MatchRules.coverage(of: c.text, by: gc.text)
                if s >= bestScore { best = i; bestScore = s }
            }
            guard let b = best else {
                if c.optional != true { commitments.falseNegatives += 1; miss(.commitment, false, c.text, line: lineOf(c.text, in: g)) }
                continue
            }
            used.insert(b)
            if c.optional == true { continue }
            commitments.truePositives += 1
            strengthOnMatches.of += 1
            actorOnMatches.of += 1
            if g.commitments[b].strength.rawValue == c.strength { strengthOnMatches.right += 1 }
            if g.commitments[b].actor == c.actor { actorOnMatches.right += 1 }
        }
        for (i, gc) in g.commitments.enumerated() where !used.contains(i) {
            commitments.falsePositives += 1
            miss(.commitment, true, String(gc.text.prefix(160)), line: gc.line)
        }
    }

    private func openingLine(_ g: Meeting) -> Int? { g.statements?.first?.line }

    /// The line of the statement that best covers a truth sentence (when statements were kept).
    private func lineOf(_ text: String, in g: Meeting) -> Int? {
        guard let statements = g.statements else { return nil }
        var best: (line: Int, score: Double)?
        for s in statements {
            let c = MatchRules.coverage(of: text, by: s.text)
            if c > (best?.score ?? 0) { best = (s.line, c) }
        }
        return best?.line
    }

    /// The figures, one a line, as the reference scorer prints them.
    public var report: String {
        func f(_ x: Double) -> String {
            let scaled = (x * 1000).rounded()
            let whole = Int(scaled) / 1000, frac = Int(scaled) % 1000
            let digits = String(frac)
            return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        func prf(_ c: Counts) -> String { "\(f(c.precision)) \(f(c.recall)) \(f(c.f1))" }
        let n = max(readouts, 1)
        return """
        readouts: \(readouts) (missing from analysis: \(missing))
        date exact: \(dates.right)/\(readouts)
        kind: \(kinds.right)/\(readouts)
        duration exact: \(durations.right)/\(durations.of)
        place exact: \(places.right)/\(places.of)
        participants P/R/F1: \(prf(participants))
        topics P/R/F1: \(prf(topics))
        commitments P/R/F1: \(prf(commitments))
        commitment strength exact (matched): \(strengthOnMatches.right)/\(strengthOnMatches.of)
        commitment actor exact (matched): \(actorOnMatches.right)/\(actorOnMatches.of)
        summary: date \(f(Double(dates.right) / Double(n))) topicsF1 \(f(topics.f1)) commitmentsF1 \(f(commitments.f1)) participantsF1 \(f(participants.f1))
        """
    }
}
