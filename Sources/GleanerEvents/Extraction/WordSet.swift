/// A set of words, asked with `contains` as a `Set<String>` is (canonical equivalence), for words built from
/// bytes: the ASCII ones, most of a text, are kept as bytes in an `ASCIIWordTable`, so that neither inserting nor
/// asking for one makes a `String` or hashes with SipHash.
struct WordSet {
    /// The words `==` to an ASCII string, by that string's bytes (`Vocabulary.asciiForm(of:)`).
    private var ascii = ASCIIWordTable()
    /// The other words.
    private var others: Set<String> = []

    /// Adds the ASCII word `bytes`.
    mutating func insert(ascii bytes: UnsafeBufferPointer<UInt8>) {
        ascii.insert(bytes, number: 0)
    }

    /// Adds `word`.
    mutating func insert(_ word: String) {
        if let form = Vocabulary.asciiForm(of: word) {
            ascii.insert(form, number: 0)
        } else {
            others.insert(word)
        }
    }

    /// Whether a word `==` to `word` is in the set.
    func contains(_ word: String) -> Bool {
        let found = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            return ascii.number(of: bytes) != nil
        }
        if let found, let found { return found }
        if let form = Vocabulary.asciiForm(of: word) {
            return form.withUnsafeBufferPointer { ascii.number(of: $0) != nil }
        }
        return others.contains(word)
    }
}
