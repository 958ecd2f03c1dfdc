import BriefingModel
import Foundation

/// One named schedule from `layouts/schedules.yaml`: which periods to report on, in which time
/// zone, from when, with which layouts, written where.
public struct ScheduleDefinition: Hashable, Sendable, Codable {
    public var name: String
    public var cadence: Cadence
    /// Periods span this many cadence units (every 2 weeks, every 6 months).
    public var every: Int
    /// IANA time zone identifier; periods begin at local midnight there.
    public var timeZone: String
    /// The first period is the one containing this day.
    public var start: CalendarDay
    public var layouts: [ReportKind]
    /// Output path relative to the output folder, with `{schedule}`, `{key}`, `{start}`,
    /// `{end}` (last day, inclusive), `{year}` and `{layout}` (the layout's file name).
    public var output: String

    public static let defaultOutput = "{schedule}/{key}/{layout}"
    /// The most cadence units a period spans: far past any report anyone waits for, and far
    /// from overflowing the day and month arithmetic of the periods.
    public static let maxEvery = 1000

    public init(name: String, cadence: Cadence, every: Int = 1, timeZone: String = "UTC",
                start: CalendarDay, layouts: [ReportKind] = [.book],
                output: String = ScheduleDefinition.defaultOutput) {
        self.name = name
        self.cadence = cadence
        self.every = every
        self.timeZone = timeZone
        self.start = start
        self.layouts = layouts
        self.output = output
    }

    /// Identifies the definition: when it changes, a new version of the schedule takes over.
    public var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ContentHash.sha256((try? encoder.encode(self)) ?? Data())
    }

    /// One-line summary for status and plan: "weekly from monday, Asia/Tokyo, since 2024-01-01".
    public var summary: String {
        var unit: String
        switch cadence {
        case .weekly(let first): unit = every == 1 ? "weekly (weeks start \(first.name))" : "every \(every) weeks (from \(first.name))"
        case .monthly: unit = every == 1 ? "monthly" : "every \(every) months"
        case .quarterly: unit = every == 1 ? "quarterly" : "every \(every) quarters"
        }
        return "\(unit), \(timeZone), since \(start); layouts \(layouts.map(\.rawValue).joined(separator: ", "))"
    }
}
