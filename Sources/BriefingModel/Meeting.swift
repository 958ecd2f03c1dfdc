/// Everything extracted from one readout.
public struct Meeting: Hashable, Sendable {
    /// Where the date came from, most trusted first.
    public enum DateSource: String, Sendable {
        case text, frontMatter = "front-matter", manifest, pageMetadata = "page-metadata"
        case termsOfOffice = "terms-of-office", analyst, none
    }

    /// The readout's file name, no folder (what the scorer and the ledger key on).
    public var file: String
    /// The path as the user's input folder gives it, for diagnostics and source references.
    public var path: String
    public var title: String?
    public var date: CalendarDay?
    /// True when the year was not in the text, front matter or manifest.
    public var dateInferred: Bool
    public var dateSource: DateSource
    /// Distinct kinds in order of appearance; `parts` has each with its own time.
    public var kinds: [String]
    public var parts: [MeetingPart]
    /// The people who held the meeting.
    public var participants: [Participant]
    /// People named but not in the meeting (Kim Jong-un, Xi Jinping).
    public var mentioned: [Participant]
    public var place: String?
    /// Local start time "HH:MM".
    public var startTime: String?
    public var durationMinutes: Int?
    /// The readout's own section headings, in order.
    public var sections: [String]
    public var statementCount: Int
    /// Topic mentions (statements matched), sorted by mentions then id.
    public var topics: [TopicCount]
    public var commitments: [Commitment]
    /// Every sentence (id, line and text; speaker, topics and section when `analyze` was asked
    /// for them); nil after a lean read of a saved analysis, which skips them.
    public var statements: [Statement]?
    /// Where a lean read left `statements` in the analysis file it read (nil otherwise).
    public var statementsInFile: FileSpan?
    /// `statements` as the export writes them (UTF-8 JSON), held instead of the list where a
    /// whole corpus waits to be written (`analyze`): well under half the memory.
    public var statementsEncoded: [UInt8]?
    /// Commitments the extractor found and an analyst dropped (`corrections.yaml`), kept to
    /// show what was said; nil when none.
    public var dropped: [Commitment]?
    /// What the extractor said of the meeting fields an analyst set; nil when none was.
    public var extracted: Extracted?

    /// The extractor's values of the meeting fields an analyst set or edited.
    public struct Extracted: Hashable, Sendable {
        /// The fields the analyst set: "date", "place", "kinds", "participants".
        public var fields: [String]
        public var date: CalendarDay?
        public var dateSource: DateSource?
        public var dateInferred: Bool?
        public var place: String?
        public var kinds: [String]?
        public var participants: [Participant]?
        public init(fields: [String] = [], date: CalendarDay? = nil, dateSource: DateSource? = nil, dateInferred: Bool? = nil,
                    place: String? = nil, kinds: [String]? = nil, participants: [Participant]? = nil) {
            self.fields = fields
            self.date = date
            self.dateSource = dateSource
            self.dateInferred = dateInferred
            self.place = place
            self.kinds = kinds
            self.participants = participants
        }
    }

    /// "analyst" when an analyst set a meeting field (`extracted` says which); nil otherwise.
    public var source: String? {
        get { extracted == nil ? nil : "analyst" }
        set {}
    }

    public init(file: String, path: String, title: String? = nil, date: CalendarDay? = nil,
                dateInferred: Bool = false, dateSource: DateSource = .none, kinds: [String] = [],
                parts: [MeetingPart] = [], participants: [Participant] = [],
                mentioned: [Participant] = [], place: String? = nil, startTime: String? = nil,
                durationMinutes: Int? = nil, sections: [String] = [], statementCount: Int = 0,
                topics: [TopicCount] = [], commitments: [Commitment] = [],
                statements: [Statement]? = nil) {
        self.file = file
        self.path = path
        self.title = title
        self.date = date
        self.dateInferred = dateInferred
        self.dateSource = dateSource
        self.kinds = kinds
        self.parts = parts
        self.participants = participants
        self.mentioned = mentioned
        self.place = place
        self.startTime = startTime
        self.durationMinutes = durationMinutes
        self.sections = sections
        self.statementCount = statementCount
        self.topics = topics
        self.commitments = commitments
        self.statements = statements
    }
}
