/// A hash table from ASCII words, as bytes, to numbers: `Vocabulary`'s look-up for the ASCII words that are most
/// of a text. Hashing a few bytes (FNV-1a) and comparing them is several times cheaper than a `[String: Int]`
/// look-up, which checks the string's normalisation and hashes with SipHash. Two ASCII strings are `==` exactly
/// when their bytes are equal, so the table answers as the dictionary does.
struct ASCIIWordTable: Sendable {
    /// Open addressing with linear probing: an index into `entries`, or -1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)
    /// The words' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Each word: where its bytes end in `bytes` (they start where the previous word's end), and its number.
    private var entries: [(end: Int32, number: Int32)] = []

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Where the bytes of entry `entry` are in `bytes`.
    private func bytesRange(of entry: Int) -> Range<Int> {
        (entry == 0 ? 0 : Int(entries[entry - 1].end))..<Int(entries[entry].end)
    }

    /// The slot of `word`: where it is, or the empty slot where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while slots[slot] >= 0 {
            let range = bytesRange(of: Int(slots[slot]))
            if range.count == word.count, bytes[range].elementsEqual(word) { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Enters `word` (ASCII bytes) with `number`, unless it is there already.
    mutating func insert(_ word: [UInt8], number: Int) {
        word.withUnsafeBufferPointer { word in
            let slot = slot(of: word)
            guard slots[slot] < 0 else { return }
            bytes.append(contentsOf: word)
            entries.append((Int32(bytes.count), Int32(number)))
            slots[slot] = Int32(entries.count - 1)
        }
        if entries.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        for entry in entries.indices {
            let free = bytes[bytesRange(of: entry)].withUnsafeBufferPointer { slot(of: $0) }
            slots[free] = Int32(entry)
        }
    }

    /// The number of `word` (ASCII bytes), or nil.
    func number(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let entry = slots[slot(of: word)]
        return entry >= 0 ? Int(entries[Int(entry)].number) : nil
    }
}
