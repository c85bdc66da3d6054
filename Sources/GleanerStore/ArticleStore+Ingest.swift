import Dispatch
import GRDB
import GleanerCore
import GleanerEvents

extension ArticleStore {
    /// Commits a batch of files in ONE transaction: for each file its record (keyed by the SHA-256 of its bytes),
    /// its articles, and the link of every exact duplicate to its canonical article.
    ///
    /// A file whose identity and hash are already stored is a replay (the daemon crashed between commit and
    /// move): nothing is written for it and its earlier outcome is returned with `replayed == true`.
    ///
    /// - Parameters:
    ///   - state: daemon state to record in the same transaction (e.g. the STATUS line).
    ///   - beforeCommit: called inside the transaction after all writes, before COMMIT (fault injection); an
    ///     error it throws rolls the batch back and is rethrown.
    /// - Returns: one result per item, in order.
    /// - Throws: the database error, in which case nothing of the batch was written.
    public func commit(
        _ items: [IngestItem],
        state: [String: String] = [:],
        beforeCommit: () throws -> Void = {}
    ) throws -> [CommittedFile] {
        try commit(state: state, beforeCommit: beforeCommit) { add in try add(items) }
    }

    /// ``commit(_:state:beforeCommit:)`` for a batch that arrives in parts: `produce` is called inside the
    /// transaction with a function that stores the items it is given at once. The caller can prepare its next
    /// part (on other cores) while one is stored. Still ONE transaction for all the parts.
    ///
    /// - Returns: one result per item, in the order they were added.
    /// - Throws: the database error, or what `produce` throws, in which case nothing of the batch was written.
    public func commit(
        state: [String: String] = [:],
        beforeCommit: () throws -> Void = {},
        producing produce: (_ add: ([IngestItem]) throws -> Void) throws -> Void
    ) throws -> [CommittedFile] {
        let committed = try writeIndexed { db, index in
            let stories = StoryBatch()
            var results: [CommittedFile] = []
            try produce { part in
                // The document frequencies of every term of the part, read at once (story work, as counted by
                // ``storyStatistics``, as when each article read its own).
                let start = DedupClock.now()
                try stories.terms.read(Self.storyTermKeys(of: part), in: db)
                let elapsed = start.elapsed()
                storyCounters.withLock { $0.add(time: elapsed) }
                for item in part { results.append(try self.commit(item, in: db, index: &index, stories: stories)) }
                // Last of the part: the index keeps these articles' terms in memory until the next part's first
                // statement that opens a statement journal writes them out, as one segment per part.
                try Self.indexForSearch(part, committed: Array(results.suffix(part.count)), in: db)
            }
            try stories.flush(in: db)
            try Self.record(state: state, in: db)
            try beforeCommit()
            return results
        }
        // The log's pages are copied into the database file on another thread, while the next batch is stored.
        checkpointer?.request()
        return committed
    }

