import GRDB
import GleanerCore

extension ArticleStore {
    /// How a matched term is marked in a snippet: `open` before it, `close` after it.
    public struct SnippetMarks: Sendable, Hashable {
        public var open: String
        public var close: String

        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }

        /// `[term]`: for files, pipes and JSON.
        public static let brackets = SnippetMarks(open: "[", close: "]")
    }

    /// How much more a match in the title counts than one in the body, in the bm25 ranking.
    static let titleWeight = 10.0

    /// Full-text search of titles and bodies, best match first.
    ///
    /// `query` is in SQLite FTS5 syntax: words (stemmed by the Porter stemmer, case and diacritics ignored),
    /// `"a phrase"`, `AND`, `OR`, `NOT` (in capitals), `prefix*`, `NEAR(a b, 5)` and `title:word`. Hits are
    /// ranked by bm25 with a title match weighing ``titleWeight`` times a body match.
    ///
    /// - Parameters:
    ///   - since: only articles published on or after this day, `YYYY-MM-DD`.
    ///   - limit: at most this many hits.
    ///   - marks: what surrounds each matched term in the snippet.
    /// - Throws: ``SearchError/invalidQuery(query:reason:)`` when the query is not valid FTS5 syntax,
    ///   ``StoreError/olderSchema(path:)`` for a database not upgraded yet, or the database error.
    public func search(
        _ query: String,
        since: String? = nil,
        limit: Int = 20,
        marks: SnippetMarks = .brackets
    ) throws -> [SearchHit] {
        try pool.read { db in
            try requireCurrentSchema(db)
            // The best hits first, then their snippets: snippet() reads and tokenizes the text again, so it runs
            // for the hits shown, not for every match. CROSS JOIN keeps the index as the outer loop (never a scan
            // of every article's text).
            let sql = """
                WITH best AS (
                    SELECT article_search.rowid AS id, bm25(article_search, ?, 1.0) AS score
                    FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid
                    WHERE article_search MATCH ? AND a.published >= ?
                    ORDER BY score LIMIT ?
                )
                SELECT a.id, f.name, a.title, a.published, a.source, a.url, a.duplicate_of, best.score,
                       snippet(article_search, -1, ?, ?, '…', 24) AS snippet,
                       (SELECT count(*) FROM articles c WHERE c.duplicate_of = coalesce(a.duplicate_of, a.id))
                           AS duplicates,
                       (SELECT story_id FROM story_articles s WHERE s.article_id = a.id) AS story
                FROM best
                CROSS JOIN article_search ON article_search.rowid = best.id
                CROSS JOIN articles a ON a.id = best.id
                JOIN files f ON f.id = a.file_id
                WHERE article_search MATCH ?
                ORDER BY best.score, a.id
                """
            do {
                return try Row.fetchAll(
                    db,
                    sql: sql,
                    arguments: [Self.titleWeight, query, since ?? "", limit, marks.open, marks.close, query]
                ).map { row in
                    SearchHit(
                        id: row["id"],
                        file: row["name"],
                        title: row["title"],
                        published: row["published"],
                        source: row["source"],
                        url: row["url"],
                        snippet: row["snippet"] ?? "",
                        score: -(row["score"] as Double),
                        duplicateOf: row["duplicate_of"],
                        duplicates: row["duplicates"],
                        story: row["story"]
                    )
                }
            } catch let error as DatabaseError where Self.isQueryError(error) {
                throw SearchError.invalidQuery(query: query, reason: error.message ?? "\(error)")
            }
        }
    }

    /// An error SQLite reports for the text of a MATCH expression rather than for the database.
    static func isQueryError(_ error: DatabaseError) -> Bool {
        guard error.resultCode == .SQLITE_ERROR, let message = error.message else { return false }
        return message.hasPrefix("fts5:") || message.hasPrefix("no such column") || message.contains("syntax error")
            || message.hasPrefix("unknown special query") || message.hasPrefix("unterminated string")
    }

    /// Adds the articles a transaction stored (copies too; nothing for a replayed or rejected file) to the
    /// full-text index, in the order they were stored. Called after every other write of a part of the
    /// batch, for all its articles at once: FTS5 keeps the terms in memory until COMMIT, but writes them out at
    /// the start of any later statement that opens a statement journal (a statement firing a trigger, a
    /// multi-row insert or upsert), so each call makes one segment; called per article, each article would be a
    /// segment of its own.
    static func indexForSearch(_ items: [IngestItem], committed: [CommittedFile], in db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO article_search(rowid, title, text) VALUES (?, ?, ?)")
        for (item, result) in zip(items, committed) where !result.replayed {
            guard case .articles(_, _, let articles, _) = item else { continue }
            for (prepared, stored) in zip(articles, result.articles) {
                try insert.execute(arguments: [stored.id, prepared.article.title, prepared.article.text])
            }
        }
    }

    /// Rebuilds the full-text index from the articles (after a crash that left it suspect, or to compact it).
    /// - Returns: how many articles it holds.
    @discardableResult
    public func rebuildSearchIndex() throws -> Int {
        try pool.write { db in
            try requireCurrentSchema(db)
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('rebuild')")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
        }
    }

    /// `true` when the full-text index matches the articles exactly (FTS5's `integrity-check`).
    public func searchIndexIsConsistent() throws -> Bool {
        try pool.write { db in
            do {
                try db.execute(sql: "INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)")
                return true
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT_VTAB {
                return false
            }
        }
    }
}

/// One article found by ``ArticleStore/search(_:since:limit:marks:)``.
public struct SearchHit: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var title: String?
    public var published: String
    public var source: String?
    public var url: String?
    /// The best passage of the title or body, matched terms marked.
    public var snippet: String
    /// Relevance: the bm25 score negated, so higher is better (comparable within one search only).
    public var score: Double
    /// The canonical article, when this one is a copy.
    public var duplicateOf: Int64?
    /// How many other stored articles are near-duplicates of this one (its copies, or its canonical and the
    /// canonical's other copies).
    public var duplicates: Int
    /// The story the article belongs to; `nil` for an article stored before stories were formed.
    public var story: Int64?
}

/// Why a search could not run.
public enum SearchError: Error, CustomStringConvertible, Sendable {
    /// The query is not valid FTS5 syntax.
    case invalidQuery(query: String, reason: String)

    public var description: String {
        switch self {
        case .invalidQuery(let query, let reason):
            "the search query '\(query)' is not valid full-text search syntax (\(reason)). Put words with "
                + "punctuation or a phrase in double quotes ('\"al-Qaeda\"', '\"prime minister\"'), write AND, OR "
                + "and NOT in capitals between words, close every parenthesis and quote, and end a prefix with * "
                + "(negot*)."
        }
    }
}
