import GleanerCore

extension EventExtractor {
    /// How many body sentences the lead has: the main event is read from them.
    static let leadSentences = 3
    /// A lead "sentence" longer than this (in UTF-8 bytes) is a run-on or a blob, not read for a subject.
    static let longestLeadSentence = 4_000

    /// The article's main event: among the coded events of its lead, the one placed earliest and best
    /// supported (an actor named, a target, repeated in the title); without one, the lead's first sentence read
    /// as subject and verb phrase. Its date is the event's own, else the first date of its sentence or of the lead,
    /// else the first day the article names in the week before publication, else the publication day and the day
    /// before; its place the event's, else the first place of the lead, else the dateline's.
    ///
    /// - Parameters:
    ///   - events: the article's events (``extract(from:)``).
    ///   - times: its temporal expressions (``TimexTagger``), for the date when the event has none.
    public func mainEvent(of article: Article, events: [ExtractedEvent], times: [TemporalExpression]) -> MainEvent? {
        mainEvent(of: article, events: events, times: times, analysed: AnalysedText(article.text))
    }

    /// `mainEvent(of:events:times:)` with the article's text already split into sentences (`analysed`, made from
    /// `article.text`), as its events were extracted.
    public func mainEvent(
        of article: Article,
        events: [ExtractedEvent],
        times: [TemporalExpression],
        analysed: AnalysedText
    ) -> MainEvent? {
        mainEvent(of: article, events: events, times: times, analysed: analysed, leadTokens: [])
    }

