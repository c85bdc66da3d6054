import GRDB
import GleanerEvents

extension ArticleStore {
    /// One article in full, with its times in text order and the events it reports, or nil when there is no
    /// article `id`.
    /// - Throws: ``StoreError/olderSchema(path:)`` for a database not upgraded yet, or the database error.
    public func article(id: Int64) throws -> ArticleDetail? {
        try pool.read { db in
            try requireCurrentSchema(db)
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT a.id, f.name, a.line, a.title, a.published, a.published_source, a.url, a.source,
                               a.language, a.duplicate_of, a.warnings, a.main_event
                        FROM articles a JOIN files f ON f.id = a.file_id WHERE a.id = ?
                        """,
                    arguments: [id]
                )
            else { return nil }
            let times = try Row.fetchAll(
                db,
                sql: """
                    SELECT text, offset, length, type, value, anchor FROM article_times
                    WHERE article_id = ? ORDER BY position
                    """,
                arguments: [id]
            ).map { time in
                // The table's CHECK constraints admit only the values these types name.
                TemporalExpression(
                    text: time["text"],
                    offset: time["offset"],
                    length: time["length"],
                    type: Timex.Kind(rawValue: time["type"]) ?? .date,
                    value: time["value"],
                    anchor: TemporalExpression.Anchor(rawValue: time["anchor"]) ?? .published
                )
            }
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.*, min(m.sentence_index) AS first_sentence
                    FROM events e JOIN event_mentions m ON m.event_id = e.id
                    WHERE m.article_id = ? GROUP BY e.id ORDER BY first_sentence, e.id
                    """,
                arguments: [id]
            ).map(Self.storedEvent)
            return ArticleDetail(
                id: row["id"],
                file: row["name"],
                line: row["line"],
                title: row["title"],
                published: row["published"],
                publishedSource: row["published_source"],
                url: row["url"],
                source: row["source"],
                language: row["language"],
                outcome: row["duplicate_of"] == nil ? "ingested" : "duplicate",
                duplicateOf: row["duplicate_of"],
                warnings: WarningsColumn.decode(row["warnings"]),
                times: times,
                events: events,
                mainEvent: MainEventColumn.decode(row["main_event"])
            )
        }
    }
}
