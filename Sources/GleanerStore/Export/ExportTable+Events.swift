extension ExportTable {
    /// Every merged event, with the first article that reported it (the lowest article id among its
    /// mentions): its publication date and its URL, or its file name when it has none.
    public static let events = ExportTable(
        name: "events",
        columns: [
            Column("id", .integer), Column("cameo", .text), Column("root", .text), Column("quad_class", .integer),
            Column("actor_name", .text), Column("actor_country", .text), Column("actor_role", .text),
            Column("target_name", .text), Column("target_country", .text), Column("target_role", .text),
            Column("location_name", .text), Column("location_country", .text), Column("date_start", .text),
            Column("date_end", .text), Column("date_precision", .text), Column("date_text", .text),
            Column("date_anchor", .text), Column("modality", .text), Column("num_articles", .integer),
            Column("num_mentions", .integer), Column("confidence", .real), Column("first_seen", .text),
            Column("last_seen", .text), Column("first_article", .integer), Column("first_article_published", .text),
            Column("source_url", .text),
        ],
        query: """
            SELECT e.id, e.cameo, e.root, e.quad_class, e.actor_name, e.actor_country, e.actor_role,
                   e.target_name, e.target_country, e.target_role, e.location_name, e.location_country,
                   e.date_start, e.date_end, e.date_precision, e.date_text, e.date_anchor, e.modality,
                   e.num_articles, e.num_mentions, e.confidence, e.first_seen, e.last_seen,
                   fa.id, fa.published, coalesce(fa.url, ff.name)
            FROM events e
            LEFT JOIN articles fa ON fa.id = (SELECT min(m.article_id) FROM event_mentions m WHERE m.event_id = e.id)
            LEFT JOIN files ff ON ff.id = fa.file_id
            WHERE {SINCE} ORDER BY e.id
            """,
        sinceCondition: "coalesce(e.date_end, e.date_start, substr(e.first_seen, 1, 10)) >= ?",
        countQuery: "SELECT count(*) FROM events e WHERE {SINCE}"
    )
}
