/// The same commitment made again at later meetings, with how its strength moved.
public struct CommitmentThread: Hashable, Sendable {
    public enum Trend: String, Sendable, CaseIterable {
        /// Made once, recently.
        case new
        /// Made again at about the same strength.
        case recurring
        /// The latest occurrence is stronger than the first.
        case strengthening
        /// The latest occurrence is weaker than the strongest before it.
        case weakening
        /// Not repeated at the most recent meetings.
        case lapsed
    }

    /// One meeting's instance of the thread (the strongest when a meeting made it twice).
    public struct Occurrence: Hashable, Sendable {
        public var file: String
        public var date: CalendarDay?
        public var strength: Commitment.Strength
        public var actor: String
        public var text: String
        public var line: Int
        /// Which sentence starting on `line` it comes from (1 for the first).
        public var sentenceOnLine: Int
        /// The id of the sentence it comes from (`Statement.id`).
        public var statement: String { Statement.id(file: file, line: line, ordinal: sentenceOnLine) }
        public init(file: String, date: CalendarDay?, strength: Commitment.Strength, actor: String,
                    text: String, line: Int, sentenceOnLine: Int = 1) {
            self.sentenceOnLine = sentenceOnLine
            self.file = file
            self.date = date
            self.strength = strength
            self.actor = actor
            self.text = text
            self.line = line
        }
    }

    /// Stable id: the concept id from the taxonomy, or "topic/key-words" for threads grouped by
    /// wording.
    public var id: String
    public var label: String
    /// The topic the thread belongs to (first of its commitments' topics).
    public var topic: String
    /// "concept" when grouped by a taxonomy concept, "wording" when by shared key words.
    public var groupedBy: String
    public var firstDate: CalendarDay?
    public var lastDate: CalendarDay?
    /// In date order.
    public var occurrences: [Occurrence]
    public var strengths: [Int]
    public var trend: Trend

    public init(id: String, label: String, topic: String, groupedBy: String,
                occurrences: [Occurrence], trend: Trend) {
        self.id = id
        self.label = label
        self.topic = topic
        self.groupedBy = groupedBy
        self.occurrences = occurrences
        self.firstDate = occurrences.compactMap(\.date).min()
        self.lastDate = occurrences.compactMap(\.date).max()
        self.strengths = occurrences.map(\.strength.rawValue)
        self.trend = trend
    }
}
