/// Every word the extractor looks up, numbered: the words of lexicon names, the forms of trigger verbs and the
/// function words its rules name. A token's `lower` and `bare` are looked up here once, when its sentence is
/// tokenised; the indexes and rules then compare numbers and index arrays instead of hashing strings again.
///
/// Words are keys of a `[String: Int]`, so two numbers are equal exactly when the strings are `==`.
struct Vocabulary: Sendable {
    /// The word lists of the rules a word is on.
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt16

        static let determiner = Self(rawValue: 1 << 0)
        static let preposition = Self(rawValue: 1 << 1)
        static let notName = Self(rawValue: 1 << 2)
        static let groupNoun = Self(rawValue: 1 << 3)
        static let dateWord = Self(rawValue: 1 << 4)
        static let nounContext = Self(rawValue: 1 << 5)
        static let attribution = Self(rawValue: 1 << 6)
        static let pastMarker = Self(rawValue: 1 << 7)
    }

    /// The number of a word that is not in the vocabulary (or was not looked up).
    static let unknown = -1

    private var numbers: [String: Int] = [:]
    /// The classes of each word, by number.
    private var classesByNumber: [Classes] = []

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
        return number
    }

    /// Adds each word of `words` with `classes`.
    mutating func add(_ words: Set<String>, classes: Classes) {
        for word in words { add(word, classes: classes) }
    }

    /// The number of `word`, or `unknown`.
    func number(of word: String) -> Int {
        numbers[word] ?? Self.unknown
    }

    /// The classes of the word numbered `number`; none for `unknown`.
    func classes(of number: Int) -> Classes {
        number >= 0 ? classesByNumber[number] : []
    }
}
