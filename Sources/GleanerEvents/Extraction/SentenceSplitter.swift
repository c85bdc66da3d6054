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

    static let longestAbbreviation = abbreviations.map(\.utf8.count).max()!

    /// The sentences of `text`, in order; with `limit`, only the first `limit` of them (the rest is not read).
    public static func sentences(_ text: String, limit: Int = .max) -> [Sentence] {
        // The scan reads UTF-8 offsets (`CharacterReader`); sentences are slices of `text` between them.
        let reader = CharacterReader(Substring(text))
        let count = reader.count
        var sentences: [Sentence] = []
        var start = 0
        var index = 0
        func emit(upTo end: Int) {
            var first = start
            while first < end {
                let (character, next) = reader.character(at: first)
                guard character.isWhitespace else { break }
                first = next
            }
            var last = end
            while last > first {
                let (character, previous) = reader.character(before: last)
                guard character.isWhitespace else { break }
                last = previous
            }
            if first < last, reader.containsLetter(in: first..<last) {
                sentences.append(Sentence(index: sentences.count, text: reader.slice(first..<last)))
            }
        }
        while index < count {
            if sentences.count >= limit { return sentences }
            // ASCII other than line breaks and sentence ends, followed by ASCII, is one character to pass over.
            index = plainASCIIEnd(reader, from: index)
            let (character, afterCharacter) = reader.character(at: index)
            if character.isNewline {
                emit(upTo: index)
                index = afterCharacter
                start = index
                continue
            }
            guard character.endsSentence else {
                index = afterCharacter
                continue
            }
            var end = afterCharacter
            while end < count {
                let (closing, afterClosing) = reader.character(at: end)
                guard closing.closesSentence else { break }
                end = afterClosing
            }
            guard end < count else { break }
            let next = reader.character(at: end).character
            if next.isWhitespace {
                var probe = end
                while probe < count {
                    let (space, afterSpace) = reader.character(at: probe)
                    guard space.isWhitespace, !space.isNewline else { break }
                    probe = afterSpace
                }
                let opener = probe < count ? reader.character(at: probe).character : .ascii(0x20)
                let startsSentence =
                    opener.isUppercase || opener.isNumber || opener.isOne(of: "\"“‘'(") || opener.isNewline
                if startsSentence, !(character.is(".") && endsAbbreviation(reader, before: index)) {
                    emit(upTo: end)
                    start = end
                }
            } else if character.is("."), next.isUppercase, gluedSentence(reader, period: index) {
                emit(upTo: end)
                start = end
            }
            index = end
        }
        emit(upTo: count)
        return sentences
    }

    /// The first offset from `offset` on that is not plain ASCII (neither a line break nor a sentence end) followed
    /// by ASCII, as `CharacterReader.skipping(from:while:)` finds it, read eight bytes at a time.
    static func plainASCIIEnd(_ reader: CharacterReader, from offset: Int) -> Int {
        reader.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var offset = offset
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high = ones &* 0x80
            /// 0x80 in each byte of `word` (all at most 0x7F) that equals `byte`.
            func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                let difference = word ^ ones &* UInt64(byte)
                return ~(difference &+ ones &* 0x7F) & high
            }
            // Bytes `offset` to `offset + 7`, and the byte after each, are read: up to `offset + 8`.
            while offset + 9 <= count {
                let base = UnsafeRawPointer(bytes.baseAddress! + offset)
                let word = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
                let next = UInt64(littleEndian: (base + 1).loadUnaligned(as: UInt64.self))
                let low = word & ~high
                let lineBreaks = (low &+ ones &* (0x80 - 0x0A)) & ~(low &+ ones &* (0x7F - 0x0D)) & high
                let stops =
                    word & high | next & high | lineBreaks | equal(low, UInt8(ascii: "."))
                    | equal(low, UInt8(ascii: "!")) | equal(low, UInt8(ascii: "?"))
                if stops != 0 { return offset + stops.trailingZeroBitCount >> 3 }
                offset += 8
            }
            while offset + 1 < count, bytes[offset + 1] < 0x80, bytes[offset] < 0x80, bytes[offset].isPlainASCII {
                offset += 1
            }
            return offset
        }
    }

    /// The word before the period at offset `period` is an abbreviation or an initial.
    static func endsAbbreviation(_ reader: CharacterReader, before period: Int) -> Bool {
        var wordStart = period
        while wordStart > 0 {
            let (previous, previousStart) = reader.character(before: wordStart)
            if previous.isLetter || previous.is(".") {
                wordStart = previousStart
            } else {
                break
            }
        }
        let range = wordStart..<period
        // An ASCII word has one character per byte: longer than every abbreviation, it is none.
        if range.count > longestAbbreviation, reader.isASCII(range) { return false }
        if reader.isASCII(range) {
            // A character per byte: lower-cased and packed into an integer, the word is looked up as a number.
            if range.count == 1 { return true }  // an initial: "J. Smith", "U. S."
            var packed: UInt64 = 0
            for (position, offset) in range.enumerated() {
                packed |= UInt64(CharacterReader.lowercased(reader.bytes[offset])) << (8 * position)
            }
            return packedAbbreviations.contains(packed)
        }
        let word = reader.lowercased(range)
        if word.count == 1 { return true }  // an initial: "J. Smith", "U. S."
        return abbreviations.contains(word)
    }

    /// `abbreviations`, each packed into an integer (its bytes from the lowest), sorted.
    static let packedAbbreviations = PackedWords(abbreviations)

    /// "Pakistan.Russian": a period between a lower-case word of two letters or more and a capitalised word.
    static func gluedSentence(_ reader: CharacterReader, period: Int) -> Bool {
        guard period > 0 else { return false }
        guard reader.character(before: period).character.isLowercase else { return false }
        return !endsAbbreviation(reader, before: period)
    }
}

extension TextCharacter {
    /// `.`, `!` or `?`.
    fileprivate var endsSentence: Bool {
        if case .ascii(let byte) = self {
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        return isOne(ofASCII: ".!?")
    }

    /// A closing quote or bracket that may follow the end of a sentence: `"`, `'`, `”`, `’`, `)`, `]`.
    fileprivate var closesSentence: Bool {
        if case .ascii(let byte) = self {
            return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")")
                || byte == UInt8(ascii: "]")
        }
        return isOne(of: "\"'”’)]")
    }
}

extension UInt8 {
    /// An ASCII byte that neither breaks a line nor ends a sentence.
    fileprivate var isPlainASCII: Bool {
        switch self {
        case 0x0A...0x0D, UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x80...: false
        default: true
        }
    }
}
