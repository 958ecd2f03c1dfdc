import BriefingModel
import Foundation

/// `briefing schedule plan`: what the next run would produce, and when each schedule's next
/// period ends. Reads the input and the ledger; writes nothing.
public struct SchedulePlan: Sendable {
    public var now: Date
    public var editions: [PlannedEdition]
    public var upcoming: [OwnedPeriod]
    /// Readouts the cache does not know: the run extracts them first, which may add
    /// editions not listed here.
    public var unanalysed: Int
    public var readouts: Int
    public var outputName: String

    public static func make(schedules: [ScheduleDefinition], analyzer: any ReadoutAnalyzer, input: URL,
                            output: URL, outputName: String, now: Date) throws -> SchedulePlan {
        let ledger = try ScheduleLedger.open(at: ScheduleLedger.url(inOutput: output), create: false)
        let timelines = try ScheduleSync.sync(schedules, ledger: ledger, now: now, record: false, log: { _ in })
        let snapshot = try CorpusSnapshot.scan(input: input, analyzer: analyzer, ledger: ledger, store: false,
                                               now: now, log: { _ in })
        let plan = try ProductionPlan.make(timelines: timelines, readouts: snapshot.readouts,
                                           editions: try ledger?.editions() ?? [], now: now,
                                           previousReadouts: { try ledger?.readouts(of: $0) ?? [] })
        return SchedulePlan(now: now, editions: plan, upcoming: timelines.compactMap { $0.nextPeriod(after: now) },
                            unanalysed: snapshot.extracted, readouts: snapshot.readouts.count, outputName: outputName)
    }

    public var text: String {
        var lines: [String] = []
        if editions.isEmpty {
            lines.append("as of \(ISOTime.string(now)), every ended period is up to date; the next run produces nothing")
        } else {
            lines.append("as of \(ISOTime.string(now)), the next run produces \(editions.count) edition(s), oldest first:")
            for e in editions {
                let p = e.owned.period
                let files = e.files.map { (outputName as NSString).appendingPathComponent($0.path) }.joined(separator: ", ")
                lines.append("  \(e.owned.schedule) \(p.key) (\(p.startDay) to \(p.lastDay)) edition \(e.edition), \(e.reason), \(e.readouts.count) readout(s) -> \(files)")
            }
        }
        if unanalysed > 0 {
            lines.append("\(unanalysed) of \(readouts) readout(s) are not analysed yet; the run extracts them first, which may add periods' editions")
        }
        for u in upcoming {
            lines.append("next: \(u.schedule) \(u.period.key) (\(u.period.startDay) to \(u.period.lastDay)) ends \(ISOTime.string(u.period.end)); the first run after that produces it")
        }
        return lines.joined(separator: "\n")
    }
}
