import BriefingModel
@testable import BriefingSchedule
import Foundation

/// The promises, checked against the ledger and the files on disk. Returns the broken
/// ones, each naming schedule, period and file.
enum LedgerInvariants {
    /// `complete`: the last run finished (else it was killed, and its unfinished production
    /// may have left files the next run cleans up).
    static func problems(_ ws: Workspace, schedules: [ScheduleDefinition], now: Date, complete: Bool) throws -> [String] {
        var problems: [String] = []
        guard let ledger = try ScheduleLedger.open(at: ws.ledgerURL, create: false) else {
            return ws.reportFiles().isEmpty ? [] : ["report files exist but there is no ledger"]
        }
        let editions = try ledger.editions(withReadouts: true)
        let attempts = try ledger.attempts().filter { $0.state == .running }
        let pending = Set(attempts.flatMap { $0.files.flatMap { [$0.path, $0.temporary] } })
        var recorded: [String: ReportFile] = [:]
        for e in editions {
            for f in e.files {
                recorded[f.path] = f
                let digest = ReportDigest.of(ws.output.appendingPathComponent(f.path))
                if digest == nil { problems.append("\(e.schedule) \(e.periodKey) e\(e.edition): row without its file \(f.path)") }
                if let digest, digest.sha256 != f.sha256 {
                    problems.append("\(e.schedule) \(e.periodKey) e\(e.edition): \(f.path) differs from its recorded hash")
                }
            }
        }
        // A file belongs to a report when it is one, or sits in one (a charts folder).
        func owner(_ rel: String, in set: Set<String>) -> Bool {
            var path = rel
            while true {
                if set.contains(path) { return true }
                guard let slash = path.lastIndex(of: "/") else { return false }
                path = String(path[..<slash])
            }
        }
        let recordedPaths = Set(recorded.keys)
        for rel in ws.reportFiles() {
            let isTemp = rel.contains(".tmp-")
            if !owner(rel, in: recordedPaths) {
                if complete || !owner(rel, in: pending) {
                    problems.append("file without a ledger row: \(rel)")
                }
            }
            if isTemp && complete { problems.append("temporary file left: \(rel)") }
            if !isTemp && !ws.read(rel).hasSuffix("END\n") { problems.append("half-written report: \(rel)") }
        }
        // Editions numbered 1...n, each from different readouts than the one before.
        let byPeriod = Dictionary(grouping: editions) { "\($0.schedule) \($0.periodKey)" }
        for (k, eds) in byPeriod {
            let sorted = eds.sorted { $0.edition < $1.edition }
            if sorted.map(\.edition) != Array(1...sorted.count) { problems.append("\(k): editions \(sorted.map(\.edition))") }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.inputDigest == b.inputDigest {
                problems.append("\(k): edition \(b.edition) repeats edition \(a.edition)'s input")
            }
        }
        guard complete else { return problems }

        // Independent of the scheduler's own enumeration: the produced periods of each schedule
        // tile the days from its start with no gap or overlap, and reach every ended period.
        let readouts = try FileManager.default.contentsOfDirectory(at: ws.input, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" && (try? RegularFile.check($0.path)) != nil }
            .map { url -> (String, CalendarDay?, String) in
                let data = FileManager.default.contents(atPath: url.path)!
                let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
                return (url.lastPathComponent, CalendarDay(iso: first.dropFirst(6)), ContentHash.sha256(data))
            }
        for def in schedules {
            let cal = try PeriodCalendar(def)
            let latest = Dictionary(grouping: editions.filter { $0.schedule == def.name }, by: \.periodKey)
                .compactMap { $0.value.max { $0.edition < $1.edition } }
                .sorted { $0.startDay < $1.startDay }
            var expectedStart = cal.startDay(ofPeriod: 0)
            for e in latest {
                if e.startDay != expectedStart { problems.append("\(def.name): gap or overlap before \(e.periodKey) (\(e.startDay), expected \(expectedStart))") }
                expectedStart = e.endDay
                if e.end > now { continue }  // produced under a later clock; not revisited
                let expected = Set(readouts.filter { r in r.1.map { e.startDay <= $0 && $0 < e.endDay } ?? false }
                    .map { "\($0.0) \($0.2)" })
                let got = Set(e.readouts.map { "\($0.file) \($0.sha256)" })
                if expected != got {
                    problems.append("\(def.name) \(e.periodKey) edition \(e.edition): readouts \(got.sorted()) but the input has \(expected.sorted())")
                }
            }
            // The first period not produced must not have ended.
            if cal.instant(of: expectedStart) < now {
                let next = cal.period(cal.index(containing: expectedStart))
                if next.end <= now { problems.append("\(def.name): period \(next.key) ended \(ISOTime.string(next.end)) but is missing") }
            }
        }
        return problems
    }
}
