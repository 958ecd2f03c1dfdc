import Foundation

/// Bytes from disk to text: UTF-8 with or without BOM, UTF-16 with BOM, CRLF or CR line
/// ends; a file that is not valid UTF-8 is read as Windows-1252 (with a warning).
public enum TextDecoding {
    public enum Outcome: Sendable {
        case text(String, note: String?)
        case binary(reason: String)
        case empty
    }

    public static func decode(_ data: [UInt8]) -> Outcome {
        if data.isEmpty { return .empty }
        var bytes = data[...]
        var note: String?
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes.first == 0xFF
            bytes = bytes.dropFirst(2)
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = bytes.startIndex
            while i + 1 < bytes.endIndex {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(little ? a | b << 8 : a << 8 | b)
                i += 2
            }
            text = String(decoding: units, as: UTF16.self)
        } else {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if let reason = binaryReason(bytes) { return .binary(reason: reason) }
            if let s = String(validating: bytes, as: UTF8.self) {
                text = s
            } else {
                text = windows1252(bytes)
                note = "not valid UTF-8; read as Windows-1252 (save the file as UTF-8 to silence this)"
            }
        }
        if text.withUTF8({ !$0.isEmpty && memchr($0.baseAddress!, 0x0D, $0.count) != nil }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .empty }
        return .text(text, note: note)
    }

    /// NUL bytes or many control characters in the first 4 KB: not a text readout.
    static func binaryReason(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = bytes.prefix(4096)
        // Over the buffer without an early exit: a branch-free count (every readout is read
        // whole here) instead of a bounds-checked slice walk per byte.
        let (nul, controls) = head.withUnsafeBufferPointer { u -> (Bool, Int) in
            var nul = false, controls = 0
            for b in u {
                nul = nul || b == 0
                controls &+= b < 0x09 || (b > 0x0D && b < 0x20) ? 1 : 0
            }
            return (nul, controls)
        }
        if nul { return "contains NUL bytes" }
        if head.count > 32, controls * 10 > head.count { return "mostly control characters" }
        return nil
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(s)
    }
}
