import CCairo

/// A zlib stream (RFC 1950 around deflate blocks with dynamic Huffman codes, RFC 1951) for a
/// chart's filtered PNG rows.
///
/// A chart is mostly white and its bars are flat colour, so after the Sub filter 93 to 97% of
/// its bytes are zero and about half its rows repeat the row above. zlib's fastest level still
/// spends 3 to 5 ns on every byte (8-byte matches, a hash insert per match, the window slide),
/// about 5 ms for a 1280-pixel-wide chart: more than drawing it. This encoder greedily takes
/// the longer of the two repeats an image is made of, a run of the previous byte (distance 1)
/// and the same bytes one row up (distance `rowBytes`), comparing eight bytes at a time. Only
/// where neither reaches four bytes (0.5 to 8% of the bytes: text, markers, dashes) does it
/// look up the same four bytes seen before, through a hash of one position per slot.
///
/// The first pass writes tokens (a literal, or a length and distance) to a buffer and counts
/// the symbols; the second writes them with Huffman codes built for those counts (lengths
/// limited to 15 bits, 7 for the code-length code), or with deflate's fixed codes when those
/// come out smaller (a tiny input). A block holds at most `tokensPerBlock` tokens, so memory
/// stays bounded however large the image. Any inflater reads the stream; the tests inflate it
/// with zlib.
///
/// On the 17 seed charts (31.5 MB of rows): 548 KB in about 27 ms, against 683 KB in about
/// 70 ms from zlib level 1; the four-byte matches give most of the gain over runs and row
/// repeats alone, the dynamic codes the rest. The charts of 10,000 readouts (33 MB of rows):
/// 1.68 MB, against 1.82 MB from zlib level 1.
enum ImageDeflate {
    /// Which codes a block is written with: the smaller of the two (the default), or one
    /// forced, for the tests.
    enum Codes: Sendable { case smallest, fixed, dynamic }

    /// Tokens a block holds: 256 KB of buffer, a couple of blocks for a large chart.
    static let tokensPerBlock = 1 << 16

    /// The zlib stream of `data`, rows of `rowBytes` bytes each.
    static func zlib(_ data: UnsafeBufferPointer<UInt8>, rowBytes: Int) -> [UInt8] {
        zlib(data, rowBytes: rowBytes, codes: .smallest, tokensPerBlock: tokensPerBlock)
    }

