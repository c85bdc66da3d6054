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
        vocabulary.add(EntityRecognizer.organisationCues, classes: .organisationCue)
        vocabulary.add(EntityRecognizer.placeCues, classes: .placeCue)
        vocabulary.add(EntityRecognizer.firstNames, classes: .firstName)
        vocabulary.add(EntityRecognizer.spanStops, classes: .spanStop)
        vocabulary.add(Self.verbMarkers, classes: .verbMarker)
        vocabulary.add(Self.subordinators, classes: .subordinator)
        vocabulary.add(Self.clauseOpeners, classes: .clauseOpener)
        vocabulary.add(Self.passiveAuxiliaries, classes: .passiveAuxiliary)
        vocabulary.add(MentionFinder.personalPronouns, classes: .personalPronoun)
        vocabulary.add(Self.declarations, classes: .declaration)
        vocabulary.add(Self.speechVerbs, classes: .speechVerb)
        vocabulary.add(Self.modalsOfIntent, classes: .modalOfIntent)
        vocabulary.add(Self.planVerbsBeforeTo, classes: .planVerbBeforeTo)
        vocabulary.add(Self.planAdjectives, classes: .planAdjective)
        vocabulary.add(Self.futureAuxiliaries, classes: .futureAuxiliary)
        vocabulary.add(EntityRecognizer.titleCaseLowerWords, classes: .titleCaseLowerWord)
        vocabulary.add(EntityRecognizer.notEntities, classes: .notEntity)
        vocabulary.add(EntityRecognizer.eventCues, classes: .eventCue)
        vocabulary.add(EntityRecognizer.nameParticles, classes: .nameParticle)
        vocabulary.add(EntityRecognizer.groupMembers, classes: .groupMember)
        vocabulary.add(EntityRecognizer.sentenceOpeners, classes: .sentenceOpener)
        vocabulary.add(Self.statementVerbs, classes: .statementVerb)
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
        "not", "no", "never", "n't", "didn't", "won't", "cannot", "refused", "denied", "without", "failed", "fails",
    ]
    /// Roots of intended or actual cooperation (03–08): withheld, they are a rejection (120).
    static let cooperationRoots: Set<String> = ["03", "04", "05", "06", "07", "08"]
    static let futureMarkers: Set<String> = [
        "will", "shall", "'ll", "going", "upcoming", "planned", "proposed", "scheduled", "due", "set", "expected",
        "likely", "plans", "plan", "planning", "intends", "aims", "hopes", "wants", "would",
    ]
    static let planVerbsBeforeTo: Set<String> = [
        "expected", "scheduled", "set", "due", "likely", "plans", "plan", "planning", "planned", "going", "intends",
        "aims", "hopes", "wants", "agreed", "agree", "agrees", "ready", "keen", "willing", "prepared", "invited",
        "decided",
        "threatened", "threatens", "threaten", "vowed", "vows", "vow", "pledged", "pledges", "promised", "promises",
        "offered", "offers", "sworn", "swore", "is",
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
    /// Anywhere before the trigger in its clause, these make it planned.
    static let futureAuxiliaries: Set<String> = ["will", "shall"]
    /// After a comma, these start a new clause.
    static let clauseOpeners: Set<String> = ["which", "who", "while", "whereas", "but"]
    /// Conjunctions that start a subordinate clause: a subject before one is not the subject after it.
    static let subordinators: Set<String> = ["as", "because", "although", "though", "whereas", "while", "if", "unless"]
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
        extract(from: article, times: times, analysed: AnalysedText(article.text))
    }

    /// `extract(from:times:)` with the article's text already split into sentences (`analysed`, made from
    /// `article.text`), as its dates were tagged.
    public func extract(
        from article: Article,
        times: [TemporalExpression]? = nil,
        analysed: AnalysedText
    ) -> [ExtractedEvent] {
        extractWithLeadTokens(from: article, times: times, analysed: analysed).events
    }

    /// The events of `article` and its main event, the lead's sentences tokenised once for both:
    /// `extract(from:times:analysed:)` then `mainEvent(of:events:times:analysed:)`.
    public func eventsAndMainEvent(
        of article: Article,
        times: [TemporalExpression],
        analysed: AnalysedText
    ) -> (events: [ExtractedEvent], mainEvent: MainEvent?) {
        let (events, leadTokens) = extractWithLeadTokens(from: article, times: times, analysed: analysed)
        let mainEvent = mainEvent(of: article, events: events, times: times, analysed: analysed, leadTokens: leadTokens)
        return (events, mainEvent)
    }

    /// `extract(from:times:analysed:)`, with the tokens of the first ``leadSentences`` body sentences as
    /// they were read (nil for one too long to tokenise), for the main event.
    func extractWithLeadTokens(
        from article: Article,
        times: [TemporalExpression]?,
        analysed: AnalysedText
    ) -> (events: [ExtractedEvent], leadTokens: [[Token]?]) {
        assert(analysed.text == article.text, "the analysed text is not the article's")
        var leadTokens: [[Token]?] = []
        var finder = MentionFinder(index: entities, lexicon: lexicon, vocabulary: vocabulary, articleText: article.text)
        // Read by the trigger tests without capturing the extractor.
        let vocabulary = vocabulary
        var events: [ExtractedEvent] = []
        let dateline = (article.datelinePlace ?? analysed.dateline?.place).flatMap { place in
            entities.longestMatch(Tokenizer.tokens(Substring(place), limit: .max, vocabulary: vocabulary)!, at: 0)?.0
                .firstPlace.map { (name: $0.name, country: $0.country) }
        }
        // The offsets of the expressions, in text order, walked alongside the sentences.
        let timeOffsets = times?.map(\.offset)
        var nextTime = 0
        for (position, sentence) in analysed.bodySentences.enumerated() {
            // Every sentence but a first one cut after its dateline is the tagger's, as its text and date tokens.
            let isTaggersSentence = sentence.text.startIndex == analysed.sentences[position].text.startIndex
            var holdsTime: Bool?
            if let timeOffsets {
                let (start, end) =
                    isTaggersSentence ? analysed.offsets[position] : sentence.offsets(in: article.text)
                while nextTime < timeOffsets.count, timeOffsets[nextTime] < start { nextTime += 1 }
                holdsTime = nextTime < timeOffsets.count && timeOffsets[nextTime] < end
            }
            // More than 400 tokens is not a sentence but a run-on without punctuation.
            let sentenceTokens = Tokenizer.tokens(sentence.text, limit: 400, vocabulary: vocabulary)
            if position < Self.leadSentences { leadTokens.append(sentenceTokens) }
            guard let tokens = sentenceTokens else { continue }
            let mentions = finder.mentions(in: tokens)
            let context = SentenceContext(
                sentence.text,
                tokens: tokens,
                vocabulary: vocabulary,
                holdsTime: holdsTime,
                dateReading: isTaggersSentence
                    ? (analysed.sentenceTexts[position], analysed.dateTokens[position]) : nil
            )
            var position = 0
            // This sentence's events go straight into `events` (a copy would retain all their strings), with where
            // each trigger stands in `found`; those the sentence does not report are taken out after it.
            let firstOfSentence = events.count
            var found: [SentenceEvent] = []
            while position < tokens.count {
                // Most words are the form of no trigger: they are passed over before a test is made for them.
                guard triggers.startsTrigger(tokens[position].number), !Self.isName(tokens, at: position) else {
                    position += 1
                    continue
                }
                // What the form may stand for here, worked out once for all the triggers it starts.
                let nounFits = Self.isNoun(tokens, at: position, vocabulary: vocabulary)
                let verbFits = Self.isVerb(tokens, at: position, isBareLemma: false, vocabulary: vocabulary)
                let lemmaFits = Self.isVerb(tokens, at: position, isBareLemma: true, vocabulary: vocabulary)
                guard
                    let (entry, end) = triggers.match(
                        tokens,
                        at: position,
                        accepts: { isNoun, isBareLemma in isNoun ? nounFits : isBareLemma ? lemmaFits : verbFits }
                    )
                else {
                    position += 1
                    continue
                }
                let clause = clauseBounds(tokens, around: position)
                if let event = event(
                    entry,
                    context: context,
                    triggerRange: position..<end,
                    clause: clause,
                    tokens: tokens,
                    mentions: mentions,
                    sentence: sentence,
                    article: article,
                    dateline: dateline
                ) {
                    found.append(
                        SentenceEvent(
                            root: event.root,
                            isNoun: entry.isNoun,
                            start: position,
                            clause: clause,
                            afterTo: position > 0 && tokens[position - 1].is(.to),
                            isAdverbialParticiple: position > 0 && tokens[position].lowerEnds(with: "ing")
                                && (tokens[position - 1].is(.comma) || tokens[position - 1].is(.in)
                                    || tokens[position - 1].is(.by))
                        )
                    )
                    events.append(event)
                }
                position = end
            }
            // The sentence's events are the last of `events`: taking one out moves only those after it.
            let reported = Self.reportedEvents(found)
            for index in reported.indices.reversed() where !reported[index] {
                events.remove(at: firstOfSentence + index)
            }
        }
        return (events, leadTokens)
    }

    /// The sentences of `text`, the first without the wire dateline that opens it ("BERLIN —"): the place
    /// where the story was filed is no party to its events.
    /// The splitter may end sentences inside the dateline ("ERIE, Pa. (AP) - …" after "Pa.", a byline on its
    /// own line): those pieces are no sentences, and the others are numbered from 0 without them.
    static func bodySentences(_ text: String, limit: Int = .max) -> [Sentence] {
        // A few more sentences are read, for the pieces of a dateline that are dropped.
        let sentences = SentenceSplitter.sentences(text, limit: limit > .max - 4 ? limit : limit + 4)
        return Array(bodySentences(sentences, of: text, dateline: WireDateline(text)).prefix(limit))
    }

    /// `sentences` of `text`, without `dateline`, the wire dateline of `text`.
    static func bodySentences(_ sentences: [Sentence], of text: String, dateline: WireDateline?) -> [Sentence] {
        guard let dateline else { return sentences }
        var sentences = sentences
        let inside = sentences.prefix { $0.text.endIndex <= dateline.end }.count
        guard inside < sentences.count else { return [] }
        sentences.removeFirst(inside)
        if dateline.end > sentences[0].text.startIndex {
            sentences[0].text = text[dateline.end..<sentences[0].text.endIndex]
        }
        if inside > 0 {
            for position in sentences.indices { sentences[position].index = position }
        }
        return sentences
    }

    /// An event found in a sentence, with where its trigger stands.
    struct SentenceEvent {
        /// The event's CAMEO root.
        var root: String
        /// The trigger is a nominalisation ("the arrest of").
        var isNoun: Bool
        /// The token index of the trigger, and the clause around it.
        var start: Int
        var clause: Range<Int>
        /// The trigger follows "to": an infinitive ("refused to deploy", "protested to demand").
        var afterTo: Bool
        /// The trigger is an -ing form after a comma, "in" or "by" ("marched, demanding", "joined them in
        /// calling for").
        var isAdverbialParticiple: Bool
    }

    /// Roots of speech acts whose clause goes on with what they are about: appeals, intents, investigations,
    /// demands, disapproval, rejections and threats ("demanded that X withdraw", "refused to meet").
    static let speechActRoots: Set<String> = ["02", "03", "09", "10", "11", "12", "13"]

    /// The events a sentence reports, from all its triggers, in order.
    ///
    /// - The rest of a speech act's clause is its content, not another event: "demanded that Israel withdraw"
    ///   is a demand, "refused to deploy troops" a rejection. So is an infinitive after any event, its purpose
    ///   ("opened fire to disperse"). But a declared intent or threat followed by the act it names ("threatened
    ///   to cut ties", already coded as a threat to cut ties) is that more specific act. An appeal or demand
    ///   in an -ing clause after another event ("marched, calling for") is what that act was for.
    /// - A public statement (root 01: "announced", "declared") that introduces another event of the sentence is
    ///   how that event is made known, not an event of its own.
    /// - A nominalisation ("the arrest of", "talks with") after a verb of its clause that reports an event is
    ///   that verb's object or topic ("condemned the arrest of"), not a second event.
    ///
    /// - Returns: for each of `found`, whether it is an event the sentence reports.
    static func reportedEvents(_ found: [SentenceEvent]) -> [Bool] {
        var kept = Array(repeating: true, count: found.count)
        guard found.count > 1 else { return kept }
        // Whether an event was dropped as the content of an earlier one: what follows it is content as well.
        var content = Array(repeating: false, count: found.count)
        for index in found.indices.dropFirst() {
            let current = index
            let previous = index - 1
            // "marched in the capital, calling for new elections": the appeal or demand is what the act was for.
            if found[current].isAdverbialParticiple, ["02", "10"].contains(found[current].root),
                found[..<index].contains(where: { $0.root != "01" })
            {
                kept[index] = false
                continue
            }
            guard found[previous].clause.contains(found[current].start), found[previous].root != "01" else {
                continue
            }
            if content[index - 1] {
                kept[index] = false
                content[index] = true
            } else if found[current].afterTo, ["03", "13"].contains(found[previous].root),
                ["03", "13"].contains(found[current].root)
            {
                kept[index - 1] = false
            } else if found[current].afterTo || Self.speechActRoots.contains(found[previous].root) {
                kept[index] = false
                content[index] = true
            }
        }
        let remaining = found.indices.filter { kept[$0] }
        let hasSpecific = remaining.contains { found[$0].root != "01" }
        var reported = Array(repeating: false, count: found.count)
        for candidate in remaining {
            if found[candidate].root == "01", hasSpecific { continue }
            // A noun after a verbal event of its clause is that verb's object or topic.
            let start = found[candidate].start
            if found[candidate].isNoun,
                remaining.contains(where: {
                    !found[$0].isNoun && found[$0].root != "01" && found[$0].start < start
                        && found[$0].clause.contains(start)
                })
            {
                continue
            }
            reported[candidate] = true
        }
        return reported
    }

    /// "Rebels in the Ivory Coast", "Opposition groups in Zimbabwe", "Security forces in Guinea": a group named by
    /// a plural noun and the country it is in or from, the party that acts.
    /// The mention is `mentions[mentionIndex]`, whose fields are read in place (passing it would copy it).
    func isGroupsCountry(_ mentions: [Mention], _ mentionIndex: Int, tokens: [Token]) -> Bool {
        guard mentions[mentionIndex].kind == .country, let preposition = mentions[mentionIndex].preposition,
            preposition == "in" || preposition == "from"
        else {
            return false
        }
        var index = mentions[mentionIndex].tokens.lowerBound - 1
        while index >= 0, tokens[index].is(.the) { index -= 1 }
        guard index >= 1, tokens[index].lower == preposition else { return false }
        let noun = tokens[index - 1]
        return vocabulary.classes(of: noun.bareNumber).contains(.groupNoun)
            || MentionFinder.groupNouns.contains(noun.lower)
    }

    /// A bare lemma ("visit", "attack") or a gerund ("meeting") after a determiner is a noun, not a verb; so is
    /// a bare lemma after a preposition or at the start of the sentence.
    /// The tokens carry their numbers in `vocabulary`.
    static func isVerb(_ tokens: [Token], at position: Int, isBareLemma: Bool, vocabulary: Vocabulary) -> Bool {
        // "must" demands only when reported: "Lithuania said Belarus must hand back the trucks", not "we must hurry".
        if tokens[position].is(.must) {
            return vocabulary.hasWord(of: .speechVerb, in: tokens[..<position])
        }
        guard isBareLemma || tokens[position].lowerEnds(with: "ing") else { return true }
        // News sentences are not imperatives: a bare lemma that opens one is a noun ("Demand for oil rose").
        guard position > 0 else { return !isBareLemma }
        // The word before, read in place: copying a token would retain its sentence.
        let before = position - 1
        // "in order", "on offer", "under arrest": after a preposition (but "to") a bare lemma is a noun.
        if isBareLemma, !tokens[before].is(.to),
            vocabulary.classes(of: tokens[before].number).contains(.preposition)
        {
            return false
        }
        if vocabulary.classes(of: tokens[before].number).contains(.nounContext)
            || tokens[before].lowerEnds(with: "'s") || tokens[before].lowerEnds(with: "’s")
        {
            return false
        }
        return true
    }

    /// Words that, before a planned act in its clause, make it an intent its actor declares: "said it would",
    /// "announced that it will", "is ready to" (but not "according to media, X will visit": a schedule).
    static let declarations: Set<String> = [
        "said", "says", "say", "told", "tells", "announced", "announces", "announce", "declared", "declares", "vowed",
        "vows", "pledged", "pledges",
        "promised", "promises", "threatened", "threatens", "warned", "warns", "willing", "ready", "prepared",
        "insisted", "insists", "confirmed", "stated", "added",
    ]

    /// Speech verbs that, after a planned act, report it as declared ("X will withdraw, officials said"), and
    /// before "must" make it a demand.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "announced", "stated", "declared", "concluded", "insisted", "stressed", "added",
    ]

    /// The CAMEO code of a declared intent to carry out the act `code`: an intent to cooperate (03x) for
    /// consultation, cooperation, aid and yielding (04–08), a threat (13x) for protest, force, sanctions,
    /// coercion and violence (14–20), and for any act made conditional ("will withdraw unless"). Verbal acts
    /// (01–03, 09–13) are left as they are: declaring one is doing it.
    static func intentCode(for code: String, conditional: Bool) -> String? {
        let root = code.prefix(2)
        if conditional, ["04", "05", "06", "07", "08"].contains(root) { return "130" }
        switch root {
        case "04": return "036"
        case "05": return "032"
        case "06": return "031"
        case "07": return "033"
        case "08": return "035"
        case "14": return "133"
        case "16": return code == "164" ? "134" : code == "166" ? "136" : "131"
        case "17": return code == "172" ? "132" : "137"
        case "15", "18", "19", "20": return "138"
        default: return nil
        }
    }

    /// A capitalised word inside a sentence is a name ("Ban Ki-moon", "Gen. Strike"), not a trigger.
    static func isName(_ tokens: [Token], at position: Int) -> Bool {
        position > 0 && tokens[position].isCapitalized
    }

    /// A nominalisation's noun after "to", a modal or a subject pronoun is a verb ("to deal with", "will strike
    /// against", "they call for"), not the noun.
    /// The tokens carry their numbers in `vocabulary`.
    static func isNoun(_ tokens: [Token], at position: Int, vocabulary: Vocabulary) -> Bool {
        position == 0 || !vocabulary.classes(of: tokens[position - 1].number).contains(.verbMarker)
    }

    /// Words after which the next word is a verb.
    static let verbMarkers: Set<String> = [
        "to", "will", "would", "shall", "can", "could", "should", "must", "may", "might", "did", "does", "do", "not",
        "n't", "never", "they", "we", "i", "you", "he", "she", "it", "who", "also", "'ll",
    ]

    func event(
        _ entry: TriggerIndex.Entry,
        context: SentenceContext,
        triggerRange: Range<Int>,
        clause: Range<Int>,
        tokens: [Token],
        mentions: [Mention],
        sentence: Sentence,
        article: Article,
        dateline: (name: String, country: String?)?
    ) -> ExtractedEvent? {
        let trigger = entry.trigger
        guard var code = lexicon.cameo[trigger.code] else { return nil }
        // The clause's tokens before the trigger.
        let before = tokens[clause.lowerBound..<triggerRange.lowerBound]
        let passive =
            entry.isParticiple
            && vocabulary.hasWord(
                of: .passiveAuxiliary,
                in: tokens[max(clause.lowerBound, triggerRange.lowerBound - 3)..<triggerRange.lowerBound]
            )

        // Source: the nearest mention before the trigger (not the object of a preposition), in the clause; with
        // "X and Y" both are parties. Passive voice: the mention after "by".
        // A mention right before the trigger is its subject even after a preposition ("with Russia lifting").
        // A place the lexicon does not know ("the town of Samarra") is where it happened, not who acted.
        // The candidates are indices in `mentions`: choosing among them copies no mention.
        var prior = mentions.indices.filter {
            // Fields read in place: a copy of the mention would retain its strings.
            let span = mentions[$0].tokens
            let kind = mentions[$0].kind
            return span.upperBound <= triggerRange.lowerBound
                && span.lowerBound >= clause.lowerBound
                && (kind != .place || mentions[$0].country != nil)
                && (mentions[$0].preposition == nil || mentions[$0].preposition == "of" && kind == .person
                    || span.upperBound == triggerRange.lowerBound || isGroupsCountry(mentions, $0, tokens: tokens))
        }
        // "Bajwa became the army chief to visit": a named subject wins over a later bare role.
        // "X reported profits as demand grew": a subordinating conjunction starts a clause of its own subject.
        if let opener = vocabulary.lastWord(of: .subordinator, in: tokens[clause.lowerBound..<triggerRange.lowerBound])
        {
            prior.removeAll { mentions[$0].tokens.lowerBound < opener }
        }
        if prior.contains(where: { !mentions[$0].byRoleOnly }) {
            prior.removeAll { mentions[$0].byRoleOnly && mentions[$0].tokens.upperBound != triggerRange.lowerBound }
        }
        // Actor, co-actor and target are indices in `mentions` too, so that no mention is copied.
        var actorIndex = prior.last
        var coActorIndex: Int?
        if let last = prior.last, prior.count >= 2 {
            let previous = prior[prior.count - 2]
            // Only "and" between them.
            if mentions[previous].tokens.upperBound + 1 == mentions[last].tokens.lowerBound,
                tokens[mentions[previous].tokens.upperBound].is(.and)
            {
                actorIndex = previous
                coActorIndex = last
            }
        }
        // Mentions after the trigger's first word: "rejected a Peruvian proposal" (trigger "reject proposal")
        // names its target between the trigger's words.
        let after = mentions.indices.lazy.filter {
            mentions[$0].tokens.lowerBound > triggerRange.lowerBound
                && mentions[$0].tokens.lowerBound < clause.upperBound
        }
        var targetIndex: Int?
        if passive || entry.isNoun,
            let byIndex = tokens[triggerRange.upperBound..<clause.upperBound].firstIndex(where: { $0.is(.by) }),
            let agent = after.first(where: { mentions[$0].tokens.lowerBound > byIndex })
        {
            // "X was arrested by police": X is the target. "the arrest of X by police": the target follows the
            // noun, before "by".
            targetIndex =
                entry.isNoun
                ? after.first {
                    mentions[$0].tokens.lowerBound < byIndex && mentions[$0].preposition == trigger.targetPreposition
                }
                : actorIndex
            actorIndex = agent
        } else if let preposition = trigger.targetPreposition {
            targetIndex = after.first { mentions[$0].preposition == preposition } ?? after.first
        } else {
            targetIndex =
                after.first {
                    let preposition = mentions[$0].preposition
                    return preposition == nil || preposition == "to" || preposition == "with"
                }
                ?? after.first
        }
        // "Pakistan and Russia signed": the two parties are actor and target.
        if let coActorIndex { targetIndex = coActorIndex }
        // "Lithuania said Belarus must hand them back": the subject of "must" is the target, the speaker the actor.
        if tokens[triggerRange.lowerBound].is(.must), let subject = prior.last {
            targetIndex = subject
            actorIndex = prior.first.flatMap { mentions[$0].tokens == mentions[subject].tokens ? nil : $0 }
        }
        guard actorIndex != nil || targetIndex != nil else { return nil }

        // Modality and tense.
        let window = before.suffix(6)
        var modality = Modality.occurred
        var tense = Tense.present
        if vocabulary.hasWord(of: .negation, in: window) || window.contains(where: { $0.lowerEnds(with: "n't") }) {
            modality = .negated
        } else if isPlanned(window: window)
            || vocabulary.hasWord(of: .futureAuxiliary, in: before)
        {
            modality = .planned
            tense = .future
        } else if context.hasAttribution {
            modality = .reported
        }
        if tense != .future {
            if entry.isPast || context.hasPastMarker { tense = .past }
        }
        // "did not sign", "will not meet", "failed to reach agreement": cooperation withheld is a rejection.
        if modality == .negated, Self.cooperationRoots.contains(code.root), let rejection = lexicon.cameo["120"] {
            code = rejection
            modality = context.hasAttribution ? .reported : .occurred
        }

        // When: the temporal expression closest to the trigger.
        var date: EventDate?
        var bestDistance = Int.max
        let matches = context.dates(published: article.published, tense: tense)
        // The sentence is read by offsets only when it holds a date.
        if !matches.isEmpty {
            let text = context.reader
            // Character offsets in the sentence: the trigger's, and each match's.
            var triggerOffset: Int?
            for match in matches where !Self.datesTheReport(text, before: text.offset(match.range.lowerBound)) {
                let offset = context.characterDistance(to: text.offset(match.range.lowerBound))
                if triggerOffset == nil {
                    triggerOffset = context.characterDistance(
                        to: sentence.text.utf8.distance(
                            from: sentence.text.startIndex,
                            to: tokens[triggerRange.lowerBound].text.startIndex
                        )
                    )
                }
                let triggerOffset = triggerOffset!
                let distance = abs(offset - triggerOffset) + (offset < triggerOffset ? 5 : 0)
                if distance < bestDistance {
                    bestDistance = distance
                    date = match.date
                }
            }
        }

        date?.anchor = TemporalExpression.Anchor(article.published).rawValue

        // A declared intent ("said it will withdraw", "is ready to meet") is itself the event: an expressed
        // intent to cooperate (03), or a threat (13) when the act is hostile or made conditional ("unless").
        if modality == .planned,
            vocabulary.hasWord(of: .declaration, in: before)
                || vocabulary.hasWord(of: .speechVerb, in: tokens[triggerRange.upperBound...]),
            let intent = Self.intentCode(
                for: code.code,
                conditional: tokens[triggerRange.upperBound...].contains { $0.is(.unless) }
            ),
            let declared = lexicon.cameo[intent]
        {
            code = declared
        }

        // Where: the place visited, else a place after "in"/"at", else the dateline.
        var location: EventLocation?
        if let target = targetIndex, mentions[target].kind == .place, code.root == "04" {
            location = mentions[target].place
        } else if let placed = mentions.firstIndex(where: {
            ($0.preposition == "in" || $0.preposition == "at") && ($0.kind == .place || $0.kind == .country)
        }) {
            location =
                mentions[placed].place ?? EventLocation(name: mentions[placed].name, country: mentions[placed].country)
        } else if let target = targetIndex, mentions[target].kind == .place {
            location = mentions[target].place
        } else if let dateline {
            location = EventLocation(name: dateline.name, country: dateline.country)
        }

        let actor = actorIndex.map { Mention.actor(mentions, $0, countryNames: countryNames) }
        var target = targetIndex.map { Mention.actor(mentions, $0, countryNames: countryNames) }
        // Nobody acts on themselves: "Pakistan … pipeline between Karachi …" has no target.
        // Compared by their fields: binding the parties would copy them (and their strings).
        if let actorName = actor?.name, let targetName = target?.name, actorName == targetName,
            Self.sameCountry(actor, target)
        {
            target = nil
        }
        var confidence = 0.35
        if actor != nil { confidence += 0.2 }
        if actor?.country != nil { confidence += 0.05 }
        if target != nil { confidence += 0.15 }
        if date != nil { confidence += 0.1 }
        if !entry.isBareLemma || trigger.words.count > 1 { confidence += 0.15 }
        let offsets = sentence.offsets(in: article.text)
        var triggerText = Token.string(tokens, triggerRange.lowerBound..<triggerRange.lowerBound + 1)
        for token in tokens[triggerRange].dropFirst() {
            triggerText += " "
            triggerText.append(contentsOf: token.text)
        }
        return ExtractedEvent(
            cameo: code.code,
            root: code.root,
            quadClass: code.quadClass,
            actor: consume actor,
            target: consume target,
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

    /// Whether two parties, both present, have the same country (or none).
    private static func sameCountry(_ first: EventActor?, _ second: EventActor?) -> Bool {
        first?.country == second?.country
    }

    /// Whether the lower-cased `word` ends with the letters of `suffix` ("ing", "'s", "n't"), compared byte by
    /// byte: the suffixes asked for are plain ASCII letters and apostrophes, which no other spelling equals.
    static func word(_ word: String, endsWith suffix: StaticString) -> Bool {
        word.utf8.ends(with: suffix)
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

    /// The tokens carry their numbers in `vocabulary`, whose classes hold the word lists asked here.
    func isPlanned(window: ArraySlice<Token>) -> Bool {
        guard let last = window.last else { return false }
        if vocabulary.classes(of: last.number).contains(.modalOfIntent) { return true }
        if vocabulary.hasWord(of: .futureAuxiliary, in: window.suffix(3))
            || window.suffix(3).contains(where: { $0.is(.would) })
        {
            return true
        }
        if last.is(.to), window.count >= 2,
            vocabulary.classes(of: window[window.endIndex - 2].number).contains(.planVerbBeforeTo)
        {
            return true
        }
        if last.is(.to), window.count >= 3,
            vocabulary.classes(of: window[window.endIndex - 3].number).contains(.planVerbBeforeTo)
        {
            return true
        }
        return vocabulary.hasWord(of: .planAdjective, in: window.suffix(2))
    }

    /// The clause around a token: between semicolons, or between a comma and a relative pronoun.
    func clauseBounds(_ tokens: [Token], around position: Int) -> Range<Int> {
        var start = position
        while start > 0 {
            // `lower` is the text of a punctuation mark; words, most tokens, are passed over without reading it.
            if tokens[start - 1].kind == .punctuation {
                let previous = tokens[start - 1]
                if previous.is(.semicolon) || previous.is(.colon) { break }
                if previous.is(.comma), start < tokens.count,
                    vocabulary.classes(of: tokens[start].number).contains(.clauseOpener)
                {
                    break
                }
            }
            start -= 1
        }
        var end = position + 1
        while end < tokens.count {
            if tokens[end].kind == .punctuation {
                if tokens[end].is(.semicolon) { break }
                if tokens[end].is(.comma), end + 1 < tokens.count,
                    tokens[end + 1].is(.and)
                        || vocabulary.classes(of: tokens[end + 1].number).contains(.clauseOpener)
                {
                    break
                }
            }
            end += 1
        }
        return start..<end
    }
}
