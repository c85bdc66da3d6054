/// What forming stories has cost an ``ArticleStore`` since it was opened, for benchmarks and diagnostics (read
/// with ``ArticleStore/storyStatistics``). Counted inside the ingest transaction, for canonical articles (a
/// copy only joins its canonical article's story).
public struct StoryStatistics: Sendable, Hashable, Codable {
    /// Canonical articles placed in a story.
    public var articles = 0
    /// Candidate stories scored for them (at most ``ArticleStore/storiesPerKey`` per lookup key).
    public var candidates = 0
    /// Time spent, in nanoseconds: document frequencies, candidate look-up, scoring, and writing the choice.
    public var nanoseconds: UInt64 = 0
    /// The CPU time of the same work (the committing thread's), in nanoseconds: what it cost whatever else the
    /// machine was doing.
    public var cpuNanoseconds: UInt64 = 0

    public init() {}

    /// Counts the time some story work took, on both clocks.
    mutating func add(time elapsed: DedupClock) {
        nanoseconds += elapsed.wall
        cpuNanoseconds += elapsed.cpu
    }
}
