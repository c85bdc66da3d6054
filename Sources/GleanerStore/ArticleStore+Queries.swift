import GRDB

/// Totals over the whole database, for `gleaner status` and the STATUS line.
public struct StoreCounts: Sendable, Hashable, Codable {
    /// Canonical (new) articles.
    public var articles: Int
    /// Articles recorded as copies of a canonical one.
    public var duplicates: Int
    /// Files quarantined.
    public var failedFiles: Int
    /// JSON Lines lines rejected inside files that were otherwise ingested.
    public var rejectedLines: Int
    /// All file records.
    public var files: Int
    /// When the last file was recorded (ISO 8601, UTC), if any.
    public var lastActivity: String?

    /// An empty database.
    public static let zero = StoreCounts(
        articles: 0,
        duplicates: 0,
        failedFiles: 0,
        rejectedLines: 0,
        files: 0,
        lastActivity: nil
    )
}

/// One article as listed by `gleaner articles`.
public struct ArticleSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var line: Int?
    public var title: String?
    public var published: String
    public var publishedSource: String
    /// `ingested` for a canonical article, `duplicate` for a copy.
    public var outcome: String
    public var duplicateOf: Int64?
    public var receivedAt: String
    /// Metadata the reader could not use, one sentence each (empty when there was none).
    public var warnings: [String]
}

/// One quarantined file as listed by `gleaner status`.
public struct QuarantineEntry: Sendable, Hashable, Codable {
    public var file: String
    public var sha256: String?
    public var reason: String
    public var detail: String?
    public var failedAt: String
}

extension ArticleStore {
    /// Totals over the whole database.
    public func counts() throws -> StoreCounts {
        try pool.read { db in
            let articles = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) FILTER (WHERE duplicate_of IS NULL) AS canonical,
                           count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates
                    FROM articles
                    """
            )!
            let files = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS files, count(*) FILTER (WHERE outcome = 'failed') AS failed,
                           max(received_at) AS last FROM files
                    """
            )!
            return StoreCounts(
                articles: articles["canonical"],
                duplicates: articles["duplicates"],
                failedFiles: files["failed"],
                rejectedLines: try Int.fetchOne(db, sql: "SELECT count(*) FROM rejected_lines") ?? 0,
                files: files["files"],
                lastActivity: files["last"]
            )
        }
    }

    /// The most recent articles, newest first.
    public func recentArticles(limit: Int) throws -> [ArticleSummary] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, f.name, a.line, a.title, a.published, a.published_source, a.duplicate_of,
                           f.received_at, a.warnings
                    FROM articles a JOIN files f ON f.id = a.file_id
                    ORDER BY a.id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                ArticleSummary(
                    id: row["id"],
                    file: row["name"],
                    line: row["line"],
                    title: row["title"],
                    published: row["published"],
                    publishedSource: row["published_source"],
                    outcome: row["duplicate_of"] == nil ? "ingested" : "duplicate",
                    duplicateOf: row["duplicate_of"],
                    receivedAt: row["received_at"],
                    warnings: WarningsColumn.decode(row["warnings"])
                )
            }
        }
    }

    /// The most recently quarantined files, newest first.
    public func recentFailures(limit: Int) throws -> [QuarantineEntry] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sha256, reason, detail, received_at FROM files
                    WHERE outcome = 'failed' ORDER BY id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                QuarantineEntry(
                    file: row["name"],
                    sha256: row["sha256"],
                    reason: row["reason"] ?? "unknown",
                    detail: row["detail"],
                    failedAt: row["received_at"]
                )
            }
        }
    }

    /// The daemon's last recorded state (`pid`, `status`, `started_at`, `stopped_at` …).
    public func daemonState() throws -> [String: (value: String, updatedAt: String)] {
        try pool.read { db in
            var state: [String: (value: String, updatedAt: String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value, updated_at FROM daemon_state") {
                state[row["key"]] = (row["value"], row["updated_at"])
            }
            return state
        }
    }

    /// How many file records share this SHA-256 (used by tests and `gleaner status --file`).
    public func fileCount(sha256: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM files WHERE sha256 = ?", arguments: [sha256]) ?? 0
        }
    }
}