    /// `mainEvent(of:events:times:analysed:)` given the tokens the events were read from, of the first body
    /// sentences (`extractWithLeadTokens`): a lead sentence read as it was for its events is not tokenised again.
    func mainEvent(
        of article: Article,
        events: [ExtractedEvent],
        times: [TemporalExpression],
        analysed: AnalysedText,
        leadTokens known: [[Token]?]
    ) -> MainEvent? {
        assert(analysed.text == article.text, "the analysed text is not the article's")
        let sentences = Array(analysed.bodySentences.prefix(Self.leadSentences))
        guard !sentences.isEmpty else { return nil }
        let title = article.title?.lowercasedFromBytes ?? ""
        // A photo caption that opens the text is not its news ("X testifies … (Photo by …)").
        let captions = Self.captions(in: sentences)
        // The lead is tokenised once, and each sentence read alone is read once, for all the readings below.
        let tokens = sentences.indices.map {
            leadTokens(sentences[$0], known: $0 < known.count ? .some(known[$0]) : nil)
        }
        let readable = sentences.indices.filter { !captions.contains($0) }
        guard let firstReadable = readable.first else { return nil }
        // A line without a verb ("GameSpot", a kicker) labels the story; the lead opens after it.
        let opening =
            readable.first {
                subjectAndVerb(of: LeadSentence(sentence: sentences[$0], tokens: tokens[$0], mentions: [])) != nil
            } ?? firstReadable

        // The events are read in place, by index, and only the best is copied: a copy retains all its strings.
        var bestIndex: (score: Double, index: Int)?
        for index in events.indices
        where events[index].sentenceIndex < Self.leadSentences && events[index].modality != .negated
            && !captions.contains(events[index].sentenceIndex)
        {
            var score = [1.0, 0.75, 0.55][events[index].sentenceIndex]
            let actor = events[index].actor?.name
            score *= actor == nil ? 0.4 : 1
            if events[index].target != nil { score *= 1.1 }
            if events[index].modality == .reported { score *= 0.9 }
            if let actor, title.contains(actor.lowercasedFromBytes) { score *= 1.2 }
            // A party acting in several events of the article is what it is about.
            if let actor {
                var repeats = 0
                for other in events.indices
                where events[other].actor?.name == actor || events[other].target?.name == actor {
                    repeats += 1
                }
                score *= 1 + 0.05 * Double(min(repeats - 1, 4))
            }
            if bestIndex == nil || score > bestIndex!.score { bestIndex = (score, index) }
        }
        let best = bestIndex.map { (score: $0.score, event: events[$0.index]) }

        let leadPosition = best?.event.sentenceIndex ?? opening
        let lead = sentences[leadPosition]
        var openingFinder = MentionFinder(
            index: entities,
            lexicon: lexicon,
            vocabulary: vocabulary,
            articleText: article.text
        )
        let openingMentions = tokens[opening].map { openingFinder.mentions(in: $0) } ?? []
        let leadReading: LeadSentence
        if leadPosition == opening {
            leadReading = LeadSentence(sentence: lead, tokens: tokens[opening], mentions: openingMentions)
        } else {
            let leadTokens = tokens[leadPosition]
            var finder = MentionFinder(
                index: entities,
                lexicon: lexicon,
                vocabulary: vocabulary,
                articleText: article.text
            )
            leadReading = LeadSentence(
                sentence: lead,
                tokens: leadTokens,
                mentions: leadTokens.map { finder.mentions(in: $0) } ?? []
            )
        }
        let openingReading = LeadSentence(
            sentence: sentences[opening],
            tokens: tokens[opening],
            mentions: openingMentions
        )
        let when = mainEventDate(
            own: best?.event.date,
            of: article,
            times: times,
            lead: sentences,
            captions: captions,
            eventSentence: lead,
            planned: best?.event.modality == .planned
        )
        let place =
            best?.event.location
            ?? firstPlace(
                in: tokens.indices.map { captions.contains($0) ? nil : tokens[$0] },
                opening: opening,
                openingMentions: openingMentions,
                finder: openingFinder
            )
            ?? datelinePlace(of: article, dateline: analysed.dateline)

        // A lead that reports a statement ("X said …", "“…,” X said") is about the statement: its speaker is
        // who, unless the coded event is the speaker's own and comes before the reporting verb.
        // The first sentence's statement also wins over a coded event of a later sentence, or one without an
        // actor ("Boris Johnson said he was horrified by a shooting …" / "The attack is the worst …").
        let leadStatement = statement(in: leadReading)
        let openingStatement = lead.index == opening ? leadStatement : statement(in: openingReading)
        let chosen: (Statement, Sentence)? =
            if let best, let leadStatement, best.event.actor == nil || Self.isReported(best.event, by: leadStatement) {
                (leadStatement, lead)
            } else if let openingStatement,
                best == nil || best!.event.actor == nil || best!.event.sentenceIndex > opening
            {
                (openingStatement, sentences[opening])
            } else {
                nil
            }
        if let (statement, sentence) = chosen {
            return MainEvent(
                who: statement.speaker,
                what: statement.what,
                whom: nil,
                cameo: nil,
                when: when,
                where: place,
                sentenceIndex: sentence.index
            )
        }
        if let event = best?.event {
            // A coded event whose actor is no lexicon entry: the lead's subject, named as written.
            let who =
                event.actor.flatMap { $0.kind == .place ? nil : $0 }
                ?? subjectAndVerb(of: leadReading).flatMap(\.0)
                ?? fallbackWho(
                    of: article,
                    lead: leadReading,
                    following: Array(zip(sentences, tokens).dropFirst(leadPosition + 1))
                )
            // A state acting where nothing else is named acts at home ("North Korea fired a missile").
            let home = who.flatMap { actor in
                actor.kind == .country ? actor.country.map { EventLocation(name: actor.name, country: $0) } : nil
            }
            return MainEvent(
                who: who,
                what: event.trigger,
                whom: event.target,
                cameo: event.cameo,
                when: when,
                where: place ?? home,
                sentenceIndex: event.sentenceIndex
            )
        }
        guard let (who, what) = subjectAndVerb(of: leadReading) else { return nil }
        return MainEvent(
            who: who
                ?? fallbackWho(
                    of: article,
                    lead: leadReading,
                    following: Array(zip(sentences, tokens).dropFirst(leadPosition + 1))
                ),
            what: what,
            whom: nil,
            cameo: nil,
            when: when,
            where: place,
            sentenceIndex: lead.index
        )
    }

