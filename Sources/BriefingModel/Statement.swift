/// A sentence-level unit of a readout, with who said it and what it is about.
public struct Statement: Hashable, Sendable {
    public var text: String
    /// 1-based line in the source file where the sentence starts.
    public var line: Int
    /// One of the relationship's side ids or "both"; nil when no speaker is known.
    public var speaker: String?
    /// Topic ids whose rules match this statement.
    public var topics: [String]
    /// The readout's own section heading this statement sits under.
    public var section: String?

    public init(text: String, line: Int, speaker: String?, topics: [String], section: String?) {
        self.text = text
        self.line = line
        self.speaker = speaker
        self.topics = topics
        self.section = section
    }
}
