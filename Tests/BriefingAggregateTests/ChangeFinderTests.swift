import BriefingAggregate
import BriefingModel
import Foundation
import Testing

/// What changed since a day, from an analysis alone: each kind of trend change on a made-up
/// history, and the seeds' changes against their own meetings.
@Suite struct ChangeFinderTests {
    static func day(_ d: Int) -> CalendarDay { CalendarDay(year: 2020, month: 1, day: d)! }

    static func person(_ name: String) -> Participant { Participant(name: name, role: "Minister", country: nil, side: nil, known: true) }

    /// Six meetings; thread a lapsed then renewed, b strengthened, c weakened, d lapsed, e new.
    static func history() -> Analysis {
        let days = [1, 3, 5, 7, 9, 10]
        var meetings = days.enumerated().map { i, d in Meeting(file: "m\(i + 1).txt", path: "m\(i + 1).txt", date: day(d)) }
        meetings[0].participants = [person("Ann")]
        meetings[4].participants = [person("Ann"), person("Bo")]
        meetings[3].topics = [TopicCount(id: "x", mentions: 3)]
        meetings[4].topics = [TopicCount(id: "x", mentions: 1)]
        meetings[5].topics = [TopicCount(id: "y", mentions: 2)]
        meetings[4].commitments = [Commitment(text: "They agreed to act.", clause: "agreed to act.", actor: "both", strength: .agreed,
                                              cue: "agreed", topics: ["x"], concepts: [], file: "m5.txt", line: 4)]
        func occ(_ m: Int, _ s: Commitment.Strength) -> CommitmentThread.Occurrence {
            .init(file: "m\(m).txt", date: day(days[m - 1]), strength: s, actor: "both", text: "", line: m)
        }
        func thread(_ id: String, _ o: [CommitmentThread.Occurrence]) -> CommitmentThread {
            CommitmentThread(id: id, label: id, topic: "x", groupedBy: "concept", occurrences: o, trend: .recurring)
        }
        let threads = [
            thread("a", [occ(1, .sharedView), occ(5, .sharedView)]),
            thread("b", [occ(3, .sharedView), occ(4, .sharedView), occ(5, .agreed)]),
            thread("c", [occ(3, .agreed), occ(4, .agreed), occ(6, .sharedView)]),
            thread("d", [occ(3, .confirmed), occ(4, .confirmed)]),
            thread("e", [occ(6, .signed)]),
        ]
        let summary = Analysis.Summary(readouts: 6, meetings: 6, failed: 0, firstDate: day(1), lastDate: day(10),
                                       commitmentsByStrength: [:], threads: threads.count, warnings: 0, errors: 0)
        var a = Analysis(generator: "test", input: "", summary: summary, taxonomy: [.init(id: "x", label: "Ex"), .init(id: "y", label: "Why")],
                         meetings: meetings, topics: [], threads: threads, diagnostics: [])
        a.lapseAfterMeetings = 2
        return a
    }

    @Test func eachKindOfTrendChangeIsFound() {
        let c = ChangeFinder.changes(in: Self.history(), since: Self.day(9))
        #expect(c.through == Self.day(10))
        let byThread = Dictionary(uniqueKeysWithValues: c.threadChanges.map { ($0.thread, $0) })
        #expect(byThread["a"]?.change == .renewed && byThread["a"]?.before == .lapsed)
        #expect(byThread["b"]?.change == .strengthened && byThread["b"]?.after == .strengthening)
        #expect(byThread["c"]?.change == .weakened && byThread["c"]?.latest.file == "m6.txt")
        #expect(byThread["d"]?.change == .lapsed && byThread["d"]?.before == .recurring)
        #expect(byThread["e"] == nil, "a thread first made since the day is a new commitment, not a trend change")
        #expect(c.threadChanges.map(\.change) == [.renewed, .strengthened, .weakened, .lapsed])
    }

    @Test func topicsCompareWithTheEquallyLongPeriodBefore() {
        let c = ChangeFinder.changes(in: Self.history(), since: Self.day(9))
        // [9, 10] against [7, 8]: x 3 -> 1 fell, y 0 -> 2 rose; rises first.
        #expect(c.earlierFrom == Self.day(7))
        #expect(c.topicShifts.map { "\($0.topic) \($0.before)->\($0.after)" } == ["y 0->2", "x 3->1"])
        #expect(c.topicShifts.first?.label == "Why")
    }

    @Test func commitmentsAndPeopleAreThoseOnOrAfterTheDay() {
        let c = ChangeFinder.changes(in: Self.history(), since: Self.day(9))
        #expect(c.newCommitments.map(\.commitment.statement) == ["m5.txt:4"])
        #expect(c.firstMeetings.map(\.participant.name) == ["Bo"])
        #expect(c.firstMeetings.first?.file == "m5.txt")
        let later = ChangeFinder.changes(in: Self.history(), since: Self.day(10))
        #expect(later.newCommitments.isEmpty && later.firstMeetings.isEmpty)
    }

    @Test func seedsChangesAgreeWithTheirAnalysis() throws {
        let a = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        let dates = a.meetings.compactMap(\.date)
        let since = try #require(dates.dropFirst(2).first)
        let c = ChangeFinder.changes(in: a, since: since)
        let after = a.meetings.filter { ($0.date ?? since) >= since && $0.date != nil }
        #expect(c.newCommitments.count == after.reduce(0) { $0 + $1.commitments.count })
        #expect(c.newCommitments.allSatisfy { $0.date >= since })
        // The trend "now" is the analysis's own, judged by the same rule.
        for t in c.threadChanges {
            #expect(a.threads.first { $0.id == t.thread }?.trend == t.after, "thread \(t.thread)")
        }
        let earlierNames = Set(a.meetings.filter { $0.date.map { $0 < since } ?? false }.flatMap { $0.participants.map(\.name) })
        let newNames = Set(after.flatMap { $0.participants.map(\.name) }).subtracting(earlierNames)
        #expect(Set(c.firstMeetings.map(\.participant.name)) == newNames)
        for s in c.topicShifts {
            let sum = { (from: CalendarDay, to: CalendarDay) in
                a.meetings.filter { $0.date.map { $0 >= from && $0 <= to } ?? false }
                    .reduce(0) { $0 + ($1.topics.first { $0.id == s.topic }?.mentions ?? 0) }
            }
            #expect(s.after == sum(since, c.through) && s.before == sum(c.earlierFrom, since.adding(days: -1)), "topic \(s.topic)")
        }
    }
}
