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
        if case .ascii(let byte) = self { return byte == UInt8(ascii.value) }
        return isOne(ofASCII: String(ascii))
    }

    /// Whether the character equals one of the ASCII characters of `ascii`, as `Character`'s `==` decides.
    func isOne(ofASCII ascii: String) -> Bool {
        switch self {
        case .ascii(let byte):
            return ascii.utf8.contains(byte)
        case .other(let character):
            // Only a lone scalar can: the character itself, or one whose canonical decomposition it is. Such a
            // decomposition is a singleton, and singletons are excluded from composition.
            let scalars = character.unicodeScalars
            guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
                return false
            }
            if scalar.isASCII { return ascii.unicodeScalars.contains(scalar) }
            return scalar.properties.isFullCompositionExclusion && ascii.contains(character)
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
