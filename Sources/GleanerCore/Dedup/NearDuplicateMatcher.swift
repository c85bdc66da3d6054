/// How a duplicate relates to its canonical article.
public enum DuplicateKind: String, Sendable, Hashable, Codable {
    /// The same text after normalisation (or the same bytes).
    case exact
    /// Jaccard similarity of the shingle sets at or above the threshold.
    case near
    /// A truncated or extended copy: the smaller shingle set is contained in the larger at or above the
    /// containment threshold.
    case contained
}

/// A stored article found to be copied by a new one.
public struct DuplicateMatch: Sendable, Hashable {
    /// The canonical article the new one copies.
    public var canonical: Int64
    /// The stored article it was compared with (the canonical itself, or another copy of it).
    public var matched: Int64
    /// Exact Jaccard similarity (near) or containment (contained), 1.0 for exact.
    public var similarity: Double
    public var kind: DuplicateKind

    public init(canonical: Int64, matched: Int64, similarity: Double, kind: DuplicateKind) {
        self.canonical = canonical
        self.matched = matched
        self.similarity = similarity
        self.kind = kind
    }
}

/// A stored article that LSH proposed, with what verification needs.
public struct DuplicateCandidate: Sendable {
    public var id: Int64
    /// The canonical article of the candidate (its own id when it is canonical).
    public var canonical: Int64
    public var shingles: Shingles

    public init(id: Int64, canonical: Int64, shingles: Shingles) {
        self.id = id
        self.canonical = canonical
        self.shingles = shingles
    }
}

/// Verifies LSH candidates with exact shingle-set similarity and picks the match, so that every reported
/// similarity is exact, not an estimate.
public struct NearDuplicateMatcher: Sendable {
    public var parameters: DedupParameters

    public init(parameters: DedupParameters) {
        self.parameters = parameters
    }

    /// The best verified match among `candidates`, or `nil` when none qualifies: the highest similarity among
    /// those with Jaccard ≥ threshold (near) or containment ≥ containment threshold (contained); near wins a
    /// tie, then the older canonical.
    public func bestMatch(for shingles: Shingles, among candidates: [DuplicateCandidate]) -> DuplicateMatch? {
        var best: DuplicateMatch?
        for candidate in candidates {
            let (jaccard, containment) = shingles.similarity(to: candidate.shingles)
            let match: DuplicateMatch
            if jaccard >= parameters.threshold {
                match = DuplicateMatch(
                    canonical: candidate.canonical,
                    matched: candidate.id,
                    similarity: jaccard,
                    kind: .near
                )
            } else if containment >= parameters.containmentThreshold, jaccard >= Self.minimumContainedJaccard {
                match = DuplicateMatch(
                    canonical: candidate.canonical,
                    matched: candidate.id,
                    similarity: containment,
                    kind: .contained
                )
            } else {
                continue
            }
            if let current = best, !Self.better(match, than: current) { continue }
            best = match
        }
        return best
    }

    /// A contained copy must still be at least about half of the other (Jaccard ≥ 0.5): a short excerpt of a
    /// long article is a quotation, not a copy.
    public static let minimumContainedJaccard = 0.5

    static func better(_ a: DuplicateMatch, than b: DuplicateMatch) -> Bool {
        if a.similarity != b.similarity { return a.similarity > b.similarity }
        if a.kind != b.kind { return a.kind == .near }
        return a.canonical < b.canonical
    }

    /// Candidates worth verifying first: LSH may propose many; a cheap MinHash estimate orders them and drops
    /// those that cannot qualify as near duplicates, unless an anchor key (lead or tail) proposed them.
    public static let maximumVerified = 16
}

/// An in-memory LSH index with the same keys as the store's index, for tests and one-off
/// comparisons.
public struct InMemoryLSHIndex: Sendable {
    var buckets: [Int64: [Int64]] = [:]
    var entries: [Int64: (canonical: Int64, fingerprint: DedupFingerprint)] = [:]

    public init() {}

    public mutating func insert(id: Int64, canonical: Int64, fingerprint: DedupFingerprint) {
        entries[id] = (canonical, fingerprint)
        for key in fingerprint.keys { buckets[key, default: []].append(id) }
    }

    /// Stored articles sharing at least one key with `fingerprint`.
    public func candidates(for fingerprint: DedupFingerprint) -> [DuplicateCandidate] {
        var seen = Set<Int64>()
        var result: [DuplicateCandidate] = []
        for key in fingerprint.keys {
            for id in buckets[key] ?? [] where seen.insert(id).inserted {
                let entry = entries[id]!
                result.append(
                    DuplicateCandidate(id: id, canonical: entry.canonical, shingles: entry.fingerprint.shingles)
                )
            }
        }
        return result
    }
}
