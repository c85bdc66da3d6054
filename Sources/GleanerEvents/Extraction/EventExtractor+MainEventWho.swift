import GleanerCore

extension EventExtractor {
    /// Who the main event's lead names when no party is found in it: the person the next sentences name when
    /// the lead describes its subject by a common noun ("A Pennsylvania woman says …" and "… Mary Horomanski
    /// said …"), else the speaker the title quotes ("…, police say", "…, says VW"), else the name the title opens
    /// with, if the article also writes it inside a sentence ("Equifax Seized 138 Domains …" and "… said Equifax
    /// …"), else the lead's subject as a common noun when it names an agent ("A gunman killed …", "two subway
    /// work trains have collided": a noun in -er, -or, -ist, -man …, or a vehicle or body of people).
    ///
    /// - Parameter following: the lead sentences after `lead`, with their tokens (``leadTokens(_:known:)``).
    func fallbackWho(of article: Article, lead: LeadSentence, following: [(Sentence, [Token]?)]) -> EventActor? {
        personNamedLater(lead: lead, following: following, articleText: article.text)
            ?? titleSpeaker(of: article)
            ?? titleName(of: article)
            ?? lead.tokens.flatMap { agentSubject(of: $0, presentTense: false) }
            ?? titleAgent(of: article)
    }

    /// The title's subject as a common noun naming an agent, after a label ("Germany: Rhine cruise ship hits
    /// bridge pylon"): headlines are in the present tense.
    func titleAgent(of article: Article) -> EventActor? {
        guard let title = article.title, title.utf8.count <= 300,
            var tokens = Tokenizer.tokens(Substring(title), limit: 80, vocabulary: vocabulary)
        else { return nil }
        if let colon = tokens.prefix(5).firstIndex(where: { $0.text == ":" }) { tokens.removeFirst(colon + 1) }
        return agentSubject(of: tokens, presentTense: true)
    }

    /// The person a lead describes by a common noun ("A Pennsylvania woman", "The gunman who …"), as the next
    /// two sentences name them: the first person named in full as the subject of a verb, perhaps after an age or
    /// a hometown, who holds no office (an official named next is a source, not the person described).
    func personNamedLater(lead: LeadSentence, following: [(Sentence, [Token]?)], articleText: String) -> EventActor? {
        guard let tokens = lead.tokens, Self.describesPerson(tokens) else { return nil }
        var finder = MentionFinder(index: entities, lexicon: lexicon, vocabulary: vocabulary, articleText: articleText)
        for (_, sentenceTokens) in following.prefix(2) {
            guard let sentenceTokens else { continue }
            for mention in finder.mentions(in: sentenceTokens)
            where mention.kind == .person && mention.role == nil && mention.preposition == nil
                && mention.tokens.count >= 2
            {
                // The verb may come after an age or a hometown ("Wei Li, 38, was …", "Mary Horomanski from
                // Erie, Pennsylvania, said …").
                var next = mention.tokens.upperBound
                while next < sentenceTokens.count, next - mention.tokens.upperBound < 6,
                    !Self.isFiniteVerb(sentenceTokens[next]),
                    [",", "from", "of"].contains(sentenceTokens[next].lower) || sentenceTokens[next].kind == .number
                        || sentenceTokens[next].text.first?.isUppercase == true
                {
                    next += 1
                }
                if next < sentenceTokens.count, Self.isFiniteVerb(sentenceTokens[next]) {
                    return mention.actor(countryNames: countryNames)
                }
            }
        }
        return nil
    }

    /// Whether the sentence opens with a common noun phrase for a person: a determiner, perhaps modifiers
    /// ("Pennsylvania", "young"), and a head such as "woman", "gunman" or "driver", before its verb or a
    /// preposition or relative pronoun.
    static func describesPerson(_ tokens: [Token]) -> Bool {
        guard let first = tokens.first, articles.contains(first.lower) else { return false }
        var end = 1
        while end < tokens.count, end < 6, tokens[end].kind == .word, !isFiniteVerb(tokens[end]),
            !nounPhraseEnds.contains(tokens[end].lower)
        {
            end += 1
        }
        return end > 1 && personHeads.contains(tokens[end - 1].lower)
    }

