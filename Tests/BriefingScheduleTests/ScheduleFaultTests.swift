import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

/// Each fault the issue lists, one test each.
@Suite("Faults")
struct ScheduleFaultTests {
    let schedules = [ScheduleDefinition.weekly(zone: "UTC", layouts: [.book, .charts])]

    private func killOnce(at point: FaultPoint, onCall n: Int) -> FaultHook {
        let calls = Counter()
        return { p, _, _ in
            guard p == point else { return }
            calls.increment()
            if calls.value == n { throw SimulatedKill(point: p) }
        }
    }

    @Test(arguments: FaultPoint.allCases)
    func killedMidRunTheNextRunFinishesWithoutDuplicates(point: FaultPoint) throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        ws.addReadout("b.txt", date: "2026-01-13")
        ws.addReadout("c.txt", date: "2026-01-20")
        let now = "2026-01-27T00:00:00Z"
        #expect(throws: SimulatedKill.self) {
            try ws.run(schedules, now: now, faults: killOnce(at: point, onCall: 2))
        }
        // Week 2 recorded; week 3 killed; week 4 not started.
        #expect(try ws.ledger().editions().map(\.periodKey) == ["2026-W02"])
        #expect(try LedgerInvariants.problems(ws, schedules: schedules, now: ISOTime.parse(now)!, complete: false) == [])
        let files = ws.reportFiles()
        if point == .afterRender {
            #expect(files.contains { $0.hasPrefix("weekly/2026-W03/.briefing-book.pdf.tmp-") })
            #expect(!files.contains("weekly/2026-W03/briefing-book.pdf"))
        } else {
            #expect(files.contains("weekly/2026-W03/briefing-book.pdf"))
        }
        let next = try ws.run(schedules, now: now)
        #expect(next.recovered.count == 1)
        #expect(next.produced.map(\.period) == ["2026-W03", "2026-W04"])
        #expect(try ws.ledger().editions().map(\.edition) == [1, 1, 1])
        #expect(try LedgerInvariants.problems(ws, schedules: schedules, now: ISOTime.parse(now)!, complete: true) == [])
        #expect(ws.reportFiles().count == 9)  // per week: the book and two charts
        #expect(ws.reportFiles().contains("weekly/2026-W03/charts/timeline.pdf"))
    }

    @Test func killedInsideTheRendererItsPartialFileIsRemoved() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        // A renderer that writes through its own temporary file, killed mid-write.
        let dying = FakeRenderer { kind, ctx in ctx.period == "2026-W03" && kind == .book ? SimulatedKill(point: .afterRender) : nil }
        let partial = FakeRenderer(failure: dying.failure, beforeFailing: { url in
            try? Data("half".utf8).write(to: url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).4242.tmp"))
        })
        #expect(throws: SimulatedKill.self) {
            try ws.run(schedules, now: "2026-01-20T00:00:00Z", renderer: partial)
        }
        #expect(ws.reportFiles().contains { $0.hasSuffix(".4242.tmp") })
        let next = try ws.run(schedules, now: "2026-01-20T00:00:00Z")
        #expect(next.produced.map(\.period) == ["2026-W03"])
        #expect(try LedgerInvariants.problems(ws, schedules: schedules, now: ISOTime.parse("2026-01-20T00:00:00Z")!, complete: true) == [])
    }

    @Test func clockJumpsBackwardThenForward() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-03-03")
        let def = [ScheduleDefinition.weekly(zone: "UTC")]
        let ahead = try ws.run(def, now: "2026-03-16T00:00:00Z")
        #expect(ahead.produced.count == 10)
        // Back by a month: nothing new, nothing undone, nothing redone.
        let back = try ws.run(def, now: "2026-02-10T00:00:00Z")
        #expect(back.produced.isEmpty)
        #expect(try ws.ledger().editions().count == 10)
        // A late readout for a period the backward clock says has not ended: left for later.
        ws.addReadout("late.txt", date: "2026-03-04")
        #expect(try ws.run(def, now: "2026-02-10T00:00:00Z").produced.isEmpty)
        // Forward by months: catch-up in order, and the revision.
        let forward = try ws.run(def, now: "2026-05-04T00:00:00Z")
        #expect(forward.produced.first.map { "\($0.period) e\($0.edition)" } == "2026-W10 e2")
        #expect(forward.produced.dropFirst().map(\.period) == (12...18).map { "2026-W\($0)" })
        #expect(try LedgerInvariants.problems(ws, schedules: def, now: ISOTime.parse("2026-05-04T00:00:00Z")!, complete: true) == [])
    }

    @Test func aMonthWithNoReadoutsGetsAReportThatSaysSo() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("jan.txt", date: "2026-01-15")
        ws.addReadout("mar.txt", date: "2026-03-15")
        let def = [ScheduleDefinition.monthly(zone: "UTC", layouts: [.book, .analysis])]
        let report = try ws.run(def, now: "2026-04-01T00:00:00Z", renderer: AnalysisJSONRenderer(base: FakeRenderer()))
        #expect(report.produced.map { "\($0.period):\($0.readouts)" } == ["2026-01:1", "2026-02:0", "2026-03:1"])
        #expect(ws.read("monthly/2026-02/briefing-book.pdf").contains("No readouts in this period."))
        // The analysis layout is written by the scheduler itself and says so too.
        #expect(ws.read("monthly/2026-02/analysis.json").contains("\"note\":\"No readouts in this period.\""))
    }

    @Test(arguments: [(POSIXErrorCode.EROFS, "not writable"), (.ENOSPC, "no space left")])
    func outputReadOnlyOrFullIsAClearErrorAndTheLedgerIsUnchanged(code: POSIXErrorCode, words: String) throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        try ws.run(schedules, now: "2026-01-12T00:00:00Z")
        let before = try ws.ledger().editions()
        let filesBefore = ws.reportFiles()
        ws.addReadout("b.txt", date: "2026-01-13")
        let failing = FakeRenderer { kind, _ in kind == .charts ? POSIXError(code) : nil }
        #expect {
            try ws.run(schedules, now: "2026-01-19T00:00:00Z", renderer: failing)
        } throws: { error in
            (error as? ScheduleError)?.errorDescription?.contains(words) == true
        }
        #expect(try ws.ledger().editions() == before)
        #expect(ws.reportFiles() == filesBefore)  // no temporary or half-set left
        let status = try ScheduleStatus.make(schedules: schedules, output: ws.output, outputName: "out",
                                             now: ISOTime.parse("2026-01-19T00:00:00Z")!)
        #expect(status.schedules[0].periods.map(\.state) == [.produced, .failed])
        // Fixed: the next run produces it.
        #expect(try ws.run(schedules, now: "2026-01-19T00:00:00Z").produced.map(\.period) == ["2026-W03"])
    }

    @Test func rendererFailureIsReportedWithScheduleAndPeriod() throws {
        struct Boom: Error, LocalizedError { var errorDescription: String? { "font missing" } }
        let ws = Workspace(); defer { ws.remove() }
        let failing = FakeRenderer { _, ctx in ctx.period == "2026-W03" ? Boom() : nil }
        #expect {
            try ws.run(schedules, now: "2026-01-26T00:00:00Z", renderer: failing)
        } throws: { error in
            (error as? ScheduleError) == .renderFailed(schedule: "weekly", period: "2026-W03", layout: "book", reason: "font missing")
        }
        #expect(try ws.ledger().editions().map(\.periodKey) == ["2026-W02"])
    }

    @Test func olderLedgerIsMigratedAndKept() throws {
        let ws = Workspace(); defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.ledgerURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A ledger as the first release wrote it, with one edition.
        try LedgerFixtures.writeVersion1Ledger(at: ws.ledgerURL, output: ws.output)
        ws.addReadout("a.txt", date: "2026-01-06")
        let ledger = try ws.ledger()
        #expect(try ledger.appliedMigrations() == ["v1", "v2", "v3"])
        #expect(try ledger.editions().map { "\($0.periodKey) \($0.reason)" } == ["2026-W02 first edition"])
        let report = try ws.run([.weekly(zone: "UTC")], now: "2026-01-20T00:00:00Z")
        // The old edition stands (its input digest differs from today's corpus: a revision).
        #expect(report.produced.map { "\($0.period) e\($0.edition)" } == ["2026-W02 e2", "2026-W03 e1"])
    }

    @Test func corruptLedgerIsAClearErrorAndNothingIsOverwritten() throws {
        let ws = Workspace(); defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.ledgerURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: ws.ledgerURL)
        ws.addReadout("a.txt", date: "2026-01-06")
        #expect {
            try ws.run(schedules, now: "2026-01-20T00:00:00Z")
        } throws: { error in
            guard case .ledgerUnreadable(let path, _) = error as? ScheduleError else { return false }
            return path == ws.ledgerURL.path
        }
        #expect(try Data(contentsOf: ws.ledgerURL) == garbage)
        #expect(ws.reportFiles().isEmpty)
        #expect(throws: ScheduleError.self) {
            try ScheduleStatus.make(schedules: schedules, output: ws.output, outputName: "o", now: Date())
        }
    }

    @Test func ledgerFromANewerVersionIsRefused() throws {
        let ws = Workspace(); defer { ws.remove() }
        try ws.run(schedules, now: "2026-01-01T00:00:00Z")
        try LedgerFixtures.addFutureMigration(at: ws.ledgerURL)
        #expect(throws: ScheduleError.ledgerTooNew(path: ws.ledgerURL.path)) {
            try ws.run(schedules, now: "2026-01-20T00:00:00Z")
        }
        #expect(ws.reportFiles().isEmpty)
    }

    @Test func changedDefinitionStartsNewPeriodsFromTheChangeAndKeepsOldOnes() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        ws.addReadout("b.txt", date: "2026-02-18")
        ws.addReadout("c.txt", date: "2026-03-10")
        let weekly = ScheduleDefinition.weekly("digest", zone: "UTC")
        try ws.run([weekly], now: "2026-02-16T00:00:00Z")  // W02 ... W07 (ends Feb 16)
        let oldFiles = ws.reportFiles()
        #expect(oldFiles.count == 6)
        // The user turns the digest monthly on Feb 20: the week under way (Feb 16-23) and the
        // days to March 1 stay weekly; monthly from March.
        var monthly = ScheduleDefinition.monthly("digest", zone: "UTC")
        monthly.output = "digest/{key}/{layout}"
        #expect(try ws.run([monthly], now: "2026-02-20T00:00:00Z").produced.isEmpty)
        let report = try ws.run([monthly], now: "2026-04-02T00:00:00Z")
        #expect(report.produced.map(\.period) == ["2026-W08", "2026-W09", "2026-03"])
        let eds = try ws.ledger().editions(withReadouts: true)
        #expect(eds.first { $0.periodKey == "2026-W09" }.map { "\($0.startDay) \($0.endDay)" } == "2026-02-23 2026-03-01")
        #expect(eds.first { $0.periodKey == "2026-03" }?.version == 2)
        for f in oldFiles { #expect(ws.reportFiles().contains(f)) }
        // Every readout in exactly one period.
        let all = eds.flatMap { $0.readouts.map(\.file) }.sorted()
        #expect(all == ["a.txt", "b.txt", "c.txt"])
        #expect(try ws.run([monthly], now: "2026-04-02T00:00:00Z").produced.isEmpty)
    }

    @Test func aFileTheLedgerDoesNotKnowIsNeverOverwritten() throws {
        let ws = Workspace(); defer { ws.remove() }
        let foreign = ws.output.appendingPathComponent("weekly/2026-W02/briefing-book.pdf")
        try FileManager.default.createDirectory(at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign)
        #expect(throws: ScheduleError.wouldOverwrite(path: foreign.path)) {
            try ws.run([.weekly(zone: "UTC")], now: "2026-01-13T00:00:00Z")
        }
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "mine")
    }
}
