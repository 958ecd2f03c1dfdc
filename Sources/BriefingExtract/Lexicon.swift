import Foundation

/// Word ids for rule matching. Every word of every rule phrase gets an id when the
/// configuration is compiled; each readout word is looked up once, and all matchers then
/// compare integers and index arrays instead of hashing strings again and again.
/// Mutated only while the extractor is being built (on one thread), read-only after.
public final class Lexicon: @unchecked Sendable {
    private var ids: [String: Int32] = ["": 0]
    private var ascii = ASCIITable()

    public init() { ascii.insert(Array("".utf8), id: 0) }

    /// The id of a folded word, adding it if new. Only while building.
    public func intern(_ w: String) -> Int32 {
        if let id = ids[w] { return id }
        let id = Int32(ids.count)
        ids[w] = id
        if w.utf8.allSatisfy({ $0 < 0x80 }) {
            ascii.insert(Array(w.utf8), id: id)
        } else {
            // A non-ASCII word can still equal an ASCII one (a Kelvin sign is a "K"): Swift
            // compares strings by canonical equivalence, so file it under its composed form.
            let composed = w.precomposedStringWithCanonicalMapping
            if composed.utf8.allSatisfy({ $0 < 0x80 }) { ascii.insert(Array(composed.utf8), id: id) }
        }
        return id
    }

    /// The id of a folded word, or 0 when no rule mentions it.
    @inline(__always)
    public func lookup(_ w: String) -> Int32 {
        var w = w
        if let id = w.withUTF8({ ascii.id(of: $0) }) { return id }
        return ids[w] ?? 0
    }

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
        let table = ascii
        for i in toks.indices {
            // The id of `norm`, found from `lower`'s bytes and where the fold cuts them, without
            // building the folded String; a word that is not ASCII goes the way `lookup` does.
            var w = toks[i].lower
            let id = w.withUTF8 { u -> Int32? in
                let cut = Tokenizer.foldCut(u)
                return table.id(of: UnsafeBufferPointer(rebasing: u[0..<cut.keep]), then: cut.addY ? 0x79 : nil)
            }
            toks[i].id = id ?? lookup(toks[i].norm)
        }
        return toks
    }

    /// Ids of a phrase's words, interning them.
    func internPhrase(_ phrase: String) -> [Token] {
        var toks = Tokenizer.tokens(phrase)
        for i in toks.indices { toks[i].id = intern(toks[i].norm) }
        return toks
    }
}

/// The lexicon's ASCII words in an open-addressing table keyed by their bytes (FNV-1a). Every
/// readout word is looked up, nearly all are ASCII, and String hashing (SipHash over
/// normalised text) is several times slower. Two ASCII strings are equal exactly when their
/// bytes are, so this answers as the lexicon's dictionary would; other words go to that.
private struct ASCIITable {
    /// Per slot: the word's hash in the high half, its entry + 1 in the low half, 0 when empty.
    /// Most readout words are in no rule: kept at most a quarter full, with the hash beside
    /// the entry, such a lookup ends at the first or second slot without reading any key.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyCount: [Int] = []
    private var keyID: [Int32] = []

    private static func hash(_ u: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in u { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The id of the ASCII word `u` (followed by the byte `last`, if given), 0 when unknown,
    /// or nil when the word is not ASCII.
    func id(of u: UnsafeBufferPointer<UInt8>, then last: UInt8? = nil) -> Int32? {
        var h: UInt32 = 2_166_136_261
        for b in u {
            if b >= 0x80 { return nil }
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        if let last { h = (h ^ UInt32(last)) &* 16_777_619 }
        let count = u.count + (last == nil ? 0 : 1)
        let mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { return 0 }
            if UInt32(truncatingIfNeeded: slot >> 32) == h {
                let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if keyCount[e] == count {
                    let start = keyStart[e]
                    var same = true
                    for k in 0..<u.count where keyBytes[start + k] != u[k] { same = false; break }
                    if same, let last, keyBytes[start + u.count] != last { same = false }
                    if same { return keyID[e] }
                }
            }
            s = (s + 1) & mask
        }
    }

    mutating func insert(_ bytes: [UInt8], id: Int32) {
        keyStart.append(keyBytes.count)
        keyCount.append(bytes.count)
        keyID.append(id)
        keyBytes += bytes
        if keyID.count * 4 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for e in keyID.indices { place(e) }
        } else {
            place(keyID.count - 1)
        }
    }

    private mutating func place(_ e: Int) {
        let h = keyBytes.withUnsafeBufferPointer { b in
            ASCIITable.hash(UnsafeBufferPointer(rebasing: b[keyStart[e]..<(keyStart[e] + keyCount[e])]))
        }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = UInt64(h) << 32 | UInt64(e + 1)
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
