import BriefingModel
import Foundation

/// One edition the next run will produce.
public struct PlannedEdition: Hashable, Sendable {
    public var owned: OwnedPeriod
    public var definition: ScheduleDefinition
    public var edition: Int
    /// The period's readouts, by file.
    public var readouts: [ReadoutEntry]
    /// The period just before (none for a schedule's first), and its readouts: what the
    /// report's "Since" section compares with.
    public var previousPeriod: Period?
    public var previousReadouts: [ReadoutEntry] = []
    public var inputDigest: String
    /// "first edition", or for a revision what changed.
    public var reason: String
    /// Report paths relative to the output folder, one per layout.
    public var files: [(kind: ReportKind, path: String)] {
        definition.layouts.map { ($0, OutputPattern.path(definition, owned.period, kind: $0, edition: edition)) }
    }

    public static func == (a: PlannedEdition, b: PlannedEdition) -> Bool {
        a.owned == b.owned && a.edition == b.edition && a.inputDigest == b.inputDigest
    }
    public func hash(into h: inout Hasher) { h.combine(owned); h.combine(edition) }
}

/// Decides what a run owes: every ended period without an edition, and every produced period
/// whose readouts changed since its latest edition, oldest period first.
public enum ProductionPlan {
    /// `previousReadouts` fetches a produced edition's readout list, to say what a revision
    /// changes.
    public static func make(timelines: [ScheduleTimeline], readouts: [ReadoutEntry],
                            editions: [EditionRecord], now: Date,
                            previousReadouts: (EditionRecord) throws -> [ReadoutRef]) rethrows -> [PlannedEdition] {
        var latest: [String: EditionRecord] = [:]
        for e in editions {
            let k = "\(e.schedule)\u{1}\(e.periodKey)"
            if (latest[k]?.edition ?? 0) < e.edition { latest[k] = e }
        }
        let dated = readouts.filter { $0.date != nil }.sorted { ($0.date!, $0.file) < ($1.date!, $1.file) }
        var out: [PlannedEdition] = []
        for timeline in timelines {
            let periods = timeline.periods(endedBy: now)
            let byPeriod = assign(dated, to: periods.map(\.period))
            let definitions = Dictionary(uniqueKeysWithValues: timeline.versions.map { ($0.version, $0.definition) })
            for (i, owned) in periods.enumerated() {
                let members = byPeriod[i].sorted { $0.file < $1.file }
                let digest = inputDigest(members)
                let previous = latest["\(owned.schedule)\u{1}\(owned.period.key)"]
                guard previous?.inputDigest != digest else { continue }
                let before = i > 0 && periods[i - 1].period.endDay == owned.period.startDay ? i - 1 : nil
                out.append(PlannedEdition(owned: owned, definition: definitions[owned.version]!,
                                          edition: (previous?.edition ?? 0) + 1, readouts: members,
                                          previousPeriod: before.map { periods[$0].period },
                                          previousReadouts: before.map { byPeriod[$0] } ?? [],
                                          inputDigest: digest,
                                          reason: try previous.map { revisionReason(from: try previousReadouts($0), to: members) }
                                              ?? "first edition"))
            }
        }
        return out.sorted {
            ($0.owned.period.end, $0.owned.schedule, $0.owned.period.key)
                < ($1.owned.period.end, $1.owned.schedule, $1.owned.period.key)
        }
    }

    /// Readouts per period by binary search over the (contiguous, ordered) periods.
    static func assign(_ dated: [ReadoutEntry], to periods: [Period]) -> [[ReadoutEntry]] {
        var out = Array(repeating: [ReadoutEntry](), count: periods.count)
        guard !periods.isEmpty else { return out }
        for r in dated {
            let day = r.date!
            var lo = 0, hi = periods.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if periods[mid].endDay <= day { lo = mid + 1 } else { hi = mid }
            }
            if lo < periods.count, periods[lo].contains(day) { out[lo].append(r) }
        }
        return out
    }

    /// SHA-256 over "file<TAB>cache key" lines, sorted: the identity of a period's input
    /// (the cache key is the content hash, with the manifest entry folded in when there is one).
    public static func inputDigest(_ readouts: [ReadoutEntry]) -> String {
        ContentHash.sha256(readouts.map { "\($0.file)\t\($0.cacheKey)\n" }.sorted().joined())
    }

    static func revisionReason(from old: [ReadoutRef], to new: [ReadoutEntry]) -> String {
        let before = Dictionary(old.map { ($0.file, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.file, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let added = after.keys.filter { before[$0] == nil }.count
        let removed = before.keys.filter { after[$0] == nil }.count
        let changed = after.filter { before[$0.key] != nil && before[$0.key] != $0.value }.count
        var parts: [String] = []
        if added > 0 { parts.append("\(added) readout\(added == 1 ? "" : "s") added") }
        if changed > 0 { parts.append("\(changed) changed") }
        if removed > 0 { parts.append("\(removed) removed") }
        return "revision: " + (parts.isEmpty ? "a readout's manifest or corrections entry changed" : parts.joined(separator: ", "))
    }
}
