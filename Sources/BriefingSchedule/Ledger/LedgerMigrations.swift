import GRDB

/// The ledger's schema, one migration per released change. Never edit a registered
/// migration: add one. `v1` is the first released ledger; `v2` added the extraction cache and
/// the revision reason.
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
        return m
    }
}
