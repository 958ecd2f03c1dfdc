import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

@Suite("ScheduleTimeline")
struct ScheduleTimelineTests {
    @Test func aNewVersionTakesOverAtItsFirstBoundaryAndNeverReusesAKey() throws {
        let monday = ScheduleDefinition.weekly(start: "2026-01-05", zone: "UTC")
        let sunday = ScheduleDefinition.weekly(start: "2026-01-05", zone: "UTC", first: .sunday)
        let v1 = try ScheduleTimeline(versions: [ScheduleVersion(schedule: "weekly", version: 1, definition: monday)])
        // Seen on Friday 2026-02-20: the Monday week under way (Feb 16-22) stays, clipped at the
        // first Sunday week start on or after it.
        let cutover = try v1.cutover(to: sunday, now: ISOTime.parse("2026-02-20T00:00:00Z")!, lastProducedEndDay: day("2026-02-16"))
        #expect(cutover == day("2026-02-22"))
        let both = try ScheduleTimeline(versions: [
            ScheduleVersion(schedule: "weekly", version: 1, definition: monday, untilDay: cutover),
            ScheduleVersion(schedule: "weekly", version: 2, definition: sunday, fromDay: cutover),
        ])
        let periods = both.periods(endedBy: ISOTime.parse("2026-03-09T00:00:00Z")!)
        let tail = periods.suffix(3).map { "\($0.version) \($0.period.key) \($0.period.startDay) \($0.period.endDay)" }
        #expect(tail == ["1 2026-W08 2026-02-16 2026-02-22", "2 2026-W08-v2 2026-02-22 2026-03-01",
                         "2 2026-W09 2026-03-01 2026-03-08"])
        #expect(Set(periods.map(\.period.key)).count == periods.count)
        for (a, b) in zip(periods, periods.dropFirst()) { #expect(a.period.endDay == b.period.startDay) }
    }

    @Test func nextPeriodIsTheOneUnderWay() throws {
        let t = try ScheduleTimeline(versions: [ScheduleVersion(schedule: "m", version: 1, definition: .monthly(zone: "UTC"))])
        #expect(t.nextPeriod(after: ISOTime.parse("2026-03-15T00:00:00Z")!)?.period.key == "2026-03")
        #expect(t.nextPeriod(after: ISOTime.parse("2025-06-01T00:00:00Z")!)?.period.key == "2026-01")
    }
}
