import BriefingModel
import Foundation

/// Where reading stopped and why; `path` is the keys down to the value ("meetings.date_source").
struct JSONPullError: Error, CustomStringConvertible {
    let offset: Int
    let what: String
    var path = ""

    init(offset: Int, what: String) {
        self.offset = offset
        self.what = what
    }

    /// The same error seen from the record holding `key`.
    func inside(_ key: StaticString) -> JSONPullError {
        var e = self
        e.path = path.isEmpty ? key.description : "\(key).\(path)"
        return e
    }

    var description: String { path.isEmpty ? what : "\(path): \(what)" }
}

/// An object key as it stands in the bytes; `switch key { case "file": ... }` compares bytes.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Set only for a key with escapes.
    let decoded: String?
    /// Its first eight bytes (fewer, zero-padded, for a shorter key), for `KeyPattern`.
    var head: UInt64 = 0

    var string: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    /// The first `min(count, 8)` bytes at `p` as a little-endian word; `readable` says how many
    /// bytes from `p` may be read.
    @inline(__always)
    static func head(_ p: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let w = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
            return count >= 8 ? w : w & ((1 << UInt64(count * 8)) &- 1)
        }
        var w: UInt64 = 0
        for k in 0..<min(count, 8) { w |= UInt64(p[k]) << UInt64(k * 8) }
        return w
    }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        if let d = key.decoded { return d == pattern.description }
        let n = pattern.utf8CodeUnitCount
        guard n == key.bytes.count else { return false }
        return n == 0 || memcmp(pattern.utf8Start, key.bytes.baseAddress!, n) == 0
    }
}

/// A pull parser over UTF-8 bytes with typed reads, for the analysis shape only.
struct JSONPull {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var full = true
    /// Told each stretch of bytes a parallel read has turned into values (`MappedFile.release`).
    var release: (@Sendable (Range<Int>) -> Void)?
    /// Objects and arrays open around the position: a file nested deeper than any analysis is
    /// refused rather than recursed into until the stack runs out.
    var depth = 0
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    func fail(_ what: String) -> JSONPullError { JSONPullError(offset: i, what: what) }

    mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    @inline(__always)
    mutating func expect(_ c: UInt8) throws {
        // What this project writes has no space before most tokens.
        if i < b.count, b[i] == c {
            i += 1
            return
        }
        try expectAfterSpace(c)
    }

    mutating func expectAfterSpace(_ c: UInt8) throws {
        ws()
        guard i < b.count, b[i] == c else { throw fail("expected \(Character(UnicodeScalar(c)))") }
        i += 1
    }

    /// True (and consumed) when the next value is null.
    mutating func null() -> Bool {
        ws()
        return literal("null")
    }

