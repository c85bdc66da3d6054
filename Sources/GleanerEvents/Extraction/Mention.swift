/// A person, country, place or organisation named in a sentence, assembled from the lexicon and from
/// capitalisation ("Russian Foreign Minister Sergey Lavrov" is one mention: Sergey Lavrov, RUS, Foreign
/// Minister).
struct Mention: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case person
        case country
        case place
        case organisation
        /// A role without a name that could not be resolved ("the Russian president").
        case office
        /// People acting together, named by what they are ("Houthi rebels").
        case group
        /// A capitalised name whose context does not tell what it names.
        case name
    }

    /// Token indices in the sentence.
    var tokens: Range<Int>
    var kind: Kind
    var text: String
    var name: String
    var country: String?
    var role: String?
    /// For a place: the place itself (used as the event location).
    var place: EventLocation?
    /// Preceded by a preposition ("to Moscow", "in Beijing"): not a subject.
    var preposition: String?
    /// For a place: whether it is its country's capital, which stands for the country as an actor.
    var isCapital = false
    /// Named only by a role ("the premier", "the army chief") and resolved to a person named earlier.
    var byRoleOnly = false

    /// As an event actor or target: a capital city stands for its country ("Moscow" as an actor is Russia);
    /// another place is itself, in its country ("Erie" is Erie, USA, not the United States).
    func actor(countryNames: [String: String]) -> EventActor {
        Self.actor(
            text: text,
            name: name,
            country: country,
            role: role,
            kind: kind,
            isCapital: isCapital,
            countryNames: countryNames
        )
    }

    /// `mentions[index].actor(countryNames:)`, with the mention's fields read where it is stored: a method
    /// called on an array's element copies the whole mention (its seven strings retained, then released).
    static func actor(_ mentions: [Mention], _ index: Int, countryNames: [String: String]) -> EventActor {
        actor(
            text: mentions[index].text,
            name: mentions[index].name,
            country: mentions[index].country,
            role: mentions[index].role,
            kind: mentions[index].kind,
            isCapital: mentions[index].isCapital,
            countryNames: countryNames
        )
    }

    private static func actor(
        text: String,
        name: String,
        country: String?,
        role: String?,
        kind: Kind,
        isCapital: Bool,
        countryNames: [String: String]
    ) -> EventActor {
        if kind == .place, isCapital, let country, let countryName = countryNames[country] {
            return EventActor(text: text, name: countryName, country: country, role: nil, kind: .country)
        }
        return EventActor(text: text, name: name, country: country, role: role, kind: actorKind(of: kind))
    }

    /// The type of party the mention is, for the event record.
    var actorKind: EventActor.Kind? { Self.actorKind(of: kind) }

    private static func actorKind(of kind: Kind) -> EventActor.Kind? {
        switch kind {
        case .person, .office: .person
        case .country: .country
        case .place: .place
        case .organisation: .organisation
        case .group: .group
        case .name: nil
        }
    }
}
