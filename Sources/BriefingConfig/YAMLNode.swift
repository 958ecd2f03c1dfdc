import BriefingModel
import Yams

/// The one reader of the YAML a user edits (layouts, taxonomy, names, people registries,
/// relationship packs, schedules, manifests, Markdown front matter): a YAML node with the file
/// it came from, so every accessor fails with file, key and line, as a `ConfigurationError`
/// or, for a reader that goes on past a problem, a `Diagnostic`.
public struct YAMLNode {
    public let node: Node
    public let file: String
    /// Dotted path of keys from the document root, for messages ("topics[3].include").
    public let path: String
    /// The file's line number of the document's line 1, less one (front matter starts on line 2).
    public let lineOffset: Int

    public init(node: Node, file: String, path: String = "", lineOffset: Int = 0) {
        self.node = node
        self.file = file
        self.path = path
        self.lineOffset = lineOffset
    }

    /// The largest YAML file read: the biggest a user writes (a manifest of 50,000 readouts)
    /// is a few MB, and a parsed node tree takes about 25 times its file (a 16 MB manifest
    /// took 470 MB).
    public static let sizeLimit = 8 << 20

    /// The text of a user's YAML file; nil when there is none. Only a regular file (or a link
    /// to one) of at most `sizeLimit` bytes of UTF-8 is read: anything else is an error naming
    /// the file, never a hang on a FIFO.
    public static func readFile(_ path: String, what: String, limit: Int = sizeLimit) throws(ConfigurationError) -> String? {
        func failure(_ message: String) -> ConfigurationError {
            ConfigurationError(file: path, line: nil, key: nil, message)
        }
        let bytes: [UInt8]
        do { bytes = try RegularFile.read(path, limit: limit) } catch {
            switch error {
            case .missing: return nil
            case .tooLarge(let size):
                throw failure("the \(what) is \(Self.size(size)); at most \(Self.size(limit)) is read")
            default: throw failure("the \(what) \(error.message)")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = TextPosition.firstInvalidUTF8(bytes)
            throw ConfigurationError(file: path, line: bad, key: nil, "the \(what) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// "1 MB", or KB below a megabyte.
    private static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB" }

    /// Parses a whole document (nil when it is empty); a syntax error names the line libyaml
    /// stopped at. `firstLine` is the file's line number of the text's first line.
    public static func parse(_ text: String, file: String, firstLine: Int = 1) throws(ConfigurationError) -> YAMLNode? {
        // Every accessor reads a scalar's text and converts it itself, so scalars need no
        // implicit tags: the basic resolver skips the regular expressions that would guess
        // one for every scalar and for every key looked up (most of the time of loading).
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
            return YAMLNode(node: node, file: file, lineOffset: firstLine - 1)
        } catch let YamlError.duplicatedKeysInMapping(keys, context) {
            // Yams refuses a mapping with a key twice, and says where the first one is.
            throw ConfigurationError(file: file, line: context.mark.line + firstLine - 1, key: nil,
                                     "\(keys.map { "'\($0)'" }.joined(separator: ", ")) given twice in one mapping (first here); keep one")
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: YAMLNode.line(of: error).map { $0 + firstLine - 1 }, key: nil,
                                     "not valid YAML: \(YAMLNode.summary(of: error))")
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, "not valid YAML")
        }
    }

    public var line: Int? { node.mark.map { $0.line + lineOffset } }

    /// An error about this value, named by its path (or `key`) at its line (or `line`).
    public func fail(_ message: String, key: String? = nil, line: Int? = nil) -> ConfigurationError {
        let key = key ?? path
        return ConfigurationError(file: file, line: line ?? self.line, key: key.isEmpty ? nil : key, message)
    }

    /// A finding about this value for a reader that goes on past it: `path: message` at its line.
    public func finding(_ severity: Diagnostic.Severity, _ message: String, key: String? = nil) -> Diagnostic {
        var d = fail(message, key: key).diagnostic
        d.severity = severity
        return d
    }

    public var isMapping: Bool { node.mapping != nil }

    /// The line of each key of a mapping, by key.
    public func keyLines() -> [String: Int] {
        var out: [String: Int] = [:]
        for (k, _) in node.mapping ?? [:] { if let s = k.scalar?.string, let l = k.mark?.line { out[s] = l + lineOffset } }
        return out
    }

    /// The mapping's entries in file order (a key given twice never gets here: `parse` refuses it).
    public func entries() throws(ConfigurationError) -> [(key: String, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping of `key: value` lines") }
        var out: [(String, YAMLNode)] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                throw YAMLNode(node: k, file: file, path: path, lineOffset: lineOffset).fail("keys must be plain text")
            }
            out.append((key, YAMLNode(node: v, file: file, path: child(key), lineOffset: lineOffset)))
        }
        return out
    }

    public subscript(key: String) -> YAMLNode? {
        guard let v = node.mapping?[key] else { return nil }
        return YAMLNode(node: v, file: file, path: child(key), lineOffset: lineOffset)
    }

    /// `key` is not one this mapping takes: an error at the key's line listing `known`.
    public func unknownKey(_ key: String, known: [String]) -> ConfigurationError {
        fail("unknown key; expected one of \(known.joined(separator: ", "))", key: child(key), line: keyLines()[key] ?? line)
    }

    public func required(_ key: String) throws(ConfigurationError) -> YAMLNode {
        guard isMapping else { throw fail("expected a mapping with `\(key):`") }
        guard let v = self[key] else { throw fail("missing `\(key):`") }
        return v
    }

    public func items() throws(ConfigurationError) -> [YAMLNode] {
        if let seq = node.sequence {
            return seq.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]", lineOffset: lineOffset) }
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

    /// A number in `range` (a whole number or a decimal).
    public func number(in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard let s = node.scalar?.string, let v = Double(s.trimmingWhitespace()) else {
            throw fail("expected a number, got '\(node.scalar?.string ?? "a list or mapping")'")
        }
        guard range.contains(v) else { throw fail("\(v) is out of range \(range.lowerBound)–\(range.upperBound)") }
        return v
    }

    /// A whole number in `range`.
    public func integer(in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let s = node.scalar?.string, let v = Int(s.trimmingWhitespace()) else {
            throw fail("expected a whole number, got '\(node.scalar?.string ?? "a list or mapping")'")
        }
        guard range.contains(v) else { throw fail("\(v) is out of range \(range.lowerBound)–\(range.upperBound)") }
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
        for (k, _) in try entries() where !keys.contains(k) { throw unknownKey(k, known: keys.sorted()) }
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        case let .reader(_, offset?, _, yaml):
            // The reader gives a byte offset: the line is one more than the newlines before it.
            return yaml.utf8.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case let .reader(problem, _, _, _):
            return problem
        default:
            // Yams' description of the others quotes the text over several lines, after its own
            // "line:column: error:", which would read as a second diagnostic.
            var first = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            if let r = first.range(of: #"^\d+:\d+: error: "#, options: .regularExpression) { first.removeSubrange(r) }
            while first.hasSuffix(":") { first.removeLast() }
            return first
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
