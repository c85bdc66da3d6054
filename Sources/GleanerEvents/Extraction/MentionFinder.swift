/// Finds the mentions of a sentence, remembering people across sentences of one article so that "Khan" or
/// "the premier" resolve to the person named earlier. Names the lexicon does not list are read by an
/// `EntityRecognizer`, which remembers them for the rest of the article.
struct MentionFinder {
    let index: EntityIndex
    let lexicon: Lexicon
    /// The vocabulary the tokens were numbered with; it holds the word lists below as classes.
    let vocabulary: Vocabulary
    /// People named so far in the article, most recent last.
    var people: [Mention] = []
    var recognizer: EntityRecognizer

    static let prepositions: Set<String> = [
        "in", "at", "to", "from", "with", "on", "for", "by", "between", "into", "towards", "toward", "against", "of",
        "via", "across", "near", "over", "about",
    ]
    /// Pronouns that refer back to the person named last.
    static let personalPronouns: Set<String> = ["he", "she"]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "former", "then"]
    /// Capitalised words that never start or continue a personal name.
    static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "and", "but", "or", "of", "to", "for", "with", "by", "after", "before",
        "last", "next", "this", "that", "these", "those", "his", "her", "its", "their", "he", "she", "it", "they",
        "we", "i", "you", "according", "meanwhile", "however", "also", "now", "since", "during", "while", "if",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "read", "must", "more", "said", "says", "will", "would", "has", "have", "had", "is", "was", "are", "were",
        "first", "second", "third", "minister", "president", "prime", "foreign", "state", "government", "war",
        "cold", "joint", "military", "commission", "project", "pipeline", "olympics", "winter", "games", "west",
        "east", "north", "south", "prophet", "covid", "tribune", "media", "news", "office", "ministry", "army",
    ]

    /// Nouns after a demonym that make the country the party whose act it is: "an Indian proposal" is India's.
    static let proposalNouns: Set<String> = [
        "proposal", "proposals", "plan", "plans", "offer", "offers", "ultimatum", "demand", "demands", "request",
        "requests", "initiative", "initiatives", "resolution", "bid", "appeal", "appeals", "call", "calls",
        "changes", "accusations", "allegations", "claims", "charges", "warning", "warnings", "threats", "ban",
        "sanctions", "invitation", "peace", "terms", "conditions", "draft", "position", "stance", "policy",
    ]

    /// Nouns after a demonym that make the country the actor.
    static let groupNouns: Set<String> = [
        "delegation", "delegations", "government", "officials", "official", "authorities", "forces", "troops",
        "military", "army", "navy", "leadership", "leaders", "diplomats", "negotiators", "side", "team", "media",
        "police", "soldiers", "companies", "firms", "investors", "embassy", "administration", "lawmakers",
        "parliament", "rebels", "militants", "fighters", "insurgents", "protesters", "protestors", "demonstrators",
        "separatists", "militiamen", "gunmen", "guerrillas", "guerillas", "prisoners", "refugees", "landowners",
        "farmers", "workers", "students", "villagers", "residents", "citizens", "nationals", "fishermen", "youths",
        "tanks", "helicopters", "warplanes", "jets", "warships", "gunboats", "artillery", "guards", "commandos",
        "paratroopers", "peacekeepers", "negotiator", "ministers", "legislators", "deputies", "judges", "court",
        "courts", "opposition", "cabinet", "parliamentarians", "activists", "businessman", "businessmen",
    ]

    /// A finder for one article; `articleText` tells the recogniser which words the article capitalises
    /// inside sentences.
    init(index: EntityIndex, lexicon: Lexicon, vocabulary: Vocabulary, articleText: String? = nil) {
        self.index = index
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        recognizer = EntityRecognizer(index: index, vocabulary: vocabulary, articleText: articleText)
    }

    mutating func mentions(in tokens: [Token]) -> [Mention] {
        var mentions: [Mention] = []
        // Room for the mentions of most sentences, rather than growing one by one.
        mentions.reserveCapacity(8)
        var position = 0
        var isHeadline: Bool?
        recognizer.rejectedUntil = 0
        while position < tokens.count {
            // Most tokens start no mention: they are passed over without moving an optional one about.
            if canStartPhrase(tokens, at: position), let mention = phrase(tokens, at: position) {
                position = record(mention, tokens, in: &mentions)
                continue
            }
            if tokens[position].kind == .word, tokens[position].isCapitalized {
                if isHeadline == nil { isHeadline = EntityRecognizer.isHeadline(tokens, vocabulary: vocabulary) }
                if isHeadline == false, let mention = recognised(tokens, at: position) {
                    position = record(mention, tokens, in: &mentions)
                    continue
                }
            }
            position += 1
        }
        return mentions
    }

    /// Adds `mention` to `mentions`, with the preposition before it, and to `people` when it names a person;
    /// returns the token after it. The mention is completed where it is stored, not copied on the way there.
    private mutating func record(_ mention: consuming Mention, _ tokens: [Token], in mentions: inout [Mention]) -> Int {
        let span = mention.tokens
        let isPerson = mention.kind == .person
        mentions.append(mention)
        let last = mentions.count - 1
        let start = span.lowerBound
        if start > 0, vocabulary.classes(of: tokens[start - 1].number).contains(.preposition) {
            mentions[last].preposition = vocabulary.asciiString(tokens[start - 1].number) ?? tokens[start - 1].lower
        }
        if isPerson { people.append(mentions[last]) }
        return span.upperBound
    }

    /// Whether `phrase(_:at:)` can find anything at token `position`: a determiner, a pronoun, or the first word of a
    /// lexicon name (as written, or without its possessive). Any other token starts no phrase, so the look-ups
    /// are skipped.
    func canStartPhrase(_ tokens: [Token], at position: Int) -> Bool {
        // Fields read in place: copying a token would retain its strings.
        let number = tokens[position].number
        let bareNumber = tokens[position].bareNumber
        if vocabulary.classes(of: number).contains(.determiner) { return true }
        if index.startsName(number) { return true }
        if bareNumber != number, index.startsName(bareNumber) { return true }
        return vocabulary.classes(of: number).contains(.personalPronoun)
    }

    /// One noun phrase naming an actor starting at `start`:
    /// `[the] [demonym] [role…] [of Country] [,] [Name]`, or a lexicon name, or a pronoun.
    mutating func phrase(_ tokens: [Token], at start: Int) -> Mention? {
        var position = start
        while position < tokens.count, vocabulary.classes(of: tokens[position].number).contains(.determiner) {
            position += 1
        }
        // Without a lexicon name where the determiners end there are no modifiers and no name: only a pronoun.
        let firstMatch = position < tokens.count ? index.longestMatch(tokens, at: position) : nil
        guard firstMatch != nil else { return pronoun(tokens, at: start) }
        var country: String?
        var roles: [String] = []
        var consumed = position
        // The name usually starts where the modifiers end: the last look-up is kept for it.
        var lastLookUp: (position: Int, match: ([EntityEntry], Int)?) = (position, firstMatch)
        func longestMatch(at position: Int) -> ([EntityEntry], Int)? {
            if lastLookUp.position == position { return lastLookUp.match }
            let match = index.longestMatch(tokens, at: position)
            lastLookUp = (position, match)
            return match
        }
        // Modifiers: demonyms, roles and titles, in any order ("Russian Foreign Minister", "General").
        while position < tokens.count, let (entries, length) = longestMatch(at: position) {
            if let demonym = entries.firstDemonym, country == nil {
                country = demonym
            } else if let role = entries.firstRole {
                roles.append(role)
            } else {
                break
            }
            position += length
            consumed = position
        }
        // "Prime Minister of Pakistan"
        if !roles.isEmpty, position + 1 < tokens.count, tokens[position].is(.of),
            let (entries, length) = longestMatch(at: position + 1), let named = entries.firstCountry
        {
            country = country ?? named
            position += 1 + length
            consumed = position
        }
        // ", Imran Khan," — an apposition after a role.
        var nameStart = position
        if !roles.isEmpty, nameStart < tokens.count, tokens[nameStart].is(.comma), nameStart + 1 < tokens.count,
            tokens[nameStart + 1].isCapitalized
        {
            nameStart += 1
        }
        // A name: from the lexicon, or capitalised words after a role or title.
        if nameStart < tokens.count, let (entries, length) = longestMatch(at: nameStart) {
            if let person = entries.firstPerson {
                return personMention(
                    tokens,
                    start: start,
                    end: nameStart + length,
                    name: person.name,
                    country: country ?? person.country,
                    role: roles.last ?? person.role
                )
            }
            if roles.isEmpty, country == nil || entries.firstCountry == nil {
                if let named = entries.firstCountry {
                    return Mention(
                        tokens: start..<(nameStart + length),
                        kind: .country,
                        text: text(tokens, start..<(nameStart + length)),
                        name: countryName(named),
                        country: named
                    )
                }
                if let place = entries.firstPlace {
                    let range = start..<(nameStart + length)
                    return Mention(
                        tokens: range,
                        kind: .place,
                        text: text(tokens, range),
                        name: place.name,
                        country: place.country,
                        place: EventLocation(name: place.name, country: place.country),
                        isCapital: place.isCapital
                    )
                }
                if let organisation = entries.firstOrganisation {
                    let range = start..<(nameStart + length)
                    return Mention(
                        tokens: range,
                        kind: .organisation,
                        text: text(tokens, range),
                        name: organisation.name,
                        country: organisation.country ?? country
                    )
                }
            }
        }
        if !roles.isEmpty {
            var end = nameStart
            while end < tokens.count, end - nameStart < 4, tokens[end].kind == .word, tokens[end].isCapitalized,
                !vocabulary.classes(of: tokens[end].bareNumber).contains(.notName),
                longestMatch(at: end) == nil
            {
                end += 1
                if tokens[end - 1].isPossessive { break }
            }
            if end > nameStart {
                let name = tokens[nameStart..<end].map { Token.strippingPossessive(String($0.text)) }
                    .joined(separator: " ")
                return personMention(tokens, start: start, end: end, name: name, country: country, role: roles.last)
            }
            // A role alone: the person of that role named earlier, or the office itself.
            let role = roles.last!
            let range = start..<consumed
            if let earlier = people.last(where: { $0.role == role && (country == nil || $0.country == country) }) {
                return Mention(
                    tokens: range,
                    kind: .person,
                    text: text(tokens, range),
                    name: earlier.name,
                    country: earlier.country,
                    role: role,
                    byRoleOnly: true
                )
            }
            // The article is checked first: the look-up builds its key.
            if let country, tokens[start].is(.the) || start > 0 && tokens[start - 1].is(.the),
                let known = index.peopleByRoleAndCountry["\(role)|\(country)"]
            {
                return Mention(
                    tokens: range,
                    kind: .person,
                    text: text(tokens, range),
                    name: known.name,
                    country: country,
                    role: role,
                    byRoleOnly: true
                )
            }
            guard country != nil else { return nil }
            return Mention(
                tokens: range,
                kind: .office,
                text: text(tokens, range),
                name: "\(countryName(country!)) \(role)",
                country: country,
                role: role
            )
        }
        if let country, consumed > start, roles.isEmpty, consumed < tokens.count,
            vocabulary.classes(of: tokens[consumed].bareNumber).contains(.groupNoun)
        {
            // "a Russian delegation", "Pakistani officials": the country acting.
            let range = start..<(consumed + 1)
            return countryMention(tokens, range, country)
        }
        if let country, consumed > start, roles.isEmpty, consumed < tokens.count,
            Self.proposalNouns.contains(tokens[consumed].bare)
        {
            // "rejected an Indian proposal", "an Australian ultimatum": the country whose proposal it is.
            let range = start..<consumed
            return countryMention(tokens, range, country)
        }
        if let country, consumed > start {
            // A demonym used as a noun phrase head ("Pakistani leadership" is not an actor; "Pakistanis" is).
            let range = start..<consumed
            guard tokens[consumed - 1].lowerHasSuffix("s"),
                tokens.count == consumed || tokens[consumed].kind != .word || !tokens[consumed].isCapitalized
            else { return nil }
            return countryMention(tokens, range, country)
        }
        return pronoun(tokens, at: start)
    }

    /// A name the lexicon does not list, at `start`; a bare surname resolves to the person named earlier.
    mutating func recognised(_ tokens: [Token], at start: Int) -> Mention? {
        guard var mention = recognizer.entity(in: tokens, at: start) else { return nil }
        let range = mention.tokens
        if mention.kind == .person || mention.kind == .name && range.count == 1 && !hasSpace(mention.name) {
            let surname = mention.name
            if mention.kind == .person
                || people.contains(where: { Self.isSurname(surname, of: $0.name) })
            {
                mention = personMention(
                    tokens,
                    start: range.lowerBound,
                    end: range.upperBound,
                    name: mention.name,
                    country: mention.country,
                    role: mention.role
                )
            }
        }
        return mention
    }

    /// "he" or "she" at `start`: the last person named.
    func pronoun(_ tokens: [Token], at start: Int) -> Mention? {
        // "he" and "she" are the words of the class, by which the tokens' numbers are looked up.
        guard vocabulary.classes(of: tokens[start].number).contains(.personalPronoun), let last = people.last else {
            return nil
        }
        return Mention(
            tokens: start..<(start + 1),
            kind: .person,
            text: String(tokens[start].text),
            name: last.name,
            country: last.country,
            role: last.role
        )
    }

    mutating func personMention(
        _ tokens: [Token],
        start: Int,
        end: Int,
        name: String,
        country: String?,
        role: String?
    ) -> Mention {
        // A surname alone ("Khan") resolves to the full name used earlier in the article.
        var name = name
        var country = country
        var role = role
        if !hasSpace(name),
            let earlier = people.last(where: { Self.isSurname(name, of: $0.name) })
        {
            name = earlier.name
            country = country ?? earlier.country
            role = role ?? earlier.role
        } else if let earlier = people.last(where: { $0.name == name }) {
            country = country ?? earlier.country
            role = role ?? earlier.role
        }
        return Mention(
            tokens: start..<end,
            kind: .person,
            text: text(tokens, start..<end),
            name: name,
            country: country,
            role: role
        )
    }

    /// Whether `surname` is the last word of `name`, its words split at spaces (`split(separator: " ")`):
    /// answered from the bytes, without building the words, when the name is ASCII.
    static func isSurname(_ surname: String, of name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return name.split(separator: " ").last.map(String.init) == surname
        }
        var end = bytes.endIndex
        var start = end
        var sawWord = false
        for index in bytes.indices.reversed() {
            if bytes[index] == 0x20 {
                if sawWord { break }
                end = index
                start = index
            } else {
                sawWord = true
                start = index
            }
        }
        // No word: `split` finds none, and nil is no surname.
        return sawWord && name[start..<end] == surname
    }

    /// `name.contains(" ")`, answered from the bytes when the name is ASCII.
    func hasSpace(_ name: String) -> Bool {
        var space = false
        for byte in name.utf8 {
            if byte >= 0x80 { return name.contains(" ") }
            if byte == 0x20 { space = true }
        }
        return space
    }

    /// A country named by the words of `range` ("a Russian delegation", "Pakistanis").
    func countryMention(_ tokens: [Token], _ range: Range<Int>, _ country: String) -> Mention {
        Mention(tokens: range, kind: .country, text: text(tokens, range), name: countryName(country), country: country)
    }

    func text(_ tokens: [Token], _ range: Range<Int>) -> String {
        Token.string(tokens, range)
    }

    func countryName(_ alpha3: String) -> String {
        index.countryNames[alpha3] ?? alpha3
    }
}

extension Array where Element == EntityEntry {
    var firstDemonym: String? {
        for entry in self { if case .demonym(let alpha3, _) = entry { return alpha3 } }
        return nil
    }
    var firstRole: String? {
        for entry in self {
            if case .role(let name) = entry { return name }
            if case .title(let expansion) = entry { return expansion }
        }
        return nil
    }
    var firstCountry: String? {
        for entry in self { if case .country(let alpha3, _) = entry { return alpha3 } }
        return nil
    }
    var firstPerson: (name: String, country: String?, role: String?)? {
        for entry in self { if case .person(let name, let country, let role) = entry { return (name, country, role) } }
        return nil
    }
    var firstPlace: (name: String, country: String?, isCapital: Bool)? {
        for entry in self {
            if case .place(let name, let country, let isCapital) = entry { return (name, country, isCapital) }
        }
        return nil
    }
    var firstOrganisation: (name: String, country: String?)? {
        for entry in self { if case .organisation(let name, let country) = entry { return (name, country) } }
        return nil
    }
}
