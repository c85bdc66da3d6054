extension IngestItem {
    /// The warnings of the file's articles (metadata that could not be used), each prefixed with its line in a
    /// JSON Lines file (`line 3: date_publish: …`). Empty for a quarantined file.
    public var warnings: [String] {
        guard case .articles(_, _, let articles, _) = self else { return [] }
        return articles.flatMap { prepared in
            prepared.article.warnings.map { warning in prepared.article.line.map { "line \($0): \(warning)" } ?? warning
            }
        }
    }
}
