/// A finding about the input: a readout, a manifest or a layout file. Collected as values and
/// printed by the command line as `path:line: severity: message`; only what stops the whole
/// run is thrown.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    /// The file as the user named it (folder included), so it can be opened from the message.
    public var file: String
    /// 1-based line, or nil when the finding is about the file as a whole.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// One line, whatever the message quotes from the input: control characters and line
    /// separators are shown escaped (`\x0A`), so each finding stays one `path:line:` line.
    public var description: String {
        "\(Diagnostic.oneLine(file)):\(line.map(String.init) ?? "1"): \(severity.rawValue): \(Diagnostic.oneLine(message))"
    }

    /// `text` with control characters (and U+0085, U+2028, U+2029) escaped.
    public static func oneLine(_ text: String) -> String {
        func breaks(_ v: UInt32) -> Bool { v < 0x20 || v == 0x7F || v == 0x85 || v == 0x2028 || v == 0x2029 }
        guard text.unicodeScalars.contains(where: { breaks($0.value) }) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if breaks(u.value) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out += u.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
