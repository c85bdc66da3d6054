import GleanerCore

/// What the extractor works out once per sentence and shares between the sentence's triggers: the sentence as
/// a `String`, its temporal expressions for each tense, and whether it holds words of attribution or of the past.
final class SentenceContext {
    let sentence: Substring
    /// False when no word of the sentence can start a temporal expression: the grammar is skipped.
    let mayHoldDates: Bool
    /// The sentence as a `String`; temporal expressions are ranges of it.
    private(set) lazy var text = String(sentence)
    /// `text`, read by UTF-8 offsets.
    private(set) lazy var reader = CharacterReader(Substring(text))
    private var datesByTense: [Tense: [TemporalMatch]] = [:]
    private var attribution: Bool?
    private var pastMarker: Bool?

    init(_ sentence: Substring, mayHoldDates: Bool) {
        self.sentence = sentence
        self.mayHoldDates = mayHoldDates
    }

    /// The temporal expressions of the sentence, resolved for `tense`.
    func dates(published: PublicationDate, tense: Tense) -> [TemporalMatch] {
        guard mayHoldDates else { return [] }
        if let known = datesByTense[tense] { return known }
        let found = DateGrammar.matches(in: text, published: published, tense: tense)
        datesByTense[tense] = found
        return found
    }

    /// Whether a token is a word of attribution ("said", "according"): the event is reported.
    func hasAttribution(_ tokens: [Token]) -> Bool {
        if let attribution { return attribution }
        let found = tokens.contains { EventExtractor.attribution.contains($0.lower) }
        attribution = found
        return found
    }

    /// Whether a token marks the past ("was", "yesterday").
    func hasPastMarker(_ tokens: [Token]) -> Bool {
        if let pastMarker { return pastMarker }
        let found = tokens.contains { EventExtractor.pastMarkers.contains($0.lower) }
        pastMarker = found
        return found
    }
}
