/// One event reported by a sentence: the `gleaner extract` record.
public struct ExtractedEvent: Sendable, Hashable, Codable {
    /// CAMEO event code, e.g. `042`.
    public var cameo: String
    /// Its two-digit root, e.g. `04`.
    public var root: String
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    public var actor: EventActor?
    public var target: EventActor?
    public var location: EventLocation?
    public var date: EventDate?
    public var modality: Modality
    /// The source sentence.
    public var sentence: String
    public var sentenceIndex: Int
    /// In [0, 1]: how complete and unambiguous the record is.
    public var confidence: Double
    /// UTF-8 offsets of the sentence in the article text.
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// The trigger words as written.
    public var trigger: String
}
