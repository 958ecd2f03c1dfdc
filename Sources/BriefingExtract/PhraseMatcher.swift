/// Finds rule phrases in a token sequence. Phrases are compared on folded words (lexicon ids),
/// so case and plurals do not matter, unless a phrase was added as case-sensitive. A phrase may
/// hold gaps written "...", each standing for up to `gapWords` words of any kind ("hold ...
/// summit" finds "hold a Canada-France summit"). Storage is
/// flat: per first word, a list of entry indexes; each entry's words sit in one pool. Matching
/// copies nothing, which matters because it runs on every word of every readout.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    public struct Match: Sendable {
        public var value: Value
        /// Token range [start, end).
        public var start: Int
        public var end: Int
    }

    // Struct of arrays: matching reads only the integer arrays, so checking a candidate
    // retains nothing; the value is read once a phrase has matched.
    private var wordStarts: [Int] = []
    private var wordCounts: [Int] = []
    /// Exact written forms of case-sensitive phrases.
    private var cased: [[String]?] = []
    private var anyCased = false
    private var values: [Value] = []
    private var pool: [Int32] = []
    /// Entries by the lexicon id of their first word, longest phrase first, as linked lists in
    /// two flat arrays: the first entry per id (-1 none) and each entry's next. Walking a
    /// nested array retained and released it for every word that starts a phrase.
    private var firstEntry: [Int] = []
    private var nextEntry: [Int] = []
    /// Whether any phrase has a gap; matching takes the plain path when none has.
    private var anyGap = false
    public var count: Int { values.count }
    public let lexicon: Lexicon
    /// The most words a gap ("...") in a phrase stands for.
    public static var gapWords: Int { 3 }
    /// The pool's marker for a gap.
    private static var gap: Int32 { -1 }

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Adds a phrase. Empty phrases are ignored, and so is a gap at either end.
    public mutating func add(_ phrase: String, _ value: Value, caseSensitive: Bool = false) {
        let segments = phrase.split(separator: "...", omittingEmptySubsequences: false).map(String.init)
        var ids: [Int32] = []
        var forms: [String] = []
        for (k, segment) in segments.enumerated() {
            let toks = lexicon.internPhrase(segment)
            if k > 0, !toks.isEmpty, !ids.isEmpty { ids.append(Self.gap) }
            ids += toks.map(\.id)
            let bytes = Array(segment.utf8)
            forms += toks.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
        guard let first = ids.first else { return }
        let hasGap = ids.contains(Self.gap)
        let i = Int(first)
        if i >= firstEntry.count { firstEntry += Array(repeating: -1, count: i - firstEntry.count + 1) }
        let index = values.count
        // A gap phrase is matched ignoring case: its words' exact forms have no fixed places.
        cased.append(caseSensitive && !hasGap ? forms : nil)
        if caseSensitive && !hasGap { anyCased = true }
        if hasGap { anyGap = true }
        wordStarts.append(pool.count)
        wordCounts.append(ids.count)
        values.append(value)
        pool += ids
        // After every entry at least as long: longest first, equal lengths in the order added.
        nextEntry.append(-1)
        if firstEntry[i] < 0 || wordCounts[firstEntry[i]] < ids.count {
            nextEntry[index] = firstEntry[i]
            firstEntry[i] = index
        } else {
            var p = firstEntry[i]
            while nextEntry[p] >= 0, wordCounts[nextEntry[p]] >= ids.count { p = nextEntry[p] }
            nextEntry[index] = nextEntry[p]
            nextEntry[p] = index
        }
    }

    /// Every match, longest at each start position first; overlapping matches are all returned.
    public func allMatches(in tokens: [Token], text: [UInt8]? = nil) -> [Match] {
        allMatches(in: tokens, range: 0..<tokens.count, text: text)
    }

    public func allMatches(in tokens: [Token], range: Range<Int>, text: [UInt8]? = nil) -> [Match] {
        var out: [Match] = []
        for i in range {
            let id = Int(tokens[i].id)
            guard id > 0, id < firstEntry.count else { continue }
            var e = firstEntry[id]
            while e >= 0 {
                if let end = matchEnd(e, tokens, at: i, limit: range.upperBound, text: text) {
                    out.append(Match(value: values[e], start: i, end: end))
                }
                e = nextEntry[e]
            }
        }
        return out
    }

    /// Leftmost-longest matches that do not overlap.
    public func matches(in tokens: [Token], text: [UInt8]? = nil) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            if let m = match(at: i, in: tokens, text: text) {
                out.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The longest phrase starting exactly at token i.
    @inline(__always)
    public func match(at i: Int, in tokens: [Token], text: [UInt8]? = nil) -> Match? {
        guard i < tokens.count else { return nil }
        let id = Int(tokens[i].id)
        guard id > 0, id < firstEntry.count else { return nil }
        var e = firstEntry[id]
        while e >= 0 {
            if let end = matchEnd(e, tokens, at: i, limit: tokens.count, text: text) {
                return Match(value: values[e], start: i, end: end)
            }
            e = nextEntry[e]
        }
        return nil
    }

    /// Where entry `index` ends when it matches at token i.
    @inline(__always)
    private func matchEnd(_ index: Int, _ tokens: [Token], at i: Int, limit: Int, text: [UInt8]?) -> Int? {
        let n = wordCounts[index]
        let start = wordStarts[index]
        if anyGap, pool[start..<(start + n)].contains(Self.gap) {
            return gapMatchEnd(start + 1, start + n, tokens, at: i + 1, limit: limit)
        }
        guard i + n <= limit else { return nil }
        var k = 1
        while k < n {
            if tokens[i + k].id != pool[start + k] { return nil }
            k += 1
        }
        if anyCased, let forms = cased[index] {
            guard let text else { return nil }
            for k in 0..<forms.count {
                let t = tokens[i + k]
                if String(decoding: text[t.start..<t.end], as: UTF8.self) != forms[k] { return nil }
            }
        }
        return i + n
    }

    /// Matches pool words [p, end) from token t on, a gap skipping up to `gapWords` tokens
    /// (the fewest that let the rest match).
    private func gapMatchEnd(_ p: Int, _ end: Int, _ tokens: [Token], at t: Int, limit: Int) -> Int? {
        if p == end { return t }
        if pool[p] == Self.gap {
            for skip in 0...Self.gapWords where t + skip < limit {
                if let e = gapMatchEnd(p + 1, end, tokens, at: t + skip, limit: limit) { return e }
            }
            return nil
        }
        guard t < limit, tokens[t].id == pool[p] else { return nil }
        return gapMatchEnd(p + 1, end, tokens, at: t + 1, limit: limit)
    }
}
