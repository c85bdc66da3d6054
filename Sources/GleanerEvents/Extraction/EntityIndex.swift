/// What a run of words can name, according to the lexicon.
enum EntityEntry: Sendable, Hashable {
    case country(alpha3: String, name: String)
    case demonym(alpha3: String, countryName: String)
    case place(name: String, country: String?, isCapital: Bool)
    case organisation(name: String, country: String?)
    case person(name: String, country: String?, role: String?)
    case role(name: String)
    case title(expansion: String)
}

/// The lexicon's names as a map from lower-cased word sequences to what they name, for greedy longest-match
/// look-ups over a sentence's tokens.
struct EntityIndex: Sendable {
    var entries: [String: [EntityEntry]] = [:]
    var longest = 1
    /// Keys that only all-capital aliases produced ("IS", "WHO", "US"): they match only words written in
    /// capitals, so the verb "is" or the pronoun "who" never names an organisation.
    var capitalsOnly: Set<String> = []
    var anyCase: Set<String> = []

    init(lexicon: Lexicon) {
        func add(_ surface: String, _ entry: EntityEntry) {
            let words = Tokenizer.tokens(Substring(surface)).filter { $0.kind != .punctuation }.map(\.lower)
            guard !words.isEmpty else { return }
            let key = words.joined(separator: " ")
            if entries[key]?.contains(entry) != true { entries[key, default: []].append(entry) }
            let letters = surface.filter(\.isLetter)
            if letters.count <= 4, letters.allSatisfy(\.isUppercase) {
                if !anyCase.contains(key) { capitalsOnly.insert(key) }
            } else {
                anyCase.insert(key)
                capitalsOnly.remove(key)
            }
            longest = max(longest, words.count)
        }
        for country in lexicon.countries {
            for name in [country.name] + country.aliases {
                add(name, .country(alpha3: country.alpha3, name: country.name))
            }
            for demonym in country.demonyms {
                add(demonym, .demonym(alpha3: country.alpha3, countryName: country.name))
            }
            for capital in country.capitals {
                add(capital, .place(name: capital, country: country.alpha3, isCapital: true))
            }
        }
        for place in lexicon.places {
            for name in [place.name] + place.aliases {
                add(name, .place(name: place.name, country: place.country, isCapital: place.isCapital))
            }
        }
        for organisation in lexicon.organisations {
            for name in [organisation.name] + organisation.aliases {
                add(name, .organisation(name: organisation.name, country: organisation.country))
            }
        }
        for person in lexicon.people {
            for name in [person.name] + person.aliases {
                add(name, .person(name: person.name, country: person.country, role: person.role))
            }
        }
        for role in lexicon.roles {
            for form in [role.name] + role.forms { add(form, .role(name: role.name)) }
        }
        for title in lexicon.titles { add(title.form, .title(expansion: title.expansion)) }
    }

    /// The longest lexicon entry starting at `start`, as (entries, number of tokens).
    func longestMatch(_ tokens: [Token], at start: Int) -> ([EntityEntry], Int)? {
        var best: ([EntityEntry], Int)?
        var key = ""
        var length = 0
        var index = start
        while index < tokens.count, length < longest {
            let token = tokens[index]
            guard token.kind == .word || (token.kind == .punctuation && token.text == "." && length > 0) else { break }
            if token.kind == .word {
                let word = Self.stripPossessive(token.lower)
                key = key.isEmpty ? word : key + " " + word
                length += 1
                if let found = entries[key],
                    !capitalsOnly.contains(key) || token.text.filter(\.isLetter).allSatisfy(\.isUppercase)
                {
                    best = (found, index - start + 1)
                }
                // A possessive ends the name: "Pakistan's".
                if word != token.lower { break }
            }
            index += 1
        }
        return best
    }

    static func stripPossessive(_ word: String) -> String {
        if word.hasSuffix("'s") || word.hasSuffix("’s") { return String(word.dropLast(2)) }
        if word.hasSuffix("s'") || word.hasSuffix("s’") { return String(word.dropLast()) }
        return word
    }
}
