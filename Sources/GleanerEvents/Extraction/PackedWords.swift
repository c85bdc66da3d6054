/// Words of at most eight ASCII bytes, each packed into an integer (its bytes from the lowest), for a look-up by
/// binary search.
struct PackedWords {
    private let words: [UInt64]

    init(_ words: some Sequence<String>) {
        self.words = words.map { word in
            precondition(word.utf8.count <= 8 && word.utf8.allSatisfy { $0 < 0x80 }, "not a short ASCII word")
            return word.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
        }.sorted()
    }

    /// Whether `packed` is one of the words.
    func contains(_ packed: UInt64) -> Bool {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low] == packed
    }
}
