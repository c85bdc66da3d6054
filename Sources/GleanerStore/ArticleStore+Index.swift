import GRDB
import GleanerCore

/// One canonical article and its copies, as `gleaner duplicates` lists them.
public struct DuplicateCluster: Sendable, Hashable, Codable {
    public struct Member: Sendable, Hashable, Codable {
        public var id: Int64
        public var file: String
        public var title: String?
        public var source: String?
        public var similarity: Double?
        public var kind: String?
    }
    public var canonical: Member
    public var copies: [Member]
}

/// A stored article close to a given text, as `gleaner similar` lists it.
public struct SimilarArticle: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var title: String?
    /// Exact Jaccard similarity of the shingle sets.
    public var jaccard: Double
    /// Exact containment of the smaller shingle set in the larger.
    public var containment: Double
    /// What ingesting the text would record: `near`, `contained`, or nil (not a duplicate).
    public var wouldBe: String?
    /// The canonical article it belongs to.
    public var canonical: Int64
}

extension ArticleStore {
    /// Stores the configured parameters if none are stored yet (a new database, or one from before the index
    /// existed, whose articles are then indexed), or checks that they match.
    func adoptOrCheckParameters() throws {
        try pool.write { db in
            var stored: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM dedup_parameters") {
                stored[row["key"]] = row["value"]
            }
            let configured = engine.parameters.indexDescription
            if stored.isEmpty {
                // Before any use of the in-memory index, which then loads what this writes.
                try indexUnindexedArticles(in: db)
                try Self.store(parameters: configured, in: db)
            } else if stored != configured {
                throw StoreError.dedupParametersChanged(path: path, stored: stored, configured: configured)
            }
        }
    }

    static func store(parameters: [String: String], in db: Database) throws {
        try db.execute(sql: "DELETE FROM dedup_parameters")
        for (key, value) in parameters {
            try db.execute(sql: "INSERT INTO dedup_parameters(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// Indexes every canonical article that has no signature yet; returns how many.
    @discardableResult
    func indexUnindexedArticles(in db: Database) throws -> Int {
        var total = 0
        while case let done = try indexUnindexedChunk(in: db), done > 0 { total += done }
        return total
    }

    /// Rebuilds the near-duplicate index with this store's parameters. Duplicate links already recorded stay.
    /// - Parameter progress: called with (indexed, total) after each chunk.
    public func reindex(progress: (Int, Int) -> Void = { _, _ in }) throws {
        let total = try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE duplicate_of IS NULL") ?? 0
        }
        // The in-memory index is reloaded on its next use, from what this writes.
        defer { invalidateNearDuplicateIndex() }
        // The parameters go first and come back last: an interrupted reindex leaves no stale claim, and the
        // next open (or reindex) resumes with the articles still unindexed.
        try pool.write { db in
            try db.execute(sql: "DELETE FROM dedup_parameters")
            try db.execute(sql: "DELETE FROM article_signatures")
        }
        var indexed = 0
        while indexed < total {
            let done = try pool.write { db in
                try indexUnindexedChunk(in: db)
            }
            if done == 0 { break }
            indexed += done
            progress(indexed, total)
        }
        try pool.write { db in try Self.store(parameters: engine.parameters.indexDescription, in: db) }
    }

    func indexUnindexedChunk(in db: Database) throws -> Int {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, text FROM articles
                WHERE duplicate_of IS NULL AND id NOT IN (SELECT article_id FROM article_signatures)
                ORDER BY id LIMIT 2000
                """
        )
        for row in rows {
            let fingerprint = engine.fingerprint(title: row["title"], text: row["text"])
            try Self.storeSignature(articleID: row["id"], fingerprint, in: db)
        }
        return rows.count
    }

    /// Removes articles published before `day` (`YYYY-MM-DD`) from the near-duplicate index: new copies of
    /// them will be stored as new articles. The articles themselves stay.
    /// - Returns: how many articles left the index.
    @discardableResult
    public func forget(publishedBefore day: String) throws -> Int {
        let forgotten = try pool.write { db in
            try db.execute(
                sql: "DELETE FROM article_signatures WHERE article_id IN (SELECT id FROM articles WHERE published < ?)",
                arguments: [day]
            )
            return db.changesCount
        }
        // Their keys leave memory with the next reload (until then a lookup skips them: no signature).
        if forgotten > 0 { invalidateNearDuplicateIndex() }
        return forgotten
    }

    /// How many articles are in the near-duplicate index.
    public func indexedCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_signatures") ?? 0 }
    }

    /// Canonical articles that have copies, newest first, each with its copies.
    public func duplicateClusters(limit: Int) throws -> [DuplicateCluster] {
        try pool.read { db in
            let canonicals = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, f.name, a.title, a.source FROM articles a JOIN files f ON f.id = a.file_id
                    WHERE a.duplicate_of IS NULL AND EXISTS (SELECT 1 FROM articles c WHERE c.duplicate_of = a.id)
                    ORDER BY a.id DESC LIMIT ?
                    """,
                arguments: [limit]
            )
            return try canonicals.map { row in
                let copies = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, f.name, a.title, a.source, a.similarity, a.kind
                        FROM articles a JOIN files f ON f.id = a.file_id
                        WHERE a.duplicate_of = ? ORDER BY a.id
                        """,
                    arguments: [row["id"] as Int64]
                ).map { copy in
                    DuplicateCluster.Member(
                        id: copy["id"],
                        file: copy["name"],
                        title: copy["title"],
                        source: copy["source"],
                        similarity: copy["similarity"],
                        kind: copy["kind"]
                    )
                }
                return DuplicateCluster(
                    canonical: .init(
                        id: row["id"],
                        file: row["name"],
                        title: row["title"],
                        source: row["source"],
                        similarity: nil,
                        kind: nil
                    ),
                    copies: copies
                )
            }
        }
    }

    /// The stored articles nearest to `article`, by exact similarity of verified LSH candidates (and an exact
    /// text match), without storing anything.
    public func similarArticles(to article: Article, limit: Int) throws -> [SimilarArticle] {
        try similarArticles(to: PreparedArticle(article, engine: engine), limit: limit)
    }

    /// The stored articles nearest to an article already prepared with this store's ``engine``: the lookup
    /// and verification of ``similarArticles(to:limit:)`` without the normalising and fingerprinting.
    public func similarArticles(to prepared: PreparedArticle, limit: Int) throws -> [SimilarArticle] {
        try readIndexed { db, index in
            var results: [SimilarArticle] = []
            if let exact = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT a.id, f.name, a.title FROM articles a JOIN files f ON f.id = a.file_id
                        WHERE a.text_hash = ? AND a.duplicate_of IS NULL
                        """
                ),
                arguments: [prepared.textHash]
            ) {
                results.append(
                    SimilarArticle(
                        id: exact["id"],
                        file: exact["name"],
                        title: exact["title"],
                        jaccard: 1,
                        containment: 1,
                        wouldBe: DuplicateKind.exact.rawValue,
                        canonical: exact["id"]
                    )
                )
            }
            // Lookups from a read are not counted in the statistics (those are about commits).
            var uncounted = DedupStatistics()
            let candidates = try verifiedCandidates(
                for: prepared.fingerprint,
                in: db,
                buckets: index.buckets,
                statistics: &uncounted
            )
            let names = try db.cachedStatement(
                sql: "SELECT f.name, a.title FROM articles a JOIN files f ON f.id = a.file_id WHERE a.id = ?"
            )
            for candidate in candidates where !results.contains(where: { $0.id == candidate.id }) {
                let (jaccard, containment) = prepared.fingerprint.shingles.similarity(to: candidate.shingles)
                let match = engine.matcher.bestMatch(for: prepared.fingerprint.shingles, among: [candidate])
                let row = try Row.fetchOne(names, arguments: [candidate.id])
                results.append(
                    SimilarArticle(
                        id: candidate.id,
                        file: row?["name"] ?? "",
                        title: row?["title"],
                        jaccard: jaccard,
                        containment: containment,
                        wouldBe: match?.kind.rawValue,
                        canonical: candidate.canonical
                    )
                )
            }
            return Array(results.sorted { $0.jaccard > $1.jaccard }.prefix(limit))
        }
    }
}
