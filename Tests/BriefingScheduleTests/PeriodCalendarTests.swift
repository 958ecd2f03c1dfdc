import BriefingModel
import BriefingSchedule
import Foundation
import PropertyBased
import Testing

@Suite("PeriodCalendar")
struct PeriodCalendarTests {
    @Test func isoWeek53AndTheYearBoundary() throws {
        let cal = try PeriodCalendar(.weekly(start: "2020-12-01", zone: "UTC"))
        // 2020 and 2026 have 53 ISO weeks; 2024-12-30 is in 2025-W01.
        for (d, key, start) in [("2020-12-31", "2020-W53", "2020-12-28"), ("2021-01-03", "2020-W53", "2020-12-28"),
                                ("2021-01-04", "2021-W01", "2021-01-04"), ("2024-12-31", "2025-W01", "2024-12-30"),
                                ("2026-12-31", "2026-W53", "2026-12-28"), ("2027-01-03", "2026-W53", "2026-12-28"),
                                ("2027-01-04", "2027-W01", "2027-01-04"), ("2026-11-18", "2026-W47", "2026-11-16")] {
            let p = cal.period(cal.index(containing: day(d)))
            #expect(p.key == key, "\(d)")
            #expect(p.startDay == day(start), "\(d)")
            #expect(p.endDay == day(start).adding(days: 7), "\(d)")
        }
    }

    @Test func weeksStartingOnSundayAndEveryTwoWeeks() throws {
        let sunday = try PeriodCalendar(.weekly(start: "2026-11-18", zone: "UTC", first: .sunday))
        #expect(sunday.period(0).startDay == day("2026-11-15"))
        let fortnight = try PeriodCalendar(.weekly(start: "2026-01-07", zone: "UTC", every: 2))
        #expect(fortnight.period(0).startDay == day("2026-01-05"))
        #expect(fortnight.period(1).startDay == day("2026-01-19"))
        #expect(fortnight.index(containing: day("2026-01-18")) == 0)
        #expect(fortnight.index(containing: day("2026-01-04")) == -1)
    }

    @Test func monthsAndQuartersAcrossTheYear() throws {
        let months = try PeriodCalendar(.monthly(start: "2026-11-20", zone: "UTC"))
        #expect((0..<3).map { months.period($0).key } == ["2026-11", "2026-12", "2027-01"])
        #expect(months.period(1).endDay == day("2027-01-01"))
        let quarters = try PeriodCalendar(.quarterly(start: "2026-11-20"))
        #expect((0..<3).map { quarters.period($0).key } == ["2026-Q4", "2027-Q1", "2027-Q2"])
        #expect(quarters.period(1).startDay == day("2027-01-01"))
        #expect(quarters.period(1).endDay == day("2027-04-01"))
        let bimonthly = try PeriodCalendar(.monthly(start: "2026-11-20", zone: "UTC", every: 2))
        #expect(bimonthly.period(1).startDay == day("2027-01-01"))
        #expect(bimonthly.period(1).endDay == day("2027-03-01"))
    }

    @Test func daylightSavingChangesAreExact() throws {
        // Berlin springs forward on 2026-03-29: that week is 167 hours long, the next 168.
        let berlin = try PeriodCalendar(.weekly(start: "2026-03-23", zone: "Europe/Berlin"))
        #expect(berlin.period(0).end.timeIntervalSince(berlin.period(0).start) == 167 * 3600)
        #expect(berlin.period(1).end.timeIntervalSince(berlin.period(1).start) == 168 * 3600)
        #expect(ISOTime.string(berlin.period(0).start) == "2026-03-22T23:00:00Z")
        #expect(ISOTime.string(berlin.period(0).end) == "2026-03-29T22:00:00Z")
        // New York falls back on 2026-11-01: November is 30 days and one hour.
        let ny = try PeriodCalendar(.monthly(start: "2026-11-01", zone: "America/New_York"))
        #expect(ny.period(0).end.timeIntervalSince(ny.period(0).start) == (30 * 24 + 1) * 3600)
        // Where DST skips midnight (Santiago, 2026-09-06 00:00 -> 01:00), the day starts at 01:00.
        let santiago = try PeriodCalendar(.monthly(start: "2026-09-01", zone: "America/Santiago"))
        let start = santiago.instant(of: day("2026-09-06"))
        #expect(santiago.day(at: start) == day("2026-09-06"))
        #expect(santiago.day(at: start.addingTimeInterval(-1)) == day("2026-09-05"))
    }

    @Test func everyDayBelongsToExactlyOnePeriod() async throws {
        let defs: [ScheduleDefinition] = [
            .weekly(start: "2019-06-01", zone: "Asia/Tokyo"), .weekly(start: "2019-06-01", zone: "UTC", first: .saturday, every: 3),
            .monthly(start: "2019-06-01", every: 5), .quarterly(start: "2019-06-01"),
        ]
        let cals = try defs.map { try PeriodCalendar($0) }
        await propertyCheck(count: 300, input: Gen.int(in: 0...4000), Gen.int(in: 0...3)) { offset, which in
            let cal = cals[which]
            let d = day("2019-06-01").adding(days: offset)
            let i = cal.index(containing: d)
            #expect(i >= 0)
            #expect(cal.period(i).contains(d))
            #expect(!cal.period(i - 1).contains(d) && !cal.period(i + 1).contains(d))
            #expect(cal.period(i).endDay == cal.period(i + 1).startDay)
            #expect(cal.period(i).end == cal.period(i + 1).start)
        }
    }
}
