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
            let token = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { lowered -> Token? in
                // Lower-cased byte by byte, noting whether every byte is ASCII.
                let allBits = reader.bytes.withUnsafeBufferPointer { bytes in
                    var allBits: UInt8 = 0
                    for offset in range {
                        let byte = bytes[offset]
                        allBits |= byte
                        lowered[offset - range.lowerBound] = CharacterReader.lowercased(byte)
                    }
                    return allBits
                }
                guard allBits < 0x80 else { return nil }
                let lower = UnsafeBufferPointer(lowered)
                // An ASCII word is capitalised when its first byte is an upper-case letter.
                let isCapitalized = reader.bytes[range.lowerBound] &- 0x41 < 26
                var number = Vocabulary.unknown
                // A word of the vocabulary has its `String` made already.
                var lowerText: String?
                if let vocabulary {
                    number = vocabulary.number(ofASCII: lower)
                    lowerText = vocabulary.asciiString(number)
                }
                let cut = kind == .word ? Token.possessiveEnding(lower) : 0
                guard cut > 0 else {
                    let lowerText = lowerText ?? String(decoding: lower, as: UTF8.self)
                    return Token(
                        in: sentence,
                        utf8Range: range,
                        kind: kind,
                        lower: lowerText,
                        bare: lowerText,
                        number: number,
                        bareNumber: number,
                        isCapitalized: isCapitalized
                    )
                }
                let bare = UnsafeBufferPointer(rebasing: lower[..<(lower.count - cut)])
                var bareNumber = Vocabulary.unknown
                var bareText: String?
                if let vocabulary {
                    bareNumber = vocabulary.number(ofASCII: bare)
                    bareText = vocabulary.asciiString(bareNumber)
                }
                return Token(
                    in: sentence,
                    utf8Range: range,
                    kind: kind,
                    lower: lowerText ?? String(decoding: lower, as: UTF8.self),
                    bare: bareText ?? String(decoding: bare, as: UTF8.self),
                    number: number,
                    bareNumber: bareNumber,
                    isCapitalized: isCapitalized
                )
            }
            guard let token else { return append(range, kind, lower: reader.lowercased(range)) }
            tokens.append(token)
        }
        func append(_ range: Range<Int>, _ kind: Token.Kind, lower: String, isCapitalized: Bool? = nil) {
            let bare = kind == .word ? Token.strippingPossessive(lower) : lower
            var number = Vocabulary.unknown
            var bareNumber = Vocabulary.unknown
            if let vocabulary {
                number = vocabulary.number(of: lower)
                bareNumber = bare.utf8.count != lower.utf8.count ? vocabulary.number(of: bare) : number
            }
            tokens.append(
                Token(
                    in: sentence,
                    utf8Range: range,
                    kind: kind,
                    lower: lower,
                    bare: bare,
                    number: number,
                    bareNumber: bareNumber,
                    isCapitalized: isCapitalized
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
                // A mark of one ASCII byte is its own text, without slicing the sentence.
                let text =
                    index - start == 1
                    ? Self.asciiCharacters[Int(reader.bytes[start])] : String(reader.slice(start..<index))
                append(start..<index, .punctuation, lower: text, isCapitalized: false)
            }
        }
        return tokens
    }

    /// Each ASCII character as a `String`, by its byte.
    private static let asciiCharacters = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
}
