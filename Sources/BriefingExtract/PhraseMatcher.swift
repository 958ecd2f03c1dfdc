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

    private struct Entry: Sendable {
        /// Range of this phrase's words in `pool`.
        var wordStart: Int
        var wordCount: Int
        /// Exact written forms when case-sensitive.
        var cased: [String]?
        var value: Value
    }

    private var entries: [Entry] = []
    private var pool: [Int32] = []
    /// Entry indexes by the lexicon id of their first word, longest phrase first.
    private var byFirst: [[Int]] = []
    public var count: Int { entries.count }
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Adds a phrase. Empty phrases are ignored.
    public mutating func add(_ phrase: String, _ value: Value, caseSensitive: Bool = false) {
        let toks = lexicon.internPhrase(phrase)
        guard let first = toks.first else { return }
        let bytes = Array(phrase.utf8)
        let cased = caseSensitive ? toks.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } : nil
        let i = Int(first.id)
        if i >= byFirst.count { byFirst += Array(repeating: [], count: i - byFirst.count + 1) }
        entries.append(Entry(wordStart: pool.count, wordCount: toks.count, cased: cased, value: value))
        pool += toks.map(\.id)
        byFirst[i].append(entries.count - 1)
        let e = entries
        byFirst[i].sort { e[$0].wordCount > e[$1].wordCount }
    }

    /// Every match, longest at each start position first; overlapping matches are all returned.
    public func allMatches(in tokens: [Token], text: [UInt8]? = nil) -> [Match] {
        allMatches(in: tokens, range: 0..<tokens.count, text: text)
    }

    public func allMatches(in tokens: [Token], range: Range<Int>, text: [UInt8]? = nil) -> [Match] {
        var out: [Match] = []
        for i in range {
            let id = Int(tokens[i].id)
            guard id > 0, id < byFirst.count else { continue }
            for e in byFirst[id] where matches(e, tokens, at: i, limit: range.upperBound, text: text) {
                out.append(Match(value: entries[e].value, start: i, end: i + entries[e].wordCount))
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
        guard id > 0, id < byFirst.count else { return nil }
        for e in byFirst[id] where matches(e, tokens, at: i, limit: tokens.count, text: text) {
            return Match(value: entries[e].value, start: i, end: i + entries[e].wordCount)
        }
        return nil
    }

    @inline(__always)
    private func matches(_ index: Int, _ tokens: [Token], at i: Int, limit: Int, text: [UInt8]?) -> Bool {
        let e = entries[index]
        guard i + e.wordCount <= limit else { return false }
        var k = 1
        while k < e.wordCount {
            if tokens[i + k].id != pool[e.wordStart + k] { return false }
            k += 1
        }
        if let cased = e.cased {
            guard let text else { return false }
            for k in 0..<cased.count {
                let t = tokens[i + k]
                if String(decoding: text[t.start..<t.end], as: UTF8.self) != cased[k] { return false }
            }
        }
        return true
    }
}
