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

    /// The schema before instants and days became integers (migrations v1 and v2), with a row
    /// in every table as that version wrote them: ISO 8601 text.
    static func writeVersion2Ledger(at url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        try LedgerMigrations.migrator.migrate(db, upTo: "v2")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let definition = String(decoding: try encoder.encode(ScheduleDefinition.weekly()), as: UTF8.self)
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO schedule_version (schedule, version, digest, definition, from_day, until_day, recorded_at)
                VALUES ('weekly', 1, 'd1', ?, NULL, '2026-02-16', '2026-01-03T06:00:00Z'),
                       ('weekly', 2, 'd2', ?, '2026-02-16', NULL, '2026-02-20T00:00:00Z');
                INSERT INTO run (id, started_at, finished_at, now, pid, state, message)
                VALUES (7, '2026-01-12T01:00:00Z', '2026-01-12T01:00:09Z', '2026-01-12T01:00:00Z', 42, 'finished', NULL);
                INSERT INTO edition (schedule, period_key, edition, version, start_day, end_day, period_start,
                  period_end, input_digest, readouts, readout_count, produced_at, run_id, reason)
                VALUES ('weekly', '2026-W02', 1, 1, '2026-01-05', '2026-01-12', '2026-01-04T15:00:00Z',
                  '2026-01-11T15:00:00Z', 'digest', '[{"file":"a.txt","sha256":"aa"}]', 1, '2026-01-12T01:00:05Z', 7, 'first edition');
                INSERT INTO edition_file (schedule, period_key, edition, layout, path, sha256, bytes)
                VALUES ('weekly', '2026-W02', 1, 'book', 'weekly/2026-W02/briefing-book.pdf', 'ff', 10);
                INSERT INTO attempt (schedule, period_key, edition, run_id, files, state, message, started_at)
                VALUES ('weekly', '2026-W03', 1, 7, '[]', 'failed', 'disk full', '2026-01-19T01:02:03Z');
                INSERT INTO extraction_cache (content_hash, extractor, meeting_date, result, created_at)
                VALUES ('aa', 'x-1', '2026-01-06', x'7B7D', '2026-01-12T01:00:01Z'),
                       ('bb', 'x-1', NULL, x'7B7D', '2026-01-12T01:00:01Z');
                """, arguments: [definition, definition])
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