    /// A lead that names no date reports what happened on the publication day or the day before (a wire story
    /// of the evening, published the next morning): that span, or the publication date's own period when it is
    /// known only to the month or year.
    static func reportingDays(_ published: PublicationDate, anchor: String) -> EventDate {
        guard published.precision == .day else {
            return EventDate(
                start: published.description,
                end: published.description,
                precision: published.precision.rawValue,
                text: "",
                anchor: anchor
            )
        }
        let day = CivilCalendar.days(year: published.year, month: published.month, day: published.day)
        let before = CivilCalendar.civil(day - 1)
        let start = PublicationDate(year: before.year, month: before.month, day: before.day, source: published.source)
        return EventDate(
            start: start.description,
            end: published.description,
            precision: "day",
            text: "",
            anchor: anchor
        )
    }

    /// Days from the day `earlier` (`YYYY-MM-DD…`) to the day `later`.
    static func daysBetween(_ earlier: String, _ later: String) -> Int? {
        func day(_ value: String) -> Int? {
            let parts = value.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, CivilCalendar.isValid(year: parts[0], month: parts[1], day: parts[2]) else {
                return nil
            }
            return CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2])
        }
        guard let first = day(earlier), let second = day(later) else { return nil }
        return second - first
    }

    static func precision(_ value: String) -> String {
        switch value.count {
        case 4: "year"
        case 7: "month"
        default: "day"
        }
    }

    /// The first place named in the lead: a place or a country after a preposition of place ("in Germany",
    /// "near Duisburg", "at a concert in Las Vegas"), else a place named as a modifier ("a Las Vegas concert",
    /// "the Erie area").
    ///
    /// - Parameters:
    ///   - lead: the tokens of each lead sentence (``leadTokens(_:known:)``).
    ///   - openingMentions: the mentions of the first sentence, found by `finder` before it is passed.
    ///   - finder: the article's finder after the first sentence, which reads the others on.
    func firstPlace(
        in lead: [[Token]?],
        opening: Int,
        openingMentions: [Mention],
        finder: MentionFinder
    ) -> EventLocation? {
        var finder = finder
        var modifier: EventLocation?
        for (position, tokens) in lead.enumerated() {
            guard let tokens else { continue }
            for mention in position == opening ? openingMentions : finder.mentions(in: tokens) {
                if let place = mention.place, mention.preposition != nil { return place }
                if mention.kind == .country, let country = mention.country,
                    let preposition = mention.preposition, Self.prepositionsOfPlace.contains(preposition)
                {
                    return EventLocation(name: countryNames[country] ?? mention.name, country: country)
                }
                // "a Las Vegas concert", "two New York City subway trains", "the Erie, Pennsylvania, resident": a
                // determiner or a number before, a noun after (and the comma that closes a town's region).
                let first = mention.tokens.lowerBound
                var after = mention.tokens.upperBound
                if after < tokens.count, tokens[after].text == ",", mention.text.contains(",") { after += 1 }
                if modifier == nil, let place = mention.place, after < tokens.count,
                    Self.articles.contains(tokens[first].lower)
                        || first > 0
                            && (Self.articles.contains(tokens[first - 1].lower) || tokens[first - 1].kind == .number
                                || Self.numberWords.contains(tokens[first - 1].lower)),
                    tokens[after].kind == .word,
                    tokens[after].text.first?.isLowercase == true
                {
                    modifier = place
                }
            }
        }
        return modifier
    }

    /// A lead sentence as the main event's readers see it: its tokens, none when it is too long to read, and
    /// its mentions found by a finder that has read nothing else of the article.
    struct LeadSentence {
        var sentence: Sentence
        var tokens: [Token]?
        var mentions: [Mention]
    }

    /// The tokens of a lead sentence, none when it is longer than ``longestLeadSentence`` or has too many.
    /// A dateline that opens a later sentence, after a line of title or deck ("… | LAS VEGAS - A gunman …"), is
    /// left out.
    ///
    /// - Parameter known: when at hand, the tokens of the whole sentence as the events were read from
    ///   (`Tokenizer.tokens(sentence.text, limit: 400, …)`, nil for too many): they are the lead's unless a
    ///   dateline is cut off, and are not made again.
    func leadTokens(_ sentence: Sentence, known: [Token]?? = nil) -> [Token]? {
        guard sentence.text.utf8.count <= Self.longestLeadSentence else { return nil }
        if sentence.index > 0, let dateline = WireDateline(sentence.text) {
            return Tokenizer.tokens(sentence.text[dateline.end...], limit: 400, vocabulary: vocabulary)
        }
        if let known { return known }
        return Tokenizer.tokens(sentence.text, limit: 400, vocabulary: vocabulary)
    }

    static let articles: Set<String> = ["a", "an", "the"]
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]

    /// Prepositions after which a country is where something happened ("in Germany"), not where someone went
    /// ("to Germany") or came from.
    static let prepositionsOfPlace: Set<String> = [
        "in", "inside", "across", "throughout", "within", "near", "at", "over", "off",
    ]

    /// The place of the article's dateline: its own field, else the wire dateline of its text (`dateline`).
    func datelinePlace(of article: Article, dateline: WireDateline?) -> EventLocation? {
        guard let place = article.datelinePlace ?? dateline?.place,
            let tokens = Tokenizer.tokens(Substring(place), limit: .max, vocabulary: vocabulary)
        else { return nil }
        guard let found = entities.longestMatch(tokens, at: 0)?.0.firstPlace else { return nil }
        return EventLocation(name: found.name, country: found.country)
    }

    /// Auxiliaries and modals that start a verb phrase ("has resigned", "will meet").
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "will", "would", "is", "are", "was", "were", "can", "could", "may", "might", "must",
        "shall", "should",
    ]

    /// The lead read without a parser: the first named party that is not after a preposition is the subject,
    /// and the verb phrase starts at the next word that is a verb (an auxiliary, a past tense, or a present
    /// tense in -s) and runs to the end of its clause, at most six words.
    func subjectAndVerb(of sentence: LeadSentence) -> (EventActor?, String)? {
        guard let tokens = sentence.tokens else { return nil }
        let mentions = sentence.mentions
        func isVerb(_ index: Int, after start: Int) -> Bool {
            // The cheap tests first: `lower` is made only for a word in lower case.
            guard tokens[index].kind == .word, tokens[index].startsLowerCase else { return false }
            let word = tokens[index].lower
            guard word.first?.isLetter == true else { return false }
            if Self.auxiliaries.contains(word) || TenseMarkers.irregularPast.contains(word) { return true }
            return word.utf8.count >= 4 && (word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("ss"))
                && index >= start && index > 0
        }
        // The first verb of the sentence bounds where its subject can be.
        let firstVerb = tokens.indices.first { isVerb($0, after: 0) } ?? tokens.count
        // A place before a lower-case noun modifies it ("two New York City subway trains"): not the subject.
        func isModifier(_ mention: Mention) -> Bool {
            (mention.kind == .place || mention.kind == .country) && mention.tokens.upperBound < firstVerb
                && tokens[mention.tokens.upperBound].kind == .word
                && tokens[mention.tokens.upperBound].text.first?.isLowercase == true
        }
        let subject =
            mentions.first {
                $0.preposition == nil && $0.tokens.lowerBound < firstVerb && ($0.kind != .place || $0.isCapital)
                    && !isModifier($0)
            }
            .map { (actor: $0.actor(countryNames: countryNames), end: $0.tokens.upperBound) }
        let start = subject?.end ?? 0
        guard let verb = (start..<tokens.count).first(where: { isVerb($0, after: start) }) else { return nil }
        var end = verb
        while end < tokens.count, end - verb < 6, tokens[end].kind != .punctuation { end += 1 }
        let phrase = tokens[verb..<end].map { String($0.text) }.joined(separator: " ")
        return (subject?.actor, phrase)
    }
}
