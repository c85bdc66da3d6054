/// A word or punctuation mark of a sentence, with its place in the sentence.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
    }

    /// The token as written: a slice of its sentence, made when it is asked for (most tokens are only ever
    /// compared by `lower`, `bare` and their numbers).
    public var text: Substring { Self.slice(of: sentence, utf8: Int(utf8Start)..<Int(utf8End)) }
    /// The text from the start of `first` to the end of `last`, two tokens of one sentence in this order.
    static func text(from first: Token, through last: Token) -> Substring {
        slice(of: first.sentence, utf8: Int(first.utf8Start)..<Int(last.utf8End))
    }

    /// The text of the tokens `range` of one sentence, from the first's start to the last's end, as a `String`
    /// (`""` for no tokens): copied from the sentence's UTF-8, without slicing it by `String.Index`.
    static func string(_ tokens: [Token], _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let sentence = tokens[range.lowerBound].sentence
        let bytes = Int(tokens[range.lowerBound].utf8Start)..<Int(tokens[range.upperBound - 1].utf8End)
        return sentence.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self)
        } ?? String(text(from: tokens[range.lowerBound], through: tokens[range.upperBound - 1]))
    }

    /// The part of `sentence` between two UTF-8 offsets (character boundaries).
    private static func slice(of sentence: Substring, utf8 range: Range<Int>) -> Substring {
        let utf8 = sentence.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return sentence[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// The sentence the token is in, and where its bytes are in the sentence's UTF-8.
    private let sentence: Substring
    private let utf8Start: Int32
    private let utf8End: Int32
    public var kind: Kind
    /// Lower-cased text, for lexicon look-ups.
    public var lower: String
    /// `lower` without a possessive ending ("pakistan's" → "pakistan").
    public var bare: String
    /// The word ends in a possessive ('s, ’s, s').
    public var isPossessive: Bool { bare.utf8.count != lower.utf8.count }
    /// The numbers of `lower` and `bare` in the extractor's `Vocabulary`, when the tokenizer was given one
    /// (else `Vocabulary.unknown`). Derived from `lower` and `bare`: not part of equality.
    var number = Vocabulary.unknown
    var bareNumber = Vocabulary.unknown
    /// Whether the word starts with an upper-case letter; worked out once, as the rules ask it of most tokens.
    /// Derived from `text`: not part of equality.
    public let isCapitalized: Bool

    /// The token at the UTF-8 offsets `utf8Range` of `sentence` (which must be character boundaries).
    init(
        in sentence: Substring,
        utf8Range: Range<Int>,
        kind: Kind,
        lower: String,
        bare: String,
        number: Int = Vocabulary.unknown,
        bareNumber: Int = Vocabulary.unknown,
        isCapitalized: Bool? = nil
    ) {
        self.sentence = sentence
        utf8Start = Int32(utf8Range.lowerBound)
        utf8End = Int32(utf8Range.upperBound)
        self.kind = kind
        self.lower = lower
        self.bare = bare
        self.number = number
        self.bareNumber = bareNumber
        self.isCapitalized = isCapitalized ?? Self.startsUpperCase(Self.slice(of: sentence, utf8: utf8Range))
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
