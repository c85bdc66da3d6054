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
    /// One lexicon name, by its key (its lower-cased words joined by spaces).
    struct Name: Sendable {
        var words: [String]
        var entries: [EntityEntry] = []
        /// Only all-capital aliases produced it ("IS", "WHO", "US"): it matches only words written in capitals,
        /// so the verb "is" or the pronoun "who" never names an organisation.
        var capitalsOnly = false
        var anyCase = false
        /// Only places produced it: it matches only when its first word is capitalised in the text, so that a
        /// town named like a word (the generated gazetteer leaves out "Bath" and "Mobile", but others slip
        /// through) is not found in lower-case prose.
        var onlyPlaces = true
    }

    /// Every name, found with one look-up per alias while indexing (tens of thousands of places).
    var names: [String: Name] = [:]
    var longest = 1
    var countryNames: [String: String] = [:]
    /// `role|alpha3` → the person of the lexicon holding that role in that country.
    var peopleByRoleAndCountry: [String: Lexicon.Person] = [:]

    /// Indexes the lexicon's names; their words are added to `vocabulary`, by which tokens are then matched.
    init(lexicon: Lexicon, vocabulary: inout Vocabulary) {
        func add(_ surface: String, _ entry: EntityEntry) {
            let isPlace: Bool
            if case .place = entry { isPlace = true } else { isPlace = false }
            let tokens = Tokenizer.tokens(Substring(surface))
            // A place abbreviated to one word ("Pa.", "Calif.") is found only with its period: without it, it is
            // a word or a name ("Mass", "La").
            let keepsPeriod = isPlace && tokens.count == 2 && tokens[1].text == "." && tokens[0].kind == .word
            let words = (keepsPeriod ? tokens : tokens.filter { $0.kind != .punctuation }).map(\.lower)
            guard !words.isEmpty else { return }
            let capitals = EntityIndex.isShortCapitals(surface)
            func update(_ name: inout Name) {
                if !name.entries.contains(entry) { name.entries.append(entry) }
                if !isPlace { name.onlyPlaces = false }
                if capitals {
                    if !name.anyCase { name.capitalsOnly = true }
                } else {
                    name.anyCase = true
                    name.capitalsOnly = false
                }
            }
            update(&names[words.joined(separator: " "), default: Name(words: words)])
            longest = max(longest, words.count)
        }
        for country in lexicon.countries { countryNames[country.alpha3] = country.name }
        for person in lexicon.people {
            if let role = person.role, let country = person.country, peopleByRoleAndCountry["\(role)|\(country)"] == nil
            {
                peopleByRoleAndCountry["\(role)|\(country)"] = person
            }
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
        buildFirstWordIndex(&vocabulary)
    }

    /// At most four letters, all capitals ("IS", "U.S."), counted without building a string of the letters.
    static func isShortCapitals(_ surface: String) -> Bool {
        var letters = 0
        for scalar in surface.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A { return false }
                guard value >= 0x41 && value <= 0x5A else { continue }
            } else {
                guard scalar.properties.isAlphabetic else { continue }
                if scalar.properties.isLowercase { return false }
            }
            letters += 1
            if letters > 4 { return false }
        }
        return true
    }

    /// A lexicon name indexed by its first word. Plain values, so that trying one costs no reference counting.
    struct Candidate: Sendable {
        /// Where the vocabulary numbers of the words after the first are in `laterWords`.
        var rest: Range<Int>
        /// Where what the name names is in `entryLists`.
        var entries: Int
        var capitalsOnly: Bool
        /// A place's name: its first word must be capitalised in the text.
        var capitalised: Bool
    }

    /// Vocabulary number of a first word → names starting with it, longest first. Built once from `names`.
    var byFirstWord: [[Candidate]] = []
    /// The words after the first of every name, one name after another.
    var laterWords: [Int] = []
    /// What each name names.
    var entryLists: [[EntityEntry]] = []

    mutating func buildFirstWordIndex(_ vocabulary: inout Vocabulary) {
        var candidates: [Int: [Candidate]] = [:]
        for name in names.values {
            let words = name.words.map { vocabulary.add($0) }
            laterWords.append(contentsOf: words.dropFirst())
            entryLists.append(name.entries)
            candidates[words[0], default: []].append(
                Candidate(
                    rest: (laterWords.count - (words.count - 1))..<laterWords.count,
                    entries: entryLists.count - 1,
                    capitalsOnly: name.capitalsOnly,
                    capitalised: name.onlyPlaces
                )
            )
        }
        byFirstWord = Array(repeating: [], count: vocabulary.count)
        for (first, names) in candidates {
            byFirstWord[first] = names.sorted { $0.rest.count > $1.rest.count }
        }
    }

    /// Whether some lexicon name starts with the word numbered `number`.
    func startsName(_ number: Int) -> Bool {
        number >= 0 && number < byFirstWord.count && !byFirstWord[number].isEmpty
    }

    /// The longest lexicon entry starting at `start`, as (entries, number of tokens). A possessive word ends
    /// a name ("Pakistan's"); a name from capitals-only aliases ("IS", "WHO") needs capitals in the text. The
    /// tokens carry their numbers in the vocabulary the index was built with.
    func longestMatch(_ tokens: [Token], at start: Int) -> ([EntityEntry], Int)? {
        guard start < tokens.count, tokens[start].kind == .word else { return nil }
        // The best candidate so far, as (index in `entryLists`, length).
        var best: (entries: Int, length: Int)?
        // The word as written ("people's" in "People's Republic"), or without its possessive ("Pakistan's"),
        // which then ends the name.
        func search(_ number: Int, possessiveEnds: Bool) {
            guard number >= 0, number < byFirstWord.count else { return }
            let candidates = byFirstWord[number]
            candidate: for candidate in candidates {
                let length = candidate.rest.count + 1
                guard start + length <= tokens.count, length > best?.length ?? 0 else { continue }
                if possessiveEnds, !candidate.rest.isEmpty { continue }
                for offset in 0..<candidate.rest.count {
                    // Fields read in place: copying a token would retain its strings.
                    let word = laterWords[candidate.rest.lowerBound + offset]
                    let position = start + 1 + offset
                    let isLast = offset == candidate.rest.count - 1
                    // The period of an abbreviated place ("Pa.") is the one punctuation mark a name holds.
                    guard tokens[position].kind == .word || isLast && tokens[position].lower == "." else {
                        continue candidate
                    }
                    guard tokens[position].number == word || isLast && tokens[position].bareNumber == word else {
                        continue candidate
                    }
                }
                if candidate.capitalsOnly,
                    !tokens[start..<(start + length)].allSatisfy({
                        $0.text.allSatisfy { !$0.isLetter || $0.isUppercase }
                    })
                {
                    continue
                }
                if candidate.capitalised, !tokens[start].isCapitalized { continue }
                best = (candidate.entries, length)
                break
            }
        }
        search(tokens[start].number, possessiveEnds: false)
        if tokens[start].isPossessive { search(tokens[start].bareNumber, possessiveEnds: true) }
        return best.map { (entryLists[$0.entries], $0.length) }
    }
}
