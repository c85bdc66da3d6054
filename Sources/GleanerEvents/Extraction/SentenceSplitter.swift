/// One sentence of an article.
public struct Sentence: Sendable, Hashable {
    /// 0-based position in the article.
    public var index: Int
    /// The sentence text, a slice of the article text.
    public var text: Substring

    /// UTF-8 offsets of the sentence in the article text.
    public func offsets(in article: String) -> (start: Int, end: Int) {
        (
            article.utf8.distance(from: article.startIndex, to: text.startIndex),
            article.utf8.distance(from: article.startIndex, to: text.endIndex)
        )
    }
}

/// Splits article text into sentences in one linear pass (Foundation's sentence enumeration is unavailable on
/// Linux). A sentence ends at a line break, or at `.`, `!`, `?` (with closing quotes or brackets) followed by
/// white space and an upper-case letter, digit or opening quote, unless the period ends an abbreviation
/// (Gen., Lt., Mr., Dr., U.S., Jan., No. …), an initial ("J. Smith"), or a number ("2.5"). A period glued to
/// the next sentence ("…with Pakistan.Russian Foreign Minister…", common in scraped text) also ends one.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "brig", "rep",
        "sen", "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est",
        "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
        "ft", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "hon", "rev", "gen.", "sh",
    ]

    public static func sentences(_ text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = text.startIndex
        var index = text.startIndex
        func emit(upTo end: String.Index) {
            var first = start
            while first < end, text[first].isWhitespace { first = text.index(after: first) }
            var last = end
            while last > first, text[text.index(before: last)].isWhitespace { last = text.index(before: last) }
            if first < last, text[first..<last].contains(where: { $0.isLetter }) {
                sentences.append(Sentence(index: sentences.count, text: text[first..<last]))
            }
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isNewline {
                emit(upTo: index)
                index = text.index(after: index)
                start = index
                continue
            }
            guard character == "." || character == "!" || character == "?" else {
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex, "\"'”’)]".contains(text[end]) { end = text.index(after: end) }
            guard end < text.endIndex else { break }
            let next = text[end]
            if next.isWhitespace {
                var probe = end
                while probe < text.endIndex, text[probe].isWhitespace, !text[probe].isNewline {
                    probe = text.index(after: probe)
                }
                let opener = probe < text.endIndex ? text[probe] : " "
                let startsSentence =
                    opener.isUppercase || opener.isNumber || "\"“‘'(".contains(opener) || opener.isNewline
                if startsSentence, !(character == "." && endsAbbreviation(text, before: index)) {
                    emit(upTo: end)
                    start = end
                }
            } else if character == ".", next.isUppercase, gluedSentence(text, period: index) {
                emit(upTo: end)
                start = end
            }
            index = end
        }
        emit(upTo: text.endIndex)
        return sentences
    }

    /// The word before the period at `period` is an abbreviation or an initial.
    static func endsAbbreviation(_ text: String, before period: String.Index) -> Bool {
        var wordStart = period
        while wordStart > text.startIndex {
            let previous = text.index(before: wordStart)
            if text[previous].isLetter || text[previous] == "." {
                wordStart = previous
            } else {
                break
            }
        }
        let word = text[wordStart..<period].lowercased()
        if word.count == 1 { return true }  // an initial: "J. Smith", "U. S."
        return abbreviations.contains(word)
    }

    /// "Pakistan.Russian": a period between a lower-case word of two letters or more and a capitalised word.
    static func gluedSentence(_ text: String, period: String.Index) -> Bool {
        guard period > text.startIndex else { return false }
        let before = text[text.index(before: period)]
        guard before.isLowercase else { return false }
        return !endsAbbreviation(text, before: period)
    }
}
