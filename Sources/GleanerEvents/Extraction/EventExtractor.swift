import GleanerCore

/// Extracts CAMEO-coded events from an article: who did what to whom, where and when. Pure: the lexicon is
/// given, the article is a value.
public struct EventExtractor: Sendable {
    public let lexicon: Lexicon
    let entities: EntityIndex
    let triggers: TriggerIndex
    /// The words of the indexes and of the rules' word lists; sentences are tokenised with it.
    let vocabulary: Vocabulary
    let countryNames: [String: String]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var vocabulary = Vocabulary()
        entities = EntityIndex(lexicon: lexicon, vocabulary: &vocabulary)
        triggers = TriggerIndex(lexicon: lexicon, vocabulary: &vocabulary)
        vocabulary.add(MentionFinder.determiners, classes: .determiner)
        vocabulary.add(MentionFinder.prepositions, classes: .preposition)
        vocabulary.add(MentionFinder.notNames, classes: .notName)
        vocabulary.add(MentionFinder.groupNouns, classes: .groupNoun)
        vocabulary.add(Self.dateWords, classes: .dateWord)
        vocabulary.add(Self.nounContext, classes: .nounContext)
        vocabulary.add(Self.negations, classes: .negation)
        vocabulary.add(Self.attribution, classes: .attribution)
        vocabulary.add(Self.pastMarkers, classes: .pastMarker)
        self.vocabulary = vocabulary
        var names: [String: String] = [:]
        for country in lexicon.countries { names[country.alpha3] = country.name }
        countryNames = names
    }

    /// Words without which a sentence holds no temporal expression the grammar knows (numbers aside).
    static let dateWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
        "tomorrow", "tonight", "ago", "week", "weeks", "weekend", "month", "months", "year", "years", "decade",
        "decades", "day", "days", "morning", "night", "evening", "afternoon", "now",
    ]

    static let negations: Set<String> = [
        "not", "no", "never", "n't", "didn't", "won't", "cannot", "refused", "denied", "without",
    ]
    static let futureMarkers: Set<String> = [
        "will", "shall", "'ll", "going", "upcoming", "planned", "proposed", "scheduled", "due", "set", "expected",
        "likely", "plans", "plan", "planning", "intends", "aims", "hopes", "wants", "would",
    ]
    static let planVerbsBeforeTo: Set<String> = [
        "expected", "scheduled", "set", "due", "likely", "plans", "plan", "planning", "planned", "going", "intends",
        "aims", "hopes", "wants", "agreed", "agree", "agrees", "ready", "keen", "willing", "invited", "decided", "is",
        "are",
    ]
    static let attribution: Set<String> = [
        "said", "says", "according", "reported", "reports", "quoted", "quoting", "report", "sources", "claimed", "told",
    ]
    static let pastMarkers: Set<String> = [
        "was", "were", "had", "did", "became", "came", "ago", "yesterday", "last", "earlier",
    ]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "be", "being", "is", "are"]
    /// Right before the trigger, these make it planned.
    static let modalsOfIntent: Set<String> = ["will", "shall", "'ll", "would"]
    static let planAdjectives: Set<String> = ["upcoming", "planned", "proposed", "scheduled"]
    /// After a comma, these start a new clause.
    static let clauseOpeners: Set<String> = ["which", "who", "while", "whereas", "but"]
    static let nounContext: Set<String> = [
        "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "first", "maiden", "official",
        "proposed", "planned", "upcoming", "historic", "crucial", "landmark", "due", "of", "whose",
    ]

    /// Every event the article reports, in sentence order.
    ///
    /// - Parameter times: the article's temporal expressions (`TimexTagger`), when they are at hand: the date
    ///   grammar then reads only the sentences that hold one, instead of every sentence with a number or a date
    ///   word.
    public func extract(from article: Article, times: [TemporalExpression]? = nil) -> [ExtractedEvent] {
        var finder = MentionFinder(index: entities, lexicon: lexicon, vocabulary: vocabulary)
        var events: [ExtractedEvent] = []
        let dateline = article.datelinePlace.flatMap { place in
            entities.longestMatch(Tokenizer.tokens(Substring(place), limit: .max, vocabulary: vocabulary)!, at: 0)?.0
                .firstPlace.map { (name: $0.name, country: $0.country) }
        }
        // The offsets of the expressions, in text order, walked alongside the sentences.
        let timeOffsets = times?.map(\.offset)
        var nextTime = 0
        for sentence in SentenceSplitter.sentences(article.text) {
            var holdsTime: Bool?
            if let timeOffsets {
                let (start, end) = sentence.offsets(in: article.text)
                while nextTime < timeOffsets.count, timeOffsets[nextTime] < start { nextTime += 1 }
                holdsTime = nextTime < timeOffsets.count && timeOffsets[nextTime] < end
            }
            // More than 400 tokens is not a sentence but a run-on without punctuation.
            guard let tokens = Tokenizer.tokens(sentence.text, limit: 400, vocabulary: vocabulary) else { continue }
            let mentions = finder.mentions(in: tokens)
            let context = SentenceContext(sentence.text, tokens: tokens, vocabulary: vocabulary, holdsTime: holdsTime)
            var position = 0
            while position < tokens.count {
                guard let (entry, end) = triggers.match(tokens, at: position),
                    isVerb(tokens, at: position, entry: entry)
                else {
                    position += 1
                    continue
                }
                if let event = event(
                    entry,
                    context: context,
                    triggerRange: position..<end,
                    tokens: tokens,
                    mentions: mentions,
                    sentence: sentence,
                    article: article,
                    dateline: dateline
                ) {
                    events.append(event)
                }
                position = end
            }
        }
        return events
    }

    /// A bare lemma ("visit", "attack") or a gerund ("meeting") after a determiner is a noun, not a verb.
    func isVerb(_ tokens: [Token], at position: Int, entry: TriggerIndex.Entry) -> Bool {
        guard entry.isBareLemma || Self.word(tokens[position].lower, endsWith: "ing"), position > 0 else {
            return true
        }
        let before = tokens[position - 1].lower
        if vocabulary.classes(of: tokens[position - 1].number).contains(.nounContext)
            || Self.word(before, endsWith: "'s") || Self.word(before, endsWith: "’s")
        {
            return false
        }
        return true
    }

    func event(
        _ entry: TriggerIndex.Entry,
        context: SentenceContext,
        triggerRange: Range<Int>,
        tokens: [Token],
        mentions: [Mention],
        sentence: Sentence,
        article: Article,
        dateline: (name: String, country: String?)?
    ) -> ExtractedEvent? {
        let trigger = entry.trigger
        guard let code = lexicon.cameo[trigger.code] else { return nil }
        let clause = clauseBounds(tokens, around: triggerRange.lowerBound)
        let before = tokens[clause.lowerBound..<triggerRange.lowerBound].map(\.lower)
        let passive =
            entry.isParticiple
            && before.suffix(3).contains { Self.passiveAuxiliaries.contains($0) }

        // Source: the nearest mention before the trigger (not the object of a preposition), in the clause; with
        // "X and Y" both are parties. Passive voice: the mention after "by".
        // A mention right before the trigger is its subject even after a preposition ("with Russia lifting").
        var prior = mentions.filter {
            $0.tokens.upperBound <= triggerRange.lowerBound && $0.tokens.lowerBound >= clause.lowerBound
                && ($0.preposition == nil || $0.preposition == "of" && $0.kind == .person
                    || $0.tokens.upperBound == triggerRange.lowerBound)
        }
        // "Bajwa became the army chief to visit": a named subject wins over a later bare role.
        if prior.contains(where: { !$0.byRoleOnly }) {
            prior.removeAll { $0.byRoleOnly && $0.tokens.upperBound != triggerRange.lowerBound }
        }
        var actorMention = prior.last
        var coActor: Mention?
        if let last = prior.last, prior.count >= 2 {
            let previous = prior[prior.count - 2]
            // Only "and" between them.
            if previous.tokens.upperBound + 1 == last.tokens.lowerBound,
                tokens[previous.tokens.upperBound].lower == "and"
            {
                actorMention = previous
                coActor = last
            }
        }
        let after = mentions.filter {
            $0.tokens.lowerBound >= triggerRange.upperBound - 1 && $0.tokens.lowerBound < clause.upperBound
        }
        var targetMention: Mention?
        if passive,
            let byIndex = tokens[triggerRange.upperBound..<clause.upperBound].firstIndex(where: { $0.lower == "by" }),
            let agent = after.first(where: { $0.tokens.lowerBound > byIndex })
        {
            targetMention = actorMention
            actorMention = agent
        } else if let preposition = trigger.targetPreposition {
            targetMention = after.first { $0.preposition == preposition } ?? after.first
        } else {
            targetMention =
                after.first { $0.preposition == nil || $0.preposition == "to" || $0.preposition == "with" }
                ?? after.first
        }
        // "Pakistan and Russia signed": the two parties are actor and target.
        if let coActor { targetMention = coActor }
        guard actorMention != nil || targetMention != nil else { return nil }

        // Modality and tense.
        let window = before.suffix(6)
        var modality = Modality.occurred
        var tense = Tense.present
        // The window's tokens, for their numbers.
        let windowTokens = tokens[(triggerRange.lowerBound - window.count)..<triggerRange.lowerBound]
        if windowTokens.contains(where: {
            vocabulary.classes(of: $0.number).contains(.negation) || Self.word($0.lower, endsWith: "n't")
        }) {
            modality = .negated
        } else if isPlanned(window: window) || before.contains(where: { $0 == "will" || $0 == "shall" }) {
            modality = .planned
            tense = .future
        } else if context.hasAttribution {
            modality = .reported
        }
        if tense != .future {
            if entry.isPast || context.hasPastMarker { tense = .past }
        }

        // When: the temporal expression closest to the trigger.
        var date: EventDate?
        var bestDistance = Int.max
        let text = context.reader
        for match in context.dates(published: article.published, tense: tense)
        where !Self.datesTheReport(text, before: text.offset(match.range.lowerBound)) {
            // Character offsets in the sentence: the match's, and the trigger's.
            let offset = text.characterDistance(to: text.offset(match.range.lowerBound))
            let triggerOffset = text.characterDistance(
                to: sentence.text.utf8.distance(
                    from: sentence.text.startIndex,
                    to: tokens[triggerRange.lowerBound].text.startIndex
                )
            )
            let distance = abs(offset - triggerOffset) + (offset < triggerOffset ? 5 : 0)
            if distance < bestDistance {
                bestDistance = distance
                date = match.date
            }
        }

        date?.anchor = TemporalExpression.Anchor(article.published).rawValue

        // Where: the place visited, else a place after "in"/"at", else the dateline.
        var location: EventLocation?
        if let target = targetMention, target.kind == .place, code.root == "04" {
            location = target.place
        } else if let placed = mentions.first(where: {
            ($0.preposition == "in" || $0.preposition == "at") && ($0.kind == .place || $0.kind == .country)
        }) {
            location = placed.place ?? EventLocation(name: placed.name, country: placed.country)
        } else if let target = targetMention, target.kind == .place {
            location = target.place
        } else if let dateline {
            location = EventLocation(name: dateline.name, country: dateline.country)
        }

        let actor = actorMention?.actor(countryNames: countryNames)
        var target = targetMention?.actor(countryNames: countryNames)
        // Nobody acts on themselves: "Pakistan … pipeline between Karachi …" has no target.
        if let actor, let candidate = target, actor.name == candidate.name, actor.country == candidate.country {
            target = nil
        }
        var confidence = 0.35
        if actor != nil { confidence += 0.2 }
        if actor?.country != nil { confidence += 0.05 }
        if target != nil { confidence += 0.15 }
        if date != nil { confidence += 0.1 }
        if !entry.isBareLemma || trigger.words.count > 1 { confidence += 0.15 }
        let offsets = sentence.offsets(in: article.text)
        var triggerText = String(tokens[triggerRange.lowerBound].text)
        for token in tokens[triggerRange].dropFirst() {
            triggerText += " "
            triggerText.append(contentsOf: token.text)
        }
        return ExtractedEvent(
            cameo: code.code,
            root: code.root,
            quadClass: code.quadClass,
            actor: actor,
            target: target,
            location: location,
            date: date,
            modality: modality,
            sentence: context.text,
            sentenceIndex: sentence.index,
            confidence: min(1, (confidence * 100).rounded() / 100),
            sentenceStart: offsets.start,
            sentenceEnd: offsets.end,
            trigger: triggerText
        )
    }

    /// `word.hasSuffix(suffix)` for a suffix whose last character is ASCII other than K, ; and ` (which
    /// Kelvin, Greek question mark and varia equal): only a word whose last byte is that character can end with
    /// it, so most words are answered from that byte.
    static func word(_ word: String, endsWith suffix: String) -> Bool {
        word.utf8.last == suffix.utf8.last && word.hasSuffix(suffix)
    }

    /// Verbs that, right before a date ("confirmed Monday", "said on Tuesday"), make it the date of the report.
    static let reportingVerbs: Set<String> = [
        "said", "says", "confirmed", "told", "reported", "announced", "added", "stated", "noted",
    ]

    /// "confirmed Monday", "said on Tuesday": the date at UTF-8 offset `start` of the sentence is the date of the
    /// report, not of the event. Looks at the last two words (runs of letters) before it.
    static func datesTheReport(_ sentence: CharacterReader, before start: Int) -> Bool {
        /// The run of letters ending before `end` or before the non-letters there, if any.
        func word(before end: Int) -> Range<Int>? {
            var offset = end
            while offset > 0 {
                let (character, previous) = sentence.character(before: offset)
                if character.isLetter { break }
                offset = previous
            }
            guard offset > 0 else { return nil }
            let wordEnd = offset
            while offset > 0 {
                let (character, previous) = sentence.character(before: offset)
                guard character.isLetter else { break }
                offset = previous
            }
            return offset..<wordEnd
        }
        guard let last = word(before: start) else { return false }
        let lastWord = sentence.lowercased(last)
        if reportingVerbs.contains(lastWord) { return true }
        guard lastWord == "on", let previous = word(before: last.lowerBound) else { return false }
        return reportingVerbs.contains(sentence.lowercased(previous))
    }

    func isPlanned(window: ArraySlice<String>) -> Bool {
        guard let last = window.last else { return false }
        if Self.modalsOfIntent.contains(last) { return true }
        if window.suffix(3).contains(where: { $0 == "will" || $0 == "shall" || $0 == "would" }) { return true }
        if last == "to", window.count >= 2, Self.planVerbsBeforeTo.contains(window[window.endIndex - 2]) {
            return true
        }
        if last == "to", window.count >= 3, Self.planVerbsBeforeTo.contains(window[window.endIndex - 3]) {
            return true
        }
        return window.suffix(2).contains { Self.planAdjectives.contains($0) }
    }

    /// The clause around a token: between semicolons, or between a comma and a relative pronoun.
    func clauseBounds(_ tokens: [Token], around position: Int) -> Range<Int> {
        var start = position
        while start > 0 {
            // `lower` is the text of a punctuation mark, and no word's is a mark.
            let previous = tokens[start - 1].lower
            if previous == ";" || previous == ":" { break }
            if previous == ",", start < tokens.count,
                Self.clauseOpeners.contains(tokens[start].lower)
            {
                break
            }
            start -= 1
        }
        var end = position + 1
        while end < tokens.count {
            if tokens[end].lower == ";" { break }
            if tokens[end].lower == ",", end + 1 < tokens.count,
                tokens[end + 1].lower == "and" || Self.clauseOpeners.contains(tokens[end + 1].lower)
            {
                break
            }
            end += 1
        }
        return start..<end
    }
}
