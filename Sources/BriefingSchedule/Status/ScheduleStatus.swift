import BriefingModel
import Foundation

/// `briefing schedule status`: every schedule's periods with their state and files, read from
/// the ledger only (no readout is read). The JSON is stable for other tools:
/// `{"schedules": [{"name", "periods": [{"key", "start", "end", "state", "editions":
/// [{"edition", "produced_at", "files"}]}]}]}`, times ISO 8601.
public struct ScheduleStatus: Sendable, Codable {
    public enum State: String, Sendable, Codable {
        case produced, revised, due, running, failed
    }

    public struct Edition: Sendable, Codable {
        public var edition: Int
        public var producedAt: String
        public var files: [String]
        public var readouts: Int
        public var inputDigest: String
        public var reason: String
    }

    public struct PeriodState: Sendable, Codable {
        public var key: String
        /// The instant the period starts (local midnight in the schedule's zone), ISO 8601 UTC.
        public var start: String
        /// The instant it ends (exclusive).
        public var end: String
        /// Its first and last local days, as a reader names the period.
        public var firstDay: CalendarDay
        public var lastDay: CalendarDay
        public var state: State
        public var version: Int
        public var message: String?
        public var editions: [Edition]
    }

    public struct Schedule: Sendable, Codable {
        public var name: String
        public var definition: String
        public var version: Int
        /// False when the schedule is no longer in schedules.yaml (its history is kept).
        public var defined: Bool
        public var note: String?
        public var periods: [PeriodState]
    }

    public var ledger: String
    public var now: String
    public var running: Bool
    public var schedules: [Schedule]

    /// Builds the status of `output` as of `now`. `outputName` is the output folder as the
    /// user gave it, so listed files can be opened from the shell.
    public static func make(schedules definitions: [ScheduleDefinition], output: URL, outputName: String,
                            now: Date) throws -> ScheduleStatus {
        let ledgerURL = ScheduleLedger.url(inOutput: output)
        let ledger = try ScheduleLedger.open(at: ledgerURL, create: false)
        let running = RunLock.isHeld(at: RunLock.url(inOutput: output))
        let timelines = try ScheduleSync.sync(definitions, ledger: ledger, now: now, record: false, log: { _ in })
        let editions = try ledger?.editions() ?? []
        let attempts = try ledger?.attempts() ?? []
        let known = try ledger?.versions() ?? [:]
        func display(_ rel: String) -> String { (outputName as NSString).appendingPathComponent(rel) }

        var out: [Schedule] = []
        var names = definitions.map(\.name)
        names += known.keys.sorted().filter { !names.contains($0) }
        for name in names {
            let timeline = try timelines.first { $0.name == name } ?? known[name].map { try ScheduleTimeline(versions: $0) }
            guard let timeline else { continue }
            let mine = editions.filter { $0.schedule == name }
            var periods: [(Date, PeriodState)] = []
            var listed = Set<String>()
            func state(key: String, start: Date, end: Date, days: (CalendarDay, CalendarDay), version: Int) -> PeriodState {
                let eds = mine.filter { $0.periodKey == key }.sorted { $0.edition < $1.edition }
                let attempt = attempts.filter { $0.schedule == name && $0.periodKey == key }.max { $0.edition < $1.edition }
                var s: State = eds.isEmpty ? .due : (eds.count > 1 ? .revised : .produced)
                var message: String?
                if let a = attempt, a.edition > (eds.last?.edition ?? 0) {
                    switch a.state {
                    case .running where running: s = .running
                    case .running, .interrupted:
                        message = "edition \(a.edition) was interrupted; the next run produces it"
                        if eds.isEmpty { s = .due }
                    case .failed:
                        s = .failed
                        message = a.message
                    }
                }
                return PeriodState(key: key, start: ISOTime.string(start), end: ISOTime.string(end),
                                   firstDay: days.0, lastDay: days.1.adding(days: -1), state: s,
                                   version: version, message: message,
                                   editions: eds.map { Edition(edition: $0.edition, producedAt: ISOTime.string($0.producedAt),
                                                               files: $0.files.map { display($0.path) },
                                                               readouts: $0.readoutCount, inputDigest: $0.inputDigest,
                                                               reason: $0.reason) })
            }
            for owned in timeline.periods(endedBy: now) {
                let p = owned.period
                listed.insert(p.key)
                periods.append((p.start, state(key: p.key, start: p.start, end: p.end, days: (p.startDay, p.endDay), version: owned.version)))
            }
            // Produced periods the clock (moved back) or a removed schedule no longer lists.
            for e in mine where !listed.contains(e.periodKey) {
                listed.insert(e.periodKey)
                periods.append((e.start, state(key: e.periodKey, start: e.start, end: e.end, days: (e.startDay, e.endDay), version: e.version)))
            }
            let defined = definitions.contains { $0.name == name }
            var note: String?
            if !defined { note = "no longer in schedules.yaml; its reports are kept" }
            if let d = definitions.first(where: { $0.name == name }), let v = known[name]?.last,
               v.definition.digest != d.digest {
                note = "definition changed in schedules.yaml; the next run starts version \(v.version + 1)"
            }
            out.append(Schedule(name: name, definition: timeline.current.definition.summary,
                                version: timeline.current.version, defined: defined, note: note,
                                periods: periods.sorted { $0.0 < $1.0 }.map(\.1)))
        }
        return ScheduleStatus(ledger: display(".briefing/ledger.sqlite"), now: ISOTime.string(now),
                              running: running, schedules: out)
    }

    public func json() throws -> String {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// One line per period: "  2026-W47  produced   2026-11-16 .. 2026-11-23  e1 output/...".
    public var text: String {
        var lines = ["ledger \(ledger), as of \(now)" + (running ? " (a run is in progress)" : "")]
        for s in schedules {
            let counts = Dictionary(grouping: s.periods, by: \.state).mapValues(\.count)
            let summary = [State.produced, .revised, .due, .running, .failed]
                .compactMap { st in counts[st].map { "\($0) \(st.rawValue)" } }.joined(separator: ", ")
            lines.append("")
            lines.append("\(s.name): \(s.definition) (version \(s.version))")
            if let note = s.note { lines.append("  note: \(note)") }
            lines.append("  \(s.periods.count) period(s)" + (summary.isEmpty ? "" : ": \(summary)"))
            for p in s.periods {
                let files = p.editions.last.map { e in "edition \(e.edition), \(e.readouts) readout(s): " + e.files.joined(separator: ", ") } ?? ""
                let pad = String(repeating: " ", count: max(0, 10 - p.key.count))
                let st = p.state.rawValue + String(repeating: " ", count: max(0, 9 - p.state.rawValue.count))
                lines.append("  \(p.key)\(pad) \(st) \(p.firstDay) to \(p.lastDay)  \(files)")
                if let m = p.message { lines.append("              \(m)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
