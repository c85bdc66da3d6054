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

    /// A symbol token: `symbol` (normalised) at `range`.
    static func symbol(_ symbol: Unicode.Scalar, range: Range<Int>, spaced: Bool) -> DateToken {
        DateToken(
            kind: .symbol,
            word: .unnamed,
            symbol: symbol,
            value: 0,
            digits: 0,
            month: 0,
            capitalized: false,
            startsExpression: false,
            endsInEd: false,
            spaced: spaced,
            range: range
        )
    }

    /// The indices of `sentence` at the UTF-8 offsets `range` (of tokens of `sentence`).
    static func indices(of range: Range<Int>, in sentence: some StringProtocol) -> Range<String.Index> {
        let utf8 = sentence.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return start..<utf8.index(start, offsetBy: range.count)
    }
}

/// Splits a sentence into `DateToken`s in one pass over its UTF-8 bytes, decoding a scalar only where a byte is
/// not ASCII.
enum DateTokenizer {
    private enum Class {
        case space, letter, digit, dash, apostrophe, punctuation
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

    /// The tokens of `sentence`; their ranges are UTF-8 offsets in it.
    static func tokenize(_ sentence: String) -> [DateToken] {
        if let tokens = sentence.utf8.withContiguousStorageIfAvailable({ tokenize($0) }) { return tokens }
        return Array(sentence.utf8).withUnsafeBufferPointer { tokenize($0) }
    }

    /// The tokens of the sentence whose UTF-8 bytes are `bytes`; their ranges are offsets in `bytes`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        let count = bytes.count
        let table = DateWordTable.dateWords
        var tokens: [DateToken] = []
        tokens.reserveCapacity(count / 4 + 4)
        var index = 0
        var spaced = true
        while index < count {
            let lead = bytes[index]
            let start = index
            if lead < 0x80 {
                // The ASCII cases first, from the byte.
                if lead | 0x20 &- 0x61 < 26 {
                    tokens.append(word(at: start, in: bytes, table: table, spaced: spaced, end: &index))
                    spaced = false
                    continue
                }
                switch lead {
                case 0x20, 0x09...0x0D:
                    spaced = true
                    index += 1
                    continue
                case 0x30...0x39:
                    tokens.append(number(at: start, in: bytes, after: tokens.last, spaced: spaced, end: &index))
                case 0x2D:
                    index += 1
                    tokens.append(.symbol("-", range: start..<index, spaced: spaced))
                case 0x27:
                    index += 1
                    tokens.append(.symbol("'", range: start..<index, spaced: spaced))
                default:
                    index += 1
                    tokens.append(.symbol(Unicode.Scalar(lead), range: start..<index, spaced: spaced))
                }
                spaced = false
                continue
            }
            let scalar = nonASCIIScalar(at: index, in: bytes)
            switch classifyNonASCII(scalar) {
            case .space:
                spaced = true
                index = nonASCIIEnd(at: index, in: bytes)
                continue
            case .letter:
                tokens.append(word(at: start, in: bytes, table: table, spaced: spaced, end: &index))
            case .digit:
                // Not reached: digits are ASCII.
                tokens.append(number(at: start, in: bytes, after: tokens.last, spaced: spaced, end: &index))
            case .dash:
                index = nonASCIIEnd(at: index, in: bytes)
                tokens.append(.symbol("-", range: start..<index, spaced: spaced))
            case .apostrophe:
                index = nonASCIIEnd(at: index, in: bytes)
                tokens.append(.symbol("'", range: start..<index, spaced: spaced))
            case .punctuation:
                index = nonASCIIEnd(at: index, in: bytes)
                tokens.append(.symbol(scalar, range: start..<index, spaced: spaced))
            }
            spaced = false
        }
        return tokens
    }

    /// For each byte of `word` (eight bytes, the first in the lowest) from `low` to `high` (both at most 0x7F),
    /// 0x80 in that byte; the bytes of `word` must be at most 0x7F.
    @inline(__always)
    private static func bytes(of word: UInt64, from low: UInt8, to high: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastLow = word &+ ones &* UInt64(0x80 - low)
        let aboveHigh = word &+ ones &* UInt64(0x7F - high)
        return atLeastLow & ~aboveHigh & (ones &* 0x80)
    }

