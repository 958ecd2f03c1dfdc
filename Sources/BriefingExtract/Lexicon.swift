/// Word ids for rule matching. Every word of every rule phrase gets an id when the
/// configuration is compiled; each readout word is looked up once, and all matchers then
/// compare integers and index arrays instead of hashing strings again and again.
/// Mutated only while the extractor is being built (on one thread), read-only after.
public final class Lexicon: @unchecked Sendable {
    /// Folded word -> id; "" is 0, the id of every word no rule mentions.
    private var ids: [String: Int32] = ["": 0]

    public init() {}

    /// The id of a folded word, adding it if new. Only while building.
    public func intern(_ w: String) -> Int32 {
        if let id = ids[w] { return id }
        let id = Int32(ids.count)
        ids[w] = id
        return id
    }

    /// The id of a folded word, or 0 when no rule mentions it.
    public func lookup(_ w: String) -> Int32 { ids[w] ?? 0 }

    public var count: Int { ids.count }

    /// Tokens of a text with their ids filled in.
    public func tokens(_ text: String) -> [Token] {
        var b = Array(text.utf8)
        return tokens(&b)
    }

    public func tokens(_ bytes: inout [UInt8]) -> [Token] {
        var toks = Tokenizer.tokens(&bytes)
        // One read of the table for the sentence: each read of a class's stored property is an
        // exclusivity check, and this loop runs for every word of every readout.
        let ids = self.ids
        for i in toks.indices { toks[i].id = ids[toks[i].norm] ?? 0 }
        return toks
    }

    /// Ids of a phrase's words, interning them.
    func internPhrase(_ phrase: String) -> [Token] {
        var toks = Tokenizer.tokens(phrase)
        for i in toks.indices { toks[i].id = intern(toks[i].norm) }
        return toks
    }
}

/// A set of words (by folded form) as a bit table over lexicon ids.
public struct WordSet: Sendable {
    private var bits: [Bool] = []

    public init(_ words: [String], lexicon: Lexicon) {
        for w in words { insert(lexicon.intern(Tokenizer.fold(w.lowercased()))) }
    }

    mutating func insert(_ id: Int32) {
        let i = Int(id)
        if i >= bits.count { bits += Array(repeating: false, count: i - bits.count + 1) }
        bits[i] = true
    }

    @inline(__always)
    public func contains(_ t: Token) -> Bool {
        let i = Int(t.id)
        return i > 0 && i < bits.count && bits[i]
    }
}
