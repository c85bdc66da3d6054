/// One news article as read from a file, before it is stored.
public struct Article: Sendable, Hashable {
    /// The headline, when the file gives one (header `Title:`, JSON `title`, or a title line).
    public var title: String?
    /// The body text, with the header block, dateline marker and title line removed.
    public var text: String
    /// The publication day and where it came from.
    public var published: PublicationDate
    public var url: String?
    /// The publisher, e.g. `dawn.com` (header `Source:` or JSON `source_domain`).
    public var source: String?
    /// An ISO 639-1 code when the file states one.
    public var language: String?
    /// The place named by a dateline (`ISLAMABAD:`), if any.
    public var datelinePlace: String?
    /// For JSON Lines files, the 1-based line the article came from.
    public var line: Int?
    /// Metadata that was present but could not be used, one sentence each, naming the field and its value:
    /// `date_publish: "yesterday afternoon" is not a date; used date_download (2017-05-31)`. The article is
    /// stored all the same.
    public var warnings: [String]

    public init(
        title: String?,
        text: String,
        published: PublicationDate,
        url: String? = nil,
        source: String? = nil,
        language: String? = nil,
        datelinePlace: String? = nil,
        line: Int? = nil,
        warnings: [String] = []
    ) {
        self.title = title
        self.text = text
        self.published = published
        self.url = url
        self.source = source
        self.language = language
        self.datelinePlace = datelinePlace
        self.line = line
        self.warnings = warnings
    }
}

/// A JSON Lines line that could not be read; the other lines of the file are still ingested.
public struct RejectedLine: Sendable, Hashable {
    /// 1-based line number.
    public var line: Int
    public var rejection: Rejection

    public init(line: Int, rejection: Rejection) {
        self.line = line
        self.rejection = rejection
    }
}

/// What one file holds: its articles, and for JSON Lines the lines that were rejected.
public struct ParsedFile: Sendable, Hashable {
    public var articles: [Article]
    public var rejectedLines: [RejectedLine]

    public init(articles: [Article], rejectedLines: [RejectedLine] = []) {
        self.articles = articles
        self.rejectedLines = rejectedLines
    }
}