    static func zlib(_ data: UnsafeBufferPointer<UInt8>, rowBytes: Int, codes: Codes, tokensPerBlock: Int) -> [UInt8] {
        precondition(tokensPerBlock > 0)
        let n = data.count
        // A block is never longer than with the fixed codes, which spend at most 9 bits a byte
        // (a literal 8 or 9; a match of 3 to 10 bytes at most 7 + 5 + 13 bits, a longer one at
        // most 8 + 5 + 5 + 13); each block adds a 3-bit header and an end-of-block code.
        let capacity = n + n / 8 + 2 * (n / tokensPerBlock + 1) + 64
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var bits = BitSink(out.baseAddress!)
            bits.byte(0x78) // deflate, 32 KB window
            bits.byte(0x01) // fastest; (0x78 << 8 | 0x01) is a multiple of 31
            var tokenizer = Tokenizer(data, rowBytes: rowBytes, capacity: min(n, tokensPerBlock))
            defer { tokenizer.deallocate() }
            repeat {
                tokenizer.next()
                writeBlock(UnsafeBufferPointer(start: tokenizer.tokens, count: tokenizer.count),
                           frequencies: UnsafeBufferPointer(start: tokenizer.frequencies, count: 286 + 30),
                           final: tokenizer.done, codes: codes, into: &bits)
            } while !tokenizer.done
            bits.flushToByte()
            let adler = data.isEmpty ? 1 : UInt32(adler32(1, data.baseAddress, uInt(n)))
            for shift in [24, 16, 8, 0] { bits.byte(UInt8(truncatingIfNeeded: adler >> UInt32(shift))) }
            count = bits.written
            precondition(count <= capacity)
        }
    }

    // MARK: First pass: tokens and counts

    /// A token is a literal byte (below 256) or `matchFlag | distance code << 23 | (length - 3) << 15 | (distance - 1)`.
    static let matchFlag: UInt32 = 1 << 31

    /// Turns the image into tokens, a block at a time, counting each block's symbols.
    struct Tokenizer {
        let p: UnsafePointer<UInt8>?
        let n: Int
        /// The distance one row up, or 0 when a row is too short or too long to reach.
        let up: Int
        let capacity: Int
        /// This block's tokens.
        let tokens: UnsafeMutablePointer<UInt32>
        var count = 0
        /// Counts of the literal/length symbols 0...285, then the distance codes 0...29.
        let frequencies: UnsafeMutablePointer<UInt32>
        /// For a hash of four bytes, the last position + 1 they were looked up at (0: none).
        let head: UnsafeMutablePointer<UInt32>
        static let hashBits = 15
        /// The next byte to tokenize.
        var i = 0
        var done = false

        init(_ data: UnsafeBufferPointer<UInt8>, rowBytes: Int, capacity: Int) {
            precondition(data.count < Int(UInt32.max))
            p = data.baseAddress
            n = data.count
            up = rowBytes >= 3 && rowBytes <= 32768 ? rowBytes : 0 // deflate reaches back 32 KB
            self.capacity = max(1, capacity)
            tokens = .allocate(capacity: self.capacity)
            frequencies = .allocate(capacity: 286 + 30)
            head = .allocate(capacity: 1 << Self.hashBits)
            head.initialize(repeating: 0, count: 1 << Self.hashBits)
        }

        func deallocate() {
            tokens.deallocate()
            frequencies.deallocate()
            head.deallocate()
        }

        /// Tokenizes the next block; `done` once the input is used up.
        mutating func next() {
            frequencies.initialize(repeating: 0, count: 286 + 30)
            frequencies[256] = 1 // end of block
            count = 0
            guard let p else { done = true; return }
            let lengthSymbol = ImageDeflate.lengthSymbol
            while i < n, count < capacity {
                let limit = min(258, n - i)
                var length = 0, distance = 0
                if limit >= 3 {
                    if i >= 1 {
                        length = matchLength(p + i, p + i - 1, limit)
                        distance = 1
                    }
                    if up > 0, i >= up, length < limit {
                        let l = matchLength(p + i, p + i - up, limit)
                        if l > length { length = l; distance = up }
                    }
                    // Neither: the same four bytes seen at a position like this one before
                    // (a glyph drawn again, a marker, a dash), found through a hash.
                    if length < 4, limit >= 4 {
                        let key = UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self)
                        let h = Int((key &* 2_654_435_761) >> UInt32(32 - Self.hashBits))
                        let candidate = Int(head[h]) - 1
                        head[h] = UInt32(truncatingIfNeeded: i + 1)
                        if candidate >= 0, i - candidate <= 32768,
                           UnsafeRawPointer(p + candidate).loadUnaligned(as: UInt32.self) == key {
                            let l = 4 + matchLength(p + i + 4, p + candidate + 4, limit - 4)
                            if l > length { length = l; distance = i - candidate }
                        }
                    }
                }
                if length >= 3 {
                    let code = distanceCode(distance)
                    tokens[count] = matchFlag | UInt32(code) << 23 | UInt32(length - 3) << 15 | UInt32(distance - 1)
                    frequencies[257 + Int(lengthSymbol[length])] += 1
                    frequencies[286 + code] += 1
                    i += length
                } else {
                    let byte = p[i]
                    tokens[count] = UInt32(byte)
                    frequencies[Int(byte)] += 1
                    i += 1
                }
                count += 1
            }
            done = i >= n
        }
    }

    /// How many of the first `limit` bytes at `a` equal those at `b`, eight at a time. The
    /// ranges may overlap (`b` = `a` - 1 is a run).
    @inline(__always)
    static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
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

    /// The distance code (0...29) of a distance 1...32768: two codes an octave.
    @inline(__always)
    static func distanceCode(_ distance: Int) -> Int {
        let x = distance - 1
        if x < 4 { return x }
        let top = Int.bitWidth - 1 - x.leadingZeroBitCount
        return 2 * top + (x >> (top - 1)) & 1
    }

    // MARK: Second pass: codes and bits

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                             131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                               1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                12, 13, 13]
    /// The length symbol (0...28, to add to 257) of each length 3...258.
    static let lengthSymbol: [UInt8] = (0...258).map { l in
        l < 3 ? 0 : l == 258 ? 28 : UInt8(lengthBase.lastIndex { $0 <= l }!)
    }
    /// The order the code-length code's lengths are written in.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    /// The fixed codes' lengths (RFC 1951, 3.2.6): literal/length symbols 0...287, distances 0...29.
    static let fixedLiteralLengths: [UInt8] = (0...287).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: 30)

    /// Writes a block of tokens with whichever codes `codes` asks for; `frequencies` counts
    /// their literal/length symbols 0...285 (end of block included) and then their distance
    /// codes 0...29.
    static func writeBlock(_ tokens: UnsafeBufferPointer<UInt32>, frequencies: UnsafeBufferPointer<UInt32>, final: Bool,
                           codes: Codes, into bits: inout BitSink) {
        let literalFrequencies = UnsafeBufferPointer(rebasing: frequencies[0..<286])
        let distanceFrequencies = UnsafeBufferPointer(rebasing: frequencies[286..<316])
        var dynamic: DynamicHeader?
        if codes != .fixed {
            let header = DynamicHeader(literals: literalFrequencies, distances: distanceFrequencies)
            if codes == .dynamic {
                dynamic = header
            } else {
                // Extra bits cost the same either way.
                var fixedBits = 3
                for s in 0..<286 { fixedBits += Int(literalFrequencies[s]) * Int(fixedLiteralLengths[s]) }
                for s in 0..<30 { fixedBits += Int(distanceFrequencies[s]) * 5 }
                if header.bits(literals: literalFrequencies, distances: distanceFrequencies) < fixedBits { dynamic = header }
            }
        }
        let literalLengths: [UInt8], distanceLengths: [UInt8]
        if let dynamic {
            bits.put(UInt64(final ? 1 : 0) | 2 << 1, 3) // BTYPE = 10, dynamic
            dynamic.write(into: &bits)
            (literalLengths, distanceLengths) = (dynamic.literalLengths, dynamic.distanceLengths)
        } else {
            bits.put(UInt64(final ? 1 : 0) | 1 << 1, 3) // BTYPE = 01, fixed
            (literalLengths, distanceLengths) = (fixedLiteralLengths, fixedDistanceLengths)
        }
        writeTokens(tokens, literalCodes: canonicalCodes(literalLengths),
                    distanceCodes: canonicalCodes(distanceLengths), into: &bits)
    }

    /// A code and its length in bits; for a length or distance, followed by its extra bits.
    struct Code { var bits: UInt32 = 0; var count: UInt32 = 0 }

    static func writeTokens(_ tokens: UnsafeBufferPointer<UInt32>, literalCodes: [Code], distanceCodes: [Code],
                            into bits: inout BitSink) {
        // Every length's code with its extra bits, and every distance code's, in tables.
        var lengths = [Code](repeating: Code(), count: 256)
        for l in 3...258 {
            let symbol = Int(lengthSymbol[l])
            let c = literalCodes[257 + symbol]
            lengths[l - 3] = Code(bits: c.bits | UInt32(l - lengthBase[symbol]) << c.count,
                                  count: c.count + UInt32(lengthExtra[symbol]))
        }
        // A distance code's bits, its length, with the extra bits, and its first distance - 1.
        var distances = [(bits: UInt32, count: UInt32, total: UInt32, base: UInt32)](repeating: (0, 0, 0, 0), count: 30)
        for d in 0..<30 {
            let c = distanceCodes[d]
            distances[d] = (c.bits, c.count, c.count + UInt32(distanceExtra[d]), UInt32(distanceBase[d] - 1))
        }
        literalCodes.withUnsafeBufferPointer { literalCodes in
            lengths.withUnsafeBufferPointer { lengths in
                distances.withUnsafeBufferPointer { distances in
                    for t in tokens {
                        if t & matchFlag == 0 {
                            let c = literalCodes[Int(t)]
                            bits.put(UInt64(c.bits), Int(c.count))
                        } else {
                            let l = lengths[Int(t >> 15 & 0xFF)]
                            bits.put(UInt64(l.bits), Int(l.count))
                            let d = distances[Int(t >> 23 & 0x1F)]
                            let extra = (t & 0x7FFF) - d.base
                            bits.put(UInt64(d.bits) | UInt64(extra) << UInt64(d.count), Int(d.total))
                        }
                    }
                    let end = literalCodes[256]
                    bits.put(UInt64(end.bits), Int(end.count))
                }
            }
        }
    }

    /// Canonical codes for code lengths (RFC 1951, 3.2.2), bit-reversed for the low-bit-first
    /// stream; a length of 0 leaves the symbol without a code.
    static func canonicalCodes(_ lengths: [UInt8]) -> [Code] {
        var countOfLength = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { countOfLength[Int(l)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bitsLength in 1...15 {
            code = (code + countOfLength[bitsLength - 1]) << 1
            next[bitsLength] = code
        }
        var codes = [Code](repeating: Code(), count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            let c = next[Int(l)]
            next[Int(l)] += 1
            var reversed: UInt32 = 0
            for b in 0..<Int(l) where c >> b & 1 == 1 { reversed |= 1 << UInt32(Int(l) - 1 - b) }
            codes[symbol] = Code(bits: reversed, count: UInt32(l))
        }
        return codes
    }

    /// Huffman code lengths for `frequencies`, none longer than `limit` bits: a Huffman tree
    /// (Moffat and Katajainen's in-place method over the sorted counts), then, if a code came
    /// out too long, lengths moved until the code is complete again within the limit (as miniz
    /// does). Unused symbols get 0. With fewer than two used symbols, symbols 0 and 1 (or the
    /// used one and another) get one bit each: deflate wants at least one distance code, and
    /// a complete code is what every inflater accepts.
    static func codeLengths(_ frequencies: UnsafeBufferPointer<UInt32>, limit: Int) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        // Used symbols, least frequent first (ties by symbol, so the result is deterministic).
        var used: [UInt64] = []
        for (s, f) in frequencies.enumerated() where f > 0 { used.append(UInt64(f) << 16 | UInt64(s)) }
        if used.count < 2 {
            let only = used.first.map { Int($0 & 0xFFFF) } ?? 0
            lengths[only] = 1
            lengths[only == 0 ? 1 : 0] = 1
            return lengths
        }
        used.sort()
        let n = used.count
        var a = used.map { Int($0 >> 16) }
        // Phase 1: internal nodes' weights, each node pointing at its parent.
        a[0] += a[1]
        var root = 0, leaf = 2
        for next in 1..<(n - 1) {
            if leaf >= n || a[root] < a[leaf] {
                a[next] = a[root]; a[root] = next; root += 1
            } else {
                a[next] = a[leaf]; leaf += 1
            }
            if leaf >= n || (root < next && a[root] < a[leaf]) {
                a[next] += a[root]; a[root] = next; root += 1
            } else {
                a[next] += a[leaf]; leaf += 1
            }
        }
        // Phase 2: internal nodes' depths.
        a[n - 2] = 0
        var next = n - 3
        while next >= 0 { a[next] = a[a[next]] + 1; next -= 1 }
        // Phase 3: leaves' depths, deepest first.
        var available = 1, usedAtDepth = 0, depth = 0
        var node = n - 2
        next = n - 1
        while available > 0 {
            while node >= 0, a[node] == depth { usedAtDepth += 1; node -= 1 }
            while available > usedAtDepth { a[next] = depth; next -= 1; available -= 1 }
            available = 2 * usedAtDepth; depth += 1; usedAtDepth = 0
        }
        // How many codes of each length, the too-long ones counted at the limit; then, while
        // the lengths overfill the code space, one code at the limit goes and a shorter one
        // splits into two a bit longer.
        var countOfLength = [Int](repeating: 0, count: max(limit, a.max()!) + 1)
        for l in a { countOfLength[min(l, limit)] += 1 }
        var total = 0
        for l in 1...limit { total += countOfLength[l] << (limit - l) }
        while total > 1 << limit {
            countOfLength[limit] -= 1
            var l = limit - 1
            while countOfLength[l] == 0 { l -= 1 }
            countOfLength[l] -= 1
            countOfLength[l + 1] += 2
            total -= 1
        }
        // The longest codes to the least frequent symbols.
        var k = 0
        for l in stride(from: limit, through: 1, by: -1) {
            for _ in 0..<countOfLength[l] {
                lengths[Int(used[k] & 0xFFFF)] = UInt8(l)
                k += 1
            }
        }
        return lengths
    }

    /// A dynamic block's codes and the header that describes them (RFC 1951, 3.2.7).
    struct DynamicHeader {
        var literalLengths: [UInt8]
        var distanceLengths: [UInt8]
        /// HLIT + 257, HDIST + 1, HCLEN + 4.
        var literalCount: Int, distanceCount: Int, codeLengthCount: Int
        /// The code lengths of both alphabets, run-length coded: code-length symbols 0...18,
        /// each with its extra bits.
        var runs: [(symbol: UInt8, extra: UInt8)] = []
        var codeLengthLengths: [UInt8]

        init(literals: UnsafeBufferPointer<UInt32>, distances: UnsafeBufferPointer<UInt32>) {
            literalLengths = ImageDeflate.codeLengths(literals, limit: 15)
            distanceLengths = ImageDeflate.codeLengths(distances, limit: 15)
            literalCount = 286
            while literalCount > 257, literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
            distanceCount = 30
            while distanceCount > 1, distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }
            // One sequence: RFC 1951 lets a repeat run on from the literal into the distance lengths.
            let all = literalLengths[..<literalCount] + distanceLengths[..<distanceCount]
            var runs: [(symbol: UInt8, extra: UInt8)] = []
            var i = all.startIndex
            while i < all.endIndex {
                let l = all[i]
                var run = 1
                while i + run < all.endIndex, all[i + run] == l { run += 1 }
                i += run
                if l == 0 {
                    while run >= 11 { let k = min(run, 138); runs.append((18, UInt8(k - 11))); run -= k }
                    if run >= 3 { runs.append((17, UInt8(run - 3))); run = 0 }
                } else {
                    runs.append((l, 0)); run -= 1
                    while run >= 3 { let k = min(run, 6); runs.append((16, UInt8(k - 3))); run -= k }
                }
                for _ in 0..<run { runs.append((l, 0)) }
            }
            self.runs = runs
            var frequencies = [UInt32](repeating: 0, count: 19)
            for r in runs { frequencies[Int(r.symbol)] += 1 }
            codeLengthLengths = frequencies.withUnsafeBufferPointer { ImageDeflate.codeLengths($0, limit: 7) }
            codeLengthCount = 19
            while codeLengthCount > 4, codeLengthLengths[ImageDeflate.codeLengthOrder[codeLengthCount - 1]] == 0 {
                codeLengthCount -= 1
            }
        }

        static let runExtra: [Int] = Array(repeating: 0, count: 16) + [2, 3, 7]

        /// The block's length in bits, header included and extra bits of lengths and distances not.
        func bits(literals: UnsafeBufferPointer<UInt32>, distances: UnsafeBufferPointer<UInt32>) -> Int {
            var total = 3 + 5 + 5 + 4 + 3 * codeLengthCount
            for r in runs { total += Int(codeLengthLengths[Int(r.symbol)]) + Self.runExtra[Int(r.symbol)] }
            for s in 0..<286 { total += Int(literals[s]) * Int(literalLengths[s]) }
            for s in 0..<30 { total += Int(distances[s]) * Int(distanceLengths[s]) }
            return total
        }

        /// Writes HLIT, HDIST, HCLEN and the code lengths (the 3-bit block header goes first).
        func write(into bits: inout BitSink) {
            bits.put(UInt64(literalCount - 257), 5)
            bits.put(UInt64(distanceCount - 1), 5)
            bits.put(UInt64(codeLengthCount - 4), 4)
            for k in 0..<codeLengthCount { bits.put(UInt64(codeLengthLengths[ImageDeflate.codeLengthOrder[k]]), 3) }
            let codes = ImageDeflate.canonicalCodes(codeLengthLengths)
            for r in runs {
                let c = codes[Int(r.symbol)]
                bits.put(UInt64(c.bits) | UInt64(r.extra) << UInt64(c.count), Int(c.count) + Self.runExtra[Int(r.symbol)])
            }
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
