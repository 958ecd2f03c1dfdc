import GRDB

/// The ledger's schema, one migration per released change. Never edit a registered
/// migration: add one. `v1` is the first released ledger; `v2` adds the extraction cache and
/// the revision reason; `v3` stores instants as Unix seconds and days as days since
/// 1970-01-01, both INTEGER, converting the ISO 8601 text of older ledgers in place.
enum LedgerMigrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE schedule_version (
                  schedule TEXT NOT NULL, version INTEGER NOT NULL, digest TEXT NOT NULL,
                  definition TEXT NOT NULL, from_day TEXT, until_day TEXT, recorded_at TEXT NOT NULL,
                  PRIMARY KEY (schedule, version));
                CREATE TABLE run (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
                  now TEXT NOT NULL, pid INTEGER NOT NULL, state TEXT NOT NULL, message TEXT);
                CREATE TABLE edition (
                  schedule TEXT NOT NULL, period_key TEXT NOT NULL, edition INTEGER NOT NULL,
                  version INTEGER NOT NULL, start_day TEXT NOT NULL, end_day TEXT NOT NULL,
                  period_start TEXT NOT NULL, period_end TEXT NOT NULL, input_digest TEXT NOT NULL,
                  readouts TEXT NOT NULL, readout_count INTEGER NOT NULL, produced_at TEXT NOT NULL,
                  run_id INTEGER NOT NULL,
                  PRIMARY KEY (schedule, period_key, edition));
                CREATE TABLE edition_file (
                  schedule TEXT NOT NULL, period_key TEXT NOT NULL, edition INTEGER NOT NULL,
                  layout TEXT NOT NULL, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
                  bytes INTEGER NOT NULL,
                  PRIMARY KEY (schedule, period_key, edition, layout),
                  FOREIGN KEY (schedule, period_key, edition) REFERENCES edition ON DELETE CASCADE);
                CREATE TABLE attempt (
                  schedule TEXT NOT NULL, period_key TEXT NOT NULL, edition INTEGER NOT NULL,
                  run_id INTEGER NOT NULL, files TEXT NOT NULL, state TEXT NOT NULL, message TEXT,
                  started_at TEXT NOT NULL,
                  PRIMARY KEY (schedule, period_key, edition));
                """)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE edition ADD COLUMN reason TEXT NOT NULL DEFAULT '';
                UPDATE edition SET reason = CASE edition WHEN 1 THEN 'first edition' ELSE 'revision' END;
                CREATE TABLE extraction_cache (
                  content_hash TEXT NOT NULL, extractor TEXT NOT NULL, meeting_date TEXT,
                  result BLOB NOT NULL, created_at TEXT NOT NULL,
                  PRIMARY KEY (content_hash, extractor));
                CREATE TABLE readout_stat (
                  path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL,
                  inode INTEGER NOT NULL, content_hash TEXT NOT NULL);
                """)
        }
        m.registerMigration("v3") { db in
            // SQLite cannot change a column's type: each table is rebuilt and its rows copied.
            // Foreign keys are off during a migration (GRDB checks them at its end).
            let seconds = { (c: String) in "CAST(strftime('%s', \(c)) AS INTEGER)" }
            let day = { (c: String) in "CAST(julianday(\(c)) - 2440587.5 AS INTEGER)" }
            try db.execute(sql: """
                CREATE TABLE schedule_version_v3 (
                  schedule TEXT NOT NULL, version INTEGER NOT NULL, digest TEXT NOT NULL,
                  definition TEXT NOT NULL, from_day INTEGER, until_day INTEGER, recorded_at INTEGER NOT NULL,
                  PRIMARY KEY (schedule, version));
                INSERT INTO schedule_version_v3
                  SELECT schedule, version, digest, definition, \(day("from_day")), \(day("until_day")),
                         \(seconds("recorded_at")) FROM schedule_version;
                DROP TABLE schedule_version;
                ALTER TABLE schedule_version_v3 RENAME TO schedule_version;

                CREATE TABLE run_v3 (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, started_at INTEGER NOT NULL, finished_at INTEGER,
                  now INTEGER NOT NULL, pid INTEGER NOT NULL, state TEXT NOT NULL, message TEXT);
                INSERT INTO run_v3
                  SELECT id, \(seconds("started_at")), \(seconds("finished_at")), \(seconds("now")), pid, state, message FROM run;
                DROP TABLE run;
                ALTER TABLE run_v3 RENAME TO run;

                CREATE TABLE edition_v3 (
                  schedule TEXT NOT NULL, period_key TEXT NOT NULL, edition INTEGER NOT NULL,
                  version INTEGER NOT NULL, start_day INTEGER NOT NULL, end_day INTEGER NOT NULL,
                  period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, input_digest TEXT NOT NULL,
                  readouts TEXT NOT NULL, readout_count INTEGER NOT NULL, produced_at INTEGER NOT NULL,
                  run_id INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',
                  PRIMARY KEY (schedule, period_key, edition));
                INSERT INTO edition_v3
                  SELECT schedule, period_key, edition, version, \(day("start_day")), \(day("end_day")),
                         \(seconds("period_start")), \(seconds("period_end")), input_digest, readouts, readout_count,
                         \(seconds("produced_at")), run_id, reason FROM edition;
                DROP TABLE edition;
                ALTER TABLE edition_v3 RENAME TO edition;

                CREATE TABLE attempt_v3 (
                  schedule TEXT NOT NULL, period_key TEXT NOT NULL, edition INTEGER NOT NULL,
                  run_id INTEGER NOT NULL, files TEXT NOT NULL, state TEXT NOT NULL, message TEXT,
                  started_at INTEGER NOT NULL,
                  PRIMARY KEY (schedule, period_key, edition));
                INSERT INTO attempt_v3
                  SELECT schedule, period_key, edition, run_id, files, state, message, \(seconds("started_at")) FROM attempt;
                DROP TABLE attempt;
                ALTER TABLE attempt_v3 RENAME TO attempt;

                CREATE TABLE extraction_cache_v3 (
                  content_hash TEXT NOT NULL, extractor TEXT NOT NULL, meeting_date INTEGER,
                  result BLOB NOT NULL, created_at INTEGER NOT NULL,
                  PRIMARY KEY (content_hash, extractor));
                INSERT INTO extraction_cache_v3
                  SELECT content_hash, extractor, \(day("meeting_date")), result, \(seconds("created_at")) FROM extraction_cache;
                DROP TABLE extraction_cache;
                ALTER TABLE extraction_cache_v3 RENAME TO extraction_cache;
                """)
        }
        return m
    }
}
