/// Word k-shingles of an article, as a sorted set of stable 64-bit hashes.
public struct Shingles: Sendable, Hashable {
    /// Sorted, without repetition.
    public var hashes: [UInt64]

    public init(hashes: [UInt64]) {
        self.hashes = hashes
    }

    /// The k-shingles of `words`. A text shorter than `k` words is one shingle of all its words.
    public init(words: [Substring], size k: Int) {
        self.init(wordHashes: words.map { word in StableHash.hash(word.utf8) }, size: k)
    }

    /// The k-shingles of the words whose ``StableHash`` values are `wordHashes` (see
    /// ``ComparisonText/wordHashes(title:text:)``).
    public init(wordHashes: [UInt64], size k: Int) {
        var result = Self.hashes(ofWordHashes: wordHashes, size: k)
        Self.sortAndRemoveRepeats(&result)
        hashes = result
    }

    /// The hash of every k-shingle of the words whose hashes are `wordHashes`, in text order and with repeats:
    /// all a MinHash signature needs (a minimum over a multiset is the minimum over its set), without the cost of
    /// sorting. A text shorter than `k` words is one shingle of all its words.
    ///
    /// A shingle's hash folds its words in order, `c = rotl27((c ⊕ w) · P)` from a fixed start, then
    /// ``StableHash/mix(_:)``; four shingles are hashed side by side, so that the multiplies of their four
    /// independent chains overlap.
    public static func hashes(ofWordHashes wordHashes: [UInt64], size k: Int) -> [UInt64] {
        precondition(k >= 1, "shingle size must be at least 1")
        guard !wordHashes.isEmpty else { return [] }
        let count = max(1, wordHashes.count - k + 1)
        let width = min(k, wordHashes.count)
        return [UInt64](unsafeUninitializedCapacity: count) { output, initialized in
            wordHashes.withUnsafeBufferPointer { words in
                var start = 0
                while start &+ 4 <= count {
                    var c0 = shingleStart
                    var c1 = shingleStart
                    var c2 = shingleStart
                    var c3 = shingleStart
                    for offset in 0..<width {
                        let at = start &+ offset
                        c0 = shingleStep(c0, words[at])
                        c1 = shingleStep(c1, words[at &+ 1])
                        c2 = shingleStep(c2, words[at &+ 2])
                        c3 = shingleStep(c3, words[at &+ 3])
                    }
                    output[start] = StableHash.mix(c0)
                    output[start &+ 1] = StableHash.mix(c1)
                    output[start &+ 2] = StableHash.mix(c2)
                    output[start &+ 3] = StableHash.mix(c3)
                    start &+= 4
                }
                while start < count {
                    var combined = shingleStart
                    for offset in 0..<width { combined = shingleStep(combined, words[start &+ offset]) }
                    output[start] = StableHash.mix(combined)
                    start &+= 1
                }
            }
            initialized = count
        }
    }

    /// Where a shingle's hash chain starts.
    static let shingleStart: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// One word folded into a shingle's hash chain.
    @inline(__always)
    static func shingleStep(_ combined: UInt64, _ word: UInt64) -> UInt64 {
        let multiplied = (combined ^ word) &* StableHash.prime
        return (multiplied &<< 27) | (multiplied &>> 37)
    }

    public var count: Int { hashes.count }

    /// Sorts `values` ascending and removes repeated values: a counting pass scatters the hashes into buckets by
    /// their top bits (one to two buckets per value), then one insertion pass over the nearly sorted result
    /// finishes and drops repeats (when a bucket holds more than a few values, which only repetitive input
    /// makes, `sort()` does instead). Shingle hashes are uniform, so this is linear, and several times faster
    /// than `sort()`, whose comparisons of random values mispredict.
    public static func sortAndRemoveRepeats(_ values: inout [UInt64]) {
        let count = values.count
        guard count > 64 else {
            values.sort()
            removeRepeats(fromSorted: &values)
            return
        }
        let bits = min(16, Int.bitWidth - count.leadingZeroBitCount)
        let buckets = 1 << bits
        let shift = UInt64(64 - bits)
        var crowded = false
        var unique = 0
        var sorted = [UInt64](unsafeUninitializedCapacity: count) { sorted, initialized in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { next in
                next.initialize(repeating: 0)
                for value in values { next[Int(truncatingIfNeeded: value &>> shift)] &+= 1 }
                var offset = 0
                for bucket in 0..<buckets {
                    let size = next[bucket]
                    if size > 8 { crowded = true }
                    next[bucket] = offset
                    offset &+= size
                }
                for value in values {
                    let bucket = Int(truncatingIfNeeded: value &>> shift)
                    sorted.initializeElement(at: next[bucket], to: value)
                    next[bucket] &+= 1
                }
            }
            initialized = count
            guard !crowded else { return }
            // Insertion into the sorted prefix sorted[0..<unique]; a value equal to one there is dropped.
            for index in 0..<count {
                let value = sorted[index]
                var position = unique
                while position > 0, sorted[position &- 1] > value {
                    position &-= 1
                }
                if position > 0, sorted[position &- 1] == value { continue }
                var move = unique
                while move > position {
                    sorted[move] = sorted[move &- 1]
                    move &-= 1
                }
                sorted[position] = value
                unique &+= 1
            }
        }
        if crowded {
            sorted.sort()
            removeRepeats(fromSorted: &sorted)
        } else {
            sorted.removeLast(count - unique)
        }
        values = sorted
    }

    /// Keeps the first of each run of equal values of a sorted array.
    static func removeRepeats(fromSorted values: inout [UInt64]) {
        var unique = 0
        for index in values.indices where index == 0 || values[index] != values[unique &- 1] {
            values[unique] = values[index]
            unique &+= 1
        }
        values.removeLast(values.count - unique)
    }

    /// |A ∩ B|, by merging the two sorted sets.
    public func intersectionCount(_ other: Shingles) -> Int {
        var i = 0
        var j = 0
        var common = 0
        let a = hashes
        let b = other.hashes
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }

    /// Exact Jaccard similarity |A ∩ B| / |A ∪ B| and containment |A ∩ B| / min(|A|, |B|).
    public func similarity(to other: Shingles) -> (jaccard: Double, containment: Double) {
        guard !hashes.isEmpty, !other.hashes.isEmpty else { return (0, 0) }
        let common = Double(intersectionCount(other))
        let union = Double(count + other.count) - common
        return (common / union, common / Double(min(count, other.count)))
    }
}
