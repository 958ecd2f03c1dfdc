import BriefingModel
import Foundation

/// Everything the extractor reads from `layouts/`, loaded once and passed in.
public struct Configuration: Sendable {
    public var taxonomy: Taxonomy
    public var people: PeopleRegistry
    public var relationship: Relationship
    public var meetings: MeetingVocabulary
    public var commitments: CommitmentVocabulary
    /// The folder it came from (for messages).
    public var folder: String

    public init(taxonomy: Taxonomy, people: PeopleRegistry, relationship: Relationship,
                meetings: MeetingVocabulary, commitments: CommitmentVocabulary, folder: String) {
        self.taxonomy = taxonomy
        self.people = people
        self.relationship = relationship
        self.meetings = meetings
        self.commitments = commitments
        self.folder = folder
    }

    /// Loads and validates every file; the first unusable one throws with its file, key and line.
    public static func load(layoutsFolder: URL) throws(ConfigurationError) -> (Configuration, [Diagnostic]) {
        func node(_ name: String) throws(ConfigurationError) -> YAMLNode {
            let url = layoutsFolder.appendingPathComponent(name)
            guard let text = try YAMLNode.readFile(url.path, what: "layout file") else {
                throw ConfigurationError(file: url.path, line: nil, key: nil,
                                         "missing; every layouts folder needs \(name) (copy it from the project's layouts/)")
            }
            guard let root = try YAMLNode.parse(text, file: url.path) else {
                throw ConfigurationError(file: url.path, line: 1, key: nil, "the file is empty")
            }
            return root
        }
        let config = Configuration(
            taxonomy: try Taxonomy.load(node("taxonomy.yaml")),
            people: try PeopleRegistry.load(node("people.yaml")),
            relationship: try Relationship.load(node("relationship.yaml")),
            meetings: try MeetingVocabulary.load(node("meetings.yaml")),
            commitments: try CommitmentVocabulary.load(node("commitments.yaml")),
            folder: layoutsFolder.path)
        return (config, [])
    }
}
