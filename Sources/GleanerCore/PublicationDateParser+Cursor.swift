extension PublicationDateParser {
    /// A position in the UTF-8 bytes of a date string, and the few things a date is made of.
    struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

        /// Skips spaces and tabs; `true` when there was at least one.
        mutating func skipSpaces() -> Bool {
            let start = index
            while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
            return index > start
        }

        /// Takes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// Takes the next byte if it is one of `bytes`, and returns it.
        mutating func take(oneOf choices: [UInt8]) -> UInt8? {
            guard let byte = peek, choices.contains(byte) else { return nil }
            index += 1
            return byte
        }

        /// A run of ASCII digits no longer than `maxDigits`; nothing is taken when the run is longer.
        mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var end = index
            var value = 0
            while end < bytes.count, Self.isDigit(bytes[end]) {
                guard end - index < maxDigits else { return nil }
                value = value * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            guard end > index else { return nil }
            defer { index = end }
            return (value, end - index)
        }

        /// A run of ASCII letters, lower-cased.
        mutating func word() -> String? {
            let start = index
            while let byte = peek, Self.isLetter(byte) { index += 1 }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        }

        /// `st`, `nd`, `rd` or `th` after a day number.
        mutating func ordinalSuffix() -> Bool {
            let start = index
            guard let word = word(), ["st", "nd", "rd", "th"].contains(word) else {
                index = start
                return false
            }
            return true
        }
    }
}
