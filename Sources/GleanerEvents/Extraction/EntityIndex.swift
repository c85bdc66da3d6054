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
        /// Its place among the names of its first word, longest first: the order in which they are tried.
        var rank = 0
    }

    /// The names starting with one word: the name of that word alone, and whether longer ones start with it.
    struct FirstWord: Sendable {
        var single: Candidate?
        /// Longer names start with the word; they are in `byFirstTwoWords`.
        var startsLonger = false
    }

    /// Vocabulary number of a first word → the names starting with it. Built once from `names`.
    var byFirstWord: [FirstWord] = []
    /// The vocabulary numbers of a name's first two words (`pairKey`) → the names of two words or more starting
    /// with them, longest first: a look-up tries only the names whose second word is in the text.
    var byFirstTwoWords: [Int: [Candidate]] = [:]
    /// The words after the first of every name, one name after another.
    var laterWords: [Int] = []
    /// What each name names.
    var entryLists: [[EntityEntry]] = []

    /// The key of `byFirstTwoWords` for two vocabulary numbers.
    static func pairKey(_ first: Int, _ second: Int) -> Int { first << 32 | second }

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
        byFirstWord = Array(repeating: FirstWord(), count: vocabulary.count)
        for (first, names) in candidates {
            for (rank, name) in names.sorted(by: { $0.rest.count > $1.rest.count }).enumerated() {
                var candidate = name
                candidate.rank = rank
                if candidate.rest.isEmpty {
                    byFirstWord[first].single = candidate
                } else {
                    byFirstWord[first].startsLonger = true
                    byFirstTwoWords[Self.pairKey(first, laterWords[candidate.rest.lowerBound]), default: []].append(
                        candidate
                    )
                }
            }
        }
    }

    /// Whether some lexicon name starts with the word numbered `number`.
    func startsName(_ number: Int) -> Bool {
        number >= 0 && number < byFirstWord.count
            && (byFirstWord[number].single != nil || byFirstWord[number].startsLonger)
    }

    /// Whether every letter of the token is upper case (`!isLetter || isUppercase` for each character), read
    /// from the bytes when they are ASCII.
    static func hasNoLowerCaseLetter(_ token: Token) -> Bool {
        let text = token.text
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var noLowerCase = true
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte &- 0x61 < 26 { noLowerCase = false }
            }
            return noLowerCase
        }
        if let ascii, let ascii { return ascii }
        return text.allSatisfy { !$0.isLetter || $0.isUppercase }
    }

    /// The longest lexicon entry starting at `start`, as (entries, number of tokens). A possessive word ends
    /// a name ("Pakistan's"); a name from capitals-only aliases ("IS", "WHO") needs capitals in the text. The
    /// tokens carry their numbers in the vocabulary the index was built with.
    func longestMatch(_ tokens: [Token], at start: Int) -> ([EntityEntry], Int)? {
        guard start < tokens.count, tokens[start].kind == .word else { return nil }
        // The best candidate so far, as (index in `entryLists`, length).
        var best: (entries: Int, length: Int)?
        /// Whether `candidate` matches at `start`; it is then `best`.
        func accepts(_ candidate: Candidate) -> Bool {
            let length = candidate.rest.count + 1
            guard start + length <= tokens.count, length > best?.length ?? 0 else { return false }
            for offset in 0..<candidate.rest.count {
                // Fields read in place: copying a token would retain its strings.
                let word = laterWords[candidate.rest.lowerBound + offset]
                let position = start + 1 + offset
                let isLast = offset == candidate.rest.count - 1
                // The period of an abbreviated place ("Pa.") is the one punctuation mark a name holds.
                guard tokens[position].kind == .word || isLast && tokens[position].is(.period) else {
                    return false
                }
                guard tokens[position].number == word || isLast && tokens[position].bareNumber == word else {
                    return false
                }
            }
            if candidate.capitalsOnly, !tokens[start..<(start + length)].allSatisfy(Self.hasNoLowerCaseLetter) {
                return false
            }
            if candidate.capitalised, !tokens[start].isCapitalized { return false }
            best = (candidate.entries, length)
            return true
        }
        // The word as written ("people's" in "People's Republic"), or without its possessive ("Pakistan's"),
        // which then ends the name. The names are tried longest first; a longer one's second word is the next
        // token's (or, when it is the last word, that token without its possessive).
        func search(_ number: Int, possessiveEnds: Bool) {
            guard number >= 0, number < byFirstWord.count else { return }
            let first = byFirstWord[number]
            if !possessiveEnds, first.startsLonger, start + 1 < tokens.count {
                let second = tokens[start + 1].number
                let bareSecond = tokens[start + 1].bareNumber
                let written = second >= 0 ? byFirstTwoWords[Self.pairKey(number, second)] ?? [] : []
                let bare =
                    bareSecond >= 0 && bareSecond != second
                    ? byFirstTwoWords[Self.pairKey(number, bareSecond)] ?? [] : []
                // Both lists in the order of their ranks.
                var (i, j) = (0, 0)
                while i < written.count || j < bare.count {
                    let candidate: Candidate
                    if j == bare.count || i < written.count && written[i].rank < bare[j].rank {
                        candidate = written[i]
                        i += 1
                    } else {
                        candidate = bare[j]
                        j += 1
                    }
                    if accepts(candidate) { return }
                }
            }
            if let single = first.single { _ = accepts(single) }
        }
        search(tokens[start].number, possessiveEnds: false)
        if tokens[start].isPossessive { search(tokens[start].bareNumber, possessiveEnds: true) }
        return best.map { (entryLists[$0.entries], $0.length) }
    }
}
