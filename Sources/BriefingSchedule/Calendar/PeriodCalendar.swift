import BriefingModel
import Foundation

/// The periods of one schedule definition, numbered from 0 (the period containing its start
/// day). Day arithmetic is exact and zone-free; only the instants a period begins and ends at
/// depend on the time zone, taken at local midnight (or the first instant of the day where
/// DST skips midnight).
public struct PeriodCalendar: Sendable {
    public let definition: ScheduleDefinition
    public let timeZone: TimeZone
    /// Day number of the first day of period 0 (weekly), or month index (year*12+month-1)
    /// of its first month (monthly, quarterly).
    private let origin: Int
    private let calendar: Calendar

    public enum Failure: Error, Equatable {
        case unknownTimeZone(String)
        case invalidEvery(Int)
    }

    public init(_ definition: ScheduleDefinition) throws {
        guard let zone = TimeZone(identifier: definition.timeZone) else {
            throw Failure.unknownTimeZone(definition.timeZone)
        }
        guard (1...ScheduleDefinition.maxEvery).contains(definition.every) else { throw Failure.invalidEvery(definition.every) }
        self.definition = definition
        self.timeZone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        let start = definition.start
        switch definition.cadence {
        case .weekly(let first):
            let n = start.dayNumber
            let back = (Weekday(of: n).rawValue - first.rawValue + 7) % 7
            origin = n - back
        case .monthly:
            origin = start.year * 12 + start.month - 1
        case .quarterly:
            origin = start.year * 12 + (start.month - 1) / 3 * 3
        }
    }

    /// Months per period for monthly and quarterly cadences.
    private var monthStride: Int {
        switch definition.cadence {
        case .weekly: 0
        case .monthly: definition.every
        case .quarterly: 3 * definition.every
        }
    }

    public func startDay(ofPeriod index: Int) -> CalendarDay {
        switch definition.cadence {
        case .weekly:
            return CalendarDay(dayNumber: origin + index * 7 * definition.every)
        case .monthly, .quarterly:
            let m = origin + index * monthStride
            return CalendarDay(year: floorDiv(m, 12), month: m - floorDiv(m, 12) * 12 + 1, day: 1)!
        }
    }

    public func period(_ index: Int) -> Period {
        let first = startDay(ofPeriod: index)
        let next = startDay(ofPeriod: index + 1)
        return Period(key: key(startingAt: first), startDay: first, endDay: next,
                      start: instant(of: first), end: instant(of: next))
    }

    /// The index of the period holding `day`; negative before the schedule's first period.
    public func index(containing day: CalendarDay) -> Int {
        switch definition.cadence {
        case .weekly:
            return floorDiv(day.dayNumber - origin, 7 * definition.every)
        case .monthly, .quarterly:
            return floorDiv(day.year * 12 + day.month - 1 - origin, monthStride)
        }
    }

    /// The index of the first period starting on or after `day`.
    public func firstIndex(startingOnOrAfter day: CalendarDay) -> Int {
        let i = index(containing: day)
        return startDay(ofPeriod: i) == day ? i : i + 1
    }

    /// The local day in this time zone at an instant.
    public func day(at instant: Date) -> CalendarDay {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The first instant of a local day: midnight, or later when a DST change skips midnight.
    public func instant(of day: CalendarDay) -> Date {
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        return calendar.startOfDay(for: noon)
    }

    /// "2026-W47" (week-numbering of weeks starting on the first weekday, with week 1 the one
    /// holding that year's 4th day counted from the week start: ISO 8601 when it is Monday),
    /// "2026-11", "2026-Q4".
    public func key(startingAt day: CalendarDay) -> String {
        switch definition.cadence {
        case .weekly:
            let fourth = day.adding(days: 3)
            let jan1 = CalendarDay(year: fourth.year, month: 1, day: 1)!
            let week = (fourth.dayNumber - jan1.dayNumber) / 7 + 1
            return "\(pad(fourth.year, 4))-W\(pad(week, 2))"
        case .monthly:
            return "\(pad(day.year, 4))-\(pad(day.month, 2))"
        case .quarterly:
            return "\(pad(day.year, 4))-Q\((day.month - 1) / 3 + 1)"
        }
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
