/// Every word the extractor looks up, numbered: the words of lexicon names, the forms of trigger verbs and the
/// function words its rules name. A token's `lower` and `bare` are looked up here once, when its sentence is
/// tokenised; the indexes and rules then compare numbers and index arrays instead of hashing strings again.
///
/// Words are keys of a `[String: Int]`, so two numbers are equal exactly when the strings are `==`.
struct Vocabulary: Sendable {
    /// The word lists of the rules a word is on.
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt64

        static let determiner = Self(rawValue: 1 << 0)
        static let preposition = Self(rawValue: 1 << 1)
        static let notName = Self(rawValue: 1 << 2)
        static let groupNoun = Self(rawValue: 1 << 3)
        static let dateWord = Self(rawValue: 1 << 4)
        static let nounContext = Self(rawValue: 1 << 5)
        static let attribution = Self(rawValue: 1 << 6)
        static let pastMarker = Self(rawValue: 1 << 7)
        static let negation = Self(rawValue: 1 << 8)
        /// The word lists of `EntityRecognizer`.
        static let organisationCue = Self(rawValue: 1 << 9)
        static let placeCue = Self(rawValue: 1 << 10)
        static let firstName = Self(rawValue: 1 << 11)
        static let spanStop = Self(rawValue: 1 << 12)
        /// Word lists of `EventExtractor` and `MentionFinder` asked of most tokens.
        static let verbMarker = Self(rawValue: 1 << 13)
        static let subordinator = Self(rawValue: 1 << 14)
        static let clauseOpener = Self(rawValue: 1 << 15)
        static let passiveAuxiliary = Self(rawValue: 1 << 16)
        static let personalPronoun = Self(rawValue: 1 << 17)
        /// Word lists of `EventExtractor.event` asked of the tokens around each trigger.
        static let declaration = Self(rawValue: 1 << 18)
        static let speechVerb = Self(rawValue: 1 << 19)
        static let modalOfIntent = Self(rawValue: 1 << 20)
        static let planVerbBeforeTo = Self(rawValue: 1 << 21)
        static let planAdjective = Self(rawValue: 1 << 22)
        /// `EntityRecognizer.titleCaseLowerWords`, asked of a sentence's words until one is in lower case.
        static let titleCaseLowerWord = Self(rawValue: 1 << 23)
        /// `EventExtractor.futureAuxiliaries`, looked for before each trigger.
        static let futureAuxiliary = Self(rawValue: 1 << 24)
        /// Word lists of `EntityRecognizer` asked of the words of each name it reads.
        static let notEntity = Self(rawValue: 1 << 25)
        static let eventCue = Self(rawValue: 1 << 26)
        static let nameParticle = Self(rawValue: 1 << 27)
        static let groupMember = Self(rawValue: 1 << 28)
        /// Marks after which a capitalised word starts a sentence (`EntityRecognizer.isSentenceStart`).
        static let sentenceOpener = Self(rawValue: 1 << 29)
        /// `EventExtractor.statementVerbs`, asked of every word of a lead.
        static let statementVerb = Self(rawValue: 1 << 30)
    }

    /// Words and marks the rules compare single tokens with. Every vocabulary numbers them first, in this order,
    /// so that a token is compared with one by its number (`Token.is(_:)`).
    enum RuleWord: Int, CaseIterable {
        case the, a, an, of, to, by, and, `for`, `in`, from, who, would, must, unless, ampersand, comma, semicolon,
            colon, period, hyphen, openingParenthesis, closingParenthesis

        /// The word or mark as written.
        var text: String {
            switch self {
            case .ampersand: "&"
            case .comma: ","
            case .semicolon: ";"
            case .colon: ":"
            case .period: "."
            case .hyphen: "-"
            case .openingParenthesis: "("
            case .closingParenthesis: ")"
            default: "\(self)"
            }
        }
    }

    /// The number of a word that is not in the vocabulary (or was not looked up).
    static let unknown = -1

    private var numbers: [String: Int] = [:]
    /// `numbers` for ASCII words, which need no normalisation: every word that is ASCII or `==` to an ASCII
    /// string, by the bytes of that string.
    private var asciiWords = ASCIIWordTable()
    /// The classes of each word, by number.
    private var classesByNumber: [Classes] = []
    /// Each word's ASCII form (`asciiForm(of:)`) as a `String`, by number: the bytes `asciiWords` has it by.
    private var asciiStrings: [String?] = []
    /// Non-ASCII marks common in news text: curly quotes, dashes, the ellipsis, guillemets, the bullet.
    private static let commonMarkTexts = ["“", "”", "‘", "’", "—", "–", "…", "«", "»", "•"]
    /// `commonMarkTexts` by their bytes (`markKey(_:)`), with the number of the word `==` to each (or `unknown`),
    /// kept up to date as words are added: a mark of exactly these bytes is numbered without making a `String`
    /// and hashing it, which normalises it first.
    private var commonMarks = commonMarkTexts.map { mark in
        (key: markKey(Array(mark.utf8))!, text: mark, number: unknown)
    }

    /// A vocabulary of the rule words (`RuleWord`), numbered by their raw values.
    init() {
        for word in RuleWord.allCases { add(word.text) }
    }

    /// How many words there are; numbers run from 0 to `count - 1`.
    var count: Int { classesByNumber.count }

    /// The number of `word`, which is added if new; `classes` are added to the word's.
    @discardableResult
    mutating func add(_ word: String, classes: Classes = []) -> Int {
        if let number = numbers[word] {
            classesByNumber[number].formUnion(classes)
            return number
        }
        let number = classesByNumber.count
        numbers[word] = number
        classesByNumber.append(classes)
        let ascii = Self.asciiForm(of: word)
        if let ascii { asciiWords.insert(ascii, number: number) }
        asciiStrings.append(ascii.map { String(decoding: $0, as: UTF8.self) })
        // A word `==` to an ASCII string is not `==` to any of the (non-ASCII) marks.
        if ascii == nil {
            for index in commonMarks.indices where commonMarks[index].number == Self.unknown {
                if commonMarks[index].text == word { commonMarks[index].number = number }
            }
        }
        return number
    }

    /// The bytes of a short mark (at most four) and their count, packed into an integer; nil for a longer one.
    private static func markKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
        guard bytes.count <= 4 else { return nil }
        var key = UInt64(bytes.count) << 32
        for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * offset) }
        return key
    }

    /// The bytes of the ASCII string `word` is `==` to, if any: its own when it is ASCII. Otherwise each scalar
    /// must be one whose canonical decomposition is a single ASCII character (the Kelvin sign is a K); such
    /// decompositions are singletons, which are all excluded from composition.
    static func asciiForm(of word: String) -> [UInt8]? {
        var form: [UInt8] = []
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                form.append(UInt8(scalar.value))
                continue
            }
            guard scalar.properties.isFullCompositionExclusion,
                let ascii = (0..<128).first(where: { String(scalar) == String(Unicode.Scalar(UInt8($0))) })
            else { return nil }
            form.append(UInt8(ascii))
        }
        return String(decoding: form, as: UTF8.self) == word ? form : nil
    }

    /// Adds each word of `words` with `classes`.
    mutating func add(_ words: Set<String>, classes: Classes) {
        for word in words { add(word, classes: classes) }
    }

    /// The number of `word`, or `unknown`.
    func number(of word: String) -> Int {
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for byte in bytes where byte >= 0x80 { return nil }
            return number(ofASCII: bytes)
        }
        if let ascii, let number = ascii { return number }
        return numbers[word] ?? Self.unknown
    }

    /// The number of the punctuation mark `bytes` (the UTF-8 of one character), or `unknown`: as
    /// `number(of:)` the mark as a `String`, without making one for a common mark.
    func number(ofMark bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let key = Self.markKey(bytes) {
            for mark in commonMarks where mark.key == key { return mark.number }
        }
        return number(of: String(decoding: bytes, as: UTF8.self))
    }

    /// The number of the ASCII word `bytes`, or `unknown`.
    func number(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> Int {
        asciiWords.number(of: bytes) ?? Self.unknown
    }

    /// The number of the ASCII word `bytes`, whose hash is `hash` (an `ASCIIWordTable.WordHash` of them), or
    /// `unknown`.
    func number(ofASCII bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        asciiWords.number(of: bytes, hash: hash) ?? Self.unknown
    }

    /// The ASCII word numbered `number` (by `number(ofASCII:)`), as a `String` of the same bytes: a tokeniser
    /// takes it instead of making one.
    func asciiString(_ number: Int) -> String? {
        number >= 0 ? asciiStrings[number] : nil
    }

    /// Whether a token of `tokens` (numbered with this vocabulary) is a word of `wordClass`. A loop, not a
    /// closure: a closure would capture a copy of the vocabulary.
    func hasWord(of wordClass: Classes, in tokens: ArraySlice<Token>) -> Bool {
        lastWord(of: wordClass, in: tokens) != nil
    }

    /// The index of the last token of `tokens` (numbered with this vocabulary) that is a word of `wordClass`.
    func lastWord(of wordClass: Classes, in tokens: ArraySlice<Token>) -> Int? {
        var index = tokens.endIndex
        while index > tokens.startIndex {
            index -= 1
            if classes(of: tokens[index].number).contains(wordClass) { return index }
        }
        return nil
    }

    /// The classes of the word numbered `number`; none for `unknown`.
    func classes(of number: Int) -> Classes {
        number >= 0 ? classesByNumber[number] : []
    }
}
