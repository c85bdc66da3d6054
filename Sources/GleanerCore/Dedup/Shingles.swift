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
        precondition(k >= 1, "shingle size must be at least 1")
        guard !wordHashes.isEmpty else {
            hashes = []
            return
        }
        let count = max(1, wordHashes.count - k + 1)
        var result = [UInt64](unsafeUninitializedCapacity: count) { output, initialized in
            wordHashes.withUnsafeBufferPointer { words in
                for start in 0..<count {
                    var combined: UInt64 = 0x9E37_79B9_7F4A_7C15
                    for index in start..<min(start + k, words.count) {
                        combined = (combined ^ words[index]) &* 0x0000_0100_0000_01B3
                        combined = (combined &<< 27) | (combined &>> 37)
                    }
                    output.initializeElement(at: start, to: StableHash.mix(combined))
                }
            }
            initialized = count
        }
        Self.sortHashes(&result)
        var unique = 0
        for index in result.indices where index == 0 || result[index] != result[unique - 1] {
            result[unique] = result[index]
            unique += 1
        }
        result.removeLast(result.count - unique)
        hashes = result
    }

    public var count: Int { hashes.count }

    /// Sorts `values` ascending: a counting pass scatters the hashes into buckets by their
    /// top bits (one to two buckets per value), then one insertion pass over the nearly sorted result finishes (when a bucket holds more than
    /// a few values, which only repetitive input makes, `sort()` does instead). Shingle hashes are uniform, so
    /// this is linear, and several times faster than `sort()`, whose comparisons of random values mispredict.
    static func sortHashes(_ values: inout [UInt64]) {
        let count = values.count
        guard count > 64 else {
            values.sort()
            return
        }
        let bits = min(16, Int.bitWidth - count.leadingZeroBitCount)
        let buckets = 1 << bits
        let shift = UInt64(64 - bits)
        var sorted = [UInt64](repeating: 0, count: count)
        var crowded = false
        withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { next in
            next.initialize(repeating: 0)
            for value in values { next[Int(truncatingIfNeeded: value &>> shift)] += 1 }
            var offset = 0
            for bucket in 0..<buckets {
                let size = next[bucket]
                if size > 8 { crowded = true }
                next[bucket] = offset
                offset += size
            }
            sorted.withUnsafeMutableBufferPointer { sorted in
                for value in values {
                    let bucket = Int(truncatingIfNeeded: value &>> shift)
                    sorted[next[bucket]] = value
                    next[bucket] += 1
                }
                if crowded {
                    sorted.sort()
                    return
                }
                for index in 1..<count {
                    let value = sorted[index]
                    var position = index
                    while position > 0, sorted[position - 1] > value {
                        sorted[position] = sorted[position - 1]
                        position -= 1
                    }
                    sorted[position] = value
                }
            }
        }
        values = sorted
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
