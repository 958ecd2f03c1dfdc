import BriefingModel
import Foundation

/// What a readout's text lacks, written down by the user: `manifest.yaml` in the input folder
/// maps a readout's file name to its `date`, `place`, `kind`.
public struct Manifest: Sendable {
    public struct Entry: Sendable, Hashable {
        public var date: CalendarDay?
        public var place: String?
        public var kind: String?
        public var line: Int?
        public init(date: CalendarDay? = nil, place: String? = nil, kind: String? = nil, line: Int? = nil) {
            self.date = date
            self.place = place
            self.kind = kind
            self.line = line
        }
    }

    public var file: String
    public var entries: [String: Entry]

    public init(file: String, entries: [String: Entry]) {
        self.file = file
        self.entries = entries
    }

    public subscript(readout: String) -> Entry? { entries[readout] }

    /// Parses a manifest; structural problems throw, unknown fields become warnings.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> (Manifest, [Diagnostic]) {
        guard let root = try YAMLNode.parse(text, file: file) else { return (Manifest(file: file, entries: [:]), []) }
        var entries: [String: Entry] = [:]
        var diagnostics: [Diagnostic] = []
        let keyLines = root.keyLines()
        for (name, value) in try root.entries() {
            var entry = Entry(line: keyLines[name] ?? value.line)
            for (key, field) in try value.entries() {
                switch key {
                case "date": entry.date = try field.day()
                case "place": entry.place = try field.nonEmptyString()
                case "kind": entry.kind = try field.nonEmptyString()
                default:
                    diagnostics.append(Diagnostic(.warning, file: file, line: field.line,
                                                  "\(name).\(key): unknown field ignored; a manifest entry takes date, place and kind"))
                }
            }
            entries[name] = entry
        }
        return (Manifest(file: file, entries: entries), diagnostics)
    }

    /// Loads `manifest.yaml` (or `.yml`) from a folder; nil when there is none.
    public static func load(inFolder folder: URL) throws(ConfigurationError) -> (Manifest, [Diagnostic])? {
        for name in ["manifest.yaml", "manifest.yml"] {
            let url = folder.appendingPathComponent(name)
            guard let text = try YAMLNode.readFile(url.path, what: "manifest") else { continue }
            return try parse(text, file: url.path)
        }
        return nil
    }
}