    /// `true` for failures that may go away by themselves (busy, locked, full disk, I/O error, read-only
    /// mount): the files stay in the inbox and are retried. Other errors point at one bad item.
    public static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        let transient: [ResultCode] = [
            .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN,
            .SQLITE_NOMEM, .SQLITE_PROTOCOL, .SQLITE_INTERRUPT,
        ]
        return transient.contains(error.resultCode)
    }

    /// What kind of trouble a failed write ran into, for an explanation that says what to do.
    public enum FailureKind: Sendable {
        /// Another connection holds the lock.
        case locked
        /// No space left on the filesystem (`SQLITE_FULL`).
        case full
        /// The file or its filesystem cannot be written (`SQLITE_READONLY`).
        case readOnly
        /// The operating system failed a read or write (`SQLITE_IOERR`), which a full or read-only
        /// filesystem also causes.
        case ioError
        case other
    }

    public static func failureKind(_ error: any Error) -> FailureKind {
        guard let error = error as? DatabaseError else { return .other }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked
        case .SQLITE_FULL: return .full
        case .SQLITE_READONLY: return .readOnly
        case .SQLITE_IOERR: return .ioError
        default: return .other
        }
    }

    /// A short description of a database failure for the STATUS line ("database or disk is full").
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// Records daemon state (`pid`, `status`, `started_at` …) for `gleaner status` to show.
    ///
    /// - Parameter durable: `false` commits without an fsync (`synchronous=NORMAL` for this one transaction):
    ///   for state that may be lost in a power cut, such as the STATUS line. The writer's `synchronous=FULL`
    ///   is restored before the next transaction, whatever happens.
    public func record(state: [String: String], durable: Bool = true) throws {
        guard !durable else {
            try pool.write { db in try Self.record(state: state, in: db) }
            return
        }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            do {
                try db.inTransaction {
                    try Self.record(state: state, in: db)
                    return .commit
                }
            } catch {
                try db.execute(sql: "PRAGMA synchronous = FULL")
                throw error
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
    }

    static func record(state: [String: String], in db: Database) throws {
        for (key, value) in state {
            try db.execute(
                sql: """
                    INSERT INTO daemon_state(key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """,
                arguments: [key, value]
            )
        }
    }

    func commit(
        _ item: IngestItem,
        in db: Database,
        index: inout NearDuplicateIndex,
        stories: StoryBatch
    ) throws -> CommittedFile {
        let identity = item.identity
        let sha256: String? =
            switch item {
            case .articles(_, let sha256, _, _): sha256
            case .rejected(_, let sha256, _): sha256
            }
        if let replay = try Self.findReplay(identity, sha256: sha256, in: db) { return replay }

        switch item {
        case .rejected(_, _, let rejection):
            let fileID = try Self.insertFile(
                identity,
                sha256: sha256,
                outcome: .failed,
                reason: rejection.reason.rawValue,
                detail: rejection.detail,
                in: db
            )
            return CommittedFile(fileID: fileID, outcome: .failed, replayed: false, articles: [], rejectedLines: 0)

        case .articles(_, _, let articles, let rejectedLines):
            let fileID = try Self.insertFile(
                identity,
                sha256: sha256,
                outcome: .ingested,
                reason: nil,
                detail: nil,
                in: db
            )
            var stored: [StoredArticle] = []
            for prepared in articles {
                // Each article is inserted and indexed (in the database and in memory) before the next is
                // examined, so a later copy in the same batch (or the same JSON Lines file) finds an earlier one.
                // Only canonical articles enter the index: a copy is found through its canonical, and buckets
                // stay small however many copies of one story arrive.
                let (id, match) = try deduplicate(prepared, in: db, index: &index) { match in
                    try Self.insertArticle(prepared, fileID: fileID, match: match, in: db)
                }
                // Every stored row gets its times, copies too: they are resolved against the row's own
                // publication date, which a copy may state differently.
                try Self.store(times: prepared.times, articleID: id, in: db)
                // A duplicate's events only add mentions to events already known.
                try store(events: prepared.events, articleID: id, canonical: match?.canonical, in: db)
                try assignStory(prepared, articleID: id, canonical: match?.canonical, batch: stories, in: db)
                stored.append(
                    StoredArticle(
                        id: id,
                        title: prepared.article.title,
                        duplicateOf: match?.canonical,
                        similarity: match?.similarity,
                        kind: match?.kind
                    )
                )
            }
            let outcome: FileOutcome = stored.contains { $0.duplicateOf == nil } ? .ingested : .duplicate
            if outcome == .duplicate {
                try db.execute(sql: "UPDATE files SET outcome = 'duplicate' WHERE id = ?", arguments: [fileID])
            }
            for rejected in rejectedLines {
                try db.execute(
                    sql: "INSERT INTO rejected_lines(file_id, line, reason, detail) VALUES (?, ?, ?, ?)",
                    arguments: [fileID, rejected.line, rejected.rejection.reason.rawValue, rejected.rejection.detail]
                )
            }
            return CommittedFile(
                fileID: fileID,
                outcome: outcome,
                replayed: false,
                articles: stored,
                rejectedLines: rejectedLines.count
            )
        }
    }

    /// The keys of the story terms of every article of `items`, each once, and the key of the article count.
    static func storyTermKeys(of items: [IngestItem]) -> [Int64] {
        var keys: Set<Int64> = [StoryTermCounts.documentsKey]
        for case .articles(_, _, let articles, _) in items {
            for prepared in articles { keys.formUnion(prepared.storyFeatures.weightedTerms.lazy.map(\.key)) }
        }
        return keys.sorted()
    }

    static func findReplay(_ identity: FileIdentity, sha256: String?, in db: Database) throws -> CommittedFile? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id, outcome FROM files
                    WHERE inode = ? AND name = ? AND device = ? AND ctime_ns = ? AND sha256 IS ?
                    ORDER BY id DESC LIMIT 1
                    """
            ),
            arguments: [
                Int64(bitPattern: identity.inode), identity.name, Int64(bitPattern: identity.device),
                identity.changeTimeNanoseconds, sha256,
            ]
        )
        guard let row else { return nil }
        let fileID: Int64 = row["id"]
        let outcome = FileOutcome(rawValue: row["outcome"]) ?? .failed
        let articles = try Row.fetchAll(
            db,
            sql: "SELECT id, title, duplicate_of, similarity, kind FROM articles WHERE file_id = ? ORDER BY id",
            arguments: [fileID]
        ).map { row in
            StoredArticle(
                id: row["id"],
                title: row["title"],
                duplicateOf: row["duplicate_of"],
                similarity: row["similarity"],
                kind: (row["kind"] as String?).flatMap(DuplicateKind.init(rawValue:))
            )
        }
        let rejectedLines = try Int.fetchOne(
            db,
            sql: "SELECT count(*) FROM rejected_lines WHERE file_id = ?",
            arguments: [fileID]
        )
        return CommittedFile(
            fileID: fileID,
            outcome: outcome,
            replayed: true,
            articles: articles,
            rejectedLines: rejectedLines ?? 0
        )
    }

    static func insertFile(
        _ identity: FileIdentity,
        sha256: String?,
        outcome: FileOutcome,
        reason: String?,
        detail: String?,
        in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO files(name, sha256, size, device, inode, mtime_ns, ctime_ns, outcome, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            identity.name, sha256, identity.size, Int64(bitPattern: identity.device),
            Int64(bitPattern: identity.inode), identity.modificationTimeNanoseconds,
            identity.changeTimeNanoseconds, outcome.rawValue, reason, detail,
        ])
        return db.lastInsertedRowID
    }

    static func insertArticle(
        _ prepared: PreparedArticle,
        fileID: Int64,
        match: DuplicateMatch?,
        in db: Database
    ) throws -> Int64 {
        let article = prepared.article
        try db.cachedStatement(
            sql: """
                INSERT INTO articles(file_id, line, title, text, published, published_source, url, source, language,
                                     dateline_place, text_hash, duplicate_of, similarity, kind, warnings, main_event)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            fileID, article.line, article.title, article.text, article.published.description,
            article.published.source.rawValue, article.url, article.source, article.language,
            article.datelinePlace, prepared.textHash, match?.canonical, match?.similarity, match?.kind.rawValue,
            prepared.warningsColumn, prepared.mainEventColumn,
        ])
        return db.lastInsertedRowID
    }

    /// Stores an article's temporal expressions with their position in text order, through one cached
    /// statement.
    static func store(times: [TemporalExpression], articleID: Int64, in db: Database) throws {
        guard !times.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO article_times(article_id, position, text, offset, length, type, value, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for (position, time) in times.enumerated() {
            try insert.execute(arguments: [
                articleID, position, time.text, time.offset, time.length, time.type.rawValue, time.value,
                time.anchor.rawValue,
            ])
        }
    }
}
