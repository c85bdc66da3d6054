import GleanerCore

/// One token of a sentence, as the date grammar sees it.
struct DateToken {
    enum Kind: Equatable {
        /// A run of letters (and digits or marks after the first letter): `February`, `Q1`, `Café`.
        case word
        /// Plain digits, usable as a day or a year: `23`, `2015`.
        case number
        /// Digits with an ordinal suffix: `23rd`, `1st`.
        case ordinal
        /// Four digits with a plural `s`: `1990s`, `1990's`.
        case decade
        /// A number that is never a date: `1,100`, `2.5`, `$2015`, `15%`, `10km`, or seven digits or more.
        case otherNumber
        /// One punctuation character; dashes are normalised to `-` and curly apostrophes to `'`.
        case symbol
    }

    var kind: Kind
    /// Words: lower-cased ASCII, or empty when the word has non-ASCII letters or is longer than 12 characters
    /// (no keyword is). Symbols: the normalised character. Numbers: empty.
    var lower: String
    /// The value of a number, ordinal or decade.
    var value: Int
    /// How many digits a number, ordinal or decade has.
    var digits: Int
    /// Words: 1…12 for a month name or abbreviation (`PublicationDateParser.monthNumber`), else 0.
    var month: Int
    /// Words: whether the first letter is upper case (`May` is a month, `may` is a verb).
    var capitalized: Bool
    /// Whether whitespace (or the start of the sentence) comes right before this token.
    var spaced: Bool
    /// Where the token is in the sentence.
    var range: Range<String.Index>
}

/// Splits a sentence into `DateToken`s in one pass over its Unicode scalars.
enum DateTokenizer {
    private enum Class {
        case space, letter, digit, dash, apostrophe, punctuation
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A: return .letter
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
        case 0x2D, 0x2010...0x2015, 0x2212: return .dash
        case 0x27, 0x2018, 0x2019: return .apostrophe
        case 0x00...0x7F: return .punctuation
        default:
            let properties = scalar.properties
            if properties.isWhitespace { return .space }
            if properties.isAlphabetic || properties.numericType != nil { return .letter }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
            default: return .punctuation
            }
        }
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        switch classify(scalar) {
        case .letter, .digit: true
        default: false
        }
    }

    private static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
    }

    static func tokenize(_ sentence: String) -> [DateToken] {
        let scalars = sentence.unicodeScalars
        var tokens: [DateToken] = []
        var index = scalars.startIndex
        var spaced = true

        func append(_ kind: DateToken.Kind, _ start: String.Index, lower: String = "", value: Int = 0, digits: Int = 0)
        {
            var month = 0
            var capitalized = false
            if kind == .word {
                let first = scalars[start].value
                capitalized = (0x41...0x5A).contains(first) || (first > 0x7F && scalars[start].properties.isUppercase)
                // Only words that could be a month name go to `monthNumber`, which allocates.
                switch (lower.utf8.count, lower.utf8.first) {
                case (3...9, UInt8(ascii: "j")), (3...9, UInt8(ascii: "f")), (3...9, UInt8(ascii: "m")),
                    (3...9, UInt8(ascii: "a")), (3...9, UInt8(ascii: "s")), (3...9, UInt8(ascii: "o")),
                    (3...9, UInt8(ascii: "n")), (3...9, UInt8(ascii: "d")):
                    month = PublicationDateParser.monthNumber(Substring(lower)) ?? 0
                default: break
                }
            }
            tokens.append(
                DateToken(
                    kind: kind,
                    lower: lower,
                    value: value,
                    digits: digits,
                    month: month,
                    capitalized: capitalized,
                    spaced: spaced,
                    range: start..<index
                )
            )
            spaced = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            let start = index
            switch classify(scalar) {
            case .space:
                spaced = true
                index = scalars.index(after: index)
            case .letter:
                var lower = ""
                var keywordLike = true
                var count = 0
                while index < scalars.endIndex, isWordPart(scalars[index]) {
                    let s = scalars[index]
                    count += 1
                    if keywordLike, s.isASCII, count <= 12 {
                        lower.unicodeScalars.append(lowerASCII(s))
                    } else {
                        keywordLike = false
                    }
                    index = scalars.index(after: index)
                }
                append(.word, start, lower: keywordLike ? lower : "")
            case .digit:
                var value = 0
                var digits = 0
                while index < scalars.endIndex, classify(scalars[index]) == .digit {
                    if digits < 7 { value = value * 10 + Int(scalars[index].value - 0x30) }
                    digits += 1
                    index = scalars.index(after: index)
                }
                var kind: DateToken.Kind = digits <= 6 ? .number : .otherNumber
                if let previous = tokens.last, !spaced, previous.kind == .symbol {
                    switch previous.lower {
                    case "$", "€", "£", "¥", "#": kind = .otherNumber
                    default: break
                    }
                }
                // Grouped or decimal numbers: 1,100 and 2.5 and 1.100,5.
                while index < scalars.endIndex, scalars[index] == "," || scalars[index] == "." {
                    let after = scalars.index(after: index)
                    guard after < scalars.endIndex, classify(scalars[after]) == .digit else { break }
                    kind = .otherNumber
                    index = after
                    while index < scalars.endIndex, classify(scalars[index]) == .digit {
                        index = scalars.index(after: index)
                    }
                }
                if kind == .number, index < scalars.endIndex, isWordPart(scalars[index]) {
                    // A suffix: 23rd, 1990s, or something else (10km, 5G) that is never a date.
                    var suffix = ""
                    while index < scalars.endIndex, isWordPart(scalars[index]) {
                        if suffix.utf8.count < 4 { suffix.unicodeScalars.append(lowerASCII(scalars[index])) }
                        index = scalars.index(after: index)
                    }
                    switch suffix {
                    case "st", "nd", "rd", "th": kind = .ordinal
                    case "s" where digits == 4: kind = .decade
                    default: kind = .otherNumber
                    }
                } else if kind == .number, digits == 4, index < scalars.endIndex,
                    classify(scalars[index]) == .apostrophe
                {
                    // 1990's
                    let s = scalars.index(after: index)
                    if s < scalars.endIndex, scalars[s] == "s" || scalars[s] == "S" {
                        let after = scalars.index(after: s)
                        if after == scalars.endIndex || !isWordPart(scalars[after]) {
                            kind = .decade
                            index = after
                        }
                    }
                } else if index < scalars.endIndex, isWordPart(scalars[index]) {
                    while index < scalars.endIndex, isWordPart(scalars[index]) { index = scalars.index(after: index) }
                }
                if index < scalars.endIndex, scalars[index] == "%" { kind = .otherNumber }
                append(kind, start, value: value, digits: digits)
            case .dash:
                index = scalars.index(after: index)
                append(.symbol, start, lower: "-")
            case .apostrophe:
                index = scalars.index(after: index)
                append(.symbol, start, lower: "'")
            case .punctuation:
                index = scalars.index(after: index)
                append(.symbol, start, lower: String(scalar))
            }
        }
        return tokens
    }
}
