extension ExportTable {
    /// One row per article of a story: the story (its label, span and size) and the article, stories in the
    /// order they were formed, articles in the order they were stored.
    public static let stories = ExportTable(
        name: "stories",
        columns: [
            Column("story", .integer), Column("label", .text), Column("first_seen", .text),
            Column("last_seen", .text), Column("article_count", .integer), Column("article_id", .integer),
            Column("file", .text), Column("title", .text), Column("published", .text), Column("source", .text),
            Column("url", .text), Column("duplicate_of", .integer), Column("score", .real),
        ],
        query: """
            SELECT s.id, s.label, s.first_seen, s.last_seen, s.article_count, a.id, f.name, a.title, a.published,
                   a.source, a.url, a.duplicate_of, sa.score
            FROM story_articles sa JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
            JOIN files f ON f.id = a.file_id
            WHERE {SINCE} ORDER BY sa.story_id, sa.article_id
            """,
        sinceCondition: "s.last_seen >= ?",
        countQuery: "SELECT count(*) FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE {SINCE}"
    )
}
