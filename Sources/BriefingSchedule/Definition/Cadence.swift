/// How often a schedule's periods repeat; `every` in `ScheduleDefinition` multiplies it.
public enum Cadence: Hashable, Sendable, Codable {
    /// Weeks starting on the given day (ISO weeks when that is Monday).
    case weekly(firstWeekday: Weekday)
    /// Calendar months.
    case monthly
    /// Calendar quarters: January, April, July and October.
    case quarterly

    public var name: String {
        switch self {
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        }
    }
}
