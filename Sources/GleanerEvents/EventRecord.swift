/// An actor or target of an event: who, as written and as resolved.
public struct EventActor: Sendable, Hashable, Codable {
    /// The words of the sentence, e.g. "Russian Foreign Minister Sergey Lavrov".
    public var text: String
    /// The canonical name, e.g. "Sergey Lavrov", "Russia".
    public var name: String
    /// ISO 3166 alpha-3 code, or nil.
    public var country: String?
    /// E.g. "Foreign Minister", or nil.
    public var role: String?
    /// What the party is, when known: a name no lexicon lists may still be typed by its context.
    public var kind: Kind?

    /// The types of party.
    public enum Kind: String, Sendable, Hashable, Codable {
        case person
        case organisation
        case place
        case country
        case group
    }

    public init(text: String, name: String, country: String?, role: String?, kind: Kind? = nil) {
        self.text = text
        self.name = name
        self.country = country
        self.role = role
        self.kind = kind
    }
}

/// Where an event took place.
public struct EventLocation: Sendable, Hashable, Codable {
    public var name: String
    public var country: String?

    public init(name: String, country: String?) {
        self.name = name
        self.country = country
    }
}

/// When an event took place: a resolved interval with its precision and the words it came from.
public struct EventDate: Sendable, Hashable, Codable {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`.
    public var start: String
    public var end: String
    /// `day`, `month` or `year`.
    public var precision: String
    /// As written, e.g. "February 23-24".
    public var text: String
    /// What a relative date was resolved against: `published` (a date the article states), `inferred` (estimated
    /// from its text) or `mtime` (its file's modification time, a guess).
    public var anchor: String

    public init(start: String, end: String, precision: String, text: String, anchor: String = "published") {
        self.start = start
        self.end = end
        self.precision = precision
        self.text = text
        self.anchor = anchor
    }
}

/// Whether the event happened, is planned, did not happen, or is only reported.
public enum Modality: String, Sendable, Hashable, Codable {
    case occurred
    case planned
    case negated
    case reported
}

/// The tense of a clause, used to resolve dates such as "in April".
public enum Tense: String, Sendable, Hashable {
    case past
    case present
    case future
}
