import Foundation

/// A layout file that cannot be used, with the file, key and line to fix.
public struct LayoutError: LocalizedError, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Dotted key path, e.g. "page.margins.top".
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, _ message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let where_ = "\(file):\(line.map(String.init) ?? "1")"
        return key.map { "\(where_): error: \($0): \(message)" } ?? "\(where_): error: \(message)"
    }

    public var errorDescription: String? { description }
}
