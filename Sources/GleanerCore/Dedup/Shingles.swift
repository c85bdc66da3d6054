/// Word k-shingles of an article, as a sorted set of stable 64-bit hashes.
public struct Shingles: Sendable, Hashable {
    /// Sorted, without repetition.
    public var hashes: [UInt64]

    public init(hashes: [UInt64]) {
        self.hashes = hashes
    }

    /// The k-shingles of `words`. A text shorter than `k` words is one shingle of all its words.
    public init(words: [Substring], size k: Int) {
        precondition(k >= 1, "shingle size must be at least 1")
        guard !words.isEmpty else {
            hashes = []
            return
        }
        let wordHashes = words.map { word in StableHash.hash(word.utf8) }
        let count = max(1, wordHashes.count - k + 1)
        var result: [UInt64] = []
        result.reserveCapacity(count)
        for start in 0..<count {
            var combined: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in start..<min(start + k, wordHashes.count) {
                combined = (combined ^ wordHashes[index]) &* 0x0000_0100_0000_01B3
                combined = (combined << 27) | (combined >> 37)
            }
            result.append(StableHash.mix(combined))
        }
        result.sort()
        var unique = 0
        for index in result.indices where index == 0 || result[index] != result[unique - 1] {
            result[unique] = result[index]
            unique += 1
        }
        result.removeLast(result.count - unique)
        hashes = result
    }

    public var count: Int { hashes.count }

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
