import Foundation
import GRDB
import GleanerCore

/// The in-memory half of the near-duplicate index: the bucket keys of every indexed article, as persisted in
/// `article_signatures.keys`, in a ``BucketIndex``.
///
/// It is loaded on first use with one pass over `article_signatures`, then kept current: each write
/// transaction (and each lookup from a read) first adds the rows with a higher `article_id` than any loaded
/// yet, which is how rows written by another process on the same file are seen. A transaction that fails
/// marks it stale, because SQLite may give the ids it added to other articles; the next use reloads it.
/// Ids of articles that have left the index since (`forget`) are harmless: a candidate without a stored
/// signature is skipped.
struct NearDuplicateIndex: Sendable {
    var buckets = BucketIndex()
    /// The highest `article_id` whose keys are in ``buckets``.
    var loadedThrough: Int64 = 0
    /// `false` until loaded, and after anything that may have made it wrong.
    var isCurrent = false
    var statistics = DedupStatistics()

    /// Forget everything: the next use reloads from the database.
    mutating func invalidate() {
        isCurrent = false
    }

    /// Loads the index if it is not current, else adds the rows written since the last call.
    /// - Parameter keysPerArticle: how many keys an article usually has, to size the table before a load.
    mutating func catchUp(in db: Database, keysPerArticle: Int) throws {
        let start = DedupClock.now()
        if isCurrent {
            try add(rowsAfter: loadedThrough, in: db)
            let elapsed = start.elapsed()
            statistics.nanoseconds += elapsed.wall
            statistics.cpuNanoseconds += elapsed.cpu
            return
        }
        buckets.removeAll()
        loadedThrough = 0
        // Sized once from the span of ids (about the number of indexed articles, also when old ones have been
        // forgotten), rather than doubling its way there.
        if let span = try Int.fetchOne(
            db,
            sql: """
                SELECT (SELECT max(article_id) FROM article_signatures)
                     - (SELECT min(article_id) FROM article_signatures) + 1
                """
        ) {
            buckets.reserveCapacity(span * keysPerArticle)
        }
        try add(rowsAfter: 0, in: db)
        isCurrent = true
        statistics.loads += 1
        statistics.loadNanoseconds += start.elapsed().wall
    }

    /// Adds an article indexed in the current transaction.
    mutating func add(articleID: Int64, keys: [Int64]) {
        buckets.insert(keys: keys[...], id: articleID)
        loadedThrough = max(loadedThrough, articleID)
    }

    /// Adds the keys of the indexed articles with an id above `id`. Articles without shingles (no comparison
    /// words) are left out: they are never looked up, and would all share one set of keys.
    mutating func add(rowsAfter id: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                SELECT article_id, keys FROM article_signatures
                WHERE article_id > ? AND shingle_count > 0 ORDER BY article_id
                """
        )
        let rows = try Row.fetchCursor(statement, arguments: [id])
        while let row = try rows.next() {
            let articleID: Int64 = row[0]
            try row.withUnsafeData(atIndex: 1) { data in
                guard let data else { return }
                BlobCoding.forEach(in: data, as: Int64.self) { key in buckets.insert(key: key, id: articleID) }
            }
            loadedThrough = max(loadedThrough, articleID)
        }
    }

    /// The statistics, with the index's current size.
    var currentStatistics: DedupStatistics {
        var result = statistics
        result.entries = buckets.count
        result.memoryBytes = buckets.memoryBytes
        return result
    }
}
