import BriefingModel
import Foundation

/// Everything the extractor reads from `layouts/`, loaded once and passed in: what every
/// relationship shares (taxonomy, commitment and meeting vocabularies, how people are named)
/// and what one relationship pack adds (its two sides, its people, its topics and places).
public struct Configuration: Sendable {
    public var taxonomy: Taxonomy
    public var people: PeopleRegistry
    public var relationship: Relationship
    public var meetings: MeetingVocabulary
    public var commitments: CommitmentVocabulary
    public var names: NameVocabulary
    /// The folder it came from (for messages).
    public var folder: String


    public init(taxonomy: Taxonomy, people: PeopleRegistry, relationship: Relationship,
                meetings: MeetingVocabulary, commitments: CommitmentVocabulary, names: NameVocabulary, folder: String) {
        self.taxonomy = taxonomy
        self.people = people
        self.relationship = relationship
        self.meetings = meetings
        self.commitments = commitments
        self.names = names
        self.folder = folder
    }

    /// The relationship packs under a layouts folder (`relationships/NAME/relationship.yaml`).
    public static func relationships(in layoutsFolder: URL) -> [String] {
        let dir = layoutsFolder.appendingPathComponent("relationships")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).appendingPathComponent("relationship.yaml").path)
        }.sorted()
    }

    /// The pack used when none is named: the one whose relationship.yaml says `default: true`,
    /// or the only one.
    public static func defaultRelationship(in layoutsFolder: URL) throws(ConfigurationError) -> String {
        let packs = relationships(in: layoutsFolder)
        let dir = layoutsFolder.appendingPathComponent("relationships")
        let marked = packs.filter { name in
            let url = dir.appendingPathComponent(name).appendingPathComponent("relationship.yaml")
            guard let text = try? YAMLNode.readFile(url.path, what: "layout file"),
                  let root = try? YAMLNode.parse(text, file: url.path) else { return false }
            return (try? root["default"]?.bool()) == true
        }
        if marked.count == 1 { return marked[0] }
        if packs.count == 1 { return packs[0] }
        throw ConfigurationError(file: dir.path, line: nil, key: nil,
                                 packs.isEmpty ? "no relationship packs here (relationships/NAME/relationship.yaml)"
                                               : "name a relationship with --relationship (\(packs.joined(separator: ", "))), or mark one `default: true`")
    }

    /// Loads and validates every file; the first unusable one throws with its file, key and line.
    ///
    /// A layouts folder holds the shared files (taxonomy.yaml, commitments.yaml, meetings.yaml,
    /// names.yaml), the people registries (people/NAME.yaml) and the packs
    /// (relationships/NAME/: relationship.yaml, and optionally topics.yaml and places.yaml).
    /// A folder with a relationship.yaml and people.yaml of its own is one relationship as it
    /// stands, whatever `relationship` says.
    public static func load(layoutsFolder: URL, relationship name: String? = nil) throws(ConfigurationError) -> (Configuration, [Diagnostic]) {
        func node(_ url: URL, optional: Bool = false) throws(ConfigurationError) -> YAMLNode? {
            guard let text = try YAMLNode.readFile(url.path, what: "layout file") else {
                if optional { return nil }
                throw ConfigurationError(file: url.path, line: nil, key: nil,
                                         "missing; every layouts folder needs \(url.lastPathComponent) (copy it from the project's layouts/)")
            }
            guard let root = try YAMLNode.parse(text, file: url.path) else {
                throw ConfigurationError(file: url.path, line: 1, key: nil, "the file is empty")
            }
            return root
        }
        func required(_ url: URL) throws(ConfigurationError) -> YAMLNode {
            // `node` throws for a missing file unless asked not to, so this is never nil.
            guard let n = try node(url) else { throw ConfigurationError(file: url.path, line: nil, key: nil, "missing") }
            return n
        }
        let shared = { (file: String) in layoutsFolder.appendingPathComponent(file) }
        let flat = FileManager.default.fileExists(atPath: shared("relationship.yaml").path)
            && FileManager.default.fileExists(atPath: shared("people.yaml").path)
        let packFolder: URL
        let packID: String
        if flat {
            packFolder = layoutsFolder
            packID = layoutsFolder.lastPathComponent
        } else {
            if let name { packID = name } else { packID = try defaultRelationship(in: layoutsFolder) }
            packFolder = layoutsFolder.appendingPathComponent("relationships").appendingPathComponent(packID)
            guard FileManager.default.fileExists(atPath: packFolder.appendingPathComponent("relationship.yaml").path) else {
                let known = relationships(in: layoutsFolder)
                throw ConfigurationError(file: packFolder.appendingPathComponent("relationship.yaml").path, line: nil, key: nil,
                                         "no relationship pack \"\(packID)\" here; "
                                         + (known.isEmpty ? "this layouts folder has none (relationships/NAME/relationship.yaml)"
                                                          : "the packs are: \(known.joined(separator: ", "))"))
            }
        }
        let relationship = try Relationship.load(required(packFolder.appendingPathComponent("relationship.yaml")), id: packID)
        var people: PeopleRegistry
        if flat {
            people = try PeopleRegistry.load(required(shared("people.yaml")))
        } else {
            guard !relationship.peopleFiles.isEmpty else {
                throw ConfigurationError(file: packFolder.appendingPathComponent("relationship.yaml").path, line: nil, key: "people",
                                         "list the registry files of the pack's people (people: [NAME, ...] for layouts/people/NAME.yaml)")
            }
            var registries: [PeopleRegistry] = []
            for file in relationship.peopleFiles {
                let url = layoutsFolder.appendingPathComponent("people").appendingPathComponent(file + ".yaml")
                registries.append(try PeopleRegistry.load(required(url)))
            }
            people = try PeopleRegistry.merged(registries)
        }
        var taxonomy = try Taxonomy.load(required(shared("taxonomy.yaml")))
        var meetings = try MeetingVocabulary.load(required(shared("meetings.yaml")))
        if !flat {
            if let topics = try node(packFolder.appendingPathComponent("topics.yaml"), optional: true) {
                taxonomy = try taxonomy.extended(by: topics)
            }
            if let places = try node(packFolder.appendingPathComponent("places.yaml"), optional: true) {
                meetings = try meetings.extended(byPlaces: places)
            }
        }
        let config = Configuration(
            taxonomy: taxonomy, people: people, relationship: relationship, meetings: meetings,
            commitments: try CommitmentVocabulary.load(required(shared("commitments.yaml"))),
            names: try NameVocabulary.load(required(shared("names.yaml"))),
            folder: layoutsFolder.path)
        return (config, [])
    }
}
