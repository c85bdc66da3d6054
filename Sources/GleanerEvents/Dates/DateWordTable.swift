import GleanerCore

/// The words the date grammar names (`DateWord`), by their spelling, for `DateTokenizer`: what a word says (itself,
/// its month number, whether an expression can begin with it) looked up from the word packed into two integers.
/// A word the grammar names is at most 12 lower-case ASCII letters and digits, none of them a zero byte, so its
/// first 8 bytes and its last 4 (little-endian, zeros after the word) say it exactly; the look-up hashes and
/// compares those two integers instead of the word's bytes.
struct DateWordTable {
    /// What a word the grammar names says: itself, its month number (0 for none) and whether an expression can
    /// begin with it, month names aside.
    struct Entry {
        var word: DateWord
        var month: Int
        var startsExpression: Bool
    }

    /// The longest word the grammar names, in bytes.
    static let longestWord = 12

    /// Open addressing with linear probing: a slot holds a word's packed bytes (`head` 0 when empty) and
    /// 1 + its index in `entries`.
    private var heads: [UInt64]
    private var tails: [UInt32]
    private var numbers: [UInt16]
    private(set) var entries: [Entry] = []

    /// Every `DateWord` but `unnamed` and those longer than `longestWord` (which a tokenizer never looks up):
    /// month names and abbreviations with their numbers (`PublicationDateParser.monthNumber`), the other words an
    /// expression can begin with marked (`DateScanner.starters`).
    static let dateWords: DateWordTable = {
        var table = DateWordTable(capacity: 1024)
        for word in DateWord.allCases where word != .unnamed && word.rawValue.utf8.count <= longestWord {
            let month = PublicationDateParser.monthNumber(Substring(word.rawValue)) ?? 0
            table.insert(
                Entry(word: word, month: month, startsExpression: month == 0 && DateScanner.starters.contains(word))
            )
        }
        return table
    }()

    /// An empty table of `capacity` slots, a power of two more than twice the words it will hold.
    private init(capacity: Int) {
        heads = [UInt64](repeating: 0, count: capacity)
        tails = [UInt32](repeating: 0, count: capacity)
        numbers = [UInt16](repeating: 0, count: capacity)
    }

    /// The slot for a packed word: a multiplicative hash of both halves.
    @inline(__always)
    private static func hash(head: UInt64, tail: UInt32) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(tail) &* 0x9E37_79B9) &* 0xFF51_AFD7_ED55_8CCD) >> 40)
    }

    /// `word` (lower-case ASCII, 1 to 12 bytes) packed: its first 8 bytes and the rest.
    static func pack(_ word: some Collection<UInt8>) -> (head: UInt64, tail: UInt32) {
        var head: UInt64 = 0
        var tail: UInt32 = 0
        for (position, byte) in word.enumerated() {
            if position < 8 {
                head |= UInt64(byte) << (8 * position)
            } else {
                tail |= UInt32(byte) << (8 * (position - 8))
            }
        }
        return (head, tail)
    }

    private mutating func insert(_ entry: Entry) {
        let (head, tail) = Self.pack(Array(entry.word.rawValue.utf8))
        precondition(entry.word.rawValue.utf8.count <= Self.longestWord && head != 0, "not a date word")
        let mask = heads.count - 1
        var slot = Self.hash(head: head, tail: tail) & mask
        while heads[slot] != 0 {
            if heads[slot] == head, tails[slot] == tail { return }
            slot = (slot + 1) & mask
        }
        entries.append(entry)
        heads[slot] = head
        tails[slot] = tail
        numbers[slot] = UInt16(entries.count)
        precondition(entries.count * 2 < heads.count, "the date word table is too full")
    }

    /// The index in `entries` of the packed word (`pack`), or nil for a word the grammar does not name.
    @inline(__always)
    func entryIndex(head: UInt64, tail: UInt32) -> Int? {
        heads.withUnsafeBufferPointer { heads in
            let mask = heads.count - 1
            var slot = Self.hash(head: head, tail: tail) & mask
            while true {
                let found = heads[slot]
                if found == 0 { return nil }
                if found == head, tails[slot] == tail { return Int(numbers[slot]) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
