/// Characters as Swift groups them, read straight from UTF-8 bytes: a base scalar and the
/// scalars that continue it (combining marks, variation selectors, a zero-width joiner, LF
/// after CR). The line classifier's checks walk a line's bytes once with these, so a plain
/// ASCII line costs a byte compare a byte, and a decomposed "é" still counts as one letter.
enum UTF8Characters {
    /// The scalar that starts at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c = u[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        guard i + len <= u.count else { return (Unicode.Scalar(0xFFFD)!, 1) }
        var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len { v = v << 6 | UInt32(u[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? Unicode.Scalar(0xFFFD)!, len)
    }

    /// Whether the scalar at byte `i` continues the character before it; false at the end.
    @inline(__always)
    static func continues(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < u.count else { return false }
        let c = u[i]
        if c < 0x80 { return c == 0x0A && i > 0 && u[i - 1] == 0x0D }
        let s = scalar(u, i).0
        let p = s.properties
        return p.isGraphemeExtend || p.generalCategory == .spacingMark || s.value == 0x200D
    }

    /// The byte after the character that starts at byte `i`.
    @inline(__always)
    static func characterEnd(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i + scalar(u, i).1
        while continues(u, at: j) { j += scalar(u, j).1 }
        return j
    }

    /// Whether `u` starts with the bytes of `p` and a character ends there.
    static func hasPrefix(_ u: UnsafeBufferPointer<UInt8>, _ p: StaticString) -> Bool {
        let k = p.utf8CodeUnitCount
        guard u.count >= k else { return false }
        for i in 0..<k where u[i] != p.utf8Start[i] { return false }
        return !continues(u, at: k)
    }

    /// Whether `u` ends with the bytes of `p`, which starts with a scalar that starts a character.
    static func hasSuffix(_ u: UnsafeBufferPointer<UInt8>, _ p: StaticString) -> Bool {
        let k = p.utf8CodeUnitCount
        guard u.count >= k else { return false }
        for i in 0..<k where u[u.count - k + i] != p.utf8Start[i] { return false }
        return true
    }

    /// Byte search (Foundation's `contains` is slow on Linux, and the rules' needles are ASCII).
    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let k = needle.utf8CodeUnitCount
        guard h.count >= k else { return false }
        let p = needle.utf8Start
        outer: for i in 0...(h.count - k) {
            for j in 0..<k where h[i + j] != p[j] { continue outer }
            return true
        }
        return false
    }
}
