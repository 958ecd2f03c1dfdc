import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

@Suite("ScheduleRunner: catch-up, revisions, lock, cache")
struct ScheduleRunnerTests {
    @Test func catchUpProducesEveryEndedPeriodOldestFirstThenNothing() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        ws.addReadout("b.txt", date: "2026-01-20")
        ws.addReadout("c.txt", date: "2026-02-03")
        let schedules = [ScheduleDefinition.weekly(zone: "UTC"), .monthly(zone: "UTC")]
        let first = try ws.run(schedules, now: "2026-02-10T00:00:00Z")
        // Weeks of Jan 5, 12, 19, 26, Feb 2 (ends Feb 9) and January.
        #expect(first.produced.map { "\($0.schedule) \($0.period)" } == [
            "weekly 2026-W02", "weekly 2026-W03", "weekly 2026-W04", "monthly 2026-01",
            "weekly 2026-W05", "weekly 2026-W06",
        ])
        #expect(ws.read("weekly/2026-W02/briefing-book.pdf").contains("2026-01-06 a.txt"))
        let second = try ws.run(schedules, now: "2026-02-10T00:00:00Z")
        #expect(second.produced.isEmpty)
        #expect(try LedgerInvariants.problems(ws, schedules: schedules, now: ISOTime.parse("2026-02-10T00:00:00Z")!, complete: true) == [])
    }

    @Test func periodEndsAtLocalMidnightOfTheScheduleTimeZone() throws {
        let ws = Workspace(); defer { ws.remove() }
        let tokyo = [ScheduleDefinition.weekly(zone: "Asia/Tokyo")]
        // Week 2026-W02 ends 2026-01-12 00:00 in Tokyo = 2026-01-11T15:00Z.
        #expect(try ws.run(tokyo, now: "2026-01-11T14:59:59Z").produced.isEmpty)
        #expect(try ws.run(tokyo, now: "2026-01-11T15:00:00Z").produced.map(\.period) == ["2026-W02"])
    }

    @Test func lateReadoutGivesARevisedEditionAndKeepsTheFirst() throws {
        let ws = Workspace(); defer { ws.remove() }
        let schedules = [ScheduleDefinition.weekly(zone: "UTC")]
        ws.addReadout("a.txt", date: "2026-01-06")
        try ws.run(schedules, now: "2026-01-13T00:00:00Z")
        ws.addReadout("late.txt", date: "2026-01-07")
        let report = try ws.run(schedules, now: "2026-01-14T00:00:00Z")
        #expect(report.produced.map { "\($0.period) e\($0.edition)" } == ["2026-W02 e2"])
        #expect(report.produced.first?.reason == "revision: 1 readout added")
        #expect(ws.reportFiles() == ["weekly/2026-W02/briefing-book.edition-2.pdf", "weekly/2026-W02/briefing-book.pdf"])
        #expect(!ws.read("weekly/2026-W02/briefing-book.pdf").contains("late.txt"))
        #expect(ws.read("weekly/2026-W02/briefing-book.edition-2.pdf").contains("late.txt"))
        // Unchanged afterwards: no third copy.
        #expect(try ws.run(schedules, now: "2026-01-14T00:00:00Z").produced.isEmpty)
        // Touching a file without changing it is no revision either.
        ws.addReadout("late.txt", date: "2026-01-07")
        #expect(try ws.run(schedules, now: "2026-01-14T00:00:00Z").produced.isEmpty)
    }

    @Test func secondRunBusyWhileTheLockIsHeld() throws {
        let ws = Workspace(); defer { ws.remove() }
        let held = try RunLock(at: RunLock.url(inOutput: ws.output), wait: false)
        #expect(RunLock.isHeld(at: RunLock.url(inOutput: ws.output)))
        #expect {
            try ws.run([.weekly()], now: "2026-02-01T00:00:00Z")
        } throws: { error in
            guard case .busy(_, let holder) = error as? ScheduleError else { return false }
            return holder.contains("pid \(getpid())")
        }
        #expect(ws.reportFiles().isEmpty)
        held.release()
        #expect(try ws.run([.weekly()], now: "2026-01-20T00:00:00Z").produced.count == 2)
    }

    @Test func progressGoesThroughHashingExtractionAndProduction() throws {
        final class Steps: @unchecked Sendable {
            let lock = NSLock()
            var seen: [String: (done: Int, total: Int)] = [:]
        }
        let ws = Workspace(); defer { ws.remove() }
        for i in 0..<5 { ws.addReadout("r\(i).txt", date: "2026-01-0\(i + 5)") }
        let steps = Steps()
        var runner = ws.runner([.weekly(zone: "UTC")], now: "2026-01-20T00:00:00Z")
        runner.options.progress = { step, done, total in
            steps.lock.withLock { steps.seen[step] = (max(done, steps.seen[step]?.done ?? 0), total) }
        }
        let report = try runner.run()
        #expect(report.produced.count == 2)
        #expect(steps.seen["hashing readouts"]?.total == 5)
        #expect(steps.seen["extracting readouts"].map { $0 == (5, 5) } == true)
        #expect(steps.seen["producing editions"].map { $0 == (1, 2) } == true, "told before each of the 2 editions")
    }

    @Test func anUndatedReadoutIsExtractedOnce() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("dated.txt", date: "2026-01-06")
        ws.addReadout("undated.txt", date: "none")
        let analyzer = FakeAnalyzer()
        let first = try ws.run([.weekly(zone: "UTC")], now: "2026-01-20T00:00:00Z", analyzer: analyzer)
        #expect(first.extracted == 2)
        let second = try ws.run([.weekly(zone: "UTC")], now: "2026-01-20T00:00:00Z", analyzer: analyzer)
        #expect(second.extracted == 0 && second.cached == 2)
        #expect(analyzer.extractions.value == 2)
    }

    @Test func extractionIsCachedByContentAndExtractorVersion() throws {
        let ws = Workspace(); defer { ws.remove() }
        for i in 0..<6 { ws.addReadout("r\(i).txt", date: "2026-01-0\(i + 2)") }
        let analyzer = FakeAnalyzer()
        let schedules = [ScheduleDefinition.weekly(zone: "UTC")]
        try ws.run(schedules, now: "2026-01-20T00:00:00Z", analyzer: analyzer)
        #expect(analyzer.extractions.value == 6)
        ws.addReadout("new.txt", date: "2026-01-21")
        let second = try ws.run(schedules, now: "2026-01-27T00:00:00Z", analyzer: analyzer)
        #expect(analyzer.extractions.value == 7)
        #expect(second.extracted == 1 && second.cached == 6 && second.hashed == 1)
        // Same bytes under a new name: no extraction, reported under the new name.
        try FileManager.default.copyItem(at: ws.input.appendingPathComponent("new.txt"),
                                         to: ws.input.appendingPathComponent("copy.txt"))
        let third = try ws.run(schedules, now: "2026-01-27T00:00:00Z", analyzer: analyzer)
        #expect(analyzer.extractions.value == 7)
        #expect(third.produced.map { "\($0.period) e\($0.edition)" } == ["2026-W04 e2"])
        #expect(ws.read("weekly/2026-W04/briefing-book.edition-2.pdf").contains("copy.txt"))
        // A new extractor version re-extracts everything once.
        var upgraded = FakeAnalyzer()
        upgraded.cacheKey = "fake-2"
        try ws.run(schedules, now: "2026-01-27T00:00:00Z", analyzer: upgraded)
        #expect(upgraded.extractions.value == 7)
    }

    @Test func aManifestEntryIsPartOfItsReadoutsCacheKeyOnly() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("nodate.txt", date: "none")
        ws.addReadout("other.txt", date: "2026-01-13")
        var analyzer = FakeAnalyzer()
        analyzer.manifest = ["nodate.txt": "2026-01-06"]
        let defs = [ScheduleDefinition.weekly(zone: "UTC")]
        let first = try ws.run(defs, now: "2026-01-20T00:00:00Z", analyzer: analyzer)
        #expect(first.produced.map { "\($0.period):\($0.readouts)" } == ["2026-W02:1", "2026-W03:1"])
        // The user corrects the manifest: one readout re-extracted, two periods revised.
        var corrected = FakeAnalyzer()
        corrected.manifest = ["nodate.txt": "2026-01-14"]
        let second = try ws.run(defs, now: "2026-01-20T00:00:00Z", analyzer: corrected)
        #expect(corrected.extractions.value == 1)
        #expect(second.produced.map { "\($0.period) e\($0.edition):\($0.readouts)" } == ["2026-W02 e2:0", "2026-W03 e2:2"])
    }

    @Test func aCacheEntryThatNoLongerDecodesIsExtractedAgain() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        let defs = [ScheduleDefinition.weekly(zone: "UTC")]
        try ws.run(defs, now: "2026-01-12T00:00:00Z")
        try LedgerFixtures.garbleExtractionCache(at: ws.ledgerURL)
        ws.addReadout("b.txt", date: "2026-01-07")
        let analyzer = FakeAnalyzer()
        let report = try ws.run(defs, now: "2026-01-12T00:00:00Z", analyzer: analyzer)
        #expect(report.produced.map { "\($0.period) e\($0.edition):\($0.readouts)" } == ["2026-W02 e2:2"])
        #expect(analyzer.extractions.value == 2)
        #expect(ws.read("weekly/2026-W02/briefing-book.edition-2.pdf").contains("a.txt"))
    }

    @Test func undatedReadoutsBelongToNoPeriod() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("undated.txt", date: "none")
        ws.addReadout("a.txt", date: "2026-01-06")
        let report = try ws.run([.weekly(zone: "UTC")], now: "2026-01-13T00:00:00Z")
        #expect(report.produced.map(\.readouts) == [1])
    }
}
