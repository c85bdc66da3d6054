import GRDB

/// The document frequencies of story terms during one write transaction: each term is read from
/// `story_terms` once, counted in memory as articles are placed, and written back once when the transaction
/// ends (``flush(in:)``). An article sees the same frequencies as if it had written its own; a batch of
/// articles writes each of its terms once instead of once per article.
final class StoryTermCounts {
    /// A term's frequency in the database when it was first read (0 when absent), and what the articles placed
    /// since the last flush added.
    private struct Count {
        var stored = 0
        var added = 0
    }

    private var counts: [String: Count] = [:]

    /// How many terms one read asks for: the last part of a read is padded with a repeated term, so that every
    /// read is the same (cached) statement.
    static let termsPerRead = 256

    /// Reads the stored frequencies of the terms not read yet. A batch reads the terms of all its articles at
    /// once, before placing them (terms of copies too, which are read but never counted).
    func read(_ terms: some Sequence<String>, in db: Database) throws {
        var unread: [String] = []
        for term in terms where counts[term] == nil {
            counts[term] = Count()
            unread.append(term)
        }
        guard let first = unread.first else { return }
        let statement = try db.cachedStatement(
            sql: "SELECT term, df FROM story_terms WHERE term IN ("
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

    /// Counts an article with `terms` (each once) and returns each term's frequency with it, in the order of
    /// `terms`, and the number of articles with it (the count of the empty term). A term already read (as a
    /// batch reads all of its terms first) costs one hash look-up.
    func count(_ terms: some Collection<String>, in db: Database) throws -> (frequencies: [Int], documents: Int) {
        var frequencies = [Int](repeating: 0, count: terms.count)
        var unread: [Int] = []
        for (position, term) in terms.enumerated() {
            if let frequency = countRead(term) { frequencies[position] = frequency } else { unread.append(position) }
        }
        if !unread.isEmpty {
            let termsByPosition = Array(terms)
            try read(unread.map { termsByPosition[$0] }, in: db)
            for position in unread { frequencies[position] = countRead(termsByPosition[position])! }
        }
        try read(CollectionOfOne(""), in: db)
        return (frequencies, countRead("")!)
    }

    /// Counts one more article with `term` and returns its frequency now, or nil when it has not been read.
    private func countRead(_ term: String) -> Int? {
        guard let index = counts.index(forKey: term) else { return nil }
        counts.values[index].added += 1
        return counts.values[index].stored + counts.values[index].added
    }

    /// Writes what was counted since the last flush, 32 terms to a statement.
    func flush(in db: Database) throws {
        let terms = counts.filter { $0.value.added > 0 }.keys.sorted()
        for start in stride(from: 0, to: terms.count, by: 32) {
            let part = terms[start..<min(terms.count, start + 32)]
            let sql =
                "INSERT INTO story_terms(term, df) VALUES "
                + repeatElement("(?, ?)", count: part.count).joined(separator: ", ")
                + " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df"
            var arguments = StatementArguments()
            for term in part { arguments += [term, counts[term]?.added ?? 0] }
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
        for term in terms {
            guard var count = counts[term] else { continue }
            count.stored += count.added
            count.added = 0
            counts[term] = count
        }
    }
}