    /// A word that can be a finite verb: an auxiliary or modal, an irregular past, a reporting verb, or a
    /// lower-case word of four letters or more in -ed or -s (not -ss).
    static func isFiniteVerb(_ token: Token) -> Bool {
        let word = token.lower
        guard token.kind == .word, token.text.first?.isLowercase == true else { return false }
        if auxiliaries.contains(word) || TenseMarkers.irregularPast.contains(word) || statementVerbs.contains(word) {
            return true
        }
        return word.utf8.count >= 4 && (word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("ss"))
    }

    /// Nouns for a person the news describes before naming them.
    static let personHeads: Set<String> = [
        "man", "woman", "boy", "girl", "teenager", "teen", "gunman", "shooter", "suspect", "driver", "attacker",
        "killer", "mother", "father", "husband", "wife", "grandmother", "grandfather", "student", "resident",
        "pilot", "motorist", "cyclist", "pedestrian", "hiker", "worker", "employee", "customer", "passenger",
    ]

    /// The speaker a title quotes at its end: "…, police say", "…, FBI says", "…, says VW".
    func titleSpeaker(of article: Article) -> EventActor? {
        guard let title = article.title, title.utf8.count <= 300,
            var tokens = Tokenizer.tokens(Substring(title), limit: 80, vocabulary: vocabulary)
        else { return nil }
        while let last = tokens.last, last.kind == .punctuation { tokens.removeLast() }
        guard let comma = tokens.lastIndex(where: { $0.text == "," }), comma + 2 < tokens.count,
            tokens.count - comma <= 6
        else { return nil }
        let saying: Set<String> = ["says", "say", "said"]
        let speaker: ArraySlice<Token>
        if saying.contains(tokens[comma + 1].lower) {
            speaker = tokens[(comma + 2)...]
        } else if let last = tokens.last, saying.contains(last.lower) {
            speaker = tokens[(comma + 1)..<(tokens.count - 1)]
        } else {
            return nil
        }
        guard !speaker.isEmpty, speaker.allSatisfy({ $0.kind == .word }) else { return nil }
        let text = speaker.map { String($0.text) }.joined(separator: " ")
        return EventActor(text: text, name: text, country: nil, role: nil)
    }

