/// One character (grapheme cluster) of a text, as `CharacterReader` reads it: a lone ASCII byte, or, for
/// anything else (non-ASCII, an ASCII character followed by combining marks, CR LF), the `Character` itself.
/// Its properties answer exactly as `Character`'s do.
enum TextCharacter {
    case ascii(UInt8)
    case other(Character)

    var isWhitespace: Bool {
        switch self {
        case .ascii(let byte): byte == 0x20 || (0x09...0x0D).contains(byte)
        case .other(let character): character.isWhitespace
        }
    }

    var isNewline: Bool {
        switch self {
        case .ascii(let byte): (0x0A...0x0D).contains(byte)
        case .other(let character): character.isNewline
        }
    }

    var isLetter: Bool {
        switch self {
        case .ascii(let byte): (byte | 0x20) &- 0x61 < 26
        case .other(let character): character.isLetter
        }
    }

    var isNumber: Bool {
        switch self {
        case .ascii(let byte): (0x30...0x39).contains(byte)
        case .other(let character): character.isNumber
        }
    }

    var isUppercase: Bool {
        switch self {
        case .ascii(let byte): (0x41...0x5A).contains(byte)
        case .other(let character): character.isUppercase
        }
    }

    var isLowercase: Bool {
        switch self {
        case .ascii(let byte): (0x61...0x7A).contains(byte)
        case .other(let character): character.isLowercase
        }
    }

    /// Whether the character equals the ASCII character `ascii`, as `Character`'s `==` decides (the Kelvin sign
    /// is a `K`).
    func `is`(_ ascii: Unicode.Scalar) -> Bool {
        switch self {
        case .ascii(let byte): byte == UInt8(ascii.value)
        case .other(let character): character == Character(ascii)
        }
    }

    /// Whether `characters` (single-scalar characters) holds the character, compared as `Character`s.
    func isOne(of characters: String) -> Bool {
        switch self {
        case .ascii(let byte): characters.utf8.contains(byte)
        case .other(let character): characters.contains(character)
        }
    }
}

extension UInt8 {
    /// An ASCII letter or digit.
    var isASCIIAlphanumeric: Bool {
        (self | 0x20) &- 0x61 < 26 || self &- 0x30 < 10
    }
}
