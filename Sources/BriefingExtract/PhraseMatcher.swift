/// Finds rule phrases in a token sequence: a dictionary from a phrase's first word to the
/// phrases starting with it, longest first. Phrases are compared on folded words, so case and
/// plurals do not matter, unless the phrase was added as case-sensitive.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    public struct Match: Sendable {
        public var value: Value
        /// Token range [start, end).
        public var start: Int
        public var end: Int
    }

    private struct Entry: Sendable {
        var words: [String]
        /// Exact written forms when case-sensitive.
        var cased: [String]?
        var value: Value
    }

    private var byFirst: [String: [Entry]] = [:]
    public private(set) var count = 0

    public init() {}

    /// Adds a phrase. Empty phrases are ignored.
    public mutating func add(_ phrase: String, _ value: Value, caseSensitive: Bool = false) {
        let toks = Tokenizer.tokens(phrase)
        guard let first = toks.first else { return }
        let bytes = Array(phrase.utf8)
        let cased = caseSensitive ? toks.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } : nil
        byFirst[first.norm, default: []].append(Entry(words: toks.map(\.norm), cased: cased, value: value))
        byFirst[first.norm]!.sort { $0.words.count > $1.words.count }
        count += 1
    }

    /// Every match, longest at each start position first; overlapping matches are all returned.
    public func allMatches(in tokens: [Token], text: [UInt8]? = nil) -> [Match] {
        var out: [Match] = []
        for i in tokens.indices {
            guard let entries = byFirst[tokens[i].norm] else { continue }
            for e in entries where matches(e, tokens, at: i, text: text) {
                out.append(Match(value: e.value, start: i, end: i + e.words.count))
            }
        }
        return out
    }

    /// Leftmost-longest matches that do not overlap.
    public func matches(in tokens: [Token], text: [UInt8]? = nil) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            if let entries = byFirst[tokens[i].norm],
               let e = entries.first(where: { matches($0, tokens, at: i, text: text) }) {
                out.append(Match(value: e.value, start: i, end: i + e.words.count))
                i += e.words.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// The longest phrase starting exactly at token i.
    public func match(at i: Int, in tokens: [Token], text: [UInt8]? = nil) -> Match? {
        guard i < tokens.count, let entries = byFirst[tokens[i].norm],
              let e = entries.first(where: { matches($0, tokens, at: i, text: text) }) else { return nil }
        return Match(value: e.value, start: i, end: i + e.words.count)
    }

    private func matches(_ e: Entry, _ tokens: [Token], at i: Int, text: [UInt8]?) -> Bool {
        guard i + e.words.count <= tokens.count else { return false }
        for k in 1..<max(1, e.words.count) where tokens[i + k].norm != e.words[k] { return false }
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
