import CCairo

/// A zlib stream (RFC 1950 around one fixed-Huffman deflate block, RFC 1951) for a chart's
/// filtered PNG rows.
///
/// A chart is mostly white and its bars are flat colour, so after the Sub filter 93 to 97% of
/// its bytes are zero and about half its rows repeat the row above. zlib's fastest level still
/// spends 3 to 5 ns on every byte (8-byte matches, a hash insert per match, the window slide),
/// about 5 ms for a 1280-pixel-wide chart: more than drawing it. This encoder looks for only
/// the two repeats an image has, a run of the previous byte (distance 1) and the same bytes
/// one row up (distance `rowBytes`), compares eight bytes at a time, and writes every other
/// byte as a literal with deflate's fixed codes. The file is about twice zlib's size (still
/// tens of kilobytes) and any inflater reads it; the tests inflate it with zlib.
enum ImageDeflate {
    /// The zlib stream of `data`, rows of `rowBytes` bytes each.
    static func zlib(_ data: UnsafeBufferPointer<UInt8>, rowBytes: Int) -> [UInt8] {
        let n = data.count
        // Worst case every byte is a 9-bit literal.
        let capacity = n + n / 8 + 64
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var bits = BitSink(out.baseAddress!)
            bits.byte(0x78) // deflate, 32 KB window
            bits.byte(0x01) // fastest; (0x78 << 8 | 0x01) is a multiple of 31
            bits.put(0b011, 3) // BFINAL = 1, BTYPE = 01 (fixed Huffman), low bit first
            if let base = data.baseAddress, n > 0 {
                encode(base, n, rowBytes: rowBytes, into: &bits)
            }
            bits.put(UInt64(Codes.shared.literal[256].bits), Int(Codes.shared.literal[256].count))
            bits.flushToByte()
            let adler = data.isEmpty ? 1 : UInt32(adler32(1, data.baseAddress, uInt(n)))
            for shift in [24, 16, 8, 0] { bits.byte(UInt8(truncatingIfNeeded: adler >> UInt32(shift))) }
            count = bits.written
            precondition(count <= capacity)
        }
    }

    private static func encode(_ p: UnsafePointer<UInt8>, _ n: Int, rowBytes: Int, into bits: inout BitSink) {
        let codes = Codes.shared
        let up = rowBytes >= 3 && rowBytes <= 32768 ? rowBytes : 0 // deflate reaches back 32 KB
        let upDistance: (bits: UInt64, count: Int) = up > 0 ? codes.distance(up) : (0, 0)
        var i = 0
        while i < n {
            let limit = min(258, n - i)
            var length = 0, fromUp = false
            if i >= 1, limit >= 3 {
                length = matchLength(p + i, p + i - 1, limit)
            }
            if up > 0, i >= up, length < limit, limit >= 3 {
                let l = matchLength(p + i, p + i - up, limit)
                if l > length { length = l; fromUp = true }
            }
            if length >= 3 {
                let l = codes.length[length]
                bits.put(UInt64(l.bits), Int(l.count))
                if fromUp { bits.put(upDistance.bits, upDistance.count) } else { bits.put(0, 5) } // distance 1: code 0
                i += length
            } else {
                let c = codes.literal[Int(p[i])]
                bits.put(UInt64(c.bits), Int(c.count))
                i += 1
            }
        }
    }

    /// How many of the first `limit` bytes at `a` equal those at `b`, eight at a time. The
    /// ranges may overlap (`b` = `a` - 1 is a run).
    @inline(__always)
    private static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
        var k = 0
        while k + 8 <= limit {
            let x = UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self)
            if x != y { return k + (UInt64(littleEndian: x) ^ UInt64(littleEndian: y)).trailingZeroBitCount / 8 }
            k += 8
        }
        while k < limit, a[k] == b[k] { k += 1 }
        return k
    }

    /// Deflate's fixed codes (RFC 1951, 3.2.6), bit-reversed for the low-bit-first stream.
    struct Codes: Sendable {
        struct Code: Sendable { var bits: UInt32; var count: UInt8 }
        /// Literal/length symbols 0...287.
        let literal: [Code]
        /// Lengths 3...258: the length symbol's code followed by its extra bits.
        let length: [Code]

        static let shared = Codes()

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                   1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                    12, 13, 13]

        init() {
            func reversed(_ code: Int, _ count: Int) -> UInt32 {
                var r: UInt32 = 0
                for b in 0..<count where code >> b & 1 == 1 { r |= 1 << UInt32(count - 1 - b) }
                return r
            }
            var literal: [Code] = []
            for s in 0...287 {
                let (code, count): (Int, Int)
                switch s {
                case 0...143: (code, count) = (0x30 + s, 8)
                case 144...255: (code, count) = (0x190 + s - 144, 9)
                case 256...279: (code, count) = (s - 256, 7)
                default: (code, count) = (0xC0 + s - 280, 8)
                }
                literal.append(Code(bits: reversed(code, count), count: UInt8(count)))
            }
            var length = [Code](repeating: Code(bits: 0, count: 0), count: 259)
            for l in 3...258 {
                let k = l == 258 ? 28 : Self.lengthBase.lastIndex { $0 <= l }!
                let symbol = literal[257 + k]
                let extra = Self.lengthExtra[k]
                length[l] = Code(bits: symbol.bits | UInt32(l - Self.lengthBase[k]) << UInt32(symbol.count),
                                 count: symbol.count + UInt8(extra))
            }
            self.literal = literal
            self.length = length
        }

        /// A distance's 5-bit code and extra bits.
        func distance(_ d: Int) -> (bits: UInt64, count: Int) {
            let k = Self.distanceBase.lastIndex { $0 <= d }!
            let code = UInt64(reversedFive(k))
            return (code | UInt64(d - Self.distanceBase[k]) << 5, 5 + Self.distanceExtra[k])
        }

        private func reversedFive(_ v: Int) -> Int {
            var r = 0
            for b in 0..<5 where v >> b & 1 == 1 { r |= 1 << (4 - b) }
            return r
        }
    }

    /// Bits into a byte buffer, low bit first; at most 32 bits a call.
    struct BitSink {
        let out: UnsafeMutablePointer<UInt8>
        var written = 0
        var acc: UInt64 = 0
        var pending = 0

        init(_ out: UnsafeMutablePointer<UInt8>) { self.out = out }

        @inline(__always)
        mutating func put(_ value: UInt64, _ count: Int) {
            if pending >= 32 {
                UnsafeMutableRawPointer(out + written).storeBytes(of: UInt32(truncatingIfNeeded: acc).littleEndian, as: UInt32.self)
                written += 4
                acc >>= 32
                pending -= 32
            }
            acc |= value << UInt64(pending)
            pending += count
        }

        mutating func flushToByte() {
            while pending > 0 {
                out[written] = UInt8(truncatingIfNeeded: acc)
                written += 1
                acc >>= 8
                pending -= 8
            }
            pending = 0
            acc = 0
        }

        mutating func byte(_ b: UInt8) {
            precondition(pending == 0)
            out[written] = b
            written += 1
        }
    }
}
