import BriefingModel
import Foundation

/// What an analyst fixed in the extraction, written down by readout file name in
/// `corrections.yaml` beside the manifest, so that it stays fixed on every run:
///
///     002_readout.txt:
///       drop:   [{line: 12, text: "The leaders shared the view"}]
///       add:    [{line: 9, text: "...", actor: SIDE, strength: 1, topics: [TOPIC]}]
///       change: [{line: 7, text: "The two ministers confirmed", strength: 3, actor: both, topics: [TOPIC]}]
///       participants: {add: [{name: "...", role: "...", side: SIDE}], remove: ["..."]}
///       set: {place: "...", kinds: ["..."], date: 2019-05-14}
///
/// Entries are checked against the relationship's side ids and the taxonomy's topic ids: an
/// entry with a problem is an error naming file, key and line and is not applied (half of a
/// correction would be a misapplied one); the other entries still are.
public struct Corrections: Sendable {
    /// A commitment found by its readout line and the start of its text.
    public struct Locator: Sendable, Hashable {
        public var line: Int
        public var text: String
        /// The line in corrections.yaml, for stale warnings.
        public var at: Int?
        public init(line: Int, text: String, at: Int? = nil) {
            self.line = line
            self.text = text
            self.at = at
        }
    }

    /// A commitment the extractor missed.
    public struct Addition: Sendable, Hashable {
        public var line: Int
        public var text: String
        public var actor: String
        public var strength: Commitment.Strength
        public var topics: [String]
        public var at: Int?
    }

    /// New values for a commitment the extractor found; nil leaves a field as extracted.
    public struct Change: Sendable, Hashable {
        public var target: Locator
        public var strength: Commitment.Strength?
        public var actor: String?
        public var topics: [String]?
    }

    public struct NewParticipant: Sendable, Hashable {
        public var name: String
        public var role: String?
        public var side: String?
        public var at: Int?
    }

    public struct Removal: Sendable, Hashable {
        public var name: String
        public var at: Int?
    }

    /// One readout's corrections.
    public struct Entry: Sendable, Hashable {
        public var drop: [Locator] = []
        public var add: [Addition] = []
        public var change: [Change] = []
        public var addParticipants: [NewParticipant] = []
        public var removeParticipants: [Removal] = []
        public var place: String?
        public var kinds: [String]?
        public var date: CalendarDay?
        /// The entry's key line in corrections.yaml.
        public var line: Int?
        public init() {}

        public var isEmpty: Bool {
            drop.isEmpty && add.isEmpty && change.isEmpty && addParticipants.isEmpty && removeParticipants.isEmpty
                && place == nil && kinds == nil && date == nil
        }

        /// The entry's content without its lines in corrections.yaml: a cache keyed on it is
        /// not invalidated when entries above it are added or removed.
        public var fingerprint: String {
            var out: [String] = []
            func q(_ s: String) -> String { Diagnostic.oneLine(s).replacingOccurrences(of: "\u{1}", with: " ") }
            for d in drop { out.append("drop \(d.line) \(q(d.text))") }
            for a in add { out.append("add \(a.line) \(q(a.text)) \(a.actor) \(a.strength.rawValue) \(a.topics.joined(separator: ","))") }
            for c in change {
                out.append("change \(c.target.line) \(q(c.target.text)) \(c.strength.map { String($0.rawValue) } ?? "-") "
                           + "\(c.actor ?? "-") \(c.topics?.joined(separator: ",") ?? "-")")
            }
            for p in addParticipants { out.append("participant+ \(q(p.name)) \(q(p.role ?? "-")) \(p.side ?? "-")") }
            for p in removeParticipants { out.append("participant- \(q(p.name))") }
            if let place { out.append("place \(q(place))") }
            if let kinds { out.append("kinds \(kinds.map(q).joined(separator: ","))") }
            if let date { out.append("date \(date)") }
            return out.joined(separator: "\u{1}")
        }
    }

    public var file: String
    public var entries: [String: Entry]

