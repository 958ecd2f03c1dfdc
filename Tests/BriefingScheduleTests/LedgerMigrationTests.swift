@testable import BriefingSchedule
import BriefingModel
import Foundation
import GRDB
import Testing

@Suite struct LedgerMigrationTests {
    func instant(_ s: String) -> Date { ISOTime.parse(s)! }

    /// A ledger whose instants and days are ISO 8601 text opens with every value as it was,
    /// now stored as integers.
    @Test func textTimesAndDaysBecomeIntegersWithTheSameValues() throws {
        let ws = Workspace(); defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.ledgerURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try LedgerFixtures.writeVersion2Ledger(at: ws.ledgerURL)
        let ledger = try ws.ledger()
        #expect(try ledger.appliedMigrations() == ["v1", "v2", "v3"])

        let versions = try #require(try ledger.versions()["weekly"])
        #expect(versions.map(\.fromDay) == [nil, day("2026-02-16")])
        #expect(versions.map(\.untilDay) == [day("2026-02-16"), nil])

        let e = try #require(try ledger.editions(withReadouts: true).first)
        #expect(e.startDay == day("2026-01-05") && e.endDay == day("2026-01-12"))
        #expect(e.start == instant("2026-01-04T15:00:00Z") && e.end == instant("2026-01-11T15:00:00Z"))
        #expect(e.producedAt == instant("2026-01-12T01:00:05Z"))
        #expect(e.readouts == [ReadoutRef(file: "a.txt", sha256: "aa")] && e.files.map(\.layout) == ["book"])
        #expect(e.runID == 7 && e.reason == "first edition")

        let a = try #require(try ledger.attempts().first)
        #expect(a.startedAt == instant("2026-01-19T01:02:03Z") && a.state == .failed && a.message == "disk full")
        let dates: [String: CalendarDay?] = ["aa": day("2026-01-06"), "bb": nil]
        let cached = try ledger.cachedDates(extractor: "x-1")
        #expect(cached == dates, "\(cached)")

        let db = try DatabaseQueue(path: ws.ledgerURL.path)
        defer { try? db.close() }
        try db.read { db in
            let types = try String.fetchAll(db, sql: """
                SELECT DISTINCT typeof(x) FROM (
                  SELECT start_day AS x FROM edition UNION ALL SELECT end_day FROM edition
                  UNION ALL SELECT period_start FROM edition UNION ALL SELECT produced_at FROM edition
                  UNION ALL SELECT started_at FROM attempt UNION ALL SELECT created_at FROM extraction_cache
                  UNION ALL SELECT recorded_at FROM schedule_version UNION ALL SELECT started_at FROM run
                  UNION ALL SELECT finished_at FROM run UNION ALL SELECT now FROM run)
                """)
            #expect(types == ["integer"])
            #expect(try Int64.fetchOne(db, sql: "SELECT period_start FROM edition") == 1_767_538_800)
            #expect(try Int.fetchOne(db, sql: "SELECT start_day FROM edition") == day("2026-01-05").dayNumber)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    /// Rows written now read back to the instants and days written, to the second.
    @Test func instantsAndDaysRoundTrip() throws {
        let ws = Workspace(); defer { ws.remove() }
        let ledger = try #require(try ScheduleLedger.open(at: ws.ledgerURL, create: true))
        let produced = Date(timeIntervalSince1970: 1_767_920_405.75)
        let e = EditionRecord(schedule: "monthly", periodKey: "2026-01", edition: 1, version: 1,
                              startDay: day("2026-01-01"), endDay: day("2026-02-01"),
                              start: instant("2026-01-01T05:00:00Z"), end: instant("2026-02-01T05:00:00Z"),
                              inputDigest: "d", readouts: [], readoutCount: 0, files: [], producedAt: produced,
                              runID: 1, reason: "first edition")
        try ledger.record(e)
        var expected = e
        expected.producedAt = Date(timeIntervalSince1970: 1_767_920_405)
        #expect(try ledger.editions() == [expected])
        try ledger.storeCache([(hash: "h", date: day("1969-12-31"), result: Data("{}".utf8))], extractor: "x", at: produced)
        #expect(try ledger.cachedDates(extractor: "x") == ["h": day("1969-12-31")])
    }
}
