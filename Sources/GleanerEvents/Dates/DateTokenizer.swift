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
    /// Words: the word, when the grammar names it; `unnamed` for any other word and for numbers and symbols.
    var word: DateWord
    /// Symbols: the normalised character. Other tokens: U+0000.
    var symbol: Unicode.Scalar
    /// The value of a number, ordinal or decade.
    var value: Int
    /// How many digits a number, ordinal or decade has.
    var digits: Int
    /// Words: 1…12 for a month name or abbreviation (`PublicationDateParser.monthNumber`), else 0.
    var month: Int
    /// Words: whether the first letter is upper case (`May` is a month, `may` is a verb).
    var capitalized: Bool
    /// Words: whether an expression can begin with the word, month names aside (`DateScanner.starters`).
    var startsExpression: Bool
    /// Words: whether the word, ASCII and at most 12 letters, has five or more and ends in `ed` but not `eed`: a
    /// verb in the past for `TenseMarkers`.
    var endsInEd: Bool
    /// Whether whitespace (or the start of the sentence) comes right before this token.
    var spaced: Bool
    /// Where the token is in the sentence, as UTF-8 offsets.
    var range: Range<Int>

    /// The indices of `sentence` at the UTF-8 offsets `range` (of tokens of `sentence`).
    static func indices(of range: Range<Int>, in sentence: String) -> Range<String.Index> {
        let utf8 = sentence.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return start..<utf8.index(start, offsetBy: range.count)
    }
}

/// Splits a sentence into `DateToken`s in one pass over its Unicode scalars.
enum DateTokenizer {
    private enum Class {
        case space, letter, digit, dash, apostrophe, punctuation
    }

