/// A hash table from ASCII words, as bytes, to numbers: `Vocabulary`'s look-up for the ASCII words that are most
/// of a text. Hashing a few bytes (FNV-1a) and comparing them is several times cheaper than a `[String: Int]`
/// look-up, which checks the string's normalisation and hashes with SipHash. Two ASCII strings are `==` exactly
/// when their bytes are equal, so the table answers as the dictionary does.
struct ASCIIWordTable: Sendable {
    /// Open addressing with linear probing. A slot holds the upper half of its word's hash, to pass over other
    /// words without reading their bytes, and in the lower half 1 + the word's index in `entries`; 0 is empty.
    private var slots = [UInt64](repeating: 0, count: 64)
    /// The words' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Each word: where its bytes end in `bytes` (they start where the previous word's end), and its number.
    private var entries: [(end: Int32, number: Int32)] = []

    /// The FNV-1a hash of a word, built a byte at a time: a caller that reads a word's bytes anyway (a tokeniser
    /// lower-casing them) hashes them on the way and looks the word up with `number(of:hash:)`.
    struct WordHash {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = WordHash()
        for byte in word { hash.add(byte) }
        return hash.value
    }

    /// Where the bytes of entry `entry` are in `bytes`.
    private func bytesRange(of entry: Int) -> Range<Int> {
        (entry == 0 ? 0 : Int(entries[entry - 1].end))..<Int(entries[entry].end)
    }

    /// The slot of `word`, whose hash is `hash` (`Self.hash(word)`): where it is, or the empty slot where it
    /// would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                    let range = bytesRange(of: Int(slots[slot] & 0xFFFF_FFFF) - 1)
                    if range.count == word.count, Self.equal(bytes, range, word) { return slot }
                }
                slot = (slot + 1) & mask
            }
            return slot
        }
    }

    /// Whether `bytes[range]` are the bytes of `word`, which has as many.
    @inline(__always)
    private static func equal(_ bytes: [UInt8], _ range: Range<Int>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < word.count {
                guard bytes[range.lowerBound + offset] == word[offset] else { return false }
                offset += 1
            }
            return true
        }
    }

    /// The slot value for entry `entry`, of a word whose hash is `hash`.
    private static func slotValue(hash: UInt64, entry: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
    }

    /// Enters `word` (ASCII bytes) with `number`, unless it is there already.
    mutating func insert(_ word: [UInt8], number: Int) {
        word.withUnsafeBufferPointer { insert($0, number: number) }
    }

    /// Enters `word` (ASCII bytes) with `number`, unless it is there already.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, number: Int) {
        let hash = Self.hash(word)
        let slot = slot(of: word, hash: hash)
        guard slots[slot] == 0 else { return }
        bytes.append(contentsOf: word)
        entries.append((Int32(bytes.count), Int32(number)))
        slots[slot] = Self.slotValue(hash: hash, entry: entries.count - 1)
        if entries.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
    }

    private mutating func rehash(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        for entry in entries.indices {
            bytes[bytesRange(of: entry)].withUnsafeBufferPointer { word in
                let hash = Self.hash(word)
                slots[slot(of: word, hash: hash)] = Self.slotValue(hash: hash, entry: entry)
            }
        }
    }

    /// The number of `word` (ASCII bytes), or nil.
    func number(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        number(of: word, hash: Self.hash(word))
    }

    /// The number of `word` (ASCII bytes), whose hash is `hash` (`WordHash` of its bytes), or nil.
    func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let value = slots[slot(of: word, hash: hash)]
        return value != 0 ? Int(entries[Int(value & 0xFFFF_FFFF) - 1].number) : nil
    }
}
