import BriefingModel

/// JSON written straight into bytes: the values of the analysis file, each kind once. What is
/// written where comes from the key table (`AnalysisFields`); this only knows JSON.
final class JSONWriter {
    // A plain growable byte buffer: appending a byte is a store, not an Array append with its
    // uniqueness and capacity checks (this runs for every byte of a 175 MB export).
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What was written, as an array (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// What was written, in place.
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the buffer; one grown past `limit` bytes is let go first.
    func reset(shrinkingPast limit: Int = .max) {
        count = 0
        if capacity > limit {
            base.deallocate()
            capacity = max(64, limit / 4)
            base = .allocate(capacity: capacity)
        }
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let from = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (base + count).update(from: from, count: buffer.count)
        count += buffer.count
    }

    // MARK: values

    func raw(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// A JSON string of valid UTF-8 bytes.
    func string(utf8: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        // Runs that need no escaping are copied whole. Nearly every byte of the export passes
        // here and almost none needs escaping: eight at a time are checked with word arithmetic.
        var run = 0
        var i = 0
        let n = utf8.count
        while i < n {
            if i + 8 <= n, let base = utf8.baseAddress,
               !Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = utf8[i]
            if c < 0x20 || c == 0x22 || c == 0x5C {
                if run < i { append(UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                escape(c)
                run = i + 1
            }
            i += 1
        }
        if run < n { append(UnsafeBufferPointer(rebasing: utf8[run...])) }
        byte(0x22)
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash (exact for
    /// "any"; the bytes are then looked at one by one).
    @inline(__always)
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let control = (w &- ones &* 0x20) & ~w & highs != 0
        return control || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    private func escape(_ c: UInt8) {
        switch c {
        case 0x22: byte(0x5C); byte(0x22)
        case 0x5C: byte(0x5C); byte(0x5C)
        case 0x0A: byte(0x5C); byte(0x6E)
        case 0x0D: byte(0x5C); byte(0x72)
        case 0x09: byte(0x5C); byte(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            let h = hex.utf8Start
            for b in [0x5C, 0x75, 0x30, 0x30, h[Int(c >> 4)], h[Int(c & 0xF)]] { byte(b) }
        }
    }

    func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    func int(_ v: Int) {
        if v < 0 { byte(0x2D) }
        var m = v.magnitude
        if m < 10 { byte(0x30 + UInt8(m)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            while m > 0 {
                k -= 1
                digits[k] = 0x30 + UInt8(m % 10)
                m /= 10
            }
            append(UnsafeBufferPointer(rebasing: digits[k...]))
        }
    }

    func int(_ v: Int?) {
        if let v { int(v) } else { raw("null") }
    }

    func bool(_ v: Bool) { v ? raw("true") : raw("false") }

    func day(_ d: CalendarDay?) { string(d?.description) }

    func strings(_ list: [String]) {
        byte(0x5B)
        for (i, s) in list.enumerated() {
            if i > 0 { byte(0x2C) }
            string(s)
        }
        byte(0x5D)
    }

    func array<T>(_ list: [T], _ each: (JSONWriter, T) -> Void) {
        byte(0x5B)
        for (i, x) in list.enumerated() {
            if i > 0 { byte(0x2C) }
            each(self, x)
        }
        byte(0x5D)
    }

    /// `"key":` preceded by `{` for the first key of an object and `,` otherwise.
    func key(_ k: StaticString, first: Bool = false) {
        byte(first ? 0x7B : 0x2C)
        byte(0x22)
        raw(k)
        byte(0x22)
        byte(0x3A)
    }

    func close() { byte(0x7D) }
}