    /// The longest run of capitalised words (at most four) that opens the title and that the body writes in
    /// the same capitals after a lower-case word or a comma.
    func titleName(of article: Article) -> EventActor? {
        guard let title = article.title, title.utf8.count <= 300 else { return nil }
        let words = title.split(separator: " ").prefix(4)
        var count = 0
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." })
            else { break }
            count += 1
        }
        guard count > 0 else { return nil }
        while count > 0 {
            let name = words.prefix(count).joined(separator: " ")
            defer { count -= 1 }
            // A single word the article also writes in lower case is a word, not a name ("Star", "From").
            guard Self.isWrittenInside(name, in: article.text), !Self.pronouns.contains(name.lowercased()),
                count > 1 || !EntityRecognizer.wordsInLowerCase(article.text).contains(name.lowercased())
            else { continue }
            // A country or place the title opens with modifies its subject ("US woman gets …"), unless a verb
            // follows ("Erie smashes snowfall record").
            if let tokens = Tokenizer.tokens(Substring(name), limit: 8, vocabulary: vocabulary),
                let (entries, end) = entities.longestMatch(tokens, at: 0), end == tokens.count,
                entries.contains(where: {
                    switch $0 {
                    case .country, .place, .demonym: true
                    default: false
                    }
                })
            {
                let next = count < words.count ? words[words.startIndex + count] : nil
                guard let next, let nextWord = Tokenizer.tokens(next, limit: 4, vocabulary: vocabulary)?.first,
                    Self.isFiniteVerb(nextWord)
                else { return nil }
            }
            return EventActor(text: name, name: name, country: nil, role: nil)
        }
        return nil
    }

    /// Whether `name` appears in `text` after a lower-case letter or a comma and a space, and before a
    /// non-letter: written as a name inside a sentence, not only at its start.
    static func isWrittenInside(_ name: String, in text: String) -> Bool {
        // Searched in the UTF-8 bytes (Foundation's search costs more than the rest of the main event); the
        // characters around a match are read as bytes when they are ASCII.
        let needle = Array(name.utf8)
        guard !needle.isEmpty else { return false }
        let utf8 = text.utf8
        func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard haystack.count >= needle.count + 2 else { return false }
            let head = needle[0]
            match: for start in 2...(haystack.count - needle.count) where haystack[start] == head {
                for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { continue match }
                guard haystack[start - 1] == 0x20 else { continue }
                let end = start + needle.count
                let previous = haystack[start - 2]
                let opensInside: Bool
                if previous < 0x80 {
                    opensInside = previous &- 0x61 < 26 || previous == UInt8(ascii: ",")
                } else {
                    let space = utf8.index(utf8.startIndex, offsetBy: start - 1)
                    opensInside = text[..<space].last?.isLowercase == true
                }
                guard opensInside else { continue }
                guard end < haystack.count else { return true }
                let next = haystack[end]
                if next < 0x80 {
                    if !EntityRecognizer.isLetter(next) { return true }
                } else if text[utf8.index(utf8.startIndex, offsetBy: end)...].first?.isLetter != true {
                    return true
                }
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }

    /// The lead's subject as a common noun phrase naming an agent ("gunman", "subway work trains").
    ///
    /// - Parameter presentTense: a verb in -s ends the subject too (a headline's "hits").
    func agentSubject(of tokens: [Token], presentTense: Bool) -> EventActor? {
        var start = 0
        // "Authorities say two subway trains have collided": a generic source's report; its clause has the agent.
        if tokens.count > 2, Self.genericSources.contains(tokens[0].lower),
            ["say", "says", "said"].contains(tokens[1].lower)
        {
            start = tokens[2].lower == "that" ? 3 : 2
        }
        while start < tokens.count, Self.phraseOpeners.contains(tokens[start].lower) || tokens[start].kind == .number {
            start += 1
        }
        func isVerb(_ token: Token) -> Bool {
            let word = token.lower
            return Self.auxiliaries.contains(word) || TenseMarkers.irregularPast.contains(word)
                || word.count >= 4 && word.hasSuffix("ed")
                || presentTense && Self.isFiniteVerb(token) && !Self.isAgentNoun(word)
        }
        var end = start
        while end < tokens.count, end - start < 6, tokens[end].kind == .word, !isVerb(tokens[end]),
            !Self.nounPhraseEnds.contains(tokens[end].lower)
        {
            end += 1
        }
        // The head is the last word before the verb.
        guard end > start, end < tokens.count, isVerb(tokens[end]), Self.isAgentNoun(tokens[end - 1].lower)
        else { return nil }
        let text = tokens[start..<end].map { String($0.text) }.joined(separator: " ")
        return EventActor(text: text, name: text, country: nil, role: nil)
    }

    /// A noun naming who or what acts: an agent suffix, or a vehicle or body of people.
    static func isAgentNoun(_ word: String) -> Bool {
        if agentNouns.contains(word) { return true }
        guard word.count >= 5, !notAgentNouns.contains(word) else { return false }
        return ["er", "ers", "or", "ors", "ist", "ists", "man", "men"].contains { word.hasSuffix($0) }
    }

    /// Words that open a subject noun phrase without being its content.
    static let phraseOpeners: Set<String> = [
        "a", "an", "the", "two", "three", "four", "five", "six", "several", "some", "many", "dozens", "hundreds",
        "thousands", "of", "at", "least", "more", "than", "small", "large", "growing", "number", "handful",
        "group", "majority",
    ]
    /// Words that end a subject noun phrase: prepositions, relative pronouns, conjunctions.
    static let nounPhraseEnds: Set<String> = [
        "in", "on", "at", "of", "from", "for", "with", "near", "by", "after", "who", "which", "that", "and", "or",
    ]
    /// Sources a report is attributed to without naming anyone.
    static let genericSources: Set<String> = [
        "authorities", "officials", "police", "witnesses", "reports", "sources", "investigators", "experts",
    ]
    /// Heads that act without an agent suffix.
    static let agentNouns: Set<String> = [
        "ship", "ships", "train", "trains", "plane", "planes", "jet", "jets", "bus", "truck", "car", "tram",
        "police", "army", "company", "firm", "bank", "court", "government", "regulator", "regulators", "agency",
        "hackers", "users", "owners", "customers", "residents", "students", "officials", "authorities", "storm",
    ]
    /// Words in -er, -or … that name no agent.
    static let notAgentNouns: Set<String> = [
        "number", "numbers", "water", "power", "paper", "matter", "letter", "order", "other", "others", "weather",
        "summer", "winter", "october", "november", "december", "september", "center", "centre", "border",
        "member", "minor", "major", "error", "floor", "door", "color", "colour", "manner", "woman", "women",
    ]
}
