/// One word of a sentence: its folded form for rule matching and where it sits in the text.
public struct Token: Hashable, Sendable {
    /// Lower-cased, possessive dropped, plural folded ("launches" -> "launch"); abbreviations
    /// keep their dots ("u.n.", "a.m.").
    /// Computed from `lower`, not stored: few rules read it (matchers compare `id`), and a
    /// second String per word made every copy and release of a token twice as dear.
    public var norm: String { Tokenizer.fold(lower) }
    /// Lower-cased only.
    public var lower: String
    /// UTF-8 byte offsets of the word in its sentence.
    public var start: Int
    public var end: Int
    /// First letter upper case ("Trump", "TAKAICHI").
    public var capitalized: Bool
    /// Had a possessive "'s" or trailing apostrophe ("China's", "France's").
    public var possessive: Bool
    /// Punctuation right after the word: "," ";" ":" "(" ")" or 0.
    public var punctuationAfter: UInt8
    /// Lexicon id of `norm`; 0 when no rule mentions the word (or not looked up).
    public var id: Int32 = 0
}

/// Splits text into words: letters and digits, with internal apostrophes and the dots of
/// single-letter abbreviations ("U.N.", "D.C.") kept inside the word. Works over UTF-8 bytes:
/// the readouts are mostly ASCII and this runs on every sentence of every readout.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var bytes = Array(text.utf8)
        return tokens(&bytes)
    }

    static func tokens(_ bytes: inout [UInt8]) -> [Token] {
        // Over the array's buffer: indexing the array itself checked bounds and uniqueness per byte.
        bytes.withUnsafeBufferPointer { tokens(in: $0) }
    }

    private static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 5)
        let n = bytes.count
        var i = 0
        while i < n {
            let (isWord, len) = wordChar(bytes, i)
            if !isWord { i += len; continue }
            let start = i
            var j = i + len
            var possessive = false
            var letterCount = 1
            while j < n {
                let (w, l) = wordChar(bytes, j)
                if w { j += l; letterCount += 1; continue }
                let b = bytes[j]
                // Apostrophe: ASCII ' or U+2019 (E2 80 99).
                let apos = b == 0x27 ? 1 : (b == 0xE2 && j + 2 < n && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x99 ? 3 : 0)
                if apos > 0 {
                    let k = j + apos
                    if k < n, wordChar(bytes, k).0 {
                        // "China's" -> possessive; "don't" stays one word.
                        if (bytes[k] == 0x73 || bytes[k] == 0x53), k + 1 >= n || !wordChar(bytes, k + 1).0 {
                            possessive = true
                            let end = j
                            out.append(make(bytes, start, end, possessive: true, after: punct(bytes, k + 1)))
                            j = k + 1
                            i = j
                            break
                        }
                        j = k
                        continue
                    } else if j > start, bytes[j - 1] == 0x73 || bytes[j - 1] == 0x53 {
                        // "France's" plural possessive.
                        out.append(make(bytes, start, j, possessive: true, after: punct(bytes, k)))
                        possessive = true
                        j = k
                        i = j
                        break
                    }
                    break
                }
                if b == 0x2E, isAbbreviationDot(bytes, start: start, dot: j, letters: letterCount) {
                    j += 1
                    letterCount = 0
                    continue
                }
                break
            }
            if possessive { continue }
            out.append(make(bytes, start, j, possessive: false, after: punct(bytes, j)))
            i = j
        }
        return out
    }

    @inline(__always)
    private static func punct(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        guard i < b.count else { return 0 }
        switch b[i] {
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29: return b[i]
        default: return 0
        }
    }

    /// Single letters joined by dots: "U.N.", "D.C.", "a.m." (dot after a one-letter segment,
    /// and a letter follows or the word already had a dot).
    private static func isAbbreviationDot(_ b: UnsafeBufferPointer<UInt8>, start: Int, dot: Int, letters: Int) -> Bool {
        guard letters == 1, dot > start, isASCIILetter(b[dot - 1]) else { return false }
        let hadDot = dot - start >= 2 && b[dot - 2] == 0x2E
        if hadDot { return true }
        // First dot: need a letter then a dot ("U.S", "a.m").
        guard dot + 2 < b.count, isASCIILetter(b[dot + 1]), b[dot + 2] == 0x2E else { return false }
        return true
    }

    @inline(__always)
    private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Whether the scalar at i is a letter or digit, and its length in bytes.
    @inline(__always)
    private static func wordChar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Bool, Int) {
        let c = b[i]
        if c < 0x80 {
            return (isASCIILetter(c) || (c >= 0x30 && c <= 0x39), 1)
        }
        let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard i + len <= b.count else { return (false, 1) }
        var v: UInt32
        switch len {
        case 2: v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        case 4: v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        default: return (false, 1)
        }
        guard let s = Unicode.Scalar(v) else { return (false, len) }
        return (s.properties.isAlphabetic || s.properties.numericType != nil, len)
    }

    private static func make(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, possessive: Bool, after: UInt8) -> Token {
        let first = b[s]
        var ascii = true
        for i in s..<e where b[i] >= 0x80 { ascii = false; break }
        let cap: Bool
        let lower: String
        if ascii {
            cap = first >= 0x41 && first <= 0x5A
            lower = String(unsafeUninitializedCapacity: e - s) { buf in
                for i in s..<e { let c = b[i]; buf[i - s] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return e - s
            }
        } else {
            let raw = String(decoding: b[s..<e], as: UTF8.self)
            cap = raw.first.map { $0.isUppercase } ?? false
            lower = raw.lowercased()
        }
        return Token(lower: lower, start: s, end: e, capitalized: cap,
                     possessive: possessive, punctuationAfter: after)
    }


    /// Light plural fold so "launches" matches "launch" and "abductees" matches "abductee".
    /// Works on the UTF-8 bytes: it runs on every word of every readout.
    public static func fold(_ w: String) -> String {
        // Most words do not end in "s": nothing to fold, no copy.
        guard w.utf8.count > 3, w.utf8.last == 0x73 else { return w }
        var w = w
        let cut = w.withUTF8 { foldCut($0) }
        if cut.keep == w.utf8.count, !cut.addY { return w }
        return w.withUTF8 { u in String(decoding: u[0..<cut.keep], as: UTF8.self) } + (cut.addY ? "y" : "")
    }

    /// Where `fold` cuts a lower-cased word: the folded word is its first `keep` bytes, then
    /// "y" when `addY`; decided on the bytes, so a word with nothing to fold is not copied.
    @inline(__always)
    static func foldCut(_ u: UnsafeBufferPointer<UInt8>) -> (keep: Int, addY: Bool) {
        let n = u.count
        guard n > 3, u[n - 1] == 0x73, !u.contains(0x2E) else { return (n, false) }
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard n >= k else { return false }
            let p = suffix.utf8Start
            for i in 0..<k where u[n - k + i] != p[i] { return false }
            return true
        }
        if n > 4, ends("ies") { return (n - 3, true) }
        if ends("ches") || ends("shes") || ends("sses") || ends("xes") { return (n - 2, false) }
        if ends("ss") || ends("us") || ends("is") { return (n, false) }
        return (n - 1, false)
    }

    /// Folded words of a rule phrase, tokenized exactly as readout text is.
    public static func phraseWords(_ phrase: String) -> [String] { tokens(phrase).map(\.norm) }
}
