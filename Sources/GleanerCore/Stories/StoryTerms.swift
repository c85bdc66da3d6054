/// The content words of a text as story terms: lower-cased, stop words and short words left out, plurals and
/// possessives folded ("missiles" and "missile's" are "missile"). Reads the UTF-8 bytes once.
public enum StoryTerms {
    /// The first `limit` terms of `text`, in order (a term may repeat).
    public static func terms(of text: String, limit: Int) -> [String] {
        var terms: [String] = []
        guard limit > 0 else { return terms }
        forEachWord(of: text) { word, _, _ in
            if let term = term(of: word) { terms.append(term) }
            return terms.count < limit
        }
        return terms
    }

    /// The names among the first `limit` words of `text`: words written with a capital letter where no
    /// sentence begins (not first, nor after `.`, `!`, `?`, `:`, a quotation mark or a line break), as terms
    /// (lower-cased, plural folded), stop words left out. A title is not read: its words are capitalised
    /// whatever they are.
    public static func names(of text: String, limit: Int) -> Set<String> {
        var names: Set<String> = []
        guard limit > 0 else { return names }
        var words = 0
        forEachWord(of: text) { word, capitalised, startsSentence in
            words += 1
            if capitalised, !startsSentence, let term = term(of: word) { names.insert(term) }
            return words < limit
        }
        return names
    }

    /// Calls `body` with each word of `text` in order (its UTF-8 bytes lower-cased, whether its first letter was
    /// a capital, whether a sentence begins with it) until `body` returns false. A word is letters and digits
    /// (letters of other scripts kept as they are) and the apostrophes and hyphens inside it ("don't",
    /// "al-Assad"); a sentence begins with the text and after `.`, `!`, `?`, `:`, `"` or a line break.
    private static func forEachWord(
        of text: String,
        _ body: (_ word: [UInt8], _ capitalised: Bool, _ startsSentence: Bool) -> Bool
    ) {
        var word: [UInt8] = []
        var capitalised = false
        var sentenceStart = true
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A:
                if word.isEmpty { capitalised = true }
                word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...: word.append(byte)
            case 0x27 where !word.isEmpty, 0x2D where !word.isEmpty: word.append(byte)
            default:
                if !word.isEmpty {
                    guard body(word, capitalised, sentenceStart) else { return }
                    sentenceStart = false
                    word.removeAll(keepingCapacity: true)
                    capitalised = false
                }
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""),
                    UInt8(ascii: "\n"):
                    sentenceStart = true
                default: break
                }
            }
        }
        if !word.isEmpty { _ = body(word, capitalised, sentenceStart) }
    }

    /// The story term of a word's lower-cased bytes, nil for a word of fewer than three letters, of digits
    /// only, or a stop word.
    private static func term(of word: [UInt8]) -> String? {
        guard word.count >= 3, word.contains(where: { $0 >= 0x61 }) else { return nil }
        let term = String(decoding: stem(word), as: UTF8.self)
        guard term.utf8.count >= 3, !stopWords.contains(term) else { return nil }
        return term
    }

    /// Folds a possessive and a regular plural of a word's UTF-8 bytes: "missile's" → "missile", "cities" →
    /// "city", "taxes" → "tax". Every suffix it folds is ASCII, so it is read from the bytes.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        var word = word
        while let last = word.last, last == UInt8(ascii: "'") || last == UInt8(ascii: "-") { word.removeLast() }
        if word.ends(with: "'s") { word.removeLast(2) }
        if word.ends(with: "\u{2019}s") { word.removeLast(4) }
        guard word.count > 4, word.ends(with: "s"), !word.ends(with: "ss"), !word.ends(with: "us"),
            !word.ends(with: "is")
        else { return word }
        if word.ends(with: "ies") { return word.dropLast(3) + [UInt8(ascii: "y")] }
        if word.ends(with: "sses") || word.ends(with: "xes") || word.ends(with: "ches") || word.ends(with: "shes") {
            return Array(word.dropLast(2))
        }
        return Array(word.dropLast())
    }

    /// Words that say nothing of what a story is about: function words, reporting verbs, and the words of
    /// time and quantity every article uses.
    static let stopWords: Set<String> = [
        "the", "and", "for", "that", "with", "was", "are", "has", "have", "had", "his", "her", "its", "their",
        "they", "them", "this", "these", "those", "from", "but", "not", "been", "were", "will", "would", "could",
        "should", "can", "may", "might", "must", "also", "after", "before", "about", "into", "over", "under",
        "than", "then", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
        "all", "any", "some", "more", "most", "other", "such", "only", "own", "same", "very", "just", "one",
        "two", "three", "first", "last", "new", "said", "say", "says", "told", "tell", "according", "while",
        "our", "you", "your", "she", "him", "out", "off", "now", "yet", "did", "does", "doing", "being",
        "because", "between", "through", "during", "against", "without", "within", "among", "since", "until",
        "again", "further", "once", "each", "both", "few", "many", "much", "every", "per", "via", "year",
        "month", "week", "day", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "time", "people", "percent", "cent", "still", "even", "well", "like",
        "get", "got", "make", "made", "take", "took", "going", "don't", "it's", "there's", "image", "photo",
        "copyright", "reuters", "news", "read", "click", "video", "advertisement",
    ]
}
