/// A sentence-level unit of a readout, with who said it and what it is about.
public struct Statement: Hashable, Sendable {
    /// Stable id: "file:line" for the first sentence that starts on the line, "file:line.2"
    /// for the second, and so on. Commitments and thread occurrences refer to it.
    public var id: String = ""
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

    /// The id of the `ordinal`-th (1-based) sentence starting on `line` of `file`.
    public static func id(file: String, line: Int, ordinal: Int = 1) -> String {
        ordinal <= 1 ? "\(file):\(line)" : "\(file):\(line).\(ordinal)"
    }

    /// The sentence ordinal an id ends with ("a.txt:12.2" -> 2, "a.txt:12" -> 1).
    public static func ordinal(ofID id: String) -> Int {
        guard let colon = id.lastIndex(of: ":"), let dot = id[colon...].lastIndex(of: "."),
              let n = Int(id[id.index(after: dot)...]), n >= 1 else { return 1 }
        return n
    }
}
