import GleanerCore

extension EventExtractor {
    /// Who the main event's lead names when no party is found in it: the name the title opens with, if the
    /// article also writes it inside a sentence ("Equifax Seized 138 Domains …" and "… said Equifax …"), else the
    /// lead's subject as a common noun when it names an agent ("A gunman killed …", "two subway work trains
    /// have collided": a noun in -er, -or, -ist, -man …, or a vehicle or body of people).
    func fallbackWho(of article: Article, lead: LeadSentence) -> EventActor? {
        titleName(of: article) ?? agentSubject(of: lead)
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
        // A single word the article also writes in lower case is a word, not a name ("Star", "From").
        let lowerCaseWords = EntityRecognizer.wordsInLowerCase(article.text)
        while count > 0 {
            let name = words.prefix(count).joined(separator: " ")
            defer { count -= 1 }
            guard Self.isWrittenInside(name, in: article.text), !Self.pronouns.contains(name.lowercased()),
                count > 1 || !lowerCaseWords.contains(name.lowercased())
            else { continue }
            // A country or place the title opens with ("US woman gets …") modifies its subject.
            if let tokens = Tokenizer.tokens(Substring(name), limit: 8, vocabulary: vocabulary),
                let (entries, end) = entities.longestMatch(tokens, at: 0), end == tokens.count,
                entries.contains(where: {
                    switch $0 {
                    case .country, .place, .demonym: true
                    default: false
                    }
                })
            {
                return nil
            }
            return EventActor(text: name, name: name, country: nil, role: nil)
        }
        return nil
    }

    /// Whether `name` appears in `text` after a lower-case letter or a comma and a space, and before a
    /// non-letter: written as a name inside a sentence, not only at its start.
    static func isWrittenInside(_ name: String, in text: String) -> Bool {
        var search = text[...]
        while let found = search.range(of: name) {
            let before = text[..<found.lowerBound].suffix(2)
            let after = text[found.upperBound...].first
            if before.count == 2, before.last == " ", before.first.map({ $0.isLowercase || $0 == "," }) == true,
                after.map({ !$0.isLetter }) ?? true
            {
                return true
            }
            search = text[found.upperBound...]
        }
        return false
    }

    /// The lead's subject as a common noun phrase naming an agent ("gunman", "subway work trains").
    func agentSubject(of sentence: LeadSentence) -> EventActor? {
        guard let tokens = sentence.tokens else { return nil }
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
        func isVerb(_ word: String) -> Bool {
            Self.auxiliaries.contains(word) || TenseMarkers.irregularPast.contains(word)
                || word.count >= 4 && word.hasSuffix("ed")
        }
        var end = start
        while end < tokens.count, end - start < 6, tokens[end].kind == .word, !isVerb(tokens[end].lower),
            !Self.nounPhraseEnds.contains(tokens[end].lower)
        {
            end += 1
        }
        // The head is the last word before the verb.
        guard end > start, end < tokens.count, isVerb(tokens[end].lower), Self.isAgentNoun(tokens[end - 1].lower)
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
        "thousands", "of", "at", "least", "more", "than",
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
