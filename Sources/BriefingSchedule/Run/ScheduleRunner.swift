import BriefingModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one `schedule run` did.
public struct RunReport: Sendable {
    public struct Produced: Hashable, Sendable {
        public var schedule: String
        public var period: String
        public var edition: Int
        public var readouts: Int
        public var files: [String]
        public var reason: String
    }
    public var produced: [Produced] = []
    /// Productions a killed run left behind, cleaned up before this run started.
    public var recovered: [String] = []
    public var readouts = 0
    public var extracted = 0
    public var cached = 0
    public var hashed = 0
}

/// `briefing schedule run`: under the run lock, cleans up after a killed run, records schedule
/// changes, brings the extraction cache up to date, then produces every owed edition, oldest
/// period first, each one written to temporary files, renamed into place and recorded in one
/// transaction. Stops at the first failure, leaving the ledger as it was for that period.
public struct ScheduleRunner: Sendable {
    public struct Options: Sendable {
        public var input: URL
        public var output: URL
        /// The time the run acts as of (`--now`); periods ending at or before it are owed.
        public var now: Date
        /// Wait for another run to finish instead of exiting.
        public var wait: Bool = false
        public var faults: FaultHook?
        /// Wall clock for the ledger's "produced at" and run times.
        public var clock: @Sendable () -> Date = { Date() }
        /// Told how far hashing, extraction and production are.
        public var progress: ProgressHandler?
        public init(input: URL, output: URL, now: Date) {
            self.input = input
            self.output = output
            self.now = now
        }
    }

    public var schedules: [ScheduleDefinition]
    public var analyzer: any ReadoutAnalyzer
    public var renderer: any ReportRenderer
    public var options: Options

    public init(schedules: [ScheduleDefinition], analyzer: any ReadoutAnalyzer,
                renderer: any ReportRenderer, options: Options) {
        self.schedules = schedules
        self.analyzer = analyzer
        self.renderer = renderer
        self.options = options
    }

    public func run(log: (String) -> Void = { _ in }) throws -> RunReport {
        let lock = try RunLock(at: RunLock.url(inOutput: options.output), wait: options.wait)
        defer { lock.release() }
        guard let ledger = try ScheduleLedger.open(at: ScheduleLedger.url(inOutput: options.output), create: true) else {
            fatalError("ledger not created")
        }
        var report = RunReport()
        try ledger.markAbandonedRuns(at: options.clock())
        let runID = try ledger.beginRun(now: options.now, startedAt: options.clock())
        do {
            report.recovered = try recover(ledger)
            for r in report.recovered { log("recovered: \(r)") }
            let timelines = try ScheduleSync.sync(schedules, ledger: ledger, now: options.now, record: true, log: log)
            let snapshot = try CorpusSnapshot.scan(input: options.input, analyzer: analyzer, ledger: ledger,
                                                   store: true, now: options.clock(), log: log, progress: options.progress)
            report.readouts = snapshot.readouts.count
            report.extracted = snapshot.extracted
            report.cached = snapshot.cached
            report.hashed = snapshot.hashed
            let plan = try ProductionPlan.make(timelines: timelines, readouts: snapshot.readouts,
                                               editions: try ledger.editions(), now: options.now,
                                               previousReadouts: ledger.readouts(of:))
            if plan.isEmpty { log("nothing to produce: every ended period is up to date") }
            for (i, item) in plan.enumerated() {
                options.progress?("producing editions", i, plan.count)
                let produced = try produce(item, ledger: ledger, runID: runID)
                log("[\(i + 1)/\(plan.count)] \(item.owned.schedule) \(item.owned.period.key): edition \(item.edition) (\(item.reason)), \(item.readouts.count) readout(s) -> \(produced.files.joined(separator: ", "))")
                report.produced.append(produced)
            }
            try ledger.finishRun(runID, state: "finished", message: "\(report.produced.count) edition(s) produced",
                                 at: options.clock())
            return report
        } catch let kill as SimulatedKill {
            throw kill
        } catch {
            try? ledger.finishRun(runID, state: "failed", message: error.localizedDescription, at: options.clock())
            throw error
        }
    }

    /// Cleans up after productions a killed run left "running": their temporary files, and
    /// report files renamed into place but never recorded. The period is then owed again.
    func recover(_ ledger: ScheduleLedger) throws -> [String] {
        var notes: [String] = []
        for a in try ledger.attempts() where a.state == .running {
            var removed = 0
            for f in a.files {
                removed += removeLeftovers(of: f)
                let url = options.output.appendingPathComponent(f.path)
                if FileManager.default.fileExists(atPath: url.path) {
                    try? FileManager.default.removeItem(at: url)
                    removed += 1
                }
            }
            try ledger.setAttempt(schedule: a.schedule, periodKey: a.periodKey, edition: a.edition,
                                  state: .interrupted, message: "interrupted; \(removed) unrecorded file(s) removed")
            notes.append("\(a.schedule) \(a.periodKey) edition \(a.edition) was interrupted; \(removed) unrecorded file(s) removed")
        }
        return notes
    }

