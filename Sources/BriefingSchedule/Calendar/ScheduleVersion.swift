import BriefingModel

/// One definition of a schedule and the days it governs. When `schedules.yaml` changes a
/// schedule, the old version keeps the periods before the cutover day (the last of them
/// clipped to it) and the new version owns the periods from it on, so periods already
/// produced are kept and no day falls in two periods or in none.
public struct ScheduleVersion: Hashable, Sendable {
    public var schedule: String
    public var version: Int
    public var definition: ScheduleDefinition
    /// First day this version governs; nil for the first version (its start day rules).
    public var fromDay: CalendarDay?
    /// First day it no longer governs; nil while it is the current version.
    public var untilDay: CalendarDay?

    public init(schedule: String, version: Int, definition: ScheduleDefinition,
                fromDay: CalendarDay? = nil, untilDay: CalendarDay? = nil) {
        self.schedule = schedule
        self.version = version
        self.definition = definition
        self.fromDay = fromDay
        self.untilDay = untilDay
    }
}
