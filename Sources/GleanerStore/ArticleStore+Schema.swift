import Foundation
import GRDB
import GleanerCore

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
        migrator.registerMigration("v3: events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY,
                        cameo TEXT NOT NULL,
                        root TEXT NOT NULL,
                        quad_class INTEGER NOT NULL,
                        actor_name TEXT, actor_country TEXT, actor_role TEXT,
                        target_name TEXT, target_country TEXT, target_role TEXT,
                        location_name TEXT, location_country TEXT,
                        date_start TEXT, date_end TEXT, date_precision TEXT, date_text TEXT,
                        modality TEXT NOT NULL,
                        merge_key TEXT NOT NULL,
                        num_articles INTEGER NOT NULL,
                        num_mentions INTEGER NOT NULL,
                        confidence REAL NOT NULL,
                        first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                        last_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    );
                    CREATE INDEX events_by_merge_key ON events(merge_key);
                    CREATE INDEX events_by_date ON events(date_start);
                    CREATE TABLE event_mentions (
                        id INTEGER PRIMARY KEY,
                        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        sentence_index INTEGER NOT NULL,
                        sentence TEXT NOT NULL,
                        sentence_start INTEGER NOT NULL,
                        sentence_end INTEGER NOT NULL,
                        trigger TEXT NOT NULL,
                        actor_text TEXT, target_text TEXT, date_text TEXT,
                        modality TEXT NOT NULL,
                        confidence REAL NOT NULL
                    );
                    CREATE INDEX event_mentions_by_event ON event_mentions(event_id, article_id);
                    CREATE INDEX event_mentions_by_article ON event_mentions(article_id);
                    CREATE TABLE entities (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        country TEXT,
                        role TEXT,
                        mentions INTEGER NOT NULL,
                        UNIQUE(name, country)
                    );
                    """
            )
        }
        migrator.registerMigration("v4: bucket keys stored with each signature, no lsh_buckets") { db in
            // The lookup structure is now in memory, loaded from these keys: a B-tree on random keys cost a
            // page write per key and grew with the database.
            try db.execute(sql: "ALTER TABLE article_signatures ADD COLUMN keys BLOB NOT NULL DEFAULT x''")
            try moveBucketKeysToSignatures(in: db)
            try db.execute(sql: "DROP TABLE lsh_buckets")
        }
        migrator.registerMigration("v5: article warnings") { db in
            // Metadata the reader could not use (a date that is not a date, a title that is a number), as a JSON
            // array of sentences; NULL when there were none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN warnings TEXT")
        }
        migrator.registerMigration("v6: article times and event date anchors") { db in
            // Every temporal expression of an article, in text order (`position` from 0), resolved like a TIMEX3
            // against the publication date; `anchor` says whether that date was stated, inferred or a guess.
            // Clustered by article: one range scan reads an article's times, and deleting the article deletes
            // them. Articles stored before this migration have none.
            //
            // `events.date_anchor` is what an event's date was resolved against, NULL for an event without a
            // date. Dates stored before were resolved against the publication date the article gave. No CHECK:
            // `EventDate.anchor` is text, and an unexpected value must not fail a batch (`--dated-only` leaves
            // it out).
            try db.execute(
                sql: """
                    CREATE TABLE article_times (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        offset INTEGER NOT NULL,
                        length INTEGER NOT NULL,
                        type TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
                        value TEXT NOT NULL,
                        anchor TEXT NOT NULL CHECK (anchor IN ('published', 'inferred', 'mtime')),
                        PRIMARY KEY (article_id, position)
                    ) WITHOUT ROWID;
                    ALTER TABLE events ADD COLUMN date_anchor TEXT;
                    UPDATE events SET date_anchor = 'published' WHERE date_start IS NOT NULL;
                    """
            )
        }
        migrator.registerMigration("v7: main event per article") { db in
            // The article's main event (who did what to whom, when, where) as JSON with snake_case keys, as
            // `gleaner extract --json` prints it; NULL when extraction was off or the lead had none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN main_event TEXT")
        }
        migrator.registerMigration("v8: full-text search") { db in
            // An FTS5 index of every article's title and body (copies too). External content: the text stays in
            // `articles` only, and the index holds the inverted lists; snippets read the text from there.
            // Triggers keep it in step with every insert, update and delete of an article, inside the same
            // transaction, whoever writes. `rebuild` indexes the articles already stored.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE article_search USING fts5(
                        title, text, content = 'articles', content_rowid = 'id',
                        tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER article_search_after_insert AFTER INSERT ON articles BEGIN
                        INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text);
                    END;
                    CREATE TRIGGER article_search_after_delete AFTER DELETE ON articles BEGIN
                        INSERT INTO article_search(article_search, rowid, title, text)
                        VALUES ('delete', old.id, old.title, old.text);
                    END;
                    CREATE TRIGGER article_search_after_update AFTER UPDATE OF title, text ON articles BEGIN
                        INSERT INTO article_search(article_search, rowid, title, text)
                        VALUES ('delete', old.id, old.title, old.text);
                        INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text);
                    END;
                    INSERT INTO article_search(article_search) VALUES ('rebuild');
                    """
            )
        }
        migrator.registerMigration("v9: stories") { db in
            // Stories: articles about one news event, grouped as they arrive (`ArticleStore+Stories.swift`).
            // `profile` is the story's `StoryProfile` as bytes (`StoryProfile+Bytes.swift`); `first_seen`/`last_seen` the span of its articles'
            // publication days. Every article joins one story (a copy its canonical's). `story_keys` finds a
            // story by its heaviest terms and its entities ("@name"), newest stories first within a key.
            // `story_terms` counts the canonical articles each term occurs in, for IDF; the row of the empty
            // term counts the canonical articles. Articles stored before this migration join no story.
            try db.execute(
                sql: """
                    CREATE TABLE stories (
                        id INTEGER PRIMARY KEY,
                        label TEXT,
                        label_article_id INTEGER,
                        label_score REAL NOT NULL DEFAULT 0,
                        first_seen TEXT NOT NULL,
                        last_seen TEXT NOT NULL,
                        article_count INTEGER NOT NULL,
                        profile BLOB NOT NULL
                    );
                    CREATE INDEX stories_by_last_seen ON stories(last_seen);
                    CREATE TABLE story_articles (
                        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                        score REAL
                    );
                    CREATE INDEX story_articles_by_story ON story_articles(story_id, article_id);
                    CREATE TABLE story_keys (
                        key TEXT NOT NULL,
                        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                        PRIMARY KEY (key, story_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX story_keys_by_story ON story_keys(story_id);
                    CREATE TABLE story_terms (
                        term TEXT PRIMARY KEY,
                        df INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
        migrator.registerMigration("v10: the ingest transaction indexes its articles for search") { db in
            // SQLite's FTS5 writes the terms it holds in memory to the index at the start of every statement that
            // opens a statement journal, and the insert trigger made every insert of an article such a statement:
            // each article became a segment of its own, merged again and again, about half of what indexing cost.
            // ArticleStore inserts each transaction's articles into the index itself, after the other writes of
            // each part of the batch, so that a part is one segment (`ArticleStore+Ingest.swift`). Deletes and updates of articles still
            // reach the index through their triggers, whoever makes them.
            try db.execute(sql: "DROP TRIGGER IF EXISTS article_search_after_insert")
        }
        migrator.registerMigration("v11: story keys without a second index") { db in
            // Every story writes about twenty keys, and every key was written twice: in `story_keys` and in its
            // index by story, which no query reads. Keys are only ever found by key (candidate look-up, removal
            // of a key a story lost); stories are deleted only by `rebuildStories`, after their keys.
            try db.execute(sql: "DROP INDEX IF EXISTS story_keys_by_story")
        }
        migrator.registerMigration("v12: story term counts by key") { db in
            // Each article reads and writes the document frequencies of some sixty terms, on the one thread that
            // stores. Kept by each term's stable 64-bit hash (`StoryFeatures.WeightedTerm.key`), worked out
            // where the article is prepared, the counts are a table of integers whose rows are found by row id:
            // no text compared, and one B-tree. The empty term's row (the number of articles) moves to its key.
            try db.execute(sql: "CREATE TABLE story_term_counts (term_key INTEGER PRIMARY KEY, df INTEGER NOT NULL)")
            var counts: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT term, df FROM story_terms")
            while let row = try rows.next() {
                counts[StoryFeatures.WeightedTerm.key(of: row[0]), default: 0] += row[1]
            }
            let insert = try db.makeStatement(sql: "INSERT INTO story_term_counts(term_key, df) VALUES (?, ?)")
            for (key, df) in counts.sorted(by: { $0.key < $1.key }) { try insert.execute(arguments: [key, df]) }
            try db.execute(sql: "DROP TABLE story_terms; ALTER TABLE story_term_counts RENAME TO story_terms")
        }
        return migrator
    }

    /// Whether opening the database at `path` for writing will upgrade it (a database of an older Gleaner). An
    /// upgrade can take minutes on a large database (v8 indexes every stored article for full-text search), so
    /// the daemon asks systemd for time while it runs. `false` when there is no database or it cannot be read.
    public static func needsUpgrade(path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                try db.tableExists("articles") && !migrator.hasCompletedMigrations(db)
            }
        } catch {
            return false
        }
    }

    /// Throws ``StoreError/olderSchema(path:)`` unless every migration of this version has run: for queries of
    /// tables and columns an older database lacks (a reader never migrates; the daemon does when it starts).
    func requireCurrentSchema(_ db: Database) throws {
        guard try Self.migrator.hasCompletedMigrations(db) else { throw StoreError.olderSchema(path: path) }
    }

    /// Copies each article's `lsh_buckets` keys into `article_signatures.keys`, in the order they were
    /// written (band keys, then the lead and tail keys).
    static func moveBucketKeysToSignatures(in db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE article_signatures SET keys = ? WHERE article_id = ?")
        var article: Int64?
        var keys: [Int64] = []
        func flush() throws {
            guard let article else { return }
            try update.execute(arguments: [BlobCoding.encode(keys), article])
            keys.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT article_id, key FROM lsh_buckets ORDER BY article_id, rowid")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != article {
                try flush()
                article = id
            }
            keys.append(row[1])
        }
        try flush()
    }
}
