/// Finds rule phrases in a token sequence. Phrases are compared on folded words (lexicon ids),
/// so case and plurals do not matter, unless a phrase was added as case-sensitive. Storage is
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
    public var count: Int { values.count }
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Adds a phrase. Empty phrases are ignored.
    public mutating func add(_ phrase: String, _ value: Value, caseSensitive: Bool = false) {
        let toks = lexicon.internPhrase(phrase)
        guard let first = toks.first else { return }
        let bytes = Array(phrase.utf8)
        let i = Int(first.id)
        if i >= firstEntry.count { firstEntry += Array(repeating: -1, count: i - firstEntry.count + 1) }
        let index = values.count
        cased.append(caseSensitive ? toks.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } : nil)
        if caseSensitive { anyCased = true }
        wordStarts.append(pool.count)
        wordCounts.append(toks.count)
        values.append(value)
        pool += toks.map(\.id)
        // After every entry at least as long: longest first, equal lengths in the order added.
        nextEntry.append(-1)
        if firstEntry[i] < 0 || wordCounts[firstEntry[i]] < toks.count {
            nextEntry[index] = firstEntry[i]
            firstEntry[i] = index
        } else {
            var p = firstEntry[i]
            while nextEntry[p] >= 0, wordCounts[nextEntry[p]] >= toks.count { p = nextEntry[p] }
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
                if matches(e, tokens, at: i, limit: range.upperBound, text: text) {
                    out.append(Match(value: values[e], start: i, end: i + wordCounts[e]))
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
            if matches(e, tokens, at: i, limit: tokens.count, text: text) {
                return Match(value: values[e], start: i, end: i + wordCounts[e])
            }
            e = nextEntry[e]
        }
        return nil
    }

    @inline(__always)
    private func matches(_ index: Int, _ tokens: [Token], at i: Int, limit: Int, text: [UInt8]?) -> Bool {
        let n = wordCounts[index]
        guard i + n <= limit else { return false }
        let start = wordStarts[index]
        var k = 1
        while k < n {
            if tokens[i + k].id != pool[start + k] { return false }
            k += 1
        }
        if anyCased, let forms = cased[index] {
            guard let text else { return false }
            for k in 0..<forms.count {
                let t = tokens[i + k]
                if String(decoding: text[t.start..<t.end], as: UTF8.self) != forms[k] { return false }
            }
        }
        return true
    }
}
