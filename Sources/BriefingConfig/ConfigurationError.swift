import BriefingModel
import Foundation

/// A layout, registry or manifest file that cannot be used: names the file, the key and the
/// line, and says how to fix it.
public struct ConfigurationError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, _ message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var diagnostic: Diagnostic {
        Diagnostic(.error, file: file, line: line, key.map { "\($0): \(message)" } ?? message)
    }

    public var description: String { diagnostic.description }

    public var errorDescription: String? { description }
}
