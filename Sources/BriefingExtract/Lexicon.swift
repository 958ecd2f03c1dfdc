import Foundation

/// Word ids for rule matching. Every word of every rule phrase gets an id when the
/// configuration is compiled; each readout word is looked up once, and all matchers then
/// compare integers and index arrays instead of hashing strings again and again.
/// Mutated only while the extractor is being built (on one thread), read-only after.
public final class Lexicon: @unchecked Sendable {
    private var ids: [String: Int32] = ["": 0]
    /// The ASCII spellings of the same words in an open-addressing table keyed by their bytes
    /// (FNV-1a). Every readout word is looked up, nearly all are ASCII, and String hashing
    /// (SipHash over normalised text) is several times slower. Two ASCII strings are equal
    /// exactly when their bytes are, so this answers as `ids` would; other words go to `ids`.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyCount: [Int] = []
    private var keyID: [Int32] = []

    public init() { insertASCII(Array("".utf8), id: 0) }

    /// The id of a folded word, adding it if new. Only while building.
    public func intern(_ w: String) -> Int32 {
        if let id = ids[w] { return id }
        let id = Int32(ids.count)
        ids[w] = id
        if w.utf8.allSatisfy({ $0 < 0x80 }) {
            insertASCII(Array(w.utf8), id: id)
        } else {
            // A non-ASCII word can still equal an ASCII one (a Kelvin sign is a "K"): Swift
            // compares strings by canonical equivalence, so file it under its composed form.
            let composed = w.precomposedStringWithCanonicalMapping
            if composed.utf8.allSatisfy({ $0 < 0x80 }) { insertASCII(Array(composed.utf8), id: id) }
        }
        return id
    }

    /// The id of a folded word, or 0 when no rule mentions it.
    @inline(__always)
    public func lookup(_ w: String) -> Int32 {
        var w = w
        if let id = w.withUTF8({ asciiID($0) }) { return id }
        return ids[w] ?? 0
    }

    private static func hash(_ u: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in u { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The id of an ASCII word (0 when unknown), or nil when the word is not ASCII.
    private func asciiID(_ u: UnsafeBufferPointer<UInt8>) -> Int32? {
        var h: UInt32 = 2_166_136_261
        for b in u {
            if b >= 0x80 { return nil }
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return 0 }
            if keyCount[e] == u.count {
                let start = keyStart[e]
                var same = true
                for k in 0..<u.count where keyBytes[start + k] != u[k] { same = false; break }
                if same { return keyID[e] }
            }
            s = (s + 1) & mask
        }
    }

    private func insertASCII(_ bytes: [UInt8], id: Int32) {
        keyStart.append(keyBytes.count)
        keyCount.append(bytes.count)
        keyID.append(id)
        keyBytes += bytes
        if keyID.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for e in keyID.indices { place(e) }
        } else {
            place(keyID.count - 1)
        }
    }

    private func place(_ e: Int) {
        let h = keyBytes.withUnsafeBufferPointer { b in
            Lexicon.hash(UnsafeBufferPointer(rebasing: b[keyStart[e]..<(keyStart[e] + keyCount[e])]))
        }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }

    public var count: Int { ids.count }

    /// Tokens of a text with their ids filled in.
    public func tokens(_ text: String) -> [Token] {
        var b = Array(text.utf8)
        return tokens(&b)
    }

    public func tokens(_ bytes: inout [UInt8]) -> [Token] {
        var toks = Tokenizer.tokens(&bytes)
        for i in toks.indices { toks[i].id = lookup(toks[i].norm) }
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
