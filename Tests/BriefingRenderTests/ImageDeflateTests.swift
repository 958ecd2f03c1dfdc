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

    /// A drawn chart written as PNG reads back, through cairo's own PNG reader, to the very
    /// pixels that were drawn.
    @Test func pngReadsBackToTheDrawnPixels() throws {
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 120))
        defer { cairo_surface_destroy(surface) }
        let canvas = Canvas(context: cairo_create(surface)!)
        let style = DocumentStyle(layout: .defaults(for: .book))
        canvas.fill(Rect(x: 0, y: 0, width: 300, height: 120), .white)
        canvas.fill(Rect(x: 20, y: 30, width: 40, height: 80), style.colors.series[0])
        canvas.text("Abductions 2019 安倍", in: Rect(x: 70, y: 10, width: 220, height: 20), style: style.h3)
        let folder = try PDFTools.temporaryFolder("png-readback")
        let url = folder.appendingPathComponent("chart.png")
        try Data(PNGWriter.encode(surface, path: url.path)).write(to: url)
        let back = try #require(cairo_image_surface_create_from_png(url.path))
        defer { cairo_surface_destroy(back) }
        #expect(cairo_surface_status(back) == CAIRO_STATUS_SUCCESS)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)), backStride = Int(cairo_image_surface_get_stride(back))
        let a = try #require(cairo_image_surface_get_data(surface)), b = try #require(cairo_image_surface_get_data(back))
        var differing = 0
        for y in 0..<120 {
            let ra = UnsafeRawPointer(a + y * stride).assumingMemoryBound(to: UInt32.self)
            let rb = UnsafeRawPointer(b + y * backStride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<300 where ra[x] | 0xFF00_0000 != rb[x] { differing += 1 }
        }
        #expect(differing == 0)
    }
}
}
