import GleanerCore

/// A temporal expression of an article, normalised like a TimeML TIMEX3 against the publication date.
public struct TemporalExpression: Sendable, Hashable, Codable {
    /// What a resolved value was computed against.
    public enum Anchor: String, Sendable, Hashable, Codable {
        /// The publication date the article (or its file's header, dateline or JSON) states.
        case published
        /// A publication date estimated from the article's text.
        case inferred
        /// The file's modification time: a guess.
        case mtime
    }

    /// The words, as written.
    public var text: String
    /// Where the words start, in UTF-8 bytes of the article body.
    public var offset: Int
    /// How many UTF-8 bytes they take.
    public var length: Int
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    public var type: Timex.Kind
    /// The TIMEX3 value, such as `2013-03-22`, `2013-W11`, `P3D` or `PRESENT_REF`.
    public var value: String
    public var anchor: Anchor

    public init(text: String, offset: Int, length: Int, type: Timex.Kind, value: String, anchor: Anchor) {
        self.text = text
        self.offset = offset
        self.length = length
        self.type = type
        self.value = value
        self.anchor = anchor
    }
}

extension TemporalExpression.Anchor {
    /// The anchor a publication date gives: its source says whether it was stated, inferred or guessed.
    public init(_ published: PublicationDate) {
        switch published.source {
        case .fileModificationTime: self = .mtime
        case .inferred: self = .inferred
        default: self = .published
        }
    }
}
