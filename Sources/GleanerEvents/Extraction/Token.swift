/// A word or punctuation mark of a sentence, with its place in the sentence.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
    }

    public var text: Substring
    public var kind: Kind
    /// Lower-cased text, for lexicon look-ups.
    public var lower: String
    /// `lower` without a possessive ending ("pakistan's" → "pakistan").
    public var bare: String
    /// The word ends in a possessive ('s, ’s, s').
    public var isPossessive: Bool { bare.utf8.count != lower.utf8.count }

    init(text: Substring, kind: Kind, lower: String) {
        self.text = text
        self.kind = kind
        self.lower = lower
        self.bare = kind == .word ? Token.strippingPossessive(lower) : lower
    }

    /// "pakistan's" → "pakistan", "states'" → "states", by bytes (apostrophes are ASCII or U+2019).
    static func strippingPossessive(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let count = bytes.count
        if count > 2, bytes[count - 1] == 0x73, bytes[count - 2] == 0x27 {
            return String(decoding: bytes[..<(count - 2)], as: UTF8.self)
        }
        if count > 4, bytes[count - 1] == 0x73, bytes[count - 4] == 0xE2, bytes[count - 3] == 0x80,
            bytes[count - 2] == 0x99
        {
            return String(decoding: bytes[..<(count - 4)], as: UTF8.self)
        }
        if count > 2, bytes[count - 1] == 0x27, bytes[count - 2] == 0x73 {
            return String(decoding: bytes[..<(count - 1)], as: UTF8.self)
        }
        return word
    }
    public var range: Range<String.Index> { text.startIndex..<text.endIndex }

    /// Whether the word starts with an upper-case letter.
    public var isCapitalized: Bool { text.first?.isUppercase == true }
}

/// Splits a sentence into tokens in one linear pass: words (letters, with inner apostrophes, hyphens and
/// periods of abbreviations such as "U.S."), numbers (with inner commas and periods), and single punctuation
/// marks.
public enum Tokenizer {
    public static func tokens(_ sentence: Substring) -> [Token] {
        var tokens: [Token] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let character = sentence[index]
            if character.isWhitespace {
                index = sentence.index(after: index)
                continue
            }
            let start = index
            if character.isLetter {
                index = sentence.index(after: index)
                while index < sentence.endIndex {
                    let current = sentence[index]
                    if current.isLetter || current.isNumber {
                        index = sentence.index(after: index)
                        continue
                    }
                    // Inner apostrophe or hyphen followed by a letter: "Pakistan's", "decades-old".
                    let next = sentence.index(after: index)
                    if current == "'" || current == "’" || current == "-",
                        next < sentence.endIndex, sentence[next].isLetter
                    {
                        index = next
                        continue
                    }
                    // "U.S." and "Lt." style abbreviations: a period after a single letter followed by a letter.
                    if current == ".", next < sentence.endIndex, sentence[next].isLetter,
                        sentence[start..<index].count <= 2 || sentence[start..<index].contains(".")
                    {
                        index = next
                        continue
                    }
                    break
                }
                let text = sentence[start..<index]
                tokens.append(Token(text: text, kind: .word, lower: text.lowercased()))
            } else if character.isNumber {
                index = sentence.index(after: index)
                while index < sentence.endIndex {
                    let current = sentence[index]
                    let next = sentence.index(after: index)
                    if current.isNumber || current.isLetter && sentence[start..<index].count <= 4 {
                        index = next
                    } else if current == "," || current == ".", next < sentence.endIndex, sentence[next].isNumber {
                        index = next
                    } else {
                        break
                    }
                }
                let text = sentence[start..<index]
                tokens.append(Token(text: text, kind: .number, lower: text.lowercased()))
            } else {
                index = sentence.index(after: index)
                let text = sentence[start..<index]
                tokens.append(Token(text: text, kind: .punctuation, lower: String(text)))
            }
        }
        return tokens
    }
}
