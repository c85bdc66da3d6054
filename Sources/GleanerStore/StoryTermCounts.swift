import GRDB

/// The document frequencies of story terms during one write transaction: each term is read from
/// `story_terms` once, counted in memory as articles are placed, and written back once when the transaction
/// ends (``flush(in:)``). An article sees the same frequencies as if it had written its own; a batch of
/// articles writes each of its terms once instead of once per article.
final class StoryTermCounts {
    /// A term's frequency in the database when it was first read (0 when absent).
    private var stored: [String: Int] = [:]
    /// What the articles placed since the last flush added.
    private var added: [String: Int] = [:]

    /// Counts an article with `terms` (each once) and returns each term's frequency with it, and under the
    /// empty term the number of articles.
    func count(_ terms: some Collection<String>, in db: Database) throws -> [String: Int] {
        let all = [""] + terms
        let unread = all.filter { stored[$0] == nil }
        for start in stride(from: 0, to: unread.count, by: 64) {
            let part = Array(unread[start..<min(unread.count, start + 64)])
            for term in part { stored[term] = 0 }
            let sql =
                "SELECT term, df FROM story_terms WHERE term IN ("
                + repeatElement("?", count: part.count).joined(separator: ", ") + ")"
            for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(part)) {
                stored[row[0]] = row[1]
            }
        }
        var frequencies: [String: Int] = [:]
        for term in all {
            added[term, default: 0] += 1
            frequencies[term] = stored[term, default: 0] + added[term, default: 0]
        }
        return frequencies
    }

    /// Writes what was counted since the last flush, 32 terms to a statement.
    func flush(in db: Database) throws {
        let terms = added.keys.sorted()
        for start in stride(from: 0, to: terms.count, by: 32) {
            let part = terms[start..<min(terms.count, start + 32)]
            let sql =
                "INSERT INTO story_terms(term, df) VALUES "
                + repeatElement("(?, ?)", count: part.count).joined(separator: ", ")
                + " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df"
            var arguments = StatementArguments()
            for term in part { arguments += [term, added[term, default: 0]] }
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
        for (term, count) in added { stored[term, default: 0] += count }
        added.removeAll(keepingCapacity: true)
    }
}
