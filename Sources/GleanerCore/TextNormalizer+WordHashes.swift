extension TextNormalizer {
    /// The stable hash of every comparison word of `lines`, in order, in one pass over the bytes: the same as
    /// normalising `lines.joined(separator: "\n")`, folding each run of digits to `0`, splitting at spaces and
    /// hashing each word with ``StableHash/hash(_:seed:)``, without building any of those strings.
    ///
    /// Tokens of ASCII letters and digits (almost all of a news article) are lower-cased and hashed as they are
    /// read; a token holding non-ASCII bytes goes through the same NFKC and Unicode property rules as
    /// ``normalize(_:)``, and its folded bytes are hashed the same way.
    static func comparisonWordHashes(of lines: [String]) -> [UInt64] {
        var words = WordHashAccumulator()
        var folded: [UInt8] = []
        var atTextStart = true
        for var line in lines {
            line.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80, !Self.isASCIILetterOrDigit(byte) {
                        // A separator.
                        atTextStart = false
                        index += 1
                        continue
                    }
                    // A token: ASCII letters and digits, and any non-ASCII bytes. It starts a new word. Hash it as
                    // ASCII (lower case, a digit run as one 0) until it ends or a non-ASCII byte turns up. This is
                    // `WordHashAccumulator.append` kept in locals: a quarter faster than going through the struct.
                    words.endWord()
                    var hash = StableHash.offsetBasis
                    var inDigits = false
                    var end = index
                    var ascii = true
                    while end < bytes.count {
                        let value = bytes[end]
                        if value >= 0x80 {
                            ascii = false
                            break
                        }
                        if (value | 0x20) &- 0x61 < 26 {
                            hash = (hash ^ UInt64(value | 0x20)) &* StableHash.prime
                            inDigits = false
                        } else if value &- 0x30 < 10 {
                            if !inDigits { hash = (hash ^ 0x30) &* StableHash.prime }
                            inDigits = true
                        } else {
                            break
                        }
                        end += 1
                    }
                    if ascii {
                        words.hashes.append(StableHash.mix(hash))
                    } else {
                        while end < bytes.count, bytes[end] >= 0x80 || Self.isASCIILetterOrDigit(bytes[end]) {
                            end += 1
                        }
                        // Only a token at the very start of the text can keep a leading combining mark.
                        var needsSpace = !atTextStart
                        folded.removeAll(keepingCapacity: true)
                        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                        appendFolded(token, to: &folded, needsSpace: &needsSpace)
                        for value in folded { words.append(value) }
                        words.endWord()
                    }
                    atTextStart = false
                    index = end
                }
            }
            atTextStart = false  // the line break between lines is a separator
        }
        words.endWord()
        return words.hashes
    }

    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}

/// Hashes a stream of normalised bytes word by word: a space ends a word, a run of digits counts as one `0`.
struct WordHashAccumulator {
    var hashes: [UInt64] = []
    var hash = StableHash.offsetBasis
    var inWord = false
    var inDigits = false

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if byte == 0x20 {
            endWord()
            return
        }
        var value = byte
        if byte &- 0x30 < 10 {
            if inDigits { return }
            inDigits = true
            value = 0x30
        } else {
            inDigits = false
        }
        hash = (hash ^ UInt64(value)) &* StableHash.prime
        inWord = true
    }

    @inline(__always)
    mutating func endWord() {
        if inWord { hashes.append(StableHash.mix(hash)) }
        hash = StableHash.offsetBasis
        inWord = false
        inDigits = false
    }
}
