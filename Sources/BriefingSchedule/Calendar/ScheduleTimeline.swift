import BriefingModel
import Foundation

/// A period together with the version of its schedule that owns it.
public struct OwnedPeriod: Hashable, Sendable {
    public var schedule: String
    public var version: Int
    public var period: Period
}

/// All versions of one schedule laid end to end: the periods it owes, in order.
public struct ScheduleTimeline: Sendable {
    public let name: String
    public let versions: [ScheduleVersion]
    private let calendars: [PeriodCalendar]

    public init(versions: [ScheduleVersion]) throws {
        precondition(!versions.isEmpty)
        let sorted = versions.sorted { $0.version < $1.version }
        self.name = sorted[0].schedule
        self.versions = sorted
        self.calendars = try sorted.map { try PeriodCalendar($0.definition) }
    }

    public var current: ScheduleVersion { versions[versions.count - 1] }
    public var currentCalendar: PeriodCalendar { calendars[calendars.count - 1] }

    /// Every period whose end is at or before `now`, oldest first.
    public func periods(endedBy now: Date) -> [OwnedPeriod] {
        periods { $0.end <= now }
    }

    /// Periods in order while `keep` holds (stops at the first open-ended one that fails).
    public func periods(while keep: (Period) -> Bool) -> [OwnedPeriod] {
        var out: [OwnedPeriod] = []
        var usedKeys = Set<String>()
        for (i, version) in versions.enumerated() {
            let cal = calendars[i]
            var index = version.fromDay.map { max(0, cal.firstIndex(startingOnOrAfter: $0)) } ?? 0
            while true {
                var p = cal.period(index)
                if let until = version.untilDay {
                    if p.startDay >= until { break }
                    if p.endDay > until { p.endDay = until; p.end = cal.instant(of: until) }
                }
                if !keep(p) {
                    // A closed version's later periods may still pass (never: ends increase).
                    break
                }
                if version.version > 1 && usedKeys.contains(p.key) { p.key += "-v\(version.version)" }
                usedKeys.insert(p.key)
                out.append(OwnedPeriod(schedule: name, version: version.version, period: p))
                index += 1
            }
            // Keys of a closed version are all known; reserve them even past `keep`.
            if let until = version.untilDay {
                let stop = cal.index(containing: until.adding(days: -1))
                var j = index
                while j <= stop { usedKeys.insert(cal.period(j).key); j += 1 }
            }
        }
        return out
    }

    /// The next period to end after `now` (the one under way, or the first one).
    public func nextPeriod(after now: Date) -> OwnedPeriod? {
        var taken = false
        let list = periods { p in
            if p.end <= now { return true }
            if taken { return false }
            taken = true
            return true
        }
        return list.last.flatMap { $0.period.end > now ? $0 : nil }
    }

    /// Where a new definition takes over from the current version when the change is seen at
    /// `now`: the first boundary of the new definition on or after the end of the current
    /// version's last ended (or produced) period.
    public func cutover(to definition: ScheduleDefinition, now: Date,
                        lastProducedEndDay: CalendarDay?) throws -> CalendarDay {
        let cal = currentCalendar
        var mark = current.fromDay ?? cal.startDay(ofPeriod: 0)
        let today = cal.index(containing: cal.day(at: now))
        if today > 0 { mark = max(mark, cal.startDay(ofPeriod: today)) }
        if let produced = lastProducedEndDay { mark = max(mark, produced) }
        let next = try PeriodCalendar(definition)
        return next.startDay(ofPeriod: max(0, next.firstIndex(startingOnOrAfter: mark)))
    }
}
