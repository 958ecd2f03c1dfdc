import BriefingCorpus
import BriefingModel
import Testing

@Suite struct SyntheticAnalysisTests {
    @Test func deterministicAndOfTheSizeAsked() {
        let a = SyntheticAnalysis.make(meetings: 500, threads: 30, seed: 4)
        let again = SyntheticAnalysis.make(meetings: 500, threads: 30, seed: 4)
        #expect(a.meetings == again.meetings && a.threads == again.threads && a.topics == again.topics)
        #expect(a.meetings != SyntheticAnalysis.make(meetings: 500, threads: 30, seed: 5).meetings)
        #expect(a.meetings.count == 500 && a.threads.count == 30)
        #expect(a.summary.meetings == 500 && a.summary.threads == 30)
        let days = a.meetings.compactMap(\.date)
        #expect(days == days.sorted(), "meetings in date order")
        #expect(a.threads.map(\.occurrences.count) == a.threads.map(\.occurrences.count).sorted(by: >), "threads by size")
    }

    @Test func topicFrequenciesAreTheMeetingsSums() {
        let a = SyntheticAnalysis.make(meetings: 300, threads: 10, seed: 2)
        for t in a.topics {
            let mentions = a.meetings.reduce(0) { $0 + ($1.topics.first { $0.id == t.id }?.mentions ?? 0) }
            #expect(t.mentions == mentions, "\(t.id)")
            #expect(t.meetings == a.meetings.filter { $0.topics.contains { $0.id == t.id } }.count, "\(t.id)")
            #expect(t.byYear.reduce(0) { $0 + $1.mentions } == mentions, "\(t.id)")
        }
        #expect(a.topics.map(\.mentions) == a.topics.map(\.mentions).sorted(by: >))
        let commitments = a.meetings.reduce(0) { $0 + $1.commitments.count }
        #expect(a.summary.commitmentsByStrength.values.reduce(0, +) == commitments)
    }
}
