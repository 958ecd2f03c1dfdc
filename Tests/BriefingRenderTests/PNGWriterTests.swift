import CCairo
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct PNGWriterTests {
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

    /// zlib's stream (the benchmark's comparison) holds the same filtered rows as ImageDeflate's.
    @Test func zlibAndImageDeflateCompressTheSameRows() throws {
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 90))
        defer { cairo_surface_destroy(surface) }
        let canvas = Canvas(context: cairo_create(surface)!)
        canvas.fill(Rect(x: 0, y: 0, width: 200, height: 90), .white)
        canvas.fill(Rect(x: 10, y: 20, width: 30, height: 60), DocumentStyle(layout: .defaults(for: .book)).colors.series[1])
        let rows = try PNGWriter.filtered(surface, path: "chart.png")
        let viaZlib = try PNGWriter.zlib(rows.bytes, path: "chart.png")
        let viaOwn = rows.bytes.withUnsafeBufferPointer { ImageDeflate.zlib($0, rowBytes: 1 + rows.width * 3) }
        for stream in [viaZlib, viaOwn] {
            var out = [UInt8](repeating: 0, count: rows.bytes.count + 1)
            var length = uLongf(out.count)
            #expect(uncompress(&out, &length, stream, uLong(stream.count)) == Z_OK)
            #expect(Array(out[..<Int(length)]) == rows.bytes)
        }
    }
}
}
