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
        var tokens: [Token] = []
        // About one token in five bytes of prose.
        tokens.reserveCapacity(min(count / 5 + 4, limit))
        /// A word or number: ASCII ones are lower-cased, stripped and numbered from their bytes.
        func appendWord(_ range: Range<Int>, _ kind: Token.Kind) {
            let text = reader.slice(range)
            guard reader.isASCII(range) else { return append(text, kind, lower: reader.lowercased(range)) }
            let token = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { lowered in
                for (offset, byte) in zip(lowered.indices, reader.bytes[range]) {
                    lowered[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                let lower = UnsafeBufferPointer(lowered)
                let number = vocabulary.map { $0.number(ofASCII: lower) } ?? Vocabulary.unknown
                // A word of the vocabulary has its `String` made already.
                let lowerText = vocabulary?.asciiString(number) ?? String(decoding: lower, as: UTF8.self)
                let cut = kind == .word ? Token.possessiveEnding(lower) : 0
                guard cut > 0 else {
                    return Token(
                        text: text,
                        kind: kind,
                        lower: lowerText,
                        bare: lowerText,
                        number: number,
                        bareNumber: number
                    )
                }
                let bare = UnsafeBufferPointer(rebasing: lower[..<(lower.count - cut)])
                let bareNumber = vocabulary.map { $0.number(ofASCII: bare) } ?? Vocabulary.unknown
                return Token(
                    text: text,
                    kind: kind,
                    lower: lowerText,
                    bare: vocabulary?.asciiString(bareNumber) ?? String(decoding: bare, as: UTF8.self),
                    number: number,
                    bareNumber: bareNumber
                )
            }
            tokens.append(token)
        }
        func append(_ text: Substring, _ kind: Token.Kind, lower: String) {
            let bare = kind == .word ? Token.strippingPossessive(lower) : lower
            var number = Vocabulary.unknown
            var bareNumber = Vocabulary.unknown
            if let vocabulary {
                number = vocabulary.number(of: lower)
                bareNumber = bare.utf8.count != lower.utf8.count ? vocabulary.number(of: bare) : number
            }
            tokens.append(
                Token(text: text, kind: kind, lower: lower, bare: bare, number: number, bareNumber: bareNumber)
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
                let text = reader.slice(start..<index)
                append(text, .punctuation, lower: String(text))
            }
        }
        return tokens
    }
}
