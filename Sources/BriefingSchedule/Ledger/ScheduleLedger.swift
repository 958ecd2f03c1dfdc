import BriefingModel
import Foundation
import GRDB

/// The SQLite ledger at `<output>/.briefing/ledger.sqlite`: schedule versions, one row per
/// produced (schedule, period, edition) with its input digest and files, productions under way,
/// runs, and the per-readout extraction cache. The ledger is the truth: a period is produced
/// exactly when its edition row exists, and that row is written in the same transaction as its
/// files' rows, after the files are in place. Instants are stored as Unix seconds and days as
/// days since 1970-01-01 (INTEGER columns); they become text only for display.
public final class ScheduleLedger: Sendable {
    public let url: URL
    let db: DatabaseQueue

    /// Where the ledger of an output folder lives.
    public static func url(inOutput output: URL) -> URL {
        output.appendingPathComponent(".briefing", isDirectory: true)
            .appendingPathComponent("ledger.sqlite")
    }

    /// Opens (and migrates) the ledger; nil when it does not exist and `create` is false.
    /// Never overwrites a file that is not a ledger, or a ledger from a newer version.
    public static func open(at url: URL, create: Bool) throws -> ScheduleLedger? {
        let exists = FileManager.default.fileExists(atPath: url.path)
        if !exists && !create { return nil }
        if !exists {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
            } catch {
                throw ScheduleError.writing(url.deletingLastPathComponent().path, error)
            }
        }
        return try ScheduleLedger(url: url)
    }

    init(url: URL) throws {
        self.url = url
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        let path = url.path
        do {
            db = try DatabaseQueue(path: path, configuration: config)
            let tables = try db.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw ScheduleError.notALedger(path: path)
            }
            let migrator = LedgerMigrations.migrator
            if try db.read({ try migrator.hasBeenSuperseded($0) }) {
                throw ScheduleError.ledgerTooNew(path: path)
            }
            try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try migrator.migrate(db)
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleLedger.mapped(error, path: path)
        }
    }

    /// The schema migrations applied, oldest first (for status and tests).
    public func appliedMigrations() throws -> [String] {
        try guarded { try db.read { try LedgerMigrations.migrator.appliedIdentifiers($0).sorted() } }
    }

    static func mapped(_ error: any Error, path: String) -> ScheduleError {
        if let e = error as? ScheduleError { return e }
        if let e = error as? DatabaseError {
            return .ledgerUnreadable(path: path, reason: e.message ?? "\(e.resultCode)")
        }
        return .ledgerUnreadable(path: path, reason: "\(error)")
    }

    /// An instant as the ledger stores it: whole seconds since 1970-01-01T00:00:00Z.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func instant(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }

    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR].contains(e.resultCode) {
            throw ScheduleLedger.mapped(e, path: url.path)
        }
    }

    // MARK: Schedule versions

    public func versions() throws -> [String: [ScheduleVersion]] {
        try guarded {
            try db.read { db in
                var out: [String: [ScheduleVersion]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM schedule_version ORDER BY schedule, version") {
                    let def = try JSONDecoder().decode(ScheduleDefinition.self, from: Data((row["definition"] as String).utf8))
                    let v = ScheduleVersion(schedule: row["schedule"], version: row["version"], definition: def,
                                            fromDay: (row["from_day"] as Int?).map(CalendarDay.init(dayNumber:)),
                                            untilDay: (row["until_day"] as Int?).map(CalendarDay.init(dayNumber:)))
                    out[v.schedule, default: []].append(v)
                }
                return out
            }
        }
    }

    /// Records a schedule's first version, or closes the current one at `cutover` and opens
    /// the next, in one transaction.
    public func recordVersion(_ v: ScheduleVersion, closingPreviousAt cutover: CalendarDay?, at now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(v.definition), as: UTF8.self)
        try guarded {
            try db.write { db in
                if let cutover {
                    try db.execute(sql: "UPDATE schedule_version SET until_day = ? WHERE schedule = ? AND version = ?",
                                   arguments: [cutover.dayNumber, v.schedule, v.version - 1])
                }
                try db.execute(sql: """
                    INSERT INTO schedule_version (schedule, version, digest, definition, from_day, until_day, recorded_at)
                    VALUES (?, ?, ?, ?, ?, NULL, ?)
                    """, arguments: [v.schedule, v.version, v.definition.digest, json,
                                     v.fromDay?.dayNumber, Self.seconds(now)])
            }
        }
    }

    // MARK: Runs

    public func beginRun(now: Date, startedAt: Date) throws -> Int64 {
        try guarded {
            try db.write { db in
                try db.execute(sql: "INSERT INTO run (started_at, now, pid, state) VALUES (?, ?, ?, 'running')",
                               arguments: [Self.seconds(startedAt), Self.seconds(now), Int(getpid())])
                return db.lastInsertedRowID
            }
        }
    }

    public func finishRun(_ id: Int64, state: String, message: String?, at: Date) throws {
        try guarded {
            try db.write { db in
                try db.execute(sql: "UPDATE run SET finished_at = ?, state = ?, message = ? WHERE id = ?",
                               arguments: [Self.seconds(at), state, message, id])
            }
        }
    }

    /// Runs left "running" by a process that died (only meaningful while holding the lock).
    public func markAbandonedRuns(at: Date) throws {
        try guarded {
            try db.write { db in
                try db.execute(sql: "UPDATE run SET state = 'killed', finished_at = ? WHERE state = 'running'",
                               arguments: [Self.seconds(at)])
            }
        }
    }

    // MARK: Editions

    /// Every edition. The readout lists are decoded only when asked for (`readouts(of:)`
    /// fetches one edition's): a plan needs only digests and counts.
    public func editions(withReadouts: Bool = false) throws -> [EditionRecord] {
        try guarded {
            try db.read { db in
                var files: [String: [ReportFile]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM edition_file ORDER BY layout") {
                    let key = "\(row["schedule"] as String)\u{1}\(row["period_key"] as String)\u{1}\(row["edition"] as Int)"
                    files[key, default: []].append(ReportFile(layout: row["layout"], path: row["path"],
                                                              sha256: row["sha256"], bytes: row["bytes"]))
                }
                return try Row.fetchAll(db, sql: "SELECT * FROM edition ORDER BY schedule, period_start, edition").map { row in
                    let key = "\(row["schedule"] as String)\u{1}\(row["period_key"] as String)\u{1}\(row["edition"] as Int)"
                    return EditionRecord(
                        schedule: row["schedule"], periodKey: row["period_key"], edition: row["edition"],
                        version: row["version"],
                        startDay: CalendarDay(dayNumber: row["start_day"]), endDay: CalendarDay(dayNumber: row["end_day"]),
                        start: Self.instant(row["period_start"]), end: Self.instant(row["period_end"]),
                        inputDigest: row["input_digest"],
                        readouts: withReadouts ? try JSONDecoder().decode([ReadoutRef].self, from: Data((row["readouts"] as String).utf8)) : [],
                        readoutCount: row["readout_count"],
                        files: files[key] ?? [], producedAt: Self.instant(row["produced_at"]),
                        runID: row["run_id"], reason: row["reason"])
                }
            }
        }
    }

    public func readouts(of e: EditionRecord) throws -> [ReadoutRef] {
        try guarded {
            try db.read { db in
                let json = try String.fetchOne(db, sql: "SELECT readouts FROM edition WHERE schedule = ? AND period_key = ? AND edition = ?",
                                               arguments: [e.schedule, e.periodKey, e.edition]) ?? "[]"
                return try JSONDecoder().decode([ReadoutRef].self, from: Data(json.utf8))
            }
        }
    }

    /// Records a produced edition and its files, and clears its attempt, in one transaction.
    public func record(_ e: EditionRecord) throws {
        let readouts = String(decoding: try JSONEncoder().encode(e.readouts), as: UTF8.self)
        try guarded {
            try db.write { db in
                try db.execute(sql: """
                    INSERT INTO edition (schedule, period_key, edition, version, start_day, end_day,
                      period_start, period_end, input_digest, readouts, readout_count, produced_at, run_id, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [e.schedule, e.periodKey, e.edition, e.version, e.startDay.dayNumber,
                                     e.endDay.dayNumber, Self.seconds(e.start), Self.seconds(e.end),
                                     e.inputDigest, readouts, e.readouts.count, Self.seconds(e.producedAt),
                                     e.runID, e.reason])
                for f in e.files {
                    try db.execute(sql: """
                        INSERT INTO edition_file (schedule, period_key, edition, layout, path, sha256, bytes)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [e.schedule, e.periodKey, e.edition, f.layout, f.path, f.sha256, f.bytes])
                }
                try db.execute(sql: "DELETE FROM attempt WHERE schedule = ? AND period_key = ? AND edition = ?",
                               arguments: [e.schedule, e.periodKey, e.edition])
            }
        }
    }

    // MARK: Attempts

    public func beginAttempt(_ a: AttemptRecord) throws {
        let files = String(decoding: try JSONEncoder().encode(a.files), as: UTF8.self)
        try guarded {
            try db.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO attempt (schedule, period_key, edition, run_id, files, state, message, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [a.schedule, a.periodKey, a.edition, a.runID, files, a.state.rawValue,
                                     a.message, Self.seconds(a.startedAt)])
            }
        }
    }

    public func setAttempt(schedule: String, periodKey: String, edition: Int,
                           state: AttemptRecord.State, message: String?) throws {
        try guarded {
            try db.write { db in
                try db.execute(sql: "UPDATE attempt SET state = ?, message = ? WHERE schedule = ? AND period_key = ? AND edition = ?",
                               arguments: [state.rawValue, message, schedule, periodKey, edition])
            }
        }
    }

    public func attempts() throws -> [AttemptRecord] {
        try guarded {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM attempt ORDER BY started_at").map { row in
                    AttemptRecord(runID: row["run_id"], schedule: row["schedule"], periodKey: row["period_key"],
                                  edition: row["edition"],
                                  files: try JSONDecoder().decode([PendingFile].self, from: Data((row["files"] as String).utf8)),
                                  state: AttemptRecord.State(rawValue: row["state"]) ?? .failed,
                                  message: row["message"], startedAt: Self.instant(row["started_at"]))
                }
            }
        }
    }

    // MARK: Extraction cache

    /// The meeting date of every cached readout for one extractor key (nil: undated).
    public func cachedDates(extractor: String) throws -> [String: CalendarDay?] {
        try guarded {
            try db.read { db in
                var out: [String: CalendarDay?] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT content_hash, meeting_date FROM extraction_cache WHERE extractor = ?",
                                               arguments: [extractor])
                while let row = try rows.next() {
                    // `.some(nil)`: an undated readout is cached too; a plain nil would drop its key.
                    out[row[0] as String] = .some((row[1] as Int?).map(CalendarDay.init(dayNumber:)))
                }
                return out
            }
        }
    }

    public func cachedResults(extractor: String, hashes: [String]) throws -> [String: ExtractedReadout] {
        try guarded {
            try db.read { db in
                var out: [String: ExtractedReadout] = [:]
                for chunk in stride(from: 0, to: hashes.count, by: 500) {
                    let part = Array(hashes[chunk..<min(hashes.count, chunk + 500)])
                    let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                    let rows = try Row.fetchAll(db, sql: "SELECT content_hash, result FROM extraction_cache WHERE extractor = ? AND content_hash IN (\(marks))",
                                                arguments: StatementArguments([extractor] + part))
                    for row in rows {
                        // An entry in another format is left out: the caller extracts that readout again.
                        out[row[0] as String] = try? ExtractedReadout(cached: row[1] as Data)
                    }
                }
                return out
            }
        }
    }

    public func storeCache(_ entries: [(hash: String, date: CalendarDay?, result: Data)], extractor: String, at: Date) throws {
        let time = Self.seconds(at)
        try guarded {
            try db.write { db in
                for e in entries {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO extraction_cache (content_hash, extractor, meeting_date, result, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        """, arguments: [e.hash, extractor, e.date?.dayNumber, e.result, time])
                }
            }
        }
    }

    // MARK: Readout stats

    public func readoutStats() throws -> [String: ReadoutStat] {
        try guarded {
            try db.read { db in
                var out: [String: ReadoutStat] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM readout_stat")
                while let row = try rows.next() {
                    out[row["path"] as String] = ReadoutStat(size: row["size"], modified: row["modified"],
                                                             inode: row["inode"], sha256: row["content_hash"])
                }
                return out
            }
        }
    }

    public func storeReadoutStats(_ stats: [String: ReadoutStat], removing gone: [String]) throws {
        try guarded {
            try db.write { db in
                for (path, s) in stats {
                    try db.execute(sql: "INSERT OR REPLACE INTO readout_stat (path, size, modified, inode, content_hash) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [path, s.size, s.modified, s.inode, s.sha256])
                }
                for path in gone {
                    try db.execute(sql: "DELETE FROM readout_stat WHERE path = ?", arguments: [path])
                }
            }
        }
    }
}
