/// The content words of a text as story terms: lower-cased, stop words and short words left out, plurals and
/// possessives folded ("missiles" and "missile's" are "missile"). Reads the UTF-8 bytes once.
public enum StoryTerms {
    /// The first `limit` terms of `text`, in order (a term may repeat).
    public static func terms(of text: String, limit: Int) -> [String] {
        var terms: [String] = []
        var word: [UInt8] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3, word.contains(where: { $0 >= 0x61 }) else { return }
            let term = String(decoding: stem(word), as: UTF8.self)
            guard term.utf8.count >= 3, !stopWords.contains(term) else { return }
            terms.append(term)
        }
        for byte in text.utf8 {
            if terms.count >= limit { break }
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case 0x80...: word.append(byte)  // letters of other scripts, kept as they are
            case 0x27 where !word.isEmpty, 0x2D where !word.isEmpty: word.append(byte)  // don't, al-Assad
            default: flush()
            }
        }
        if terms.count < limit { flush() }
        return terms
    }

    /// The names among the first `limit` words of `text`: words written with a capital letter where no
    /// sentence begins (not first, nor after `.`, `!`, `?`, `:`, a quotation mark or a line break), as terms
    /// (lower-cased, plural folded), stop words left out. A title is not read: its words are capitalised
    /// whatever they are.
    public static func names(of text: String, limit: Int) -> Set<String> {
        var names: Set<String> = []
        var word: [UInt8] = []
        var capitalised = false
        var sentenceStart = true
        var words = 0
        func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                capitalised = false
            }
            guard !word.isEmpty else { return }
            words += 1
            let startsSentence = sentenceStart
            sentenceStart = false
            guard capitalised, !startsSentence, word.count >= 3 else { return }
            let term = String(decoding: stem(word), as: UTF8.self)
            guard term.utf8.count >= 3, !stopWords.contains(term) else { return }
            names.insert(term)
        }
        for byte in text.utf8 {
            if words >= limit { break }
            switch byte {
            case 0x41...0x5A:
                if word.isEmpty { capitalised = true }
                word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...: word.append(byte)
            case 0x27 where !word.isEmpty, 0x2D where !word.isEmpty: word.append(byte)
            default:
                flush()
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""),
                    UInt8(ascii: "\n"):
                    sentenceStart = true
                default: break
                }
            }
        }
        if words < limit { flush() }
        return names
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
