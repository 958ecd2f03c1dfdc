import Foundation

/// What stops a render. Problems in the analysis itself are warnings, not errors.
public enum RenderError: LocalizedError, Equatable {
    case surface(String, String)
    case write(String, String)
    case repair(String, String)
    case unknownTopic(String, [String])

    public var errorDescription: String? {
        switch self {
        case .surface(let path, let why): "cannot create \(path): \(why)"
        case .write(let path, let why): "cannot write \(path): \(why)"
        case .repair(let path, let why): "qpdf could not rewrite \(path): \(why)"
        case .unknownTopic(let id, let known): "no topic '\(id)'; topics: \(known.joined(separator: ", "))"
        }
    }
}
