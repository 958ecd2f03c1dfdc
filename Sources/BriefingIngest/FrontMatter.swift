import BriefingConfig
import BriefingModel

/// YAML front matter at the top of a Markdown readout (`---` ... `---`): fields the text may
/// lack (date, place, kind, title).
public struct FrontMatter: Sendable {
    public var fields: [String: String]
    /// Line numbers of each field, for messages.
    public var lines: [String: Int]
    /// Lines the front matter took, so body lines keep their numbers in the file.
    public var lineCount: Int

    /// Splits front matter from the body. Returns nil when the text has none; throws a message
    /// and line when it is there but not a YAML mapping (read by the configuration's loader,
    /// `YAMLNode`; plain `key: value` lines need no YAML parser).
    public static func split(_ text: String) throws(IngestError) -> (FrontMatter, body: Substring)? {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return nil }
        var lineNo = 1
        var idx = text.index(after: text.firstIndex(of: "\n")!)
        let yamlStart = idx
        while idx < text.endIndex {
            let end = text[idx...].firstIndex(of: "\n") ?? text.endIndex
            lineNo += 1
            let line = text[idx..<end]
            if line == "---" || line == "..." {
                let yaml = String(text[yamlStart..<idx])
                let body = end < text.endIndex ? text[text.index(after: end)...] : text[end...]
                return (try parse(yaml, closingLine: lineNo), body)
            }
            idx = end < text.endIndex ? text.index(after: end) : end
        }
        throw IngestError(line: 1, "front matter opened with `---` is never closed; add a `---` line after it")
    }

    static func parse(_ yaml: String, closingLine: Int) throws(IngestError) -> FrontMatter {
        if let simple = parseFlat(yaml, closingLine: closingLine) { return simple }
        var fields: [String: String] = [:], lines: [String: Int] = [:]
        do throws(ConfigurationError) {
            // The YAML starts on the file's line 2, after the opening `---`.
            guard let root = try YAMLNode.parse(yaml, file: "front matter", firstLine: 2) else {
                return FrontMatter(fields: [:], lines: [:], lineCount: closingLine)
            }
            guard root.isMapping else { throw root.fail("front matter must be `key: value` lines", line: 2) }
            let keyLines = root.keyLines()
            for (key, value) in try root.entries() {
                if value.node.scalar != nil {
                    fields[key.lowercased()] = try value.string()
                } else if value.node.sequence != nil {
                    fields[key.lowercased()] = try value.items().compactMap { $0.node.scalar?.string }.joined(separator: "; ")
                }
                lines[key.lowercased()] = keyLines[key]
            }
        } catch {
            // Reported about the readout, at the file's line.
            throw IngestError(line: error.line ?? 2, error.key.map { "front matter: \($0): \(error.message)" } ?? "front matter: \(error.message)")
        }
        return FrontMatter(fields: fields, lines: lines, lineCount: closingLine)
    }
}

extension FrontMatter {
    /// The common case, `key: plain value` lines, without starting a YAML parser; nil for
    /// anything else (quotes, lists, nesting), which the YAML parser then reads.
    static func parseFlat(_ yaml: String, closingLine: Int) -> FrontMatter? {
        var fields: [String: String] = [:], lines: [String: Int] = [:]
        var n = 1
        for raw in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            n += 1
            let line = Substring(raw)
            if line.allSatisfy({ $0 == " " }) || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
            let key = line[..<colon]
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            var value = line[line.index(after: colon)...]
            while value.first == " " { value.removeFirst() }
            while value.last == " " { value.removeLast() }
            if let f = value.first, "\"'[{|>&*!%@`#".contains(f) { return nil }
            if value.contains(": ") || value.contains(" #") { return nil }
            // A key given twice is the YAML reader's to report.
            if fields[key.lowercased()] != nil { return nil }
            fields[key.lowercased()] = String(value)
            lines[key.lowercased()] = n
        }
        return FrontMatter(fields: fields, lines: lines, lineCount: closingLine)
    }
}

/// A problem with one readout's bytes or structure, at a line. A warning when the file is no
/// readout at all (a folder, a FIFO, a dangling link): it is skipped, not failed.
public struct IngestError: Error, Sendable {
    public var line: Int?
    public var message: String
    public var severity: Diagnostic.Severity
    public init(line: Int?, _ message: String, severity: Diagnostic.Severity = .error) {
        self.line = line
        self.message = message
        self.severity = severity
    }
}
