extension ExportTable {
    /// One row per copy: the copy, its canonical article, and how alike they are.
    public static let duplicates = ExportTable(
        name: "duplicates",
        columns: [
            Column("id", .integer), Column("file", .text), Column("title", .text), Column("source", .text),
            Column("published", .text), Column("duplicate_of", .integer), Column("canonical_file", .text),
            Column("canonical_title", .text), Column("canonical_source", .text), Column("similarity", .real),
            Column("kind", .text),
        ],
        query: """
            SELECT a.id, f.name, a.title, a.source, a.published, a.duplicate_of, cf.name, c.title, c.source,
                   a.similarity, a.kind
            FROM articles a JOIN files f ON f.id = a.file_id
            JOIN articles c ON c.id = a.duplicate_of JOIN files cf ON cf.id = c.file_id
            WHERE a.duplicate_of IS NOT NULL AND {SINCE} ORDER BY a.id
            """,
        sinceCondition: "a.published >= ?",
        countQuery: "SELECT count(*) FROM articles a WHERE a.duplicate_of IS NOT NULL AND {SINCE}"
    )
}
