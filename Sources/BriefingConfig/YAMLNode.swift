import BriefingModel
import Yams

/// A YAML node with the file it came from, so every accessor can fail with file, key and line.
public struct YAMLNode {
    public let node: Node
    public let file: String
    /// Dotted path of keys from the document root, for messages ("topics[3].include").
    public let path: String

    public init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// The largest YAML file read: the biggest a user writes (a manifest of 50,000 readouts)
    /// is a few MB, and a parsed node tree takes about 25 times its file (a 16 MB manifest
    /// took 470 MB).
    public static let sizeLimit = 8 << 20

    /// The text of a user's YAML file; nil when there is none. Only a regular file (or a link
    /// to one) of at most `sizeLimit` bytes of UTF-8 is read: anything else is an error naming
    /// the file, never a hang on a FIFO.
    public static func readFile(_ path: String, what: String) throws(ConfigurationError) -> String? {
        func failure(_ message: String) -> ConfigurationError {
            ConfigurationError(file: path, line: nil, key: nil, message)
        }
        let bytes: [UInt8]
        do { bytes = try RegularFile.read(path, limit: sizeLimit) } catch {
            switch error {
            case .missing: return nil
            case .tooLarge(let size): throw failure("the \(what) is \(size >> 20) MB; at most \(sizeLimit >> 20) MB is read")
            default: throw failure("the \(what) \(error.message)")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = TextPosition.firstInvalidUTF8(bytes)
            throw ConfigurationError(file: path, line: bad, key: nil, "the \(what) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// Parses a whole document; a syntax error names the line libyaml stopped at.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> YAMLNode? {
        // Every accessor reads a scalar's text and converts it itself, so scalars need no
        // implicit tags: the basic resolver skips the regular expressions that would guess
        // one for every scalar and for every key looked up (most of the time of loading).
        guard let node = try compose(text, file: file, resolver: .basic) else { return nil }
        return YAMLNode(node: node, file: file)
    }

    /// Yams' node tree of a document (nil when empty), or an error with the file and the line
    /// libyaml stopped at. For readers that walk the tree themselves (the render layouts).
    public static func compose(_ text: String, file: String, resolver: Resolver = .default) throws(ConfigurationError) -> Node? {
        do {
            return try Yams.compose(yaml: text, resolver)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: YAMLNode.line(of: error), key: nil,
                                     "not valid YAML: \(YAMLNode.summary(of: error))")
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, "not valid YAML")
        }
    }

    public var line: Int? { node.mark?.line }

    public func fail(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, key: path.isEmpty ? nil : path, message)
    }

    public var isMapping: Bool { node.mapping != nil }

    /// The line of each key of a mapping, by key.
    public func keyLines() -> [String: Int] {
        var out: [String: Int] = [:]
        for (k, _) in node.mapping ?? [:] { if let s = k.scalar?.string, let l = k.mark?.line { out[s] = l } }
        return out
    }

    /// The mapping's entries in file order.
    public func entries() throws(ConfigurationError) -> [(key: String, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping of `key: value` lines") }
        var out: [(String, YAMLNode)] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                throw YAMLNode(node: k, file: file, path: path).fail("keys must be plain text")
            }
            out.append((key, YAMLNode(node: v, file: file, path: child(key))))
        }
        return out
    }

    public subscript(key: String) -> YAMLNode? {
        guard let v = node.mapping?[key] else { return nil }
        return YAMLNode(node: v, file: file, path: child(key))
    }

    public func required(_ key: String) throws(ConfigurationError) -> YAMLNode {
        guard isMapping else { throw fail("expected a mapping with `\(key):`") }
        guard let v = self[key] else { throw fail("missing `\(key):`") }
        return v
    }

    public func items() throws(ConfigurationError) -> [YAMLNode] {
        if let seq = node.sequence {
            return seq.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
        }
        throw fail("expected a list (lines starting with `- `, or `[a, b]`)")
    }

    public func string() throws(ConfigurationError) -> String {
        guard let s = node.scalar?.string else { throw fail("expected a single value, not a list or mapping") }
        return s
    }

    public func nonEmptyString() throws(ConfigurationError) -> String {
        let s = try string().trimmingWhitespace()
        guard !s.isEmpty else { throw fail("must not be empty") }
        return s
    }

    public func strings() throws(ConfigurationError) -> [String] {
        if node.scalar != nil { return [try nonEmptyString()] }
        return try items().map { item throws(ConfigurationError) in try item.nonEmptyString() }
    }

    public func int() throws(ConfigurationError) -> Int {
        guard let v = Int(try string()) else { throw fail("expected a whole number") }
        return v
    }

    public func bool() throws(ConfigurationError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("expected true or false")
        }
    }

    public func day() throws(ConfigurationError) -> CalendarDay {
        let s = try string()
        guard let d = CalendarDay(iso: s), s.count == 10 else {
            throw fail("expected a date as YYYY-MM-DD, got \"\(s)\"")
        }
        return d
    }

    /// Rejects keys this file does not know, so a typo is an error rather than silently ignored.
    public func allowOnly(_ keys: Set<String>) throws(ConfigurationError) {
        for (k, v) in try entries() where !keys.contains(k) {
            throw ConfigurationError(file: file, line: v.line, key: v.path,
                                     "unknown key; expected one of \(keys.sorted().joined(separator: ", "))")
        }
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            // Yams' description of the others quotes the text over several lines.
            return "\(error)".split(separator: "\n").first.map(String.init) ?? ""
        }
    }
}


/// Where in a file's bytes something is, for messages.
enum TextPosition {
    /// The 1-based line of the first byte that is not valid UTF-8; nil when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var line = 1, start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return String(validating: bytes[start...], as: UTF8.self) == nil ? line : nil
    }
}

extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