    /// Removes a production's temporary file and any file a renderer derived from its name
    /// next to it (a renderer killed mid-write leaves ".<temporary>.<pid>.tmp"). Returns how
    /// many were removed.
    @discardableResult
    func removeLeftovers(of p: PendingFile) -> Int {
        let temp = options.output.appendingPathComponent(p.temporary)
        let folder = temp.deletingLastPathComponent()
        let stem = temp.lastPathComponent
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.contains(stem) {
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    func produce(_ item: PlannedEdition, ledger: ScheduleLedger, runID: Int64) throws -> RunReport.Produced {
        let owned = item.owned, period = owned.period
        let wanted = item.readouts + item.previousReadouts
        var cached = try ledger.cachedResults(extractor: analyzer.cacheKey, hashes: Array(Set(wanted.map(\.cacheKey))))
        // Entries written under another model shape do not decode: extract those again.
        let stale = wanted.filter { cached[$0.cacheKey] == nil }
        if !stale.isEmpty {
            var fresh: [(hash: String, date: CalendarDay?, result: Data)] = []
            for r in stale {
                let result = analyzer.extract(readoutAt: r.url)
                cached[r.cacheKey] = result
                fresh.append((r.cacheKey, result.meeting?.date, result.encoded()))
            }
            try ledger.storeCache(fresh, extractor: analyzer.cacheKey, at: options.clock())
        }
        let inputName = options.input.path
        let located = { (r: ReadoutEntry) in
            cached[r.cacheKey]?.relocated(file: (r.file as NSString).lastPathComponent,
                                         path: (inputName as NSString).appendingPathComponent(r.file))
        }
        let results = item.readouts.compactMap(located)
        let analysis = analyzer.aggregate(results, input: inputName)
        // The previous period with this one, for the report's "Since" section.
        let history = item.previousPeriod == nil ? nil : analyzer.aggregate(item.previousReadouts.compactMap(located) + results, input: inputName)
        let context = ReportContext(schedule: owned.schedule, period: period.key, startDay: period.startDay,
                                    lastDay: period.lastDay, timeZone: item.definition.timeZone,
                                    edition: item.edition, readouts: item.readouts.count,
                                    previousPeriod: item.previousPeriod?.key)
        let targets = item.files
        let pending = targets.map { t -> PendingFile in
            let dir = (t.path as NSString).deletingLastPathComponent
            let name = (t.path as NSString).lastPathComponent
            return PendingFile(path: t.path, temporary: (dir as NSString).appendingPathComponent(".\(name).tmp-\(runID)"))
        }
        try ledger.beginAttempt(AttemptRecord(runID: runID, schedule: owned.schedule, periodKey: period.key,
                                              edition: item.edition, files: pending, state: .running,
                                              message: nil, startedAt: options.clock()))
        var renamed: [URL] = []
        do {
            var files: [ReportFile] = []
            for (t, p) in zip(targets, pending) {
                let temp = options.output.appendingPathComponent(p.temporary)
                do {
                    try FileManager.default.createDirectory(at: temp.deletingLastPathComponent(),
                                                            withIntermediateDirectories: true)
                } catch {
                    throw ScheduleError.writing(temp.deletingLastPathComponent().path, error)
                }
                do {
                    try renderer.render(analysis, kind: t.kind, context: context, history: history, to: temp)
                } catch let kill as SimulatedKill {
                    throw kill
                } catch {
                    throw Self.isFileSystem(error) ? ScheduleError.writing(temp.path, error)
                        : ScheduleError.renderFailed(schedule: owned.schedule, period: period.key,
                                                     layout: t.kind.rawValue, reason: error.localizedDescription)
                }
                ReportDigest.sync(temp)
                guard let digest = ReportDigest.of(temp) else {
                    throw ScheduleError.renderFailed(schedule: owned.schedule, period: period.key,
                                                     layout: t.kind.rawValue, reason: "the renderer wrote no file")
                }
                files.append(ReportFile(layout: t.kind.rawValue, path: t.path, sha256: digest.sha256,
                                        bytes: digest.bytes))
            }
            try options.faults?(.afterRender, owned, item.edition)
            for p in pending {
                let final = options.output.appendingPathComponent(p.path)
                if FileManager.default.fileExists(atPath: final.path) {
                    throw ScheduleError.wouldOverwrite(path: final.path)
                }
                if rename(options.output.appendingPathComponent(p.temporary).path, final.path) != 0 {
                    throw ScheduleError.writing(final.path, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                renamed.append(final)
            }
            if let dir = renamed.first?.deletingLastPathComponent() { Self.sync(dir) }
            try options.faults?(.afterRename, owned, item.edition)
            try ledger.record(EditionRecord(
                schedule: owned.schedule, periodKey: period.key, edition: item.edition, version: owned.version,
                startDay: period.startDay, endDay: period.endDay, start: period.start, end: period.end,
                inputDigest: item.inputDigest, readouts: item.readouts.map { ReadoutRef(file: $0.file, sha256: $0.sha256) },
                readoutCount: item.readouts.count,
                files: files, producedAt: options.clock(), runID: runID, reason: item.reason))
            return RunReport.Produced(schedule: owned.schedule, period: period.key, edition: item.edition,
                                      readouts: item.readouts.count, files: targets.map(\.path), reason: item.reason)
        } catch let kill as SimulatedKill {
            throw kill
        } catch {
            for p in pending { removeLeftovers(of: p) }
            for url in renamed { try? FileManager.default.removeItem(at: url) }
            try? ledger.setAttempt(schedule: owned.schedule, periodKey: period.key, edition: item.edition,
                                   state: .failed, message: error.localizedDescription)
            throw error
        }
    }

    /// Flushes a file (or folder) to disk so a rename never exposes a half-written report.
    static func sync(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }

    static func isFileSystem(_ error: any Error) -> Bool {
        if error is POSIXError { return true }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return true }
        if ns.domain == NSCocoaErrorDomain {
            return (CocoaError.fileWriteUnknown.rawValue...CocoaError.fileWriteVolumeReadOnly.rawValue).contains(ns.code)
                || ns.userInfo[NSUnderlyingErrorKey] != nil
        }
        return false
    }
}
