import GleanerCore

/// A word or punctuation mark of a sentence, with its place in the sentence.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
    }

    /// The token as written: a slice of its sentence, made when it is asked for (most tokens are only ever
    /// compared by `lower`, `bare` and their numbers).
    public var text: Substring { Self.slice(of: base, utf8: Int(utf8Start)..<Int(utf8End)) }
    /// The text from the start of `first` to the end of `last`, two tokens of one sentence in this order.
    static func text(from first: Token, through last: Token) -> Substring {
        slice(of: first.base, utf8: Int(first.utf8Start)..<Int(last.utf8End))
    }

    /// The text of the tokens `range` of one sentence, from the first's start to the last's end, as a `String`
    /// (`""` for no tokens): copied from the sentence's UTF-8, without slicing it by `String.Index`.
    static func string(_ tokens: [Token], _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let base = tokens[range.lowerBound].base
        let bytes = Int(tokens[range.lowerBound].utf8Start)..<Int(tokens[range.upperBound - 1].utf8End)
        return base.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self)
        } ?? String(text(from: tokens[range.lowerBound], through: tokens[range.upperBound - 1]))
    }

    /// The part of `base` between two UTF-8 offsets (character boundaries).
    private static func slice(of base: String, utf8 range: Range<Int>) -> Substring {
        let utf8 = base.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return base[start..<utf8.index(start, offsetBy: range.count)]
    }

    // The stored properties are ordered from the widest down, so that a token (copied often) has no padding
    // inside: 48 bytes.

    /// The whole string the token's sentence is part of (the sentence's `base`), and where the token's bytes
    /// are in its UTF-8: a `String` and two offsets are half the size of a `Substring` of the sentence.
    private let base: String
    private let utf8Start: Int32
    private let utf8End: Int32
    /// For an ASCII word or number: the last four bytes of `lower` (all of a shorter one), the last one lowest.
    private let lowerTail: UInt32
    /// `number` and `bareNumber`, stored in 32 bits.
    private let storedNumber: Int32
    private let storedBareNumber: Int32
    public var kind: Kind
    /// How many UTF-8 bytes of `lower` are a possessive ending ('s, ’s, s'): 0 but for such a word.
    private let possessiveLength: UInt8
    /// Every byte of the token is ASCII: then `lower` is its bytes lower-cased, each byte a character.
    private let isASCII: Bool
    /// The first byte of the token's text.
    private let firstByte: UInt8
    /// The token was numbered by a `Vocabulary`: `number` and `bareNumber` tell which word it is.
    private let isNumbered: Bool
    /// Lower-cased text, for lexicon look-ups; made when it is asked for (the rules compare numbers).
    public var lower: String {
        let text = text
        // A punctuation mark is its own text.
        guard kind != .punctuation else { return String(text) }
        guard isASCII else { return text.lowercased() }
        return CharacterReader.lowercasedString(text.utf8)
    }
    /// `lower` without a possessive ending ("pakistan's" → "pakistan").
    public var bare: String {
        let lower = lower
        guard possessiveLength > 0 else { return lower }
        return String(decoding: lower.utf8.prefix(lower.utf8.count - Int(possessiveLength)), as: UTF8.self)
    }
    /// The word ends in a possessive ('s, ’s, s').
    public var isPossessive: Bool { possessiveLength > 0 }
    /// The numbers of `lower` and `bare` in the extractor's `Vocabulary`, when the tokenizer was given one
    /// (else `Vocabulary.unknown`). Derived from `lower` and `bare`: not part of equality.
    var number: Int { Int(storedNumber) }
    var bareNumber: Int { Int(storedBareNumber) }
    /// Whether the word starts with an upper-case letter; worked out once, as the rules ask it of most tokens.
    /// Derived from `text`: not part of equality.
    public let isCapitalized: Bool

    /// The token at the UTF-8 offsets `utf8Range` of `base` (the whole string its sentence is part of; they
    /// must be character boundaries), starting with the byte `firstByte`, whose `lower` ends in a possessive of
    /// `possessiveLength` bytes; `number` and `bareNumber` are its numbers in a vocabulary, when `isNumbered`.
    init(
        in base: String,
        utf8Range: Range<Int>,
        kind: Kind,
        possessiveLength: Int,
        isASCII: Bool,
        firstByte: UInt8,
        lowerTail: UInt32 = 0,
        number: Int = Vocabulary.unknown,
        bareNumber: Int = Vocabulary.unknown,
        isNumbered: Bool,
        isCapitalized: Bool? = nil
    ) {
        self.base = base
        utf8Start = Int32(utf8Range.lowerBound)
        utf8End = Int32(utf8Range.upperBound)
        self.kind = kind
        self.possessiveLength = UInt8(possessiveLength)
        self.isASCII = isASCII
        self.firstByte = firstByte
        self.lowerTail = lowerTail
        storedNumber = Int32(number)
        storedBareNumber = Int32(bareNumber)
        self.isNumbered = isNumbered
        self.isCapitalized = isCapitalized ?? Self.startsUpperCase(Self.slice(of: base, utf8: utf8Range))
    }

    /// Whether the token is `word` (its `lower` is `==` to the word's text), by its number when it has one.
    @inline(__always)
    func `is`(_ word: Vocabulary.RuleWord) -> Bool {
        isNumbered ? number == word.rawValue : isLower(word)
    }

    /// Whether `lower` is `==` to the text of `word`.
    private func isLower(_ word: Vocabulary.RuleWord) -> Bool {
        lower == word.text
    }

    /// Whether `lower` ends with the bytes of `suffix` (as `lower.utf8.ends(with:)`).
    func lowerEnds(with suffix: StaticString) -> Bool {
        asciiLowerEnds(with: suffix) ?? lower.utf8.ends(with: suffix)
    }

    /// Whether `lower` ends with the characters of the ASCII `suffix` (as `lower.hasSuffix(_:)`).
    func lowerHasSuffix(_ suffix: StaticString) -> Bool {
        asciiLowerEnds(with: suffix) ?? lower.hasSuffix(suffix.description)
    }

    /// Whether `lower` ends with the bytes of `suffix` (at most four), read from `lowerTail` when the token is an
    /// ASCII word or number (each byte a character); else nil.
    private func asciiLowerEnds(with suffix: StaticString) -> Bool? {
        let count = suffix.utf8CodeUnitCount
        guard isASCII, kind != .punctuation, count <= 4 else { return nil }
        guard count <= Int(utf8End - utf8Start) else { return false }
        var value: UInt32 = 0
        for offset in 0..<count { value = value << 8 | UInt32(suffix.utf8Start[offset]) }
        let mask: UInt32 = count == 4 ? .max : (1 << (8 * UInt32(count))) - 1
        return lowerTail & mask == value
    }

    /// The number of UTF-8 bytes of `lower` (`lower.utf8.count`), without making it when the token is ASCII.
    var lowerUTF8Count: Int {
        isASCII ? Int(utf8End - utf8Start) : lower.utf8.count
    }

    /// Whether the token's text starts with a lower-case letter (`text.first?.isLowercase == true`), read from
    /// its first byte when that byte is a character of its own.
    var startsLowerCase: Bool {
        // An ASCII token's first byte is its first character.
        if isASCII { return firstByte &- 0x61 < 26 }
        let text = text
        var bytes = text.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, first != 0x0D, (bytes.next() ?? 0) < 0x80 {
            return first &- 0x61 < 26
        }
        return text.first?.isLowercase == true
    }

    /// "pakistan's" → "pakistan", "states'" → "states", by bytes (apostrophes are ASCII or U+2019).
    static func strippingPossessive(_ word: String) -> String {
        let cut = word.utf8.withContiguousStorageIfAvailable(possessiveEnding) ?? possessiveEnding(Array(word.utf8))
        return cut == 0 ? word : String(decoding: word.utf8.prefix(word.utf8.count - cut), as: UTF8.self)
    }

    /// How many bytes of the UTF-8 `word` are a possessive ending to strip: 2 for 's, 4 for ’s, 1 for the
    /// apostrophe of s', else 0.
    static func possessiveEnding<Bytes: RandomAccessCollection<UInt8>>(_ word: Bytes) -> Int where Bytes.Index == Int {
        let count = word.count
        guard count > 2 else { return 0 }
        func byte(_ fromEnd: Int) -> UInt8 { word[word.endIndex - fromEnd] }
        if byte(1) == 0x73, byte(2) == 0x27 { return 2 }
        if count > 4, byte(1) == 0x73, byte(4) == 0xE2, byte(3) == 0x80, byte(2) == 0x99 { return 4 }
        if byte(1) == 0x27, byte(2) == 0x73 { return 1 }
        return 0
    }

    public static func == (left: Token, right: Token) -> Bool {
        left.text == right.text && left.kind == right.kind && left.lower == right.lower && left.bare == right.bare
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(kind)
        hasher.combine(lower)
        hasher.combine(bare)
    }

    public var range: Range<String.Index> { text.startIndex..<text.endIndex }

    /// Whether `text` starts with an upper-case letter (`isCapitalized`).
    static func startsUpperCase(_ text: Substring) -> Bool {
        // An ASCII first byte followed by an ASCII byte is the whole first character.
        var bytes = text.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, first != 0x0D, (bytes.next() ?? 0) < 0x80 {
            return first &- 0x41 < 26
        }
        return text.first?.isUppercase == true
    }
}
