/// Splits a sentence into tokens in one linear pass: words (letters, with inner apostrophes, hyphens and
/// periods of abbreviations such as "U.S."), numbers (with inner commas and periods), and single punctuation
/// marks.
public enum Tokenizer {
    public static func tokens(_ sentence: Substring) -> [Token] {
        tokens(sentence, limit: .max, vocabulary: nil)!
    }

    /// The tokens of `sentence`, or nil as soon as there are more than `limit` (a run-on is not read to its end).
    /// With a vocabulary, each token carries the numbers of its `lower` and `bare` forms.
    static func tokens(_ sentence: Substring, limit: Int, vocabulary: Vocabulary?) -> [Token]? {
        // The scan reads UTF-8 offsets (`CharacterReader`); tokens are slices of `sentence` between them.
        let reader = CharacterReader(sentence)
        let count = reader.count
        // Tokens keep the whole string the sentence is part of, and their offsets in its UTF-8.
        let base = sentence.base
        let origin = base.utf8.distance(from: base.startIndex, to: sentence.startIndex)
        /// Offsets in the sentence as offsets in `base`.
        func inBase(_ range: Range<Int>) -> Range<Int> { (origin + range.lowerBound)..<(origin + range.upperBound) }
        var tokens: [Token] = []
        // About one token in five bytes of prose.
        tokens.reserveCapacity(min(count / 5 + 4, limit))
        /// A word or number: ASCII ones are lower-cased, stripped and numbered from their bytes.
        func appendWord(_ range: Range<Int>, _ kind: Token.Kind) {
            let token = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { lowered -> Token? in
                reader.bytes.withUnsafeBufferPointer { bytes in
                    asciiWord(range, kind, bytes: bytes, lowered: lowered)
                }
            }
            if let token { return tokens.append(token) }
            let lower = reader.lowercased(range)
            let cut =
                kind == .word
                ? lower.utf8.withContiguousStorageIfAvailable(Token.possessiveEnding)
                    ?? Token.possessiveEnding(Array(lower.utf8)) : 0
            var number = Vocabulary.unknown
            var bareNumber = Vocabulary.unknown
            if let vocabulary {
                number = vocabulary.number(of: lower)
                bareNumber =
                    cut == 0
                    ? number
                    : vocabulary.number(of: String(decoding: lower.utf8.prefix(lower.utf8.count - cut), as: UTF8.self))
            }
            tokens.append(
                Token(
                    in: base,
                    utf8Range: inBase(range),
                    kind: kind,
                    possessiveLength: cut,
                    isASCII: false,
                    firstByte: reader.bytes[range.lowerBound],
                    number: number,
                    bareNumber: bareNumber,
                    isNumbered: vocabulary != nil
                )
            )
        }
        /// The token of the word or number at `range` of `bytes` (the sentence's), or nil when a byte of it is not
        /// ASCII. One pass lower-cases the bytes into `lowered` (as many bytes), keeps the last four and hashes
        /// them for the vocabulary, noting the hashes without the last one or two bytes: those of `bare`, when
        /// the word ends in a possessive ('s or s': an ASCII one is at most two bytes).
        func asciiWord(
            _ range: Range<Int>,
            _ kind: Token.Kind,
            bytes: UnsafeBufferPointer<UInt8>,
            lowered: UnsafeMutableBufferPointer<UInt8>
        ) -> Token? {
            var allBits: UInt8 = 0
            var tail: UInt32 = 0
            var hash = ASCIIWordTable.WordHash()
            var hashWithoutLast = hash
            var hashWithoutLastTwo = hash
            var written = 0
            for offset in range {
                let byte = bytes[offset]
                allBits |= byte
                let lowerByte = CharacterReader.lowercased(byte)
                lowered[written] = lowerByte
                written += 1
                tail = tail << 8 | UInt32(lowerByte)
                hashWithoutLastTwo = hashWithoutLast
                hashWithoutLast = hash
                hash.add(lowerByte)
            }
            guard allBits < 0x80 else { return nil }
            let lower = UnsafeBufferPointer(lowered)
            let cut = kind == .word ? Token.possessiveEnding(lower) : 0
            var number = Vocabulary.unknown
            var bareNumber = Vocabulary.unknown
            if let vocabulary {
                number = vocabulary.number(ofASCII: lower, hash: hash.value)
                bareNumber =
                    cut == 0
                    ? number
                    : vocabulary.number(
                        ofASCII: UnsafeBufferPointer(rebasing: lower[..<(lower.count - cut)]),
                        hash: cut == 1 ? hashWithoutLast.value : hashWithoutLastTwo.value
                    )
            }
            let firstByte = bytes[range.lowerBound]
            return Token(
                in: base,
                utf8Range: inBase(range),
                kind: kind,
                possessiveLength: cut,
                isASCII: true,
                firstByte: firstByte,
                lowerTail: tail,
                number: number,
                bareNumber: bareNumber,
                isNumbered: vocabulary != nil,
                // An ASCII word is capitalised when its first byte is an upper-case letter.
                isCapitalized: firstByte &- 0x41 < 26
            )
        }
        /// A punctuation mark: its own text, numbered from its byte when it is one ASCII byte.
        func appendMark(_ range: Range<Int>) {
            var number = Vocabulary.unknown
            let isASCII = range.count == 1
            if let vocabulary {
                number = reader.bytes.withUnsafeBufferPointer { bytes in
                    let mark = UnsafeBufferPointer(rebasing: bytes[range])
                    return isASCII ? vocabulary.number(ofASCII: mark) : vocabulary.number(ofMark: mark)
                }
            }
            tokens.append(
                Token(
                    in: base,
                    utf8Range: inBase(range),
                    kind: .punctuation,
                    possessiveLength: 0,
                    isASCII: isASCII,
                    firstByte: reader.bytes[range.lowerBound],
                    number: number,
                    bareNumber: number,
                    isNumbered: vocabulary != nil,
                    isCapitalized: false
                )
            )
        }
        var index = 0
        while index < count {
            let (character, afterCharacter) = reader.character(at: index)
            if character.isWhitespace {
                index = afterCharacter
                continue
            }
            if tokens.count == limit { return nil }
            let start = index
            if character.isLetter {
                index = afterCharacter
                while index < count {
                    // ASCII letters and digits followed by ASCII, one character each, continue the word.
                    index = reader.skipping(from: index, while: \.isASCIIAlphanumeric)
                    // Most words end at a space: a character starting with one is neither a letter nor a mark
                    // that continues a word (`Character`'s properties are its first scalar's).
                    if reader.bytes[index] == 0x20 { break }
                    let (current, next) = reader.character(at: index)
                    if current.isLetter || current.isNumber {
                        index = next
                        continue
                    }
                    // Inner apostrophe or hyphen followed by a letter: "Pakistan's", "decades-old".
                    if current.isOne(of: "'’-"), next < count, reader.character(at: next).character.isLetter {
                        index = next
                        continue
                    }
                    // "U.S." and "Lt." style abbreviations: a period after a single letter followed by a letter.
                    if current.is("."), next < count, reader.character(at: next).character.isLetter,
                        reader.hasAtMost(2, charactersIn: start..<index) || reader.contains(".", in: start..<index)
                    {
                        index = next
                        continue
                    }
                    break
                }
                appendWord(start..<index, .word)
            } else if character.isNumber {
                index = afterCharacter
                while index < count {
                    let (current, next) = reader.character(at: index)
                    if current.isNumber || current.isLetter && reader.hasAtMost(4, charactersIn: start..<index) {
                        index = next
                    } else if current.is(",") || current.is("."), next < count,
                        reader.character(at: next).character.isNumber
                    {
                        index = next
                    } else {
                        break
                    }
                }
                appendWord(start..<index, .number)
            } else {
                index = afterCharacter
                appendMark(start..<index)
            }
        }
        return tokens
    }
}