    @inline(__always)
    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A: return .letter
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
        case 0x2D: return .dash
        case 0x27: return .apostrophe
        case 0x00...0x7F: return .punctuation
        default: return classifyNonASCII(scalar)
        }
    }

    private static func classifyNonASCII(_ scalar: Unicode.Scalar) -> Class {
        switch scalar.value {
        case 0x2010...0x2015, 0x2212: return .dash
        case 0x2018, 0x2019: return .apostrophe
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

    @inline(__always)
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        switch classify(scalar) {
        case .letter, .digit: true
        default: false
        }
    }

    private static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
    }

    /// What a word the grammar names says: itself, its month number (0 for none) and whether an expression can
    /// begin with it.
    private struct Keyword {
        var word: DateWord
        var month: Int
        var startsExpression: Bool
    }

    /// Every `DateWord` by its spelling, numbered as in `entries`: month names and abbreviations have their
    /// numbers (`PublicationDateParser.monthNumber`), the other words an expression can begin with are marked
    /// (`DateScanner.starters`).
    private static let keywords: (table: ASCIIWordTable, entries: [Keyword]) = {
        var table = ASCIIWordTable()
        var entries: [Keyword] = []
        for word in DateWord.allCases where word != .unnamed {
            table.insert(Array(word.rawValue.utf8), number: entries.count)
            let month = PublicationDateParser.monthNumber(Substring(word.rawValue)) ?? 0
            entries.append(
                Keyword(
                    word: word,
                    month: month,
                    startsExpression: month == 0 && DateScanner.starters.contains(word)
                )
            )
        }
        return (table, entries)
    }()

    static func tokenize(_ sentence: String) -> [DateToken] {
        // One pass over the UTF-8 bytes, decoding a scalar at a time; offsets become indices only for ranges.
        let bytes = sentence.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(sentence.utf8)
        let count = bytes.count
        // Read once here rather than through the lazy global's check at every word.
        let keywords = Self.keywords
        func decode(_ offset: Int) -> Unicode.Scalar {
            let lead = UInt32(bytes[offset])
            switch lead {
            case ..<0x80: return Unicode.Scalar(UInt8(lead))
            case ..<0xE0: return Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))!
            case ..<0xF0:
                return Unicode.Scalar(
                    (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                )!
            default:
                return Unicode.Scalar(
                    (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                        | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
                )!
            }
        }
        func after(_ offset: Int) -> Int {
            switch bytes[offset] {
            case ..<0x80: offset + 1
            case ..<0xE0: offset + 2
            case ..<0xF0: offset + 3
            default: offset + 4
            }
        }
        var tokens: [DateToken] = []
        tokens.reserveCapacity(count / 4 + 4)
        var index = 0
        var spaced = true

        /// `keyword`: for a word the grammar names, its entry in `keywords`.
        func append(
            _ kind: DateToken.Kind,
            _ start: Int,
            keyword: Keyword? = nil,
            symbol: Unicode.Scalar = "\0",
            endsInEd: Bool = false,
            value: Int = 0,
            digits: Int = 0
        ) {
            var capitalized = false
            if kind == .word {
                let lead = bytes[start]
                capitalized = lead < 0x80 ? lead &- 0x41 < 26 : decode(start).properties.isUppercase
            }
            tokens.append(
                DateToken(
                    kind: kind,
                    word: keyword?.word ?? .unnamed,
                    symbol: symbol,
                    value: value,
                    digits: digits,
                    month: keyword?.month ?? 0,
                    capitalized: capitalized,
                    startsExpression: keyword?.startsExpression ?? false,
                    endsInEd: endsInEd,
                    spaced: spaced,
                    range: start..<index
                )
            )
            spaced = false
        }

        while index < count {
            let lead = bytes[index]
            let scalar = lead < 0x80 ? Unicode.Scalar(lead) : decode(index)
            let start = index
            switch classify(scalar) {
            case .space:
                spaced = true
                index = lead < 0x80 ? index + 1 : after(index)
            case .letter:
                // Keyword-like: ASCII and at most 12 scalars; then lower-cased and looked up from the bytes.
                var keywordLike = true
                var scalars = 0
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        // An ASCII scalar is a word part when it is a letter or a digit.
                        guard byte.isASCIIAlphanumeric else { break }
                        scalars += 1
                        if scalars > 12 { keywordLike = false }
                        index += 1
                        continue
                    }
                    guard isWordPart(decode(index)) else { break }
                    scalars += 1
                    keywordLike = false
                    index = after(index)
                }
                guard keywordLike else {
                    append(.word, start)
                    break
                }
                let (keyword, endsInEd) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: index - start) {
                    buffer in
                    for offset in start..<index {
                        let byte = bytes[offset]
                        buffer[offset - start] = CharacterReader.lowercased(byte)
                    }
                    let word = UnsafeBufferPointer(buffer)
                    let count = word.count
                    let endsInEd =
                        count >= 5 && word[count - 1] == UInt8(ascii: "d") && word[count - 2] == UInt8(ascii: "e")
                        && word[count - 3] != UInt8(ascii: "e")
                    return (keywords.table.number(of: word).map { keywords.entries[$0] }, endsInEd)
                }
                append(.word, start, keyword: keyword, endsInEd: endsInEd)
            case .digit:
                var value = 0
                var digits = 0
                while index < count, (0x30...0x39).contains(bytes[index]) {
                    if digits < 7 { value = value * 10 + Int(bytes[index] - 0x30) }
                    digits += 1
                    index += 1
                }
                var kind: DateToken.Kind = digits <= 6 ? .number : .otherNumber
                if let previous = tokens.last, !spaced, previous.kind == .symbol {
                    switch previous.symbol {
                    case "$", "€", "£", "¥", "#": kind = .otherNumber
                    default: break
                    }
                }
                // Grouped or decimal numbers: 1,100 and 2.5 and 1.100,5.
                while index < count, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ".") {
                    let next = index + 1
                    guard next < count, (0x30...0x39).contains(bytes[next]) else { break }
                    kind = .otherNumber
                    index = next
                    while index < count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                }
                if kind == .number, index < count, isWordPart(decode(index)) {
                    // A suffix: 23rd, 1990s, or something else (10km, 5G) that is never a date.
                    var suffix = ""
                    while index < count {
                        let part = decode(index)
                        guard isWordPart(part) else { break }
                        if suffix.utf8.count < 4 { suffix.unicodeScalars.append(lowerASCII(part)) }
                        index = after(index)
                    }
                    switch suffix {
                    case "st", "nd", "rd", "th": kind = .ordinal
                    case "s" where digits == 4: kind = .decade
                    default: kind = .otherNumber
                    }
                } else if kind == .number, digits == 4, index < count, classify(decode(index)) == .apostrophe {
                    // 1990's
                    let s = after(index)
                    if s < count, bytes[s] == UInt8(ascii: "s") || bytes[s] == UInt8(ascii: "S") {
                        let next = s + 1
                        if next == count || !isWordPart(decode(next)) {
                            kind = .decade
                            index = next
                        }
                    }
                } else if index < count, isWordPart(decode(index)) {
                    while index < count, isWordPart(decode(index)) { index = after(index) }
                }
                if index < count, bytes[index] == UInt8(ascii: "%") { kind = .otherNumber }
                append(kind, start, value: value, digits: digits)
            case .dash:
                index = after(index)
                append(.symbol, start, symbol: "-")
            case .apostrophe:
                index = after(index)
                append(.symbol, start, symbol: "'")
            case .punctuation:
                index = after(index)
                append(.symbol, start, symbol: scalar)
            }
        }
        return tokens
    }
}
