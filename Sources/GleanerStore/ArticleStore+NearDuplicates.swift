import Dispatch
import Foundation
import GRDB
import GleanerCore

extension ArticleStore {
    /// What near-duplicate detection has cost so far, and the in-memory index's size.
    public var dedupStatistics: DedupStatistics {
        nearDuplicates.withLock { $0.currentStatistics }
    }

    /// Loads the in-memory near-duplicate index now, if it is not loaded yet (otherwise the first commit or
    /// lookup does), and returns the statistics after it.
    /// - Throws: the database error, or ``StoreError/olderSchema(path:)`` for a database not upgraded yet.
    @discardableResult
    public func loadNearDuplicateIndex() throws -> DedupStatistics {
        try readIndexed { _, index in index.currentStatistics }
    }

    /// Runs `body` in one write transaction with the near-duplicate index caught up with the database. If
    /// the transaction fails, the index is marked for a reload: ids it added may be reused by SQLite.
    func writeIndexed<T: Sendable>(_ body: (Database, inout NearDuplicateIndex) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try nearDuplicates.withLock { index in
                do {
                    var result: T?
                    try db.inTransaction(.immediate) {
                        try index.catchUp(in: db, keysPerArticle: keysPerArticle)
                        result = try body(db, &index)
                        return .commit
                    }
                    return result!
                } catch {
                    index.invalidate()
                    throw error
                }
            }
        }
    }

    /// Runs `body` in a read with the near-duplicate index caught up with what the read sees.
    func readIndexed<T: Sendable>(_ body: (Database, inout NearDuplicateIndex) throws -> T) throws -> T {
        try pool.read { db in
            try nearDuplicates.withLock { index in
                if !index.isCurrent, try !db.columns(in: "article_signatures").contains(where: { $0.name == "keys" }) {
                    throw StoreError.olderSchema(path: path)
                }
                try index.catchUp(in: db, keysPerArticle: keysPerArticle)
                return try body(db, &index)
            }
        }
    }

    /// Band keys and the two anchor keys.
    var keysPerArticle: Int { engine.parameters.banding.bands + 2 }

    /// Marks the in-memory index for a reload (after `forget` and `reindex`).
    func invalidateNearDuplicateIndex() {
        nearDuplicates.withLock { $0.invalidate() }
    }

    /// The stored article `prepared` copies, if any: the same normalised text (exact), else the best LSH
    /// candidate verified with exact Jaccard (near) or containment (contained).
    func findDuplicate(
        of prepared: PreparedArticle,
        in db: Database,
        buckets: BucketIndex,
        statistics: inout DedupStatistics
    ) throws -> DuplicateMatch? {
        if let canonical = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL"),
            arguments: [prepared.textHash]
        ) {
            return DuplicateMatch(canonical: canonical, matched: canonical, similarity: 1, kind: .exact)
        }
        let candidates = try verifiedCandidates(
            for: prepared.fingerprint,
            in: db,
            buckets: buckets,
            statistics: &statistics
        )
        return engine.matcher.bestMatch(for: prepared.fingerprint.shingles, among: candidates)
    }

    /// LSH candidates for `fingerprint`, narrowed by their MinHash estimate (kept: estimate ≥ 0.35, or proposed
    /// by a lead/tail anchor key), at most ``NearDuplicateMatcher/maximumVerified`` of them, best first, with
    /// their shingles recomputed from their stored text. Ids without a stored signature (no longer indexed)
    /// or without an article are skipped.
    func verifiedCandidates(
        for fingerprint: DedupFingerprint,
        in db: Database,
        buckets: BucketIndex,
        statistics: inout DedupStatistics
    ) throws -> [DuplicateCandidate] {
        guard !fingerprint.shingles.hashes.isEmpty else { return [] }
        let bands = engine.parameters.banding.bands
        let bandMatches = buckets.ids(forKeys: fingerprint.keys.prefix(bands), limit: Self.maximumCandidates)
        let anchorMatches = buckets.ids(forKeys: fingerprint.keys.dropFirst(bands), limit: Self.maximumCandidates)
        guard !bandMatches.isEmpty || !anchorMatches.isEmpty else { return [] }

        let signatures = try db.cachedStatement(sql: "SELECT signature FROM article_signatures WHERE article_id = ?")
        var scored: [(id: Int64, estimate: Double)] = []
        func score(_ id: Int64, anchored: Bool) throws {
            guard let row = try Row.fetchOne(signatures, arguments: [id]) else { return }
            let estimate = try row.withUnsafeData(atIndex: 0) { data in
                data.map { MinHasher.estimatedJaccard(fingerprint.signature, BlobCoding.decode($0, as: UInt32.self)) }
            }
            statistics.candidates += 1
            if let estimate, estimate >= Self.minimumEstimate || anchored { scored.append((id, estimate)) }
        }
        for id in bandMatches { try score(id, anchored: anchorMatches.contains(id)) }
        for id in anchorMatches where !bandMatches.contains(id) { try score(id, anchored: true) }
        guard !scored.isEmpty else { return [] }
        scored.sort { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.id < $1.id }

        let texts = try db.cachedStatement(
            sql: "SELECT title, text, COALESCE(duplicate_of, id) FROM articles WHERE id = ?"
        )
        return try scored.prefix(NearDuplicateMatcher.maximumVerified).compactMap { candidate in
            guard let row = try Row.fetchOne(texts, arguments: [candidate.id]) else { return nil }
            let start = DispatchTime.now().uptimeNanoseconds
            let words = ComparisonText.wordHashes(title: row[0], text: row[1])
            let shingles = Shingles(wordHashes: words, size: engine.parameters.shingleSize)
            statistics.verified += 1
            statistics.verificationNanoseconds += DispatchTime.now().uptimeNanoseconds - start
            return DuplicateCandidate(id: candidate.id, canonical: row[2], shingles: shingles)
        }
    }

    /// MinHash estimates below this cannot be a near (J ≥ 0.8) or contained (J ≥ 0.5) duplicate but for a
    /// deviation of more than three standard errors at 128 functions.
    static let minimumEstimate = 0.35

    /// Most stored articles proposed per lookup by the band keys (and as many by the anchor keys), the newest,
    /// so a lookup costs the same however crowded a bucket gets (many different articles sharing
    /// boilerplate-like text).
    static let maximumCandidates = BucketIndex.maximumIDsPerKey

    /// Stores the signature and bucket keys of an article: the source of truth the in-memory index is
    /// loaded from. The caller adds the keys to the in-memory index, if it is loaded.
    static func storeSignature(articleID: Int64, _ fingerprint: DedupFingerprint, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO article_signatures(article_id, signature, shingle_count, keys)
                VALUES (?, ?, ?, ?)
                """
        ).execute(arguments: [
            articleID, BlobCoding.encode(fingerprint.signature), fingerprint.shingles.count,
            BlobCoding.encode(fingerprint.keys),
        ])
    }

    /// Looks `prepared` up, stores it with `insert` (given the match, returning the new article's id) and,
    /// when it is new (canonical), indexes it under that id; counts the lookup and its time in the index's
    /// statistics (the time of `insert` left out).
    func deduplicate(
        _ prepared: PreparedArticle,
        in db: Database,
        index: inout NearDuplicateIndex,
        insert: (DuplicateMatch?) throws -> Int64
    ) throws -> (id: Int64, match: DuplicateMatch?) {
        let lookup = DedupClock.now()
        let match = try findDuplicate(of: prepared, in: db, buckets: index.buckets, statistics: &index.statistics)
        var elapsed = lookup.elapsed()
        let id = try insert(match)
        if match == nil {
            let indexing = DedupClock.now()
            try Self.storeSignature(articleID: id, prepared.fingerprint, in: db)
            if !prepared.fingerprint.shingles.hashes.isEmpty {
                index.add(articleID: id, keys: prepared.fingerprint.keys)
            }
            index.statistics.indexed += 1
            let indexed = indexing.elapsed()
            elapsed.wall += indexed.wall
            elapsed.cpu += indexed.cpu
        }
        index.statistics.lookups += 1
        index.statistics.nanoseconds += elapsed.wall
        index.statistics.cpuNanoseconds += elapsed.cpu
        return (id, match)
    }
}