    public init(file: String, entries: [String: Entry]) {
        self.file = file
        self.entries = entries
    }

    public subscript(readout: String) -> Entry? { entries[readout] }

    public static let fileNames = ["corrections.yaml", "corrections.yml"]

    /// What entries are checked against: the relationship's side ids and the taxonomy's topic ids.
    public struct Vocabulary: Sendable {
        public var sides: [String]
        public var topics: [String]
        public init(sides: [String], topics: [String]) {
            self.sides = sides
            self.topics = topics
        }
        public init(_ configuration: Configuration) {
            self.init(sides: configuration.relationship.sides.map(\.id), topics: configuration.taxonomy.topics.map(\.id))
        }
        var actors: [String] { sides + ["both"] }
    }

    /// Parses corrections; a file that is not YAML or not a mapping of readouts throws, and a
    /// bad entry is an error diagnostic and left out.
    public static func parse(_ text: String, file: String, vocabulary: Vocabulary) throws(ConfigurationError) -> (Corrections, [Diagnostic]) {
        guard let root = try YAMLNode.parse(text, file: file) else { return (Corrections(file: file, entries: [:]), []) }
        var entries: [String: Entry] = [:]
        var diagnostics: [Diagnostic] = []
        let keyLines = root.keyLines()
        for (name, value) in try root.entries() {
            do {
                var entry = try CorrectionEntryReader(vocabulary: vocabulary).entry(value)
                entry.line = keyLines[name] ?? value.line
                entries[name] = entry
            } catch {
                var d = error.diagnostic
                d.message += " (the entry for \(name) is not applied)"
                diagnostics.append(d)
            }
        }
        return (Corrections(file: file, entries: entries), diagnostics)
    }

    /// Loads `corrections.yaml` (or `.yml`) from a folder; nil when there is none.
    public static func load(inFolder folder: URL, vocabulary: Vocabulary) throws(ConfigurationError) -> (Corrections, [Diagnostic])? {
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            guard let text = try YAMLNode.readFile(url.path, what: "corrections file") else { continue }
            return try parse(text, file: url.relativePath, vocabulary: vocabulary)
        }
        return nil
    }
}

/// Reads one readout's entry, every value checked; the first problem throws with its key and line.
struct CorrectionEntryReader {
    let vocabulary: Corrections.Vocabulary

    func entry(_ node: YAMLNode) throws(ConfigurationError) -> Corrections.Entry {
        var entry = Corrections.Entry()
        let known = ["add", "change", "drop", "participants", "set"]
        for (key, value) in try node.entries() {
            switch key {
            case "drop": entry.drop = try list(value) { n throws(ConfigurationError) in try locator(n) }
            case "add": entry.add = try list(value) { n throws(ConfigurationError) in try addition(n) }
            case "change": entry.change = try list(value) { n throws(ConfigurationError) in try change(n) }
            case "participants":
                try value.allowOnly(["add", "remove"])
                if let add = value["add"] { entry.addParticipants = try list(add) { n throws(ConfigurationError) in try participant(n) } }
                if let remove = value["remove"] {
                    entry.removeParticipants = try list(remove) { n throws(ConfigurationError) in
                        Corrections.Removal(name: try n.nonEmptyString(), at: n.line)
                    }
                }
            case "set":
                try value.allowOnly(["place", "kinds", "kind", "date"])
                if value["kind"] != nil, value["kinds"] != nil { throw value.fail("give kinds or kind, not both") }
                entry.place = try value["place"]?.nonEmptyString()
                if let kinds = value["kinds"] ?? value["kind"] {
                    entry.kinds = try kinds.strings()
                    if entry.kinds!.isEmpty { throw kinds.fail("must name at least one kind") }
                }
                entry.date = try value["date"]?.day()
            default: throw node.unknownKey(key, known: known)
            }
        }
        return entry
    }

