import GRDB
import GleanerCore

/// The document frequencies of story terms during one write transaction: each term is read from
/// `story_terms` once, counted in memory as articles are placed, and written back once when the transaction
/// ends (``flush(in:)``). An article sees the same frequencies as if it had written its own; a batch of
/// articles writes each of its terms once instead of once per article. Terms are known by their keys
/// (``StoryFeatures/WeightedTerm/key``): `story_terms` is a table of integers, whose rows are found and
/// written by their row ids.
final class StoryTermCounts {
    /// A term's frequency in the database when it was first read (0 when absent), and what the articles placed
    /// since the last flush added.
    private struct Count {
        var stored = 0
        var added = 0
    }

    private var counts: [Int64: Count] = [:]

    /// The key under which the number of counted articles is kept: the key of the empty term, which no article
    /// has.
    static let documentsKey = StoryFeatures.WeightedTerm.key(of: "")

    /// How many terms one read asks for: the last part of a read is padded with a repeated term, so that every
    /// read is the same (cached) statement.
    static let termsPerRead = 256

    /// Reads the stored frequencies of the terms not read yet. A batch reads the terms of all its articles at
    /// once, before placing them (terms of copies too, which are read but never counted).
    func read(_ keys: some Sequence<Int64>, in db: Database) throws {
        var unread: [Int64] = []
        for key in keys where counts[key] == nil {
            counts[key] = Count()
            unread.append(key)
        }
        guard let first = unread.first else { return }
        let statement = try db.cachedStatement(
            sql: "SELECT term_key, df FROM story_terms WHERE term_key IN ("
                + repeatElement("?", count: Self.termsPerRead).joined(separator: ", ") + ")"
        )
        for start in stride(from: 0, to: unread.count, by: Self.termsPerRead) {
            var part = Array(unread[start..<min(unread.count, start + Self.termsPerRead)])
            part += repeatElement(first, count: Self.termsPerRead - part.count)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(part))
            while let row = try rows.next() {
                counts[row[0], default: Count()].stored = row[1]
            }
        }
    }

    /// Counts an article with the terms of `keys` (each once) and returns each term's frequency with it, in the
    /// order of `keys`, and the number of articles with it. A term already read (as a batch reads all of its
    /// terms first) costs one hash look-up.
    func count(_ keys: [Int64], in db: Database) throws -> (frequencies: [Int], documents: Int) {
        var frequencies = [Int](repeating: 0, count: keys.count)
        var unread: [Int] = []
        for (position, key) in keys.enumerated() {
            if let frequency = countRead(key) { frequencies[position] = frequency } else { unread.append(position) }
        }
        if !unread.isEmpty {
            try read(unread.map { keys[$0] }, in: db)
            for position in unread { frequencies[position] = countRead(keys[position])! }
        }
        try read(CollectionOfOne(Self.documentsKey), in: db)
        return (frequencies, countRead(Self.documentsKey)!)
    }

    /// Counts one more article with the term of `key` and returns its frequency now, or nil when it has not been
    /// read.
    private func countRead(_ key: Int64) -> Int? {
        guard let index = counts.index(forKey: key) else { return nil }
        counts.values[index].added += 1
        return counts.values[index].stored + counts.values[index].added
    }

    /// Writes what was counted since the last flush, 32 terms to a statement.
    func flush(in db: Database) throws {
        let keys = counts.filter { $0.value.added > 0 }.keys.sorted()
        for start in stride(from: 0, to: keys.count, by: 32) {
            let part = keys[start..<min(keys.count, start + 32)]
            let sql =
                "INSERT INTO story_terms(term_key, df) VALUES "
                + repeatElement("(?, ?)", count: part.count).joined(separator: ", ")
                + " ON CONFLICT(term_key) DO UPDATE SET df = df + excluded.df"
            var arguments = StatementArguments()
            for key in part { arguments += [key, counts[key]?.added ?? 0] }
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
        for key in keys {
            guard var count = counts[key] else { continue }
            count.stored += count.added
            count.added = 0
            counts[key] = count
        }
    }
}
