import GleanerCore

extension EventExtractor {
    /// How many body sentences the lead has: the main event is read from them.
    static let leadSentences = 3

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
        let sentences = Array(SentenceSplitter.sentences(article.text).prefix(Self.leadSentences))
        guard !sentences.isEmpty else { return nil }
        let title = article.title?.lowercased() ?? ""
        let anchor = TemporalExpression.Anchor(article.published).rawValue

        var best: (score: Double, event: ExtractedEvent)?
        for event in events where event.sentenceIndex < Self.leadSentences && event.modality != .negated {
            var score = [1.0, 0.75, 0.55][event.sentenceIndex]
            score *= event.actor == nil ? 0.4 : 1
            if event.target != nil { score *= 1.1 }
            if event.modality == .reported { score *= 0.9 }
            if let actor = event.actor, title.contains(actor.name.lowercased()) { score *= 1.2 }
            // A party acting in several events of the article is what it is about.
            if let actor = event.actor?.name {
                let repeats = events.filter { $0.actor?.name == actor || $0.target?.name == actor }.count
                score *= 1 + 0.05 * Double(min(repeats - 1, 4))
            }
            if best == nil || score > best!.score { best = (score, event) }
        }

        let lead = sentences[best?.event.sentenceIndex ?? 0]
        let (leadStart, leadEnd) = lead.offsets(in: article.text)
        let leadTextEnd = sentences.last!.offsets(in: article.text).end
        func isDate(_ time: TemporalExpression) -> Bool {
            (time.type == .date || time.type == .time) && time.value.first?.isNumber == true
        }
        // The date of its sentence, else of the lead, else the first day the article names in the week before
        // publication (news reports what happened in the last days).
        let publishedDay = article.published.description
        let firstDate =
            times.first { $0.offset >= leadStart && $0.offset < leadEnd && isDate($0) }
            ?? times.first { $0.offset < leadTextEnd && isDate($0) }
            ?? times.first {
                isDate($0) && $0.value.count >= 10 && $0.value.prefix(10) <= publishedDay
                    && Self.daysBetween($0.value, publishedDay).map { $0 <= 7 } == true
            }
        let when =
            best?.event.date
            ?? firstDate.map {
                EventDate(
                    start: $0.value,
                    end: $0.value,
                    precision: Self.precision($0.value),
                    text: $0.text,
                    anchor: anchor
                )
            }
            ?? Self.reportingDays(article.published, anchor: anchor)
        let place =
            best?.event.location ?? firstPlace(in: sentences, articleText: article.text) ?? datelinePlace(of: article)

        if let event = best?.event {
            // A coded event whose actor is no lexicon entry: the lead's subject, named as written.
            let who = event.actor ?? subjectAndVerb(of: lead, in: article.text)?.0
            return MainEvent(
                who: who,
                what: event.trigger,
                whom: event.target,
                cameo: event.cameo,
                when: when,
                where: place,
                sentenceIndex: event.sentenceIndex
            )
        }
        guard let (who, what) = subjectAndVerb(of: lead, in: article.text) else { return nil }
        return MainEvent(
            who: who,
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

    /// The first place named in the lead.
    func firstPlace(in sentences: [Sentence], articleText: String) -> EventLocation? {
        var finder = MentionFinder(index: entities, lexicon: lexicon, vocabulary: vocabulary, articleText: articleText)
        for sentence in sentences {
            guard let tokens = Tokenizer.tokens(sentence.text, limit: 400, vocabulary: vocabulary) else { continue }
            if let place = finder.mentions(in: tokens).first(where: { $0.place != nil && $0.preposition != nil })?.place
            {
                return place
            }
        }
        return nil
    }

    func datelinePlace(of article: Article) -> EventLocation? {
        guard let place = article.datelinePlace,
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
    func subjectAndVerb(of sentence: Sentence, in articleText: String) -> (EventActor?, String)? {
        guard let tokens = Tokenizer.tokens(sentence.text, limit: 400, vocabulary: vocabulary) else { return nil }
        var finder = MentionFinder(index: entities, lexicon: lexicon, vocabulary: vocabulary, articleText: articleText)
        let mentions = finder.mentions(in: tokens)
        func isVerb(_ index: Int, after start: Int) -> Bool {
            let word = tokens[index].lower
            guard tokens[index].kind == .word, word.first?.isLetter == true,
                tokens[index].text.first?.isLowercase == true
            else { return false }
            if Self.auxiliaries.contains(word) || TenseMarkers.irregularPast.contains(word) { return true }
            return word.utf8.count >= 4 && (word.hasSuffix("ed") || word.hasSuffix("s") && !word.hasSuffix("ss"))
                && index >= start && index > 0
        }
        // The first verb of the sentence bounds where its subject can be.
        let firstVerb = tokens.indices.first { isVerb($0, after: 0) } ?? tokens.count
        let subject = mentions.first {
            $0.preposition == nil && $0.tokens.lowerBound < firstVerb && ($0.kind != .place || $0.country != nil)
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
