import GleanerCore

/// What the extractor works out once per sentence and shares between the sentence's triggers: the sentence as
/// a `String`, its temporal expressions for each tense, and whether it holds words of attribution or of the past.
final class SentenceContext {
    let sentence: Substring
    /// False when the tagger found no temporal expression in the sentence, or, without its findings, when no
    /// token can start one (a number, or a date word such as "Monday" or "ago"): the grammar is skipped.
    let mayHoldDates: Bool
    /// The sentence's text and its date tokens, when they were made already (`AnalysedText`).
    private let dateReading: (text: Substring, tokens: [DateToken])?
    /// The sentence as a `String`; temporal expressions are ranges of it.
    private(set) lazy var text = String(dateReading?.text ?? sentence)
    /// `text`, read by UTF-8 offsets.
    private(set) lazy var reader = CharacterReader(Substring(text))
    /// Whether every byte of `text` is an ASCII character other than CR: each byte is then a character.
    private lazy var isOneCharacterPerByte = reader.bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    /// `text` as the date grammar reads it, the same in every tense.
    private lazy var dateTokens = dateReading?.tokens ?? DateTokenizer.tokenize(text)
    /// The temporal expressions found so far, for each tense.
    private var pastDates: [TemporalMatch]?
    private var presentDates: [TemporalMatch]?
    private var futureDates: [TemporalMatch]?
    /// Whether a token is a word of attribution ("said", "according"): the event is reported.
    let hasAttribution: Bool
    /// Whether a token marks the past ("was", "yesterday").
    let hasPastMarker: Bool

    /// The context of `sentence`, tokenised as `tokens` with the numbers of `vocabulary`; `holdsTime` says
    /// whether the tagger found a temporal expression in it, when it was asked; `dateReading` is the sentence's text
    /// and its date tokens, when they are at hand.
    init(
        _ sentence: Substring,
        tokens: [Token],
        vocabulary: Vocabulary,
        holdsTime: Bool? = nil,
        dateReading: (text: Substring, tokens: [DateToken])? = nil
    ) {
        self.sentence = sentence
        self.dateReading = dateReading
        var classes: Vocabulary.Classes = []
        var bareClasses: Vocabulary.Classes = []
        var hasNumber = false
        for token in tokens {
            classes.formUnion(vocabulary.classes(of: token.number))
            bareClasses.formUnion(vocabulary.classes(of: token.bareNumber))
            if token.kind == .number { hasNumber = true }
            // "mid-October", "late-2019": a date word after a hyphen.
            if holdsTime == nil, token.kind == .word, let hyphen = token.lower.lastIndex(of: "-") {
                let last = String(token.lower[token.lower.index(after: hyphen)...])
                bareClasses.formUnion(vocabulary.classes(of: vocabulary.number(of: last)))
            }
        }
        mayHoldDates = holdsTime ?? (hasNumber || bareClasses.contains(.dateWord))
        hasAttribution = classes.contains(.attribution)
        hasPastMarker = classes.contains(.pastMarker)
    }

    /// How many characters of `text` come before the UTF-8 offset `offset`, as `reader.characterDistance(to:)`
    /// counts them: the offset itself when each byte is a character, found once for the sentence.
    func characterDistance(to offset: Int) -> Int {
        isOneCharacterPerByte ? offset : reader.characterDistance(to: offset)
    }

    /// The temporal expressions of the sentence, resolved for `tense`.
    func dates(published: PublicationDate, tense: Tense) -> [TemporalMatch] {
        guard mayHoldDates else { return [] }
        switch tense {
        case .past: if let pastDates { return pastDates }
        case .present: if let presentDates { return presentDates }
        case .future: if let futureDates { return futureDates }
        }
        let found = DateGrammar.matches(in: text, tokens: dateTokens, published: published, tense: tense)
        switch tense {
        case .past: pastDates = found
        case .present: presentDates = found
        case .future: futureDates = found
        }
        return found
    }
}