    /// A list of mappings (a single mapping is taken as a list of one).
    private func list<T>(_ node: YAMLNode, _ item: (YAMLNode) throws(ConfigurationError) -> T) throws(ConfigurationError) -> [T] {
        if node.isMapping { return [try item(node)] }
        var out: [T] = []
        for n in try node.items() { out.append(try item(n)) }
        return out
    }

    private func locator(_ n: YAMLNode) throws(ConfigurationError) -> Corrections.Locator {
        try n.allowOnly(["line", "text"])
        return Corrections.Locator(line: try n.required("line").integer(in: 1...10_000_000),
                                   text: try n.required("text").nonEmptyString(), at: n.line)
    }

    private func addition(_ n: YAMLNode) throws(ConfigurationError) -> Corrections.Addition {
        try n.allowOnly(["line", "text", "actor", "strength", "topics"])
        return Corrections.Addition(line: try n.required("line").integer(in: 1...10_000_000),
                                    text: try n.required("text").nonEmptyString(),
                                    actor: try actor(n.required("actor")), strength: try strength(n.required("strength")),
                                    topics: try topics(n["topics"]) ?? [], at: n.line)
    }

    private func change(_ n: YAMLNode) throws(ConfigurationError) -> Corrections.Change {
        try n.allowOnly(["line", "text", "actor", "strength", "topics"])
        let target = Corrections.Locator(line: try n.required("line").integer(in: 1...10_000_000),
                                         text: try n.required("text").nonEmptyString(), at: n.line)
        let c = Corrections.Change(target: target, strength: try n["strength"].map { s throws(ConfigurationError) in try strength(s) },
                                   actor: try n["actor"].map { a throws(ConfigurationError) in try actor(a) },
                                   topics: try topics(n["topics"]))
        guard c.strength != nil || c.actor != nil || c.topics != nil else {
            throw n.fail("a change gives strength, actor or topics (to drop a commitment, use drop:)")
        }
        return c
    }

    private func participant(_ n: YAMLNode) throws(ConfigurationError) -> Corrections.NewParticipant {
        if !n.isMapping { return Corrections.NewParticipant(name: try n.nonEmptyString(), at: n.line) }
        try n.allowOnly(["name", "role", "side"])
        let side = try n["side"].map { s throws(ConfigurationError) in try sideID(s) }
        return Corrections.NewParticipant(name: try n.required("name").nonEmptyString(), role: try n["role"]?.nonEmptyString(),
                                          side: side, at: n.line)
    }

    private func actor(_ n: YAMLNode) throws(ConfigurationError) -> String {
        let a = try n.nonEmptyString()
        guard vocabulary.actors.contains(a) else {
            throw n.fail("unknown actor '\(a)'; the relationship's are \(vocabulary.actors.joined(separator: ", "))")
        }
        return a
    }

    private func sideID(_ n: YAMLNode) throws(ConfigurationError) -> String {
        let s = try n.nonEmptyString()
        guard vocabulary.sides.contains(s) else {
            throw n.fail("unknown side '\(s)'; the relationship's sides are \(vocabulary.sides.joined(separator: ", "))")
        }
        return s
    }

    /// 1–4, or its label ("shared view", "confirmed", "agreed", "signed").
    private func strength(_ n: YAMLNode) throws(ConfigurationError) -> Commitment.Strength {
        let s = try n.string().trimmingWhitespace().lowercased()
        if let v = Commitment.Strength.allCases.first(where: { $0.label == s }) { return v }
        return Commitment.Strength(rawValue: try n.integer(in: 1...4))!
    }

    private func topics(_ n: YAMLNode?) throws(ConfigurationError) -> [String]? {
        guard let n else { return nil }
        let ids = n.node.sequence?.isEmpty == true ? [] : try n.strings()
        for id in ids where !vocabulary.topics.contains(id) {
            throw n.fail("unknown topic '\(id)'; topics are the taxonomy's ids (\(vocabulary.topics.prefix(8).joined(separator: ", "))\(vocabulary.topics.count > 8 ? ", …" : ""))")
        }
        return ids
    }
}
