import BriefingModel
import Foundation

/// Brings the ledger's schedule versions in line with `schedules.yaml`: a new schedule gets
/// version 1; a changed one gets a new version from the cutover day on, the old version
/// keeping the periods before it. Schedules no longer defined keep their history and stop.
enum ScheduleSync {
    static func sync(_ definitions: [ScheduleDefinition], ledger: ScheduleLedger?, now: Date, record: Bool,
                     log: (String) -> Void) throws -> [ScheduleTimeline] {
        let known = try ledger?.versions() ?? [:]
        let editions = try ledger?.editions() ?? []
        var timelines: [ScheduleTimeline] = []
        for def in definitions {
            guard let versions = known[def.name], !versions.isEmpty else {
                let v = ScheduleVersion(schedule: def.name, version: 1, definition: def)
                if record { try ledger?.recordVersion(v, closingPreviousAt: nil, at: now) }
                timelines.append(try ScheduleTimeline(versions: [v]))
                continue
            }
            let timeline = try ScheduleTimeline(versions: versions)
            guard timeline.current.definition.digest != def.digest else {
                timelines.append(timeline)
                continue
            }
            let current = timeline.current
            let produced = editions.filter { $0.schedule == def.name && $0.version == current.version }
                .map(\.endDay).max()
            let cutover = try timeline.cutover(to: def, now: now, lastProducedEndDay: produced)
            let next = ScheduleVersion(schedule: def.name, version: current.version + 1, definition: def,
                                       fromDay: cutover)
            var closed = versions
            closed[closed.count - 1].untilDay = cutover
            if record {
                try ledger?.recordVersion(next, closingPreviousAt: cutover, at: now)
                log("schedule \(def.name) changed: version \(next.version) takes over from \(cutover); earlier periods keep version \(current.version)")
            }
            timelines.append(try ScheduleTimeline(versions: closed + [next]))
        }
        return timelines
    }
}
