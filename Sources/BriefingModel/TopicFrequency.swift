/// A topic across the whole corpus: how often and at how many meetings it came up.
public struct TopicFrequency: Hashable, Sendable {
    public struct YearCount: Hashable, Sendable {
        public var year: Int
        public var mentions: Int
        public var meetings: Int
        public init(year: Int, mentions: Int, meetings: Int) {
            self.year = year
            self.mentions = mentions
            self.meetings = meetings
        }
    }

    public var id: String
    public var label: String
    /// Statements matched, summed over meetings.
    public var mentions: Int
    /// Meetings with at least one mention.
    public var meetings: Int
    /// Commitments carrying this topic.
    public var commitments: Int
    public var firstDate: CalendarDay?
    public var lastDate: CalendarDay?
    /// Per calendar year, for trend charts (dated meetings only).
    public var byYear: [YearCount]

    public init(id: String, label: String, mentions: Int, meetings: Int, commitments: Int,
                firstDate: CalendarDay?, lastDate: CalendarDay?, byYear: [YearCount]) {
        self.id = id
        self.label = label
        self.mentions = mentions
        self.meetings = meetings
        self.commitments = commitments
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.byYear = byYear
    }
}
