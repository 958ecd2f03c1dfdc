import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

@Suite("ScheduleStatus and SchedulePlan")
struct ScheduleStatusTests {
    @Test func jsonHasTheDocumentedShape() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        let defs = [ScheduleDefinition.weekly(zone: "UTC")]
        try ws.run(defs, now: "2026-01-13T00:00:00Z")
        ws.addReadout("b.txt", date: "2026-01-07")
        try ws.run(defs, now: "2026-01-20T00:00:00Z")
        let status = try ScheduleStatus.make(schedules: defs, output: ws.output, outputName: "output",
                                             now: ISOTime.parse("2026-01-28T00:00:00Z")!)
        let json = try JSONSerialization.jsonObject(with: Data(status.json().utf8)) as! [String: Any]
        let schedule = (json["schedules"] as! [[String: Any]])[0]
        #expect(schedule["name"] as? String == "weekly")
        let periods = schedule["periods"] as! [[String: Any]]
        #expect(periods.map { $0["key"] as! String } == ["2026-W02", "2026-W03", "2026-W04"])
        #expect(periods.map { $0["state"] as! String } == ["revised", "produced", "due"])
        #expect(periods[0]["start"] as? String == "2026-01-05T00:00:00Z")
        #expect(periods[0]["end"] as? String == "2026-01-12T00:00:00Z")
        let editions = periods[0]["editions"] as! [[String: Any]]
        #expect(editions.map { $0["edition"] as! Int } == [1, 2])
        #expect(editions[0]["files"] as? [String] == ["output/weekly/2026-W02/briefing-book.pdf"])
        #expect(editions[1]["files"] as? [String] == ["output/weekly/2026-W02/briefing-book.edition-2.pdf"])
        #expect(ISOTime.parse(editions[0]["produced_at"] as! String) != nil)
        #expect(status.text.contains("2026-W04   due"))
    }

    @Test func aPeriodBeingProducedShowsAsRunning() throws {
        let ws = Workspace(); defer { ws.remove() }
        let defs = [ScheduleDefinition.weekly(zone: "UTC")]
        let seen = Box()
        let output = ws.output
        try ws.run(defs, now: "2026-01-20T00:00:00Z", faults: { point, owned, _ in
            guard point == .afterRender, owned.period.key == "2026-W03" else { return }
            let status = try ScheduleStatus.make(schedules: defs, output: output, outputName: "o",
                                                 now: ISOTime.parse("2026-01-20T00:00:00Z")!)
            seen.set(status.running, status.schedules[0].periods.map { "\($0.key) \($0.state.rawValue)" })
        })
        #expect(seen.running == true)
        #expect(seen.states == ["2026-W02 produced", "2026-W03 running"])
    }

    @Test func statusWithoutALedgerListsDuePeriods() throws {
        let ws = Workspace(); defer { ws.remove() }
        let status = try ScheduleStatus.make(schedules: [.monthly(zone: "UTC")], output: ws.output, outputName: "out",
                                             now: ISOTime.parse("2026-03-02T00:00:00Z")!)
        #expect(status.schedules[0].periods.map { "\($0.key) \($0.state.rawValue)" } == ["2026-01 due", "2026-02 due"])
        #expect(!FileManager.default.fileExists(atPath: ws.ledgerURL.path))
    }

    @Test func planShowsWhatTheNextRunProducesAndWritesNothing() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        let defs = [ScheduleDefinition.weekly(zone: "UTC")]
        try ws.run(defs, now: "2026-01-13T00:00:00Z")
        ws.addReadout("late.txt", date: "2026-01-08")
        let analyzer = FakeAnalyzer()
        let plan = try SchedulePlan.make(schedules: defs, analyzer: analyzer, input: ws.input, output: ws.output,
                                         outputName: "out", now: ISOTime.parse("2026-01-20T00:00:00Z")!)
        // The late readout is not analysed yet: the plan says so rather than guessing.
        #expect(plan.unanalysed == 1 && analyzer.extractions.value == 0)
        #expect(plan.editions.map(\.owned.period.key) == ["2026-W03"])
        #expect(plan.upcoming.map(\.period.key) == ["2026-W04"])
        #expect(plan.text.contains("next: weekly 2026-W04 (2026-01-19 to 2026-01-25) ends 2026-01-26T00:00:00Z"))
        #expect(try ws.ledger().editions().count == 1)
    }
}

private final class Box: @unchecked Sendable {
    var running: Bool?
    var states: [String] = []
    func set(_ r: Bool, _ s: [String]) { running = r; states = s }
}
