/// What near-duplicate detection needs of one article, computed once (in parallel, outside the transaction).
public struct DedupFingerprint: Sendable, Hashable {
    public var shingles: Shingles
    public var signature: [UInt32]
    /// LSH band keys, then the lead and tail keys.
    public var keys: [Int64]

    /// Words at the start (and end) of the comparison text hashed into the lead (and tail) key: a truncated
    /// or extended copy keeps one of them even when its Jaccard similarity is too low for the bands.
    static let anchorWords = 12

    public init(title: String?, text: String, parameters: DedupParameters, hasher: MinHasher) {
        let words = ComparisonText.wordHashes(title: title, text: text)
        var shingleHashes = Shingles.hashes(ofWordHashes: words, size: parameters.shingleSize)
        signature = hasher.signature(ofShingleHashes: shingleHashes)
        Shingles.sortAndRemoveRepeats(&shingleHashes)
        shingles = Shingles(hashes: shingleHashes)
        keys = parameters.banding.bucketKeys(signature)
        if words.count >= Self.anchorWords * 2 {
            keys.append(Self.anchorKey(words.prefix(Self.anchorWords), tag: 0x4C45_4144))  // "LEAD"
            keys.append(Self.anchorKey(words.suffix(Self.anchorWords), tag: 0x5441_494C))  // "TAIL"
        }
    }

    static func anchorKey(_ wordHashes: ArraySlice<UInt64>, tag: UInt64) -> Int64 {
        var hash = StableHash.mix(tag)
        for word in wordHashes { hash = StableHash.mix(hash ^ word) }
        return Int64(bitPattern: hash)
    }
}
