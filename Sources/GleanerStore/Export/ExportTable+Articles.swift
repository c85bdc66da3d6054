extension ExportTable {
    /// Every stored article, copies included, with its file and duplicate link.
    public static let articles = ExportTable(
        name: "articles",
        columns: [
            Column("id", .integer), Column("file", .text), Column("line", .integer), Column("title", .text),
            Column("published", .text), Column("published_source", .text), Column("url", .text),
            Column("source", .text), Column("language", .text), Column("dateline_place", .text),
            Column("duplicate_of", .integer), Column("similarity", .real), Column("kind", .text),
            Column("received_at", .text), Column("warnings", .json), Column("main_event", .json),
            Column("text", .text),
        ],
        query: """
            SELECT a.id, f.name, a.line, a.title, a.published, a.published_source, a.url, a.source, a.language,
                   a.dateline_place, a.duplicate_of, a.similarity, a.kind, f.received_at, a.warnings, a.main_event,
                   a.text
            FROM articles a JOIN files f ON f.id = a.file_id WHERE {SINCE} ORDER BY a.id
            """,
        sinceCondition: "a.published >= ?",
        countQuery: "SELECT count(*) FROM articles a WHERE {SINCE}"
    )
}
