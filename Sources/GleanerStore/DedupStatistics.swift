/// What near-duplicate detection has cost an ``ArticleStore`` since it was opened, for benchmarks and
/// diagnostics (read with ``ArticleStore/dedupStatistics``).
///
/// Lookups, candidates and time are counted inside ``ArticleStore/commit(_:state:beforeCommit:)`` only (not
/// `similarArticles`), including the work of batches that were then rolled back.
public struct DedupStatistics: Sendable, Hashable, Codable {
    /// Articles looked up for a duplicate (exact text hash, then the bucket index).
    public var lookups = 0
    /// Distinct stored articles the bucket index proposed, before the MinHash estimate narrowed them.
    public var candidates = 0
    /// Candidates verified exactly (their shingles recomputed from their stored text).
    public var verified = 0
    /// Canonical articles indexed (signature row written, keys added in memory).
    public var indexed = 0
    /// Time spent in the lookup, the verification and the indexing of those articles, plus catching up with
    /// rows other writers added, in nanoseconds.
    public var nanoseconds: UInt64 = 0
    /// The CPU time of the same work (the committing thread's), in nanoseconds: what it cost whatever else the
    /// machine was doing.
    public var cpuNanoseconds: UInt64 = 0
    /// The part of ``nanoseconds`` spent verifying candidates (recomputing their comparison words and shingles
    /// from their stored text).
    public var verificationNanoseconds: UInt64 = 0
    /// Full loads of the in-memory index from `article_signatures` (the first use, and after a rolled-back
    /// transaction, `forget` or `reindex`).
    public var loads = 0
    /// Time those full loads took, in nanoseconds.
    public var loadNanoseconds: UInt64 = 0
    /// (key, article) entries in the in-memory index now.
    public var entries = 0
    /// Bytes of memory the in-memory index takes now.
    public var memoryBytes = 0

    public init() {}
}
