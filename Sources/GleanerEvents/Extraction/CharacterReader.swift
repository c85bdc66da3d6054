/// Reads a text's characters by UTF-8 offset. An ASCII byte between ASCII bytes is a character on its own and
/// is read from the bytes; anything else goes through the text's own `Character`s, so a scan by offsets sees
/// exactly the characters a scan by `String.Index` sees, many times faster on mostly-ASCII text.
///
/// Offsets count UTF-8 bytes from the start of `text`; those passed in must be character boundaries.
struct CharacterReader {
    let text: Substring
    /// `text` in UTF-8.
    let bytes: [UInt8]

    init(_ text: Substring) {
        self.text = text
        bytes = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
    }

    var count: Int { bytes.count }

    /// The index of `text` at a UTF-8 offset.
    func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.startIndex, offsetBy: offset)
    }

    /// The UTF-8 offset of an index of `text`.
    func offset(_ index: String.Index) -> Int {
        text.utf8.distance(from: text.startIndex, to: index)
    }

    /// The slice of `text` between two offsets.
    func slice(_ range: Range<Int>) -> Substring {
        text[index(range.lowerBound)..<index(range.upperBound)]
    }

    /// The character starting at `offset` and the offset after it.
    @inline(__always)
    func character(at offset: Int) -> (character: TextCharacter, end: Int) {
        let byte = bytes[offset]
        if byte < 0x80, byte != 0x0D, offset + 1 == bytes.count || bytes[offset + 1] < 0x80 {
            return (.ascii(byte), offset + 1)
        }
        return decodedCharacter(at: offset)
    }

    /// The character ending at `offset` and the offset where it starts.
    @inline(__always)
    func character(before offset: Int) -> (character: TextCharacter, start: Int) {
        let last = offset - 1
        let byte = bytes[last]
        if byte < 0x80, byte != 0x0A, last == 0 || bytes[last - 1] < 0x80 {
            return (.ascii(byte), last)
        }
        return decodedCharacter(before: offset)
    }

    /// The character at `offset`, from the `Character`s of `text`. A slice starting at the offset takes it as a
    /// boundary as it is: one pass of grapheme breaking, without first rounding the index to a character.
    func decodedCharacter(at offset: Int) -> (character: TextCharacter, end: Int) {
        let character = text[index(offset)...].first!
        return (.other(character), offset + character.utf8.count)
    }

    /// The character before `offset`, from the `Character`s of a slice of `text` ending there.
    func decodedCharacter(before offset: Int) -> (character: TextCharacter, start: Int) {
        let character = text[..<index(offset)].last!
        return (.other(character), offset - character.utf8.count)
    }

    /// The first offset from `offset` on that is not an ASCII byte for which `passes` holds followed by an ASCII
    /// byte: such bytes are whole characters, which a scan can step over.
    @inline(__always)
    func skipping(from offset: Int, while passes: (UInt8) -> Bool) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var offset = offset
            while offset + 1 < bytes.count, bytes[offset + 1] < 0x80, bytes[offset] < 0x80, passes(bytes[offset]) {
                offset += 1
            }
            return offset
        }
    }

    /// Whether every byte of `range` is ASCII (then each byte is a character, unless a CR precedes an LF).
    func isASCII(_ range: Range<Int>) -> Bool {
        for offset in range where bytes[offset] >= 0x80 { return false }
        return true
    }

    /// Whether `range` holds at most `limit` characters; stops counting past the limit.
    func hasAtMost(_ limit: Int, charactersIn range: Range<Int>) -> Bool {
        var count = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            count += 1
            if count > limit { return false }
            offset = character(at: offset).end
        }
        return true
    }

    /// How many characters come before `offset`, counted as `text.distance(from: text.startIndex, to:)` counts
    /// them (an offset inside a character counts from that character's start).
    func characterDistance(to offset: Int) -> Int {
        // The first byte, up to and including the byte at `offset`, that is not ASCII or is a CR.
        guard let special = bytes[0..<min(offset + 1, count)].firstIndex(where: { $0 >= 0x80 || $0 == 0x0D }) else {
            // ASCII without CR: a character per byte, `offset` a boundary.
            return offset
        }
        // Before `special`, each byte is a character, and two such bytes have a boundary between them; the last
        // may start a character with what follows (a combining mark). Bytes count up to that last one, and
        // characters from there on.
        let boundary = max(special - 1, 0)
        return boundary + text.distance(from: index(boundary), to: index(offset))
    }

    /// Whether a character of `range` is the ASCII character `ascii`.
    func contains(_ ascii: Unicode.Scalar, in range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (character, end) = character(at: offset)
            if character.is(ascii) { return true }
            offset = end
        }
        return false
    }

    /// Whether a character of `range` is a letter.
    func containsLetter(in range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (character, end) = character(at: offset)
            if character.isLetter { return true }
            offset = end
        }
        return false
    }

    /// `range` lower-cased as `String.lowercased()` does it: byte by byte when it is ASCII, or ASCII with curly
    /// single quotes ("Pakistan’s", "don’t").
    func lowercased(_ range: Range<Int>) -> String {
        guard isASCIIWithCurlyQuotes(range) else { return slice(range).lowercased() }
        return Self.lowercasedString(bytes[range])
    }

    /// A `String` of `bytes` with A–Z lower-cased: `lowercased()` of them when they are ASCII (or ASCII with
    /// curly single quotes, which it leaves as they are), made without decoding characters.
    static func lowercasedString(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var written = 0
            for byte in bytes {
                buffer[written] = lowercased(byte)
                written += 1
            }
            return written
        }
    }

    /// An ASCII byte lower-cased (A–Z to a–z); any other byte as it is.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether every character of `range` is ASCII or a curly single quote (U+2018, U+2019). Quotes have no
    /// case, and `String.lowercased()` maps each scalar on its own, so such a range lower-cases byte by byte.
    private func isASCIIWithCurlyQuotes(_ range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            guard offset + 2 < range.upperBound, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80,
                bytes[offset + 2] == 0x98 || bytes[offset + 2] == 0x99
            else { return false }
            offset += 3
        }
        return true
    }
}