    /// The word starting at `start`, a letter: a run of letters and digits, looked up in `table` when it is ASCII
    /// and at most 12 bytes long. `end` is set to where it ends.
    @inline(__always)
    private static func word(
        at start: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        table: DateWordTable,
        spaced: Bool,
        end: inout Int
    ) -> DateToken {
        let count = bytes.count
        var index = start
        // Keyword-like: ASCII and at most 12 bytes; packed lower-cased as it is read.
        var keywordLike = true
        var head: UInt64 = 0
        var tail: UInt32 = 0
        if start + 8 <= count {
            // Eight bytes at once: the letters and digits that open them are the word, or its first 8 bytes.
            let eight = UInt64(
                littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)
            )
            let ascii = ~eight & 0x8080_8080_8080_8080
            let low = eight & 0x7F7F_7F7F_7F7F_7F7F
            let upper = Self.bytes(of: low, from: 0x41, to: 0x5A)
            let letters = Self.bytes(of: low | 0x2020_2020_2020_2020, from: 0x61, to: 0x7A)
            let digits = Self.bytes(of: low, from: 0x30, to: 0x39)
            let others = ~(letters | digits) & ascii | ~ascii & 0x8080_8080_8080_8080
            let lowered = eight | upper >> 2
            if others == 0 {
                head = lowered
                index = start + 8
            } else {
                let length = others.trailingZeroBitCount >> 3
                index = start + length
                head = lowered & (1 &<< UInt64(length &* 8) &- 1)
                if bytes[index] < 0x80 {
                    // An ASCII byte that is no letter or digit ends the word.
                    return finishedWord(
                        at: start,
                        end: index,
                        in: bytes,
                        table: table,
                        spaced: spaced,
                        keywordLike: true,
                        head: head,
                        tail: 0,
                        endOut: &end
                    )
                }
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // An ASCII scalar is a word part when it is a letter or a digit.
                guard byte.isASCIIAlphanumeric else { break }
                let length = index - start
                let lower = UInt64(CharacterReader.lowercased(byte))
                if length < 8 {
                    head |= lower << (8 &* length)
                } else if length < DateWordTable.longestWord {
                    tail |= UInt32(truncatingIfNeeded: lower << (8 &* (length &- 8)))
                } else {
                    keywordLike = false
                }
                index += 1
                continue
            }
            guard nonASCIIIsWordPart(at: index, in: bytes) else { break }
            keywordLike = false
            index = nonASCIIEnd(at: index, in: bytes)
        }
        return finishedWord(
            at: start,
            end: index,
            in: bytes,
            table: table,
            spaced: spaced,
            keywordLike: keywordLike,
            head: head,
            tail: tail,
            endOut: &end
        )
    }

    /// The word token of `start..<index`, packed as `head` and `tail` when `keywordLike` (ASCII, at most 12 bytes).
    @inline(__always)
    private static func finishedWord(
        at start: Int,
        end index: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        table: DateWordTable,
        spaced: Bool,
        keywordLike: Bool,
        head: UInt64,
        tail: UInt32,
        endOut end: inout Int
    ) -> DateToken {
        end = index
        let lead = bytes[start]
        let capitalized = lead < 0x80 ? lead &- 0x41 < 26 : nonASCIIIsUppercase(at: start, in: bytes)
        var entry: DateWordTable.Entry?
        var endsInEd = false
        if keywordLike {
            let length = index - start
            endsInEd =
                length >= 5 && bytes[index - 1] | 0x20 == UInt8(ascii: "d")
                && bytes[index - 2] | 0x20 == UInt8(ascii: "e")
                && bytes[index - 3] | 0x20 != UInt8(ascii: "e")
            if let found = table.entryIndex(head: head, tail: tail) { entry = table.entries[found] }
        }
        return DateToken(
            kind: .word,
            word: entry?.word ?? .unnamed,
            symbol: "\0",
            value: 0,
            digits: 0,
            month: entry?.month ?? 0,
            capitalized: capitalized,
            startsExpression: entry?.startsExpression ?? false,
            endsInEd: endsInEd,
            spaced: spaced,
            range: start..<index
        )
    }

    /// The number starting at `start`, a digit: a number, an ordinal, a decade or a number that is never a date.
    /// `previous` is the token before it. `end` is set to where it ends.
    @inline(__always)
    private static func number(
        at start: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        after previous: DateToken?,
        spaced: Bool,
        end: inout Int
    ) -> DateToken {
        let count = bytes.count
        var index = start
        func isWordPart(at offset: Int) -> Bool {
            let byte = bytes[offset]
            return byte < 0x80 ? byte.isASCIIAlphanumeric : nonASCIIIsWordPart(at: offset, in: bytes)
        }
        func after(_ offset: Int) -> Int {
            bytes[offset] < 0x80 ? offset + 1 : nonASCIIEnd(at: offset, in: bytes)
        }
        var value = 0
        var digits = 0
        while index < count, bytes[index] &- 0x30 < 10 {
            if digits < 7 { value = value * 10 + Int(bytes[index] &- 0x30) }
            digits += 1
            index += 1
        }
        var kind: DateToken.Kind = digits <= 6 ? .number : .otherNumber
        if let previous, !spaced, previous.kind == .symbol {
            switch previous.symbol {
            case "$", "€", "£", "¥", "#": kind = .otherNumber
            default: break
            }
        }
        // Grouped or decimal numbers: 1,100 and 2.5 and 1.100,5.
        while index < count, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ".") {
            let next = index + 1
            guard next < count, bytes[next] &- 0x30 < 10 else { break }
            kind = .otherNumber
            index = next
            while index < count, bytes[index] &- 0x30 < 10 { index += 1 }
        }
        if kind == .number, index < count, isWordPart(at: index) {
            // A suffix: 23rd, 1990s, or something else (10km, 5G) that is never a date. Only a suffix of one or
            // two ASCII letters can be an ordinal's or a decade's.
            let suffixStart = index
            while index < count, isWordPart(at: index) { index = after(index) }
            switch index - suffixStart {
            case 1:
                kind = digits == 4 && bytes[suffixStart] | 0x20 == UInt8(ascii: "s") ? .decade : .otherNumber
            case 2:
                let first = bytes[suffixStart]
                let second = bytes[suffixStart + 1]
                if first < 0x80, second < 0x80 {
                    switch (first | 0x20, second | 0x20) {
                    case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                        (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                        kind = .ordinal
                    default: kind = .otherNumber
                    }
                } else {
                    kind = .otherNumber
                }
            default: kind = .otherNumber
            }
        } else if kind == .number, digits == 4, index < count, isApostrophe(at: index, in: bytes) {
            // 1990's
            let s = after(index)
            if s < count, bytes[s] == UInt8(ascii: "s") || bytes[s] == UInt8(ascii: "S") {
                let next = s + 1
                if next == count || !isWordPart(at: next) {
                    kind = .decade
                    index = next
                }
            }
        } else if index < count, isWordPart(at: index) {
            while index < count, isWordPart(at: index) { index = after(index) }
        }
        if index < count, bytes[index] == UInt8(ascii: "%") { kind = .otherNumber }
        end = index
        return DateToken(
            kind: kind,
            word: .unnamed,
            symbol: "\0",
            value: value,
            digits: digits,
            month: 0,
            capitalized: false,
            startsExpression: false,
            endsInEd: false,
            spaced: spaced,
            range: start..<index
        )
    }

    /// The scalar at `offset`, whose lead byte is not ASCII.
    private static func nonASCIIScalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        switch lead {
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

    /// Where the scalar at `offset`, whose lead byte is not ASCII, ends.
    @inline(__always)
    private static func nonASCIIEnd(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[offset] {
        case ..<0xE0: offset + 2
        case ..<0xF0: offset + 3
        default: offset + 4
        }
    }

    /// Whether the scalar at `offset`, whose lead byte is not ASCII, is a letter (or a mark or a number).
    private static func nonASCIIIsWordPart(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        classifyNonASCII(nonASCIIScalar(at: offset, in: bytes)) == .letter
    }

    /// Whether the scalar at `offset`, whose lead byte is not ASCII, is upper case.
    private static func nonASCIIIsUppercase(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nonASCIIScalar(at: offset, in: bytes).properties.isUppercase
    }

    /// Whether the scalar at `offset` is an apostrophe, straight or curly.
    private static func isApostrophe(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x27 }
        return classifyNonASCII(nonASCIIScalar(at: offset, in: bytes)) == .apostrophe
    }
}
