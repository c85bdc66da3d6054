import GRDB

extension ArticleStore {
    /// The schema, as an ordered list of migrations. Never edit a shipped migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files, articles, rejected lines, daemon state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE files (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        sha256 TEXT,
                        size INTEGER,
                        device INTEGER NOT NULL,
                        inode INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL,
                        ctime_ns INTEGER NOT NULL,
                        outcome TEXT NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'failed')),
                        reason TEXT,
                        detail TEXT,
                        received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    );
                    CREATE INDEX files_by_identity ON files(inode, name);
                    CREATE INDEX files_by_sha256 ON files(sha256);
                    CREATE INDEX files_by_outcome ON files(outcome);

                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                        line INTEGER,
                        title TEXT,
                        text TEXT NOT NULL,
                        published TEXT NOT NULL,
                        published_source TEXT NOT NULL,
                        url TEXT,
                        source TEXT,
                        language TEXT,
                        dateline_place TEXT,
                        text_hash TEXT NOT NULL,
                        duplicate_of INTEGER REFERENCES articles(id),
                        similarity REAL,
                        kind TEXT CHECK (kind IN ('exact', 'near', 'contained')),
                        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    );
                    CREATE UNIQUE INDEX articles_canonical_by_text_hash ON articles(text_hash)
                        WHERE duplicate_of IS NULL;
                    CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of);
                    CREATE INDEX articles_by_file ON articles(file_id);

                    CREATE TABLE rejected_lines (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                        line INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );

                    CREATE TABLE daemon_state (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL,
                        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    );
                    """
            )
        }
        migrator.registerMigration("v2: near-duplicate index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_signatures (
                        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                        signature BLOB NOT NULL,
                        shingle_count INTEGER NOT NULL
                    );
                    CREATE TABLE lsh_buckets (
                        key INTEGER NOT NULL,
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                    );
                    CREATE INDEX lsh_buckets_by_key ON lsh_buckets(key);
                    CREATE INDEX lsh_buckets_by_article ON lsh_buckets(article_id);
                    CREATE TABLE dedup_parameters (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """
            )
        }
        return migrator
    }
}
