import BriefingModel
import Foundation

/// One reporting period of a schedule: the half-open day range `[startDay, endDay)` and the
/// instants those days begin at in the schedule's time zone. A meeting belongs to the period
/// whose day range holds its date, so to exactly one period of a schedule.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// Stable name: "2026-W47", "2026-11", "2026-Q4" (suffixed "-v2" when a later version of
    /// the schedule would reuse an earlier version's key).
    public var key: String
    public var startDay: CalendarDay
    /// The first day after the period.
    public var endDay: CalendarDay
    public var start: Date
    public var end: Date

    public init(key: String, startDay: CalendarDay, endDay: CalendarDay, start: Date, end: Date) {
        self.key = key
        self.startDay = startDay
        self.endDay = endDay
        self.start = start
        self.end = end
    }

    public func contains(_ day: CalendarDay) -> Bool { startDay <= day && day < endDay }

    /// The last day of the period.
    public var lastDay: CalendarDay { endDay.adding(days: -1) }

    public var description: String { "\(key) [\(startDay), \(endDay))" }
}
