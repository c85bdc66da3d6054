import Foundation
import GRDB
import GleanerCore

extension ArticleStore {
    /// The stored article `prepared` copies, if any: the same normalised text (exact), else the best LSH
    /// candidate verified with exact Jaccard (near) or containment (contained).
    func findDuplicate(of prepared: PreparedArticle, in db: Database) throws -> DuplicateMatch? {
        if let canonical = try Int64.fetchOne(
            db,
            sql: "SELECT id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL",
            arguments: [prepared.textHash]
        ) {
            return DuplicateMatch(canonical: canonical, matched: canonical, similarity: 1, kind: .exact)
        }
        let candidates = try verifiedCandidates(for: prepared.fingerprint, in: db)
        return engine.matcher.bestMatch(for: prepared.fingerprint.shingles, among: candidates)
    }

    /// LSH candidates for `fingerprint`, narrowed by their MinHash estimate (kept: estimate ≥ 0.35, or proposed
    /// by a lead/tail anchor key), at most ``NearDuplicateMatcher/maximumVerified`` of them, best first, with
    /// their shingles recomputed from their stored text.
    func verifiedCandidates(for fingerprint: DedupFingerprint, in db: Database) throws -> [DuplicateCandidate] {
        guard !fingerprint.shingles.hashes.isEmpty else { return [] }
        let bands = engine.parameters.banding.bands
        let bandMatches = try articles(withKeys: Array(fingerprint.keys.prefix(bands)), in: db)
        let anchorMatches = try articles(withKeys: Array(fingerprint.keys.dropFirst(bands)), in: db)
        let all = bandMatches.union(anchorMatches)
        guard !all.isEmpty else { return [] }
        var scored: [(id: Int64, estimate: Double)] = []
        let placeholders = Array(repeating: "?", count: all.count).joined(separator: ",")
        for row in try Row.fetchAll(
            db,
            sql: "SELECT article_id, signature FROM article_signatures WHERE article_id IN (\(placeholders))",
            arguments: StatementArguments(Array(all))
        ) {
            let id: Int64 = row["article_id"]
            let estimate = MinHasher.estimatedJaccard(fingerprint.signature, Self.decodeSignature(row["signature"]))
            if estimate >= Self.minimumEstimate || anchorMatches.contains(id) { scored.append((id, estimate)) }
        }
        scored.sort { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.id < $1.id }
        return try scored.prefix(NearDuplicateMatcher.maximumVerified).compactMap { candidate in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT title, text, COALESCE(duplicate_of, id) AS canonical FROM articles WHERE id = ?",
                    arguments: [candidate.id]
                )
            else { return nil }
            let words = ComparisonText.words(title: row["title"], text: row["text"])
            return DuplicateCandidate(
                id: candidate.id,
                canonical: row["canonical"],
                shingles: Shingles(words: words, size: engine.parameters.shingleSize)
            )
        }
    }

    /// MinHash estimates below this cannot be a near (J ≥ 0.8) or contained (J ≥ 0.5) duplicate but for a
    /// deviation of more than three standard errors at 128 functions.
    static let minimumEstimate = 0.35

    /// Most bucket entries read per lookup (the newest), so a lookup costs the same however crowded a bucket
    /// gets (many different articles sharing boilerplate-like text).
    static let maximumCandidates = 256

    func articles(withKeys keys: [Int64], in db: Database) throws -> Set<Int64> {
        guard !keys.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        return Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT article_id FROM lsh_buckets WHERE key IN (\(placeholders))
                    ORDER BY rowid DESC LIMIT \(Self.maximumCandidates)
                    """,
                arguments: StatementArguments(keys)
            )
        )
    }

    /// Stores the signature and bucket keys of an article.
    func index(articleID: Int64, _ fingerprint: DedupFingerprint, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO article_signatures(article_id, signature, shingle_count) VALUES (?, ?, ?)",
            arguments: [articleID, Self.encodeSignature(fingerprint.signature), fingerprint.shingles.count]
        )
        guard !fingerprint.keys.isEmpty else { return }
        let values = Array(repeating: "(?, ?)", count: fingerprint.keys.count).joined(separator: ",")
        var arguments: [Int64] = []
        for key in fingerprint.keys {
            arguments.append(key)
            arguments.append(articleID)
        }
        try db.execute(
            sql: "INSERT INTO lsh_buckets(key, article_id) VALUES \(values)",
            arguments: StatementArguments(arguments)
        )
    }

    static func encodeSignature(_ signature: [UInt32]) -> Data {
        var data = Data(capacity: signature.count * 4)
        for value in signature {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decodeSignature(_ data: Data) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(data.count / 4)
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count - 3, by: 4) {
                values.append(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
        }
        return values
    }
}
