/// A file name as the folder holds it (any bytes but `/` and NUL) and as messages show it. A
/// name that is not valid UTF-8, or holds control characters, is shown with those bytes
/// escaped as `\xNN` (`caf\xE9.txt`) and opened by its bytes.
public struct FileName: Sendable, Hashable {
    /// What messages and the export call the file.
    public let display: String
    /// The name's bytes when they are not `display` in UTF-8; nil for every usual name.
    public let raw: [UInt8]?

    public init(_ name: String) {
        display = name
        raw = nil
    }

    public init(bytes: some Collection<UInt8>) {
        if let escaped = FileName.escaped(Array(bytes)) {
            display = escaped
            raw = Array(bytes)
        } else {
            display = String(decoding: bytes, as: UTF8.self)
            raw = nil
        }
    }

    /// The bytes to open.
    public var bytes: [UInt8] { raw ?? Array(display.utf8) }

    /// The name with invalid UTF-8 and control bytes as `\xNN`; nil when nothing needs it.
    static func escaped(_ b: [UInt8]) -> String? {
        // The usual name (printable ASCII, or valid UTF-8 without control bytes) is decided in
        // one pass: a folder of 50,000 readouts is listed name by name.
        if b.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }), b.allSatisfy({ $0 < 0x80 }) || String(validating: b, as: UTF8.self) != nil {
            return nil
        }
        var out = ""
        var changed = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x20 || c == 0x7F {
                out += hex(c)
                changed = true
                i += 1
                continue
            }
            let n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            if i + n <= b.count, let s = String(validating: b[i..<(i + n)], as: UTF8.self) {
                out += s
                i += n
            } else {
                out += hex(c)
                changed = true
                i += 1
            }
        }
        return changed ? out : nil
    }

    private static func hex(_ c: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 15)])
    }
}
