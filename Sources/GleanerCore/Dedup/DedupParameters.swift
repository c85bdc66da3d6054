/// Everything that decides how near-duplicates are found. The index stored in the database was built with
/// one set of these; a daemon configured with another refuses to start until `gleaner reindex` rebuilds it.
public struct DedupParameters: Sendable, Equatable {
    /// Words per shingle (`ShingleSize=`).
    public var shingleSize: Int
    /// MinHash functions (`Permutations=`).
    public var permutations: Int
    /// Jaccard similarity from which a copy is a near duplicate (`NearDuplicateThreshold=`).
    public var threshold: Double
    /// Containment of the smaller shingle set in the larger from which a copy is a contained duplicate
    /// (`ContainmentThreshold=`).
    public var containmentThreshold: Double
    /// Seed of the MinHash functions.
    public var seed: UInt64
    /// The banding chosen for `threshold` and `permutations`.
    public var banding: LSHBanding

    public init(
        shingleSize: Int = 5,
        permutations: Int = 128,
        threshold: Double = 0.8,
        containmentThreshold: Double = 0.9,
        seed: UInt64 = 0x676C_6561_6E65_72
    ) {
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.threshold = threshold
        self.containmentThreshold = containmentThreshold
        self.seed = seed
        self.banding = LSHBanding.optimal(threshold: threshold, permutations: permutations)
    }

    /// What the stored index depends on, as `key → value` strings (persisted in `dedup_parameters`).
    public var indexDescription: [String: String] {
        [
            "shingle_size": "\(shingleSize)", "permutations": "\(permutations)", "bands": "\(banding.bands)",
            "rows": "\(banding.rows)", "seed": "\(seed)", "normalizer_version": "\(ComparisonText.version)",
        ]
    }
}
