import CCairo
import Foundation

/// Writes an opaque cairo image surface as an RGB PNG: Sub filter, compressed by
/// `ImageDeflate`. cairo_surface_write_to_png goes through libpng's adaptive filtering at
/// zlib's default level, about 50 ms a chart here; zlib's fastest level alone makes
/// `chart --all --format png` a tenth to a third slower than `ImageDeflate` (`make bench`
/// measures both side by side).
enum PNGWriter {
    /// `BRIEFING_PNG_DEFLATE=zlib` compresses with zlib's fastest level instead, for that figure.
    static let zlibLevelOne = ProcessInfo.processInfo.environment["BRIEFING_PNG_DEFLATE"] == "zlib"

    /// An image's rows, filtered and ready to compress: no cairo object, so it can be encoded
    /// on another thread.
    struct Rows: Sendable {
        var width: Int
        var height: Int
        var bytes: [UInt8]
    }

    /// The PNG file's bytes; `path` names the file in errors.
    static func encode(_ surface: OpaquePointer, path: String) throws -> [UInt8] {
        try encode(filtered(surface, path: path), path: path)
    }

    /// Reads the surface's pixels as PNG rows with the Sub filter.
    static func filtered(_ surface: OpaquePointer, path: String) throws -> Rows {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw RenderError.write(path, "empty image")
        }
        let rowBytes = 1 + width * 3
        // One spare byte: each pixel is stored as four bytes, the fourth overwritten next.
        var raw = [UInt8](unsafeUninitializedCapacity: rowBytes * height + 1) { out, count in
            let base = UnsafeMutableRawPointer(out.baseAddress!)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride)
                let o = base + y * rowBytes
                // A row the same as the one above filters to the same bytes (half of a chart's rows).
                if y > 0, memcmp(row, row - stride, width * 4) == 0 {
                    memcpy(o, o - rowBytes, rowBytes)
                    continue
                }
                o.storeBytes(of: 1, as: UInt8.self) // Sub: each byte minus the one a pixel to its left
                let pixels = row.assumingMemoryBound(to: UInt32.self)
                var previous: UInt32 = 0
                for x in 0..<width {
                    // ARGB32 is native-endian (B, G, R, A in memory here) and premultiplied; the
                    // chart is painted on white, so alpha is 255 and the colour channels are the
                    // colour. As a little-endian word, 0x00BBGGRR is R, G, B in memory.
                    let rgb = pixels[x].byteSwapped >> 8
                    // Byte-wise rgb - previous, without borrows between bytes.
                    let sub = ((rgb | 0x8080_8080) &- (previous & 0x7F7F_7F7F)) ^ ((rgb ^ ~previous) & 0x8080_8080)
                    (o + 1 + x * 3).storeBytes(of: sub.littleEndian, toByteOffset: 0, as: UInt32.self)
                    previous = rgb
                }
            }
            count = rowBytes * height + 1
        }
        raw.removeLast()
        return Rows(width: width, height: height, bytes: raw)
    }

    /// Compresses filtered rows into a PNG file's bytes.
    static func encode(_ rows: Rows, path: String) throws -> [UInt8] {
        let (width, height, raw) = (rows.width, rows.height, rows.bytes)
        let compressed = zlibLevelOne ? try zlib(raw, path: path)
                                      : raw.withUnsafeBufferPointer { ImageDeflate.zlib($0, rowBytes: 1 + width * 3) }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ body: [UInt8]) {
            let head = Array(type.utf8)
            png += be32(body.count)
            png += head
            png += body
            var crc = crc32(0, head, uInt(head.count))
            crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt(body.count)) }
            png += be32(Int(crc))
        }
        chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
        chunk("IDAT", compressed)
        chunk("IEND", [])
        return png
    }

    static func zlib(_ raw: [UInt8], path: String) throws -> [UInt8] {
        var length = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&compressed, &length, raw, uLong(raw.count), Z_BEST_SPEED)
        guard status == Z_OK else { throw RenderError.write(path, "zlib could not compress the image (status \(status))") }
        compressed.removeSubrange(Int(length)...)
        return compressed
    }
}
