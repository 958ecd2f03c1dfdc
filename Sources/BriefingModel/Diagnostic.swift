/// A finding about the input: a readout, a manifest or a layout file. Collected as values and
/// printed by the command line as `path:line: severity: message`; only what stops the whole
/// run is thrown.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
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

    public var description: String {
        "\(file):\(line.map(String.init) ?? "1"): \(severity.rawValue): \(message)"
    }
}