    /// True (and consumed) when the bytes at the position are `word`.
    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    /// Calls `body` with each key of an object, positioned at its value.
    mutating func object(_ body: (inout JSONPull, JSONKey) throws -> Void) throws {
        try expect(0x7B)
        try enter()
        defer { depth -= 1 }
        ws()
        if i < b.count, b[i] == 0x7D { i += 1; return }
        while true {
            let key = try self.key()
            try expect(0x3A)
            try body(&self, key)
            ws()
            guard i < b.count else { throw fail("unterminated object") }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return }
            throw fail("expected , or }")
        }
    }

    mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
    }

    mutating func array<T>(_ element: (inout JSONPull) throws -> T) throws -> [T] {
        try expect(0x5B)
        try enter()
        defer { depth -= 1 }
        var out: [T] = []
        ws()
        if i < b.count, b[i] == 0x5D { i += 1; return out }
        while true {
            out.append(try element(&self))
            ws()
            guard i < b.count else { throw fail("unterminated array") }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; return out }
            throw fail("expected , or ]")
        }
    }

    /// An object's key, matched against literals in place (no String is made for it unless it
    /// has escapes).
    @inline(__always)
    mutating func key() throws -> JSONKey {
        if let r = try plainString() {
            let at = b.baseAddress! + r.lowerBound
            return JSONKey(bytes: UnsafeBufferPointer(start: at, count: r.count), decoded: nil,
                           head: JSONKey.head(at, count: r.count, readable: b.count - r.lowerBound))
        }
        return JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), decoded: try string())
    }

    /// At a string's opening quote: when the string has no escapes, its bytes' range, with the
    /// position moved past its closing quote; otherwise nil, the position unchanged.
    mutating func plainString() throws -> Range<Int>? {
        try expect(0x22)
        let start = i
        // Eight bytes at a time up to the word holding a quote or a backslash, then byte by byte.
        if let base = b.baseAddress {
            while i + 8 <= b.count, !Self.hasQuoteOrBackslash(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        }
        while i < b.count, b[i] != 0x22, b[i] != 0x5C { i += 1 }
        guard i < b.count else { throw fail("unterminated string") }
        guard b[i] == 0x22 else {
            i = start - 1
            return nil
        }
        i += 1
        return start..<(i - 1)
    }

    /// Whether any of eight bytes is a quote or a backslash (exact for "any").
    @inline(__always)
    static func hasQuoteOrBackslash(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    mutating func string() throws -> String {
        if let r = try plainString() { return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        try expect(0x22)
        let start = i
        while b[i] != 0x5C { i += 1 }
        var bytes = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c != 0x5C { bytes.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            switch e {
            case 0x6E: bytes.append(0x0A)
            case 0x74: bytes.append(0x09)
            case 0x72: bytes.append(0x0D)
            case 0x62: bytes.append(0x08)
            case 0x66: bytes.append(0x0C)
            case 0x75:
                var scalar = try hex4()
                // A high surrogate pairs only with a low one that follows; anything else is
                // U+FFFD, as JSONDecoder reads it, and what follows is read on its own.
                if (0xD800..<0xDC00).contains(scalar), i + 5 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                    let at = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = at
                    }
                }
                bytes.append(contentsOf: Array(String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8))
            default: bytes.append(e)
            }
        }
        throw fail("unterminated string")
    }

    /// Index of the quote that closes a string whose content starts at `j` (SIMD memchr for the
    /// quote, then a look back for escaping backslashes).
    func closingQuote(from j: Int) -> Int? {
        var j = j
        guard let base = b.baseAddress else { return nil }
        while j < b.count {
            guard let hit = memchr(base + j, 0x22, b.count - j) else { return nil }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while q - backslashes - 1 >= j, b[q - backslashes - 1] == 0x5C { backslashes += 1 }
            if backslashes % 2 == 0 { return q }
            j = q + 1
        }
        return nil
    }

    /// Steps over a string without building it.
    mutating func skipString() throws {
        try expect(0x22)
        guard let q = closingQuote(from: i) else { throw fail("unterminated string") }
        i = q + 1
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw fail("bad \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            i += 1
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("bad \\u escape")
            }
            v = v * 16 + d
        }
        return v
    }

    mutating func optionalString() throws -> String? { null() ? nil : try string() }

    mutating func int() throws -> Int {
        ws()
        var neg = false
        if i < b.count, b[i] == 0x2D { neg = true; i += 1 }
        let start = i
        // Accumulated negative, so that -9223372036854775808 fits; a number that does not fit
        // an Int is refused rather than wrapped (its negation would trap).
        var v = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            let (tens, o1) = v.multipliedReportingOverflow(by: 10)
            let (next, o2) = tens.subtractingReportingOverflow(Int(b[i] - 0x30))
            guard !o1, !o2 else { throw fail("a number out of range") }
            v = next
            i += 1
        }
        guard i > start else { throw fail("expected a number") }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { throw fail("expected a whole number") }
        if neg { return v }
        guard v != .min else { throw fail("a number out of range") }
        return -v
    }

    mutating func optionalInt() throws -> Int? { null() ? nil : try int() }

    mutating func bool() throws -> Bool {
        ws()
        if literal("true") { return true }
        if literal("false") { return false }
        throw fail("expected true or false")
    }

    mutating func day() throws -> CalendarDay? {
        if null() { return nil }
        // Fast path for "YYYY-MM-DD" (no allocation); anything else goes through CalendarDay(iso:).
        if i + 11 < b.count, b[i] == 0x22, b[i + 11] == 0x22, b[i + 5] == 0x2D, b[i + 8] == 0x2D {
            func digits(_ from: Int, _ n: Int) -> Int? {
                var v = 0
                for k in from..<(from + n) {
                    let c = b[k]
                    guard c >= 0x30, c <= 0x39 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return v
            }
            if let y = digits(i + 1, 4), let m = digits(i + 6, 2), let d = digits(i + 9, 2),
               let day = CalendarDay(year: y, month: m, day: d) {
                i += 12
                return day
            }
        }
        let s = try string()
        guard let d = CalendarDay(iso: s) else { throw fail("not an ISO date: \(s)") }
        return d
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// Skips any value.
    /// Skips an object or array by its brackets, jumping strings with `closingQuote`: what a
    /// read leaves unread (a lean read's statements) is checked for balance, bracket kinds and
    /// depth, not parsed value by value (parsing them would be most of a large export's read).
    mutating func skipContainer() throws {
        // The open brackets as bits (set: an array), as deep as `maxDepth` allows: no allocation.
        var arrays: UInt64 = 0
        var open = 0
        while i < b.count {
            switch b[i] {
            case 0x22:
                guard let q = closingQuote(from: i + 1) else { throw fail("unterminated string") }
                i = q + 1
                continue
            case 0x7B, 0x5B:
                guard depth + open < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
                if b[i] == 0x5B { arrays |= 1 << open } else { arrays &= ~(1 << open) }
                open += 1
            case 0x7D, 0x5D:
                guard open > 0, (arrays >> (open - 1)) & 1 == (b[i] == 0x5D ? 1 : 0) else {
                    throw fail(b[i] == 0x7D ? "expected , or ]" : "expected , or }")
                }
                open -= 1
                if open == 0 { i += 1; return }
            default: break
            }
            i += 1
        }
        throw fail(open > 0 && (arrays >> (open - 1)) & 1 == 0 ? "unterminated object" : "unterminated array")
    }

    mutating func skip() throws {
        ws()
        guard i < b.count else { throw fail("unexpected end") }
        switch b[i] {
        case 0x7B, 0x5B: try skipContainer()
        case 0x22: try skipString()
        default:
            while i < b.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
        }
    }
}
