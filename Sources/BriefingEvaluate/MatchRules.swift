/// The matching rules the scorecard shares with the reference scorer: content words of a
/// commitment, how much of a truth clause an extracted sentence covers, surnames and cities.
public enum MatchRules {
    /// Words too common to tell two commitments apart.
    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "that", "this", "is", "are", "be", "by", "as",
        "at", "its", "their", "his", "her", "will", "would", "from", "which", "who", "it", "they", "both", "two",
    ]
    /// An extracted commitment matches a truth one when it covers this share of its content words.
    public static let commitmentCoverage = 0.6
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// Lower-cased runs of ASCII letters and digits, stop words dropped.
    public static func contentWords(_ s: String) -> [String] {
        asciiRuns(s.lowercased(), letters: true, digits: true).filter { !stopWords.contains($0) }
    }

    /// The share of the truth text's distinct content words that the extracted text has.
    public static func coverage(of truth: String, by got: String) -> Double {
        let t = Set(contentWords(truth))
        guard !t.isEmpty else { return 0 }
        return Double(t.intersection(contentWords(got)).count) / Double(t.count)
    }

    /// The family name for comparison: the last word of letters, never a generational suffix.
    public static func surname(_ name: String) -> String {
        asciiRuns(name, letters: true, digits: false).last { !nameSuffixes.contains($0.lowercased()) }?.lowercased() ?? ""
    }

    /// The city a place names: "Washington, D.C." and "Washington" are one place, and so are
    /// "New York City" and "New York".
    public static func city(_ place: String?) -> String {
        let first = (place ?? "").split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let c = first.trimmingSpaces().lowercased()
        return c.hasSuffix(" city") ? String(c.dropLast(5)) : c
    }

    static func asciiRuns(_ s: String, letters: Bool, digits: Bool) -> [String] {
        var out: [String] = []
        var run: [UInt8] = []
        for b in s.utf8 {
            let isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
            let isDigit = b >= 0x30 && b <= 0x39
            if (letters && isLetter) || (digits && isDigit) {
                run.append(b)
            } else if !run.isEmpty {
                out.append(String(decoding: run, as: UTF8.self))
                run.removeAll(keepingCapacity: true)
            }
        }
        if !run.isEmpty { out.append(String(decoding: run, as: UTF8.self)) }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        let u = Array(utf8)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 || u[lo] == 0x0A || u[lo] == 0x0D { lo += 1 }
        while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 || u[hi - 1] == 0x0A || u[hi - 1] == 0x0D { hi -= 1 }
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
