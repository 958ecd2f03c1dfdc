/// What changed from a day on, against the analysis before it: the "Since DATE" section of the
/// book, the brief and every scheduled report. Made by the aggregation stage (`ChangeFinder`).
public struct ChangesSince: Sendable, Hashable {
    /// How a thread's trend moved between the day before `since` and `through`.
    public enum ThreadChange: String, Sendable, CaseIterable {
        /// Lapsed before, made again since.
        case renewed
        case strengthened, weakened
        /// Not lapsed before, lapsed now.
        case lapsed
    }

    /// A commitment made at a meeting on or after `since`.
    public struct NewCommitment: Sendable, Hashable {
        public var date: CalendarDay
        public var commitment: Commitment
        public init(date: CalendarDay, commitment: Commitment) {
            self.date = date
            self.commitment = commitment
        }
    }

    public struct TrendChange: Sendable, Hashable {
        public var thread: String
        public var label: String
        public var topic: String
        public var change: ThreadChange
        public var before: CommitmentThread.Trend
        public var after: CommitmentThread.Trend
        /// The latest occurrence up to `through`: where the change shows.
        public var latest: CommitmentThread.Occurrence
        public init(thread: String, label: String, topic: String, change: ThreadChange, before: CommitmentThread.Trend,
                    after: CommitmentThread.Trend, latest: CommitmentThread.Occurrence) {
            self.thread = thread
            self.label = label
            self.topic = topic
            self.change = change
            self.before = before
            self.after = after
            self.latest = latest
        }
    }

    /// A topic's mentions in `[since, through]` against the equally long period before.
    public struct TopicShift: Sendable, Hashable {
        public var topic: String
        public var label: String
        public var before: Int
        public var after: Int
        public var rose: Bool { after > before }
        public init(topic: String, label: String, before: Int, after: Int) {
            self.topic = topic
            self.label = label
            self.before = before
            self.after = after
        }
    }

    /// A participant whose first meeting in the analysis is on or after `since`.
    public struct FirstMeeting: Sendable, Hashable {
        public var participant: Participant
        public var date: CalendarDay
        public var file: String
        public init(participant: Participant, date: CalendarDay, file: String) {
            self.participant = participant
            self.date = date
            self.file = file
        }
    }

    public var since: CalendarDay
    /// The last day looked at (inclusive).
    public var through: CalendarDay
    /// First day of the earlier period topics are compared with: `[earlierFrom, since)` is as
    /// long as `[since, through]`.
    public var earlierFrom: CalendarDay
    /// In date order.
    public var newCommitments: [NewCommitment]
    /// Renewed, strengthened, weakened, lapsed; most recent first within each.
    public var threadChanges: [TrendChange]
    /// Risen first (most gained first), then fallen (most lost first).
    public var topicShifts: [TopicShift]
    /// In date order.
    public var firstMeetings: [FirstMeeting]

    public init(since: CalendarDay, through: CalendarDay, earlierFrom: CalendarDay, newCommitments: [NewCommitment],
                threadChanges: [TrendChange], topicShifts: [TopicShift], firstMeetings: [FirstMeeting]) {
        self.since = since
        self.through = through
        self.earlierFrom = earlierFrom
        self.newCommitments = newCommitments
        self.threadChanges = threadChanges
        self.topicShifts = topicShifts
        self.firstMeetings = firstMeetings
    }

    public var isEmpty: Bool {
        newCommitments.isEmpty && threadChanges.isEmpty && topicShifts.isEmpty && firstMeetings.isEmpty
    }
}
