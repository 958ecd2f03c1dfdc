import CCairo
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct ImageDeflateTests {
    /// Inflates a zlib stream with zlib itself (which also checks the Adler-32 trailer).
    func inflate(_ stream: [UInt8], expecting count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count + 1)
        var length = uLongf(out.count)
        let status = uncompress(&out, &length, stream, uLong(stream.count))
        guard status == Z_OK else { return nil }
        return Array(out[..<Int(length)])
    }

    /// Rows like a filtered chart's: zero runs longer and shorter than a match, rows equal to
    /// the one above, runs of other bytes, and noise, at every length near the code boundaries.
    static func rows(width: Int, height: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let rowBytes = 1 + width * 3
        var data: [UInt8] = []
        for y in 0..<height {
            if y > 0, next() % 3 == 0 { data += data[(data.count - rowBytes)...]; continue }
            var row: [UInt8] = [1]
            while row.count < rowBytes {
                let run = Int(next() % 300) + 1
                switch next() % 4 {
                case 0: row += [UInt8](repeating: 0, count: run)
                case 1: row += [UInt8](repeating: UInt8(next() % 256), count: run % 12)
                default: row += (0..<(run % 9)).map { _ in UInt8(next() % 256) }
                }
            }
            data += row[..<rowBytes]
        }
        return data
    }

    @Test(arguments: [(1, 1), (2, 3), (5, 40), (100, 60), (427, 31), (1280, 24)])
    func roundTripsThroughZlib(_ size: (Int, Int)) throws {
        let data = Self.rows(width: size.0, height: size.1, seed: UInt64(size.0 * 1000 + size.1))
        let stream = data.withUnsafeBufferPointer { ImageDeflate.zlib($0, rowBytes: 1 + size.0 * 3) }
        #expect(inflate(stream, expecting: data.count) == data)
    }

    @Test func longRunsAndEmptyInput() throws {
        for data in [[UInt8](), [7], [UInt8](repeating: 0, count: 100_000), [UInt8](repeating: 9, count: 258 * 3 + 2)] {
            let stream = data.withUnsafeBufferPointer { ImageDeflate.zlib($0, rowBytes: 3841) }
            #expect(inflate(stream, expecting: data.count) == data, "\(data.count) bytes")
        }
        let flat = [UInt8](repeating: 0, count: 1_000_000)
        let stream = flat.withUnsafeBufferPointer { ImageDeflate.zlib($0, rowBytes: 3841) }
        #expect(stream.count < 10_000, "a blank megabyte compresses to runs (\(stream.count) bytes)")
    }

    /// Deflates `data` with the given codes and inflates it again with zlib.
    func roundTrip(_ data: [UInt8], rowBytes: Int = 3841, codes: ImageDeflate.Codes,
                   tokensPerBlock: Int = ImageDeflate.tokensPerBlock) -> (ok: Bool, size: Int) {
        let stream = data.withUnsafeBufferPointer {
            ImageDeflate.zlib($0, rowBytes: rowBytes, codes: codes, tokensPerBlock: tokensPerBlock)
        }
        return (inflate(stream, expecting: data.count) == data, stream.count)
    }

    /// Alphabets with next to nothing in them, each written with dynamic codes (forced, as a
    /// tiny block would otherwise take the fixed ones) and with whichever are smaller.
    @Test func degenerateAlphabets() throws {
        let cases: [(String, [UInt8])] = [
            ("empty: only the end of block", []),
            ("a single byte", [7]),
            ("two bytes", [0, 255]),
            ("only literals, no distance code", Array(0...255) + Array((0...255).reversed())),
            ("only runs of one byte: one distance code", [UInt8](repeating: 5, count: 10_000)),
            ("only row repeats", Array(repeatElement([UInt8](0...200), count: 40).joined())),
            ("a megabyte of zeros", [UInt8](repeating: 0, count: 1 << 20)),
        ]
        for (name, data) in cases {
            for codes in [ImageDeflate.Codes.dynamic, .smallest, .fixed] {
                #expect(roundTrip(data, rowBytes: 201, codes: codes).ok, "\(name), \(codes)")
            }
        }
        // With a single distance code, dynamic codes still beat the fixed ones on a long input.
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let dynamic = roundTrip(zeros, codes: .dynamic).size, fixed = roundTrip(zeros, codes: .fixed).size
        #expect(dynamic < fixed, "\(dynamic) vs \(fixed) bytes")
        // A tiny input takes the fixed codes: a dynamic header alone would be longer.
        #expect(roundTrip([7], codes: .smallest).size == roundTrip([7], codes: .fixed).size)
    }

    /// Many small blocks, each with its own codes, matches reaching back into earlier blocks.
    @Test(arguments: [1, 2, 7, 100, 5000])
    func splitsIntoBlocks(_ tokensPerBlock: Int) throws {
        let data = Self.rows(width: 200, height: 40, seed: 7)
        for codes in [ImageDeflate.Codes.dynamic, .smallest] {
            #expect(roundTrip(data, rowBytes: 601, codes: codes, tokensPerBlock: tokensPerBlock).ok, "\(codes)")
        }
    }

    /// Fibonacci counts give a Huffman tree as deep as there are symbols; the lengths are cut
    /// to the limit and still make a complete prefix code.
    @Test(arguments: [(30, 15), (286, 15), (19, 7)])
    func codeLengthsStayWithinTheLimit(_ shape: (symbols: Int, limit: Int)) throws {
        var fibonacci: [UInt32] = [1, 1]
        while fibonacci.count < shape.symbols { fibonacci.append(min(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2], 1 << 30)) }
        let lengths = fibonacci.withUnsafeBufferPointer { ImageDeflate.codeLengths($0, limit: shape.limit) }
        let unlimited = fibonacci.withUnsafeBufferPointer { ImageDeflate.codeLengths($0, limit: 64) }
        #expect(unlimited.max()! > shape.limit, "the counts would need longer codes")
        #expect(lengths.max()! == shape.limit)
        #expect(lengths.allSatisfy { $0 > 0 })
        let kraft = lengths.reduce(0) { $0 + (1 << (shape.limit - Int($1))) }
        #expect(kraft == 1 << shape.limit, "complete code")
        // Rarer symbols never get shorter codes than commoner ones.
        for s in 1..<lengths.count where fibonacci[s] > fibonacci[s - 1] { #expect(lengths[s] <= lengths[s - 1]) }
    }

    /// A block whose literal code needs the length limit (skewed counts, written as literal
    /// tokens directly) inflates with zlib.
    @Test func aLengthLimitedBlockInflates() throws {
        // 1, 2, 3, 5, ...: with the end of block's 1, a Fibonacci sequence again.
        var fibonacci = [1, 2]
        while fibonacci.count < 22 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        var data: [UInt8] = []
        for (byte, count) in fibonacci.enumerated() { data += [UInt8](repeating: UInt8(byte), count: count) }
        var state: UInt64 = 1
        for k in stride(from: data.count - 1, to: 0, by: -1) { // shuffled, reproducibly
            state = state &* 6364136223846793005 &+ 1442695040888963407
            data.swapAt(k, Int(state >> 33) % (k + 1))
        }
        var frequencies = [UInt32](repeating: 0, count: 316)
        for b in data { frequencies[Int(b)] += 1 }
        frequencies[256] = 1
        let literals = frequencies.withUnsafeBufferPointer { ImageDeflate.codeLengths(UnsafeBufferPointer(rebasing: $0[..<286]), limit: 15) }
        #expect(literals.max()! == 15)
        let tokens = data.map { UInt32($0) }
        let capacity = data.count * 2 + 1000
        var stream = [UInt8](repeating: 0, count: capacity)
        let written = stream.withUnsafeMutableBufferPointer { out in
            var bits = ImageDeflate.BitSink(out.baseAddress!)
            bits.byte(0x78)
            bits.byte(0x01)
            tokens.withUnsafeBufferPointer { tokens in
                frequencies.withUnsafeBufferPointer {
                    ImageDeflate.writeBlock(tokens, frequencies: $0, final: true, codes: .dynamic, into: &bits)
                }
            }
            bits.flushToByte()
            let adler = data.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
            for shift in [24, 16, 8, 0] { bits.byte(UInt8(truncatingIfNeeded: adler >> UInt32(shift))) }
            return bits.written
        }
        #expect(inflate(Array(stream[..<written]), expecting: data.count) == data)
    }

    /// The filtered rows of real charts (the fixture's, drawn and written as PNG) come out
    /// smaller with dynamic codes than the fixed codes would make them and smaller than zlib's
    /// fastest level.
    @Test func chartsCompressBetterThanFixedCodesAndZlibLevelOne() throws {
        let exporter = ChartExporter(layout: .defaults(for: .book))
        let analysis = Fixtures.small
        let items = exporter.overviewItems(analysis) + analysis.topics.prefix(2).map(exporter.topicItem)
        let folder = try PDFTools.temporaryFolder("deflate-sizes")
        var raw = 0, ours = 0, fixed = 0, zlibOne = 0
        for item in items {
            let url = try exporter.write(item, format: .png, folder: folder, date: PDFTools.date)
            let (width, height, idat) = try Self.chunks(of: [UInt8](Data(contentsOf: url)))
            let rowBytes = 1 + width * 3
            let rows = try #require(inflate(idat, expecting: rowBytes * height))
            #expect(rows.count == rowBytes * height)
            let small = roundTrip(rows, rowBytes: rowBytes, codes: .smallest)
            let fixedCodes = roundTrip(rows, rowBytes: rowBytes, codes: .fixed)
            #expect(small.ok && fixedCodes.ok)
            #expect(small.size == idat.count, "the file holds the default stream")
            var length = compressBound(uLong(rows.count))
            var out = [UInt8](repeating: 0, count: Int(length))
            #expect(compress2(&out, &length, rows, uLong(rows.count), 1) == Z_OK)
            raw += rows.count; ours += small.size; fixed += fixedCodes.size; zlibOne += Int(length)
        }
        // 10.4 MB of rows: 323 KB with dynamic codes, 368 KB with fixed codes for the same
        // matches, 375 KB with zlib level 1.
        let report = "\(raw) bytes of rows: \(ours) dynamic, \(fixed) fixed, \(zlibOne) zlib level 1"
        #expect(Double(ours) < 0.92 * Double(fixed), "\(report)")
        #expect(Double(ours) < 0.95 * Double(zlibOne), "\(report)")
        #expect(Double(ours) < 0.045 * Double(raw), "\(report)")
    }

    /// A PNG's width, height and IDAT data.
    static func chunks(of png: [UInt8]) throws -> (Int, Int, [UInt8]) {
        func be32(_ k: Int) -> Int { png[k..<k + 4].reduce(0) { $0 << 8 | Int($1) } }
        var k = 8, width = 0, height = 0, idat: [UInt8] = []
        while k + 8 <= png.count {
            let length = be32(k), type = String(decoding: png[k + 4..<k + 8], as: UTF8.self)
            if type == "IHDR" { width = be32(k + 8); height = be32(k + 12) }
            if type == "IDAT" { idat += png[k + 8..<k + 8 + length] }
            k += 12 + length
        }
        return (width, height, idat)
    }
}
}
