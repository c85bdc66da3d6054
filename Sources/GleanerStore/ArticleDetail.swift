import GleanerEvents

/// One article in full, as `gleaner articles --id N` shows it: its metadata, its temporal expressions and the
/// events it reports.
public struct ArticleDetail: Sendable, Hashable, Codable {
    public var id: Int64
    /// The file it came from, as named in the inbox.
    public var file: String
    /// Its line in a JSON Lines file, or nil.
    public var line: Int?
    public var title: String?
    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a date inferred to the month or the year only.
    public var published: String
    /// Where the publication date came from: `header`, `dateline`, `json`, `download`, `modified`, `inferred`
    /// or `mtime`.
    public var publishedSource: String
    public var url: String?
    public var source: String?
    public var language: String?
    /// `ingested` for a canonical article, `duplicate` for a copy.
    public var outcome: String
    /// The canonical article this one copies, or nil.
    public var duplicateOf: Int64?
    /// Metadata the reader could not use, one sentence each (empty when there was none).
    public var warnings: [String]
    /// Every temporal expression of the text, in text order, resolved against the publication date (empty for
    /// an article stored by a version of Gleaner that did not keep them).
    public var times: [TemporalExpression]
    /// The merged events the article reports, in the order it first mentions them.
    public var events: [StoredEvent]
    /// What the article is about, from its lead; nil when none was found (or for an article stored before
    /// main events were kept).
    public var mainEvent: MainEvent?
}
