/// The aggregation stage's output: every meeting, topic frequencies and commitment threads.
/// This is what `briefing analyze --json` writes and what rendering and scheduling read (the
/// file's keys are BriefingFormat's key table).
public struct Analysis: Sendable {
    public struct Summary: Hashable, Sendable {
        public var readouts: Int
        public var meetings: Int
        public var failed: Int
        public var firstDate: CalendarDay?
        public var lastDate: CalendarDay?
        /// Commitments by strength, keyed "1"..."4".
        public var commitmentsByStrength: [String: Int]
        public var threads: Int
        public var warnings: Int
        public var errors: Int
        public init(readouts: Int, meetings: Int, failed: Int, firstDate: CalendarDay?,
                    lastDate: CalendarDay?, commitmentsByStrength: [String: Int], threads: Int,
                    warnings: Int, errors: Int) {
            self.readouts = readouts
            self.meetings = meetings
            self.failed = failed
            self.firstDate = firstDate
            self.lastDate = lastDate
            self.commitmentsByStrength = commitmentsByStrength
            self.threads = threads
            self.warnings = warnings
            self.errors = errors
        }
    }

    /// A taxonomy entry as used for this analysis (so an export is self-describing).
    public struct TopicLabel: Hashable, Sendable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The relationship pack the analysis was made with: what the book prints about each side.
    public struct RelationshipInfo: Hashable, Sendable {
        public struct Side: Hashable, Sendable {
            public var id: String
            public var label: String
            public var country: String
            public init(id: String, label: String, country: String) {
                self.id = id
                self.label = label
                self.country = country
            }
        }
        public var id: String
        public var title: String
        /// The pair as a cover names it ("Canada – France").
        public var label: String
        public var bookTitle: String
        public var briefTitle: String
        public var sides: [Side]
        public init(id: String, title: String, label: String, bookTitle: String, briefTitle: String, sides: [Side]) {
            self.id = id
            self.title = title
            self.label = label
            self.bookTitle = bookTitle
            self.briefTitle = briefTitle
            self.sides = sides
        }

        /// How the book names an actor: a side's label, or "both".
        public func label(ofActor id: String) -> String { sides.first { $0.id == id }?.label ?? id }
    }

    /// A correction from `corrections.yaml` applied in this analysis, for the book to list.
    public struct Correction: Hashable, Sendable {
        /// The readout's file name.
        public var file: String
        /// "drop", "add", "change", "participant added", "participant removed", "date", "place", "kinds".
        public var kind: String
        /// The readout line of a commitment; nil for a meeting field.
        public var line: Int?
        /// The commitment's text, the person's name or the field's new value.
        public var text: String
        /// What changed ("strength confirmed → agreed"), or what the extractor had; nil when nothing to add.
        public var detail: String?
        public init(file: String, kind: String, line: Int?, text: String, detail: String? = nil) {
            self.file = file
            self.kind = kind
            self.line = line
            self.text = text
            self.detail = detail
        }
    }

    /// Export format version; bumped when a field changes meaning.
    public var formatVersion: Int
    public var generator: String
    /// The input folder as given.
    public var input: String
    public var summary: Summary
    /// Nil in exports made before relationship packs.
    public var relationship: RelationshipInfo?
    public var taxonomy: [TopicLabel]
    /// In date order (undated last, by file name).
    public var meetings: [Meeting]
    /// Sorted by mentions, then meetings, then id.
    public var topics: [TopicFrequency]
    /// Sorted by number of occurrences, then last date, then id.
    public var threads: [CommitmentThread]
    public var diagnostics: [Diagnostic]
    /// The analyst's corrections in force, by readout (in meeting order); nil when none.
    public var corrections: [Correction]?
    /// The thread rule the trends were judged by (a thread not made at this many of the latest
    /// meetings has lapsed); nil in exports made before it was recorded.
    public var lapseAfterMeetings: Int?

    public init(formatVersion: Int = 1, generator: String, input: String, summary: Summary,
                relationship: RelationshipInfo? = nil, taxonomy: [TopicLabel], meetings: [Meeting],
                topics: [TopicFrequency], threads: [CommitmentThread], diagnostics: [Diagnostic]) {
        self.formatVersion = formatVersion
        self.relationship = relationship
        self.generator = generator
        self.input = input
        self.summary = summary
        self.taxonomy = taxonomy
        self.meetings = meetings
        self.topics = topics
        self.threads = threads
        self.diagnostics = diagnostics
    }

    public func label(ofTopic id: String) -> String {
        taxonomy.first { $0.id == id }?.label ?? id
    }
}
