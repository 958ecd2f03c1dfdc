import BriefingAggregate
import BriefingModel
import Foundation
import Testing

/// A period of an analysis holds what the aggregation stage gives for the period's readouts
/// alone: rendering takes its counts from here and counts nothing itself.
@Suite struct AnalysisPeriodTests {
    @Test func aPeriodCountsAsAnAnalysisOfItsReadoutsAlone() throws {
        let whole = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        let period = AnalysisPeriod(from: CalendarDay(year: 2017, month: 1, day: 1), to: CalendarDay(year: 2018, month: 12, day: 31))
        let cut = period.apply(to: whole)
        #expect(cut.meetings.map(\.file) == ["000_3c473871ed6bfc76.txt", "001_89bd6e2a19a88483.txt", "002_866ae0bdf8e54838.txt"])

        // The same three readouts (and their manifest entry) in a folder of their own.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in cut.meetings.map(\.file) + ["manifest.yaml"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("seeds").appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        let alone = try analyzer.analyze(folder: folder)
        #expect(cut.topics == alone.topics)
        #expect(cut.summary.commitmentsByStrength == alone.summary.commitmentsByStrength)
        #expect(cut.summary.firstDate == alone.summary.firstDate && cut.summary.lastDate == alone.summary.lastDate)
        #expect(cut.summary.meetings == alone.summary.meetings && cut.summary.threads == cut.threads.count)
        // Threads keep the whole corpus's trend; their occurrences are the period's.
        #expect(Set(cut.threads.map(\.id)) == Set(alone.threads.map(\.id)))
        for t in cut.threads {
            let own = try #require(alone.threads.first { $0.id == t.id })
            #expect(t.occurrences == own.occurrences, "\(t.id)")
            #expect(t.trend == whole.threads.first { $0.id == t.id }!.trend, "\(t.id)")
        }
    }

    @Test func aPeriodHoldingEverythingIsTheWholeAnalysis() throws {
        let whole = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        let all = AnalysisPeriod(from: CalendarDay(year: 2000, month: 1, day: 1), to: CalendarDay(year: 2030, month: 1, day: 1)).apply(to: whole)
        #expect(all.topics == whole.topics)
        #expect(all.threads == whole.threads)
        #expect(all.summary.commitmentsByStrength == whole.summary.commitmentsByStrength)
        #expect(AnalysisPeriod(from: nil, to: nil).apply(to: whole).meetings == whole.meetings)
    }
}
