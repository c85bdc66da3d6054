import GleanerCore
import GleanerEvents

/// An article ready to store: the parsed article, the hash of its normalised text, and its near-duplicate
/// fingerprint (all computed outside the transaction, in parallel).
public struct PreparedArticle: Sendable, Hashable {
    public var article: Article
    /// SHA-256 of ``TextNormalizer/normalize(_:)`` of the text: equal hashes are exact duplicates.
    public var textHash: String
    public var fingerprint: DedupFingerprint
    /// The events the article reports (empty when extraction is off).
    public var events: [ExtractedEvent]
    /// Every temporal expression of the text, resolved against the publication date.
    public var times: [TemporalExpression]
    /// What the article is about, from its lead (nil when extraction is off or the lead has none).
    public var mainEvent: MainEvent?
    /// What decides its story: terms of its title and lead, the names its events give, its days.
    public var storyFeatures: StoryFeatures
    /// The `articles.main_event` and `articles.warnings` columns (JSON), encoded here, outside the transaction.
    let mainEventColumn: String?
    let warningsColumn: String?

    public init(
        article: Article,
        textHash: String,
        fingerprint: DedupFingerprint,
        events: [ExtractedEvent] = [],
        times: [TemporalExpression] = [],
        mainEvent: MainEvent? = nil
    ) {
        self.article = article
        self.textHash = textHash
        self.fingerprint = fingerprint
        self.events = events
        self.times = times
        self.mainEvent = mainEvent
        self.storyFeatures = StoryFeatures(
            article: article,
            entities: Self.entityNames(events: events, main: mainEvent)
        )
        self.mainEventColumn = MainEventColumn.encode(mainEvent)
        self.warningsColumn = WarningsColumn.encode(article.warnings)
    }

    /// The parties and places an article's events and main event name.
    static func entityNames(events: [ExtractedEvent], main: MainEvent?) -> [String] {
        var names: [String] = []
        for event in events {
            if let actor = event.actor { names.append(actor.name) }
            if let target = event.target { names.append(target.name) }
            if let location = event.location { names.append(location.name) }
        }
        if let who = main?.who { names.append(who.name) }
        if let place = main?.where { names.append(place.name) }
        return names
    }

    /// Normalises, hashes and fingerprints `article`, checks its publication date against its text (a
    /// contradicted modification time gives way to a date inferred from the text), finds its temporal
    /// expressions, and extracts its events when given an extractor.
    public init(_ article: Article, engine: DedupEngine, extractor: EventExtractor? = nil) {
        // The text is split into sentences once, for its dates, its events and its main event.
        let analysed = AnalysedText(article.text)
        let (dated, times) = ArticleDating.dated(article, analysed: analysed)
        let read = extractor?.eventsAndMainEvent(of: dated, times: times, analysed: analysed)
        self.init(
            article: dated,
            textHash: ContentHash.sha256Hex(text: TextNormalizer.normalize(article.text)),
            fingerprint: engine.fingerprint(title: article.title, text: article.text),
            events: read?.events ?? [],
            times: times,
            mainEvent: read?.mainEvent
        )
    }
}

/// One file's worth of work for ``ArticleStore/commit(_:)``.
public enum IngestItem: Sendable, Hashable {
    /// A file that parsed: its articles, and any JSON Lines lines that were rejected.
    case articles(FileIdentity, sha256: String, articles: [PreparedArticle], rejectedLines: [RejectedLine])
    /// A file that goes to quarantine. The hash is `nil` when the file could not be read.
    case rejected(FileIdentity, sha256: String?, Rejection)

    public var identity: FileIdentity {
        switch self {
        case .articles(let identity, _, _, _), .rejected(let identity, _, _): identity
        }
    }
}

/// What happened to a file, as stored in `files.outcome` and sent to the journal as `GLEANER_OUTCOME`.
public enum FileOutcome: String, Sendable, Hashable, Codable {
    /// At least one new (canonical) article.
    case ingested
    /// Every article in the file was a copy of one stored before.
    case duplicate
    /// Quarantined with a reason.
    case failed
}

/// One stored article of a committed file.
public struct StoredArticle: Sendable, Hashable {
    public var id: Int64
    public var title: String?
    /// The canonical article this one copies, or `nil` when it is new.
    public var duplicateOf: Int64?
    /// Exact Jaccard similarity or containment (1.0 for exact), for a duplicate.
    public var similarity: Double?
    /// `exact`, `near` or `contained`, for a duplicate.
    public var kind: DuplicateKind?

    public init(id: Int64, title: String?, duplicateOf: Int64?, similarity: Double? = nil, kind: DuplicateKind? = nil) {
        self.id = id
        self.title = title
        self.duplicateOf = duplicateOf
        self.similarity = similarity
        self.kind = kind
    }
}

/// The result of committing one ``IngestItem``.
public struct CommittedFile: Sendable, Hashable {
    public var fileID: Int64
    public var outcome: FileOutcome
    /// `true` when the file had been committed before (a replay after a crash): nothing new was stored.
    public var replayed: Bool
    public var articles: [StoredArticle]
    public var rejectedLines: Int
}
