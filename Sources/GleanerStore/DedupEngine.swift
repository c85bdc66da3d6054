import GleanerCore

/// The near-duplicate configuration in use, with its MinHash functions built once.
public struct DedupEngine: Sendable {
    public let parameters: DedupParameters
    public let hasher: MinHasher
    public let matcher: NearDuplicateMatcher

    public init(parameters: DedupParameters = DedupParameters()) {
        self.parameters = parameters
        self.hasher = MinHasher(permutations: parameters.permutations, seed: parameters.seed)
        self.matcher = NearDuplicateMatcher(parameters: parameters)
    }

    /// The fingerprint of an article's title and text.
    public func fingerprint(title: String?, text: String) -> DedupFingerprint {
        DedupFingerprint(title: title, text: text, parameters: parameters, hasher: hasher)
    }
}
