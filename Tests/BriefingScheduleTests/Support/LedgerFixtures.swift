@testable import BriefingSchedule
import Foundation
import GRDB

/// Ledgers as other versions of BriefingBook leave them.
enum LedgerFixtures {
    /// The first released schema (migration v1 only) with one edition of weekly 2026-W02.
    static func writeVersion1Ledger(at url: URL, output: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        try LedgerMigrations.migrator.migrate(db, upTo: "v1")
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO edition (schedule, period_key, edition, version, start_day, end_day, period_start,
                  period_end, input_digest, readouts, readout_count, produced_at, run_id)
                VALUES ('weekly', '2026-W02', 1, 1, '2026-01-05', '2026-01-12', '2026-01-05T00:00:00Z',
                  '2026-01-12T00:00:00Z', 'old-digest', '[]', 0, '2026-01-12T01:00:00Z', 1)
                """)
        }
        try db.close()
    }

    /// Replaces every cached extraction with JSON of another shape (as after a model change
    /// that did not bump the extractor version).
    static func garbleExtractionCache(at url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        try db.write { try $0.execute(sql: "UPDATE extraction_cache SET result = CAST('{\"meeting\": 42}' AS BLOB)") }
        try db.close()
    }

    /// Marks the ledger as migrated by a future version.
    static func addFutureMigration(at url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        try db.close()
    }
}
