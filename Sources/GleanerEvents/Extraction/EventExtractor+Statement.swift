import GleanerCore

extension EventExtractor {
    /// A statement a lead sentence reports: who said it and the verb phrase ("said on Monday that Japan would
    /// shoot …"), read without a parser.
    struct Statement {
        var speaker: EventActor
        var what: String
        /// Where the reporting verb is in the sentence, in UTF-8 bytes from its start.
        var verbOffset: Int
    }

    /// Verbs that report what someone said: the news of a lead that opens "X said …" or ends "…, X said" is
    /// the statement.
    static let statementVerbs: Set<String> = [
        "said", "says", "told", "tells", "announced", "announces", "warned", "warns", "insisted", "insists",
        "claimed", "declared", "declares", "stated", "argued", "argues", "urged", "urges", "admitted", "admits",
        "confirmed", "confirms", "revealed", "reveals", "acknowledged", "acknowledges", "disclosed",
    ]

    /// The statement `sentence` reports: a named party right before a reporting verb, as its subject ("U.S.
    /// President Donald Trump said on Monday that …", "“…,” Mtetwa said."). A party after a preposition ("in
    /// Moscow said") or inside the quotation is not the speaker. The lead's tokens carry their numbers in the
    /// vocabulary, whose classes hold `statementVerbs`.
    func statement(in lead: LeadSentence) -> Statement? {
        guard let tokens = lead.tokens else { return nil }
        let sentence = lead.sentence
        let mentions = lead.mentions
        for verb in tokens.indices
        where verb > 0 && tokens[verb].startsLowerCase
            && vocabulary.classes(of: tokens[verb].number).contains(.statementVerb)
        {
            // "Equifax has admitted …": the speaker stands before the auxiliary.
            let subjectEnd = verb > 1 && ["has", "have", "had"].contains(tokens[verb - 1].lower) ? verb - 1 : verb
            let speaker: EventActor
            if let mention = mentions.first(where: { $0.tokens.upperBound == subjectEnd && $0.preposition == nil }) {
                speaker = mention.actor(countryNames: countryNames)
            } else if let span = Self.nameEnding(at: subjectEnd, in: tokens) {
                let text = tokens[span].map { String($0.text) }.joined(separator: " ")
                speaker = EventActor(text: text, name: text, country: nil, role: nil)
            } else {
                continue
            }
            var end = verb
            while end < tokens.count, end - verb < 8,
                tokens[end].kind != .punctuation || tokens[end].text == "’"
                    || tokens[end].text == "'"
            {
                end += 1
            }
            let what = tokens[verb..<end].map { String($0.text) }.joined(separator: " ")
            let verbOffset = sentence.text.utf8.distance(
                from: sentence.text.startIndex,
                to: tokens[verb].text.startIndex
            )
            return Statement(speaker: speaker, what: what, verbOffset: verbOffset)
        }
        return nil
    }

    /// Whether `event`'s trigger comes after the statement's reporting verb in its sentence: it is what was
    /// said ("Trump said Japan would shoot …").
    static func isReported(_ event: ExtractedEvent, by statement: Statement) -> Bool {
        guard let trigger = event.sentence.range(of: event.trigger) else { return false }
        return event.sentence.utf8.distance(from: event.sentence.startIndex, to: trigger.lowerBound)
            > statement.verbOffset
    }

    /// The run of capitalised words that ends right before token `end` ("Mtetwa", "Jane Doe"), not starting
    /// the sentence unless the article is a quotation's attribution: at most four words.
    static func nameEnding(at end: Int, in tokens: [Token]) -> Range<Int>? {
        var start = end
        while start > 0, end - start < 4, tokens[start - 1].kind == .word,
            tokens[start - 1].text.first?.isUppercase == true
        {
            start -= 1
        }
        guard start < end else { return nil }
        // A sentence-initial word ("The", "He") alone is no name, nor a day or month ("the agency Friday said").
        if start == 0, end - start == 1, tokens[0].lower.count < 3 { return nil }
        if end - start == 1, calendarWords.contains(tokens[start].lower) { return nil }
        if pronouns.contains(tokens[start].lower) { return nil }
        return start..<end
    }

    /// Days and months, capitalised but no speaker.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Words capitalised at the start of a sentence that name no one.
    static let pronouns: Set<String> = [
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "the", "officials", "authorities",
        "police", "critics", "analysts", "experts", "sources",
    ]
}
