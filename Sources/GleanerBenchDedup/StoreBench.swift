import Foundation
import GleanerCore
import GleanerStore
import GleanerSynthetic

/// One timed window of the store measurement.
struct StorePhaseReport: Encodable {
    /// Articles in the database when the window started (canonical and duplicates).
    var storedBefore: Int
    /// Corpus articles committed in the window (a mix of originals and copies, in arrival order).
    var window: Int
    var windowCopies: Int
    var transactions: Int
    /// Wall time of `ArticleStore.commit` (one transaction per batch: replay check, file row, exact-hash and LSH
    /// lookup with exact verification, article row, signature row and in-memory keys, fsynced COMMIT)
    /// ÷ articles.
    var commitUsPerArticle: Double
    var commitUsPerArticleByTransaction: [Double]
    /// The near-duplicate part of `commitUsPerArticle`, as the store counts it (``DedupStatistics``): exact-hash
    /// lookup, bucket lookup, MinHash estimates, exact verification, and indexing (signature row + in-memory
    /// keys) ÷ articles. The rest of the commit is the file and article rows and COMMIT.
    var dedupUsPerArticle: Double
    /// CPU time of the committing thread in the same work ÷ articles (the rest of `dedupUsPerArticle` is
    /// waiting: page reads, the CPU being busy elsewhere).
    var dedupCpuUsPerArticle: Double
    /// The part of `dedupUsPerArticle` spent recomputing candidates' shingles from their stored text.
    var dedupVerificationUsPerArticle: Double
    /// Stored articles the bucket index proposed, and candidates verified exactly, per article.
    var dedupCandidatesPerArticle: Double
    var dedupVerifiedPerArticle: Double
    /// CPU time of the committing thread (user + system) ÷ articles: the rest of `commitUsPerArticle` is
    /// waiting (fsync, page writes, the CPU being busy elsewhere).
    var commitCpuUsPerArticle: Double
    /// The story part of `commitUsPerArticle`, as the store counts it (``StoryStatistics``): document
    /// frequencies, candidate look-up and scoring, writing the choice ÷ canonical articles; and the candidate
    /// stories scored per canonical article.
    var storyUsPerArticle: Double
    /// The CPU time of that work ÷ canonical articles: what to compare when the machine is busy.
    var storyCpuUsPerArticle: Double
    var storyCandidatesPerArticle: Double
    /// Bytes handed to write(2) during the commits (WAL frames, checkpoints) ÷ articles, in KiB.
    var writtenKiBPerArticle: Double
    /// `PreparedArticle(article, engine:)` per article, single-threaded (the daemon does this outside the
    /// transaction, in parallel): SHA-256 of the normalised text + fingerprint.
    var prepareUs: Double
    /// `similarArticles(to:limit:)` on the prepared article, per article, run before the window is committed
    /// (a read-only proxy for the lookup the commit does): exact-hash lookup, bucket lookup, candidate
    /// signatures and verification, without the preparation.
    var queryNetUs: Double
    /// CPU time of the querying thread per call (the rest of `queryNetUs` is waiting).
    var queryCpuUs: Double
    var queryP50Us: Double
    var queryP99Us: Double
    var queryNetOriginalsUs: Double
    var queryNetCopiesUs: Double
    /// Window copies stored as duplicates of their source's cluster.
    var copiesDetected: Int
    /// Window originals stored as duplicates (should be 0).
    var originalsFlagged: Int
    /// Window articles whose store decision (duplicate or new) differs from the in-memory index's in the recall
    /// measurement (nil when that did not run).
    var disagreementsWithInMemory: Int?
    /// Database file + WAL after the window.
    var databaseMiB: Double
}

/// Commit cost while filling, for the growth curve.
struct FillPoint: Encodable {
    var stored: Int
    /// Mean commit time per article over the batches since the previous point (all filler originals).
    var commitUsPerArticle: Double
}

struct StoreReport: Encodable {
    var database: String
    var batch: Int
    var synchronous: Int
    var phases: [StorePhaseReport]
    /// `phases[1].commitUsPerArticle ÷ phases[0].commitUsPerArticle`.
    var commitGrowth: Double
    var dedupGrowth: Double
    /// `phases[1].storyUsPerArticle ÷ phases[0].storyUsPerArticle`: flat when the story index keeps the work
    /// per article bounded.
    var storyGrowth: Double
    /// The same for the story work's CPU time.
    var storyCpuGrowth: Double
    /// Growth of the dedup work without verification (exact-hash and bucket lookups, candidate signatures,
    /// indexing), and of the time per verified candidate: how many candidates a window verifies depends on
    /// how many copies it holds, not on the size of the database.
    var dedupLookupAndIndexGrowth: Double
    var verificationPerCandidateGrowth: Double
    var queryNetGrowth: Double
    /// Loading the in-memory bucket index at `BIG` with a newly opened store (new connections; the operating
    /// system's page cache is as the run left it), and its size.
    var indexLoadMs: Double
    var indexEntries: Int
    var indexMiB: Double
    var fillArticles: Int
    var fillSeconds: Double
    var fillCurve: [FillPoint]
}

/// Insert + query cost in the real SQLite store at `SMALL` and at `BIG` stored articles.
///
/// The store is filled with the start of the corpus stream, then with more originals from the same generator
/// (another seed) up to `SMALL`; the next `WINDOW` corpus articles are queried (read-only) and then committed
/// in batches of `BATCH` items per transaction, timed. Then more originals fill it to `BIG`, and the following
/// `WINDOW` corpus articles are measured the same way.
struct StoreBench {
    let options: Options
    let store: ArticleStore
    let engine: DedupEngine
    var stored = 0
    var nextInode: UInt64 = 1
    /// Corpus id → the store id of its cluster's canonical article.
    var cluster: [Int: Int64] = [:]
    var filler: SyntheticCorpus
    var fillerLengths: SeededGenerator
    var fillArticles = 0
    var fillSeconds = 0.0
    var fillCurve: [FillPoint] = []
    /// Corpus ids the in-memory index recorded as duplicates, if the recall measurement ran.
    var inMemoryDuplicates: Set<Int>?

    init(options: Options, path: String) throws {
        self.options = options
        store = try ArticleStore(path: path)
        engine = store.engine
        filler = SyntheticCorpus(seed: options.seed ^ 0x6669_6C6C_6572)
        fillerLengths = SeededGenerator(seed: options.seed ^ 0x6C65_6E67)
    }

    static func run(options: Options, corpus: Corpus, inMemoryDuplicates: Set<Int>?) throws -> StoreReport {
        let path = "\(options.databaseDirectory)/gleaner-bench-dedup-\(getpid()).sqlite"
        let files = [path, path + "-wal", path + "-shm"]
        for file in files { try? FileManager.default.removeItem(atPath: file) }
        defer {
            if !options.keepDatabase { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        }
        var bench = try StoreBench(options: options, path: path)
        bench.inMemoryDuplicates = inMemoryDuplicates
        let stream = corpus.stream
        let window = options.window
        let prefix = min(stream.count - 2 * window, options.small)

        progress("store: \(path), filling to \(options.small) articles (\(prefix) from the corpus)")
        try bench.fill(to: prefix, corpus: stream[0..<prefix])
        try bench.fill(to: options.small, corpus: [])
        let first = try bench.measure(Array(stream[prefix..<(prefix + window)]))

        progress("store: filling to \(options.big) articles")
        try bench.fill(to: options.big, corpus: [])
        let second = try bench.measure(Array(stream[(prefix + window)..<(prefix + 2 * window)]))

        progress("store: loading the in-memory index at \(bench.stored) stored, with a newly opened store")
        let reopened = try ArticleStore(path: path)
        let loadStart = nanoseconds()
        let loaded = try reopened.loadNearDuplicateIndex()
        let loadMs = Double(nanoseconds() - loadStart) / 1_000_000
        progress(
            String(
                format: "store: index loaded in %.0f ms: %d entries, %.1f MiB",
                loadMs,
                loaded.entries,
                Double(loaded.memoryBytes) / 1_048_576
            )
        )

        return StoreReport(
            database: options.keepDatabase ? path : "\(path) (removed)",
            batch: options.batch,
            synchronous: try bench.store.synchronousLevel(),
            phases: [first, second],
            commitGrowth: rounded(second.commitUsPerArticle / first.commitUsPerArticle, 3),
            dedupGrowth: rounded(second.dedupUsPerArticle / first.dedupUsPerArticle, 3),
            storyGrowth: rounded(second.storyUsPerArticle / max(first.storyUsPerArticle, 0.001), 3),
            storyCpuGrowth: rounded(second.storyCpuUsPerArticle / max(first.storyCpuUsPerArticle, 0.001), 3),
            dedupLookupAndIndexGrowth: rounded(
                (second.dedupUsPerArticle - second.dedupVerificationUsPerArticle)
                    / (first.dedupUsPerArticle - first.dedupVerificationUsPerArticle),
                3
            ),
            verificationPerCandidateGrowth: rounded(
                (second.dedupVerificationUsPerArticle / second.dedupVerifiedPerArticle)
                    / (first.dedupVerificationUsPerArticle / first.dedupVerifiedPerArticle),
                3
            ),
            queryNetGrowth: rounded(second.queryNetUs / first.queryNetUs, 3),
            indexLoadMs: rounded(loadMs, 1),
            indexEntries: loaded.entries,
            indexMiB: rounded(Double(loaded.memoryBytes) / 1_048_576, 1),
            fillArticles: bench.fillArticles,
            fillSeconds: rounded(bench.fillSeconds, 1),
            fillCurve: bench.fillCurve
        )
    }

    /// An ingest item per document: one article per file, as the daemon stores a `.txt` file.
    mutating func items(_ prepared: [PreparedArticle]) -> [IngestItem] {
        prepared.map { article in
            let inode = nextInode
            nextInode += 1
            let identity = FileIdentity(
                name: "bench-\(inode).txt",
                device: 1,
                inode: inode,
                size: Int64(article.article.text.utf8.count),
                modificationTimeNanoseconds: 1_767_225_600_000_000_000,
                changeTimeNanoseconds: Int64(inode)
            )
            return .articles(identity, sha256: article.textHash, articles: [article], rejectedLines: [])
        }
    }

    /// Commits `documents` in one transaction, records the clusters of corpus documents (`tracked`), and
    /// returns the commit's wall time in microseconds and its results.
    mutating func commit(
        _ documents: [SyntheticCorpus.Document],
        prepared: [PreparedArticle],
        tracked: Bool
    ) throws -> (us: Double, cpuUs: Double, results: [CommittedFile]) {
        let batch = items(prepared)
        let cpuStart = threadCPUNanoseconds()
        let start = nanoseconds()
        let results = try store.commit(batch)
        let elapsed = microseconds(start, nanoseconds())
        let cpu = microseconds(cpuStart, threadCPUNanoseconds())
        stored += documents.count
        if tracked {
            for (document, result) in zip(documents, results) {
                let article = result.articles[0]
                cluster[document.id] = article.duplicateOf ?? article.id
            }
        }
        return (elapsed, cpu, results)
    }

    /// Commits the `corpus` documents, then generated originals, until `target` articles are stored, in batches,
    /// with a progress line on stderr every few seconds and a point of the growth curve every 5% of `BIG`.
    mutating func fill(to target: Int, corpus: ArraySlice<SyntheticCorpus.Document>) throws {
        guard stored < target else { return }
        let start = nanoseconds()
        let startStored = stored
        var lastProgress = start
        var pending = corpus
        let curveStep = max(options.batch, options.big / 20)
        var curveMark = (stored / curveStep + 1) * curveStep
        var curveTime = 0.0
        var curveArticles = 0
        while stored < target {
            let size = min(options.batch, target - stored)
            var documents: [SyntheticCorpus.Document] = []
            let tracked = !pending.isEmpty
            if tracked {
                documents = Array(pending.prefix(size))
                pending = pending.dropFirst(size)
            } else {
                for _ in 0..<size {
                    documents.append(filler.makeArticle(words: 300 + Int(fillerLengths.next() % 701)))
                }
                filler.documents.removeAll(keepingCapacity: true)
            }
            let engine = self.engine
            let prepared = documents.parallelMap { PreparedArticle($0.article, engine: engine) }
            let (us, _, _) = try commit(documents, prepared: prepared, tracked: tracked)
            if !tracked {
                curveTime += us
                curveArticles += documents.count
            }
            if stored >= curveMark {
                if curveArticles > 0 {
                    fillCurve.append(
                        FillPoint(stored: stored, commitUsPerArticle: rounded(curveTime / Double(curveArticles), 1))
                    )
                }
                curveMark += curveStep
                curveTime = 0
                curveArticles = 0
            }
            let now = nanoseconds()
            if seconds(lastProgress, now) >= options.progressSeconds || stored >= target {
                lastProgress = now
                let rate = Double(stored - startStored) / seconds(start, now)
                let eta = Double(target - stored) / max(rate, 1)
                progress(
                    String(
                        format: "fill: %d / %d stored, %.0f articles/s, last batch %.0f µs/article commit, ETA %.0f s",
                        stored,
                        target,
                        rate,
                        us / Double(documents.count),
                        eta
                    )
                )
            }
        }
        fillArticles += stored - startStored
        fillSeconds += seconds(start, nanoseconds())
    }

    /// Times preparation, the read-only query proxy and the commit of `window`.
    mutating func measure(_ window: [SyntheticCorpus.Document]) throws -> StorePhaseReport {
        let storedBefore = stored
        progress("measure: \(window.count) corpus articles at \(storedBefore) stored")

        // Preparation (outside the transaction in the daemon), single-threaded.
        var prepared: [PreparedArticle] = []
        var prepareTimes: [Double] = []
        for document in window {
            let start = nanoseconds()
            prepared.append(PreparedArticle(document.article, engine: engine))
            prepareTimes.append(microseconds(start, nanoseconds()))
        }

        // The query proxy, before the window is stored (so nothing finds itself).
        var queryTimes: [Double] = []
        var queryCPU = 0.0
        var originals: [Double] = []
        var copies: [Double] = []
        for (offset, document) in window.enumerated() {
            let cpuStart = threadCPUNanoseconds()
            let start = nanoseconds()
            let similar = try store.similarArticles(to: prepared[offset], limit: 5)
            let elapsed = microseconds(start, nanoseconds())
            queryCPU += microseconds(cpuStart, threadCPUNanoseconds())
            precondition(similar.count <= 5)
            queryTimes.append(elapsed)
            if document.copyOf == nil { originals.append(elapsed) } else { copies.append(elapsed) }
        }

        // The timed commits.
        var commitTimes: [Double] = []
        var total = 0.0
        var cpuTotal = 0.0
        let ioBefore = processIO()
        let dedupBefore = store.dedupStatistics
        let storiesBefore = store.storyStatistics
        var copiesDetected = 0
        var originalsFlagged = 0
        var disagreements = 0
        for start in stride(from: 0, to: window.count, by: options.batch) {
            let range = start..<min(start + options.batch, window.count)
            let documents = Array(window[range])
            let (us, cpuUs, results) = try commit(documents, prepared: Array(prepared[range]), tracked: true)
            total += us
            cpuTotal += cpuUs
            commitTimes.append(rounded(us / Double(range.count), 1))
            for (document, result) in zip(documents, results) {
                let duplicateOf = result.articles[0].duplicateOf
                if let inMemory = inMemoryDuplicates, inMemory.contains(document.id) != (duplicateOf != nil) {
                    disagreements += 1
                }
                if let source = document.copyOf {
                    if duplicateOf != nil, duplicateOf == cluster[source] { copiesDetected += 1 }
                } else if duplicateOf != nil {
                    originalsFlagged += 1
                }
            }
        }
        let commitUs = total / Double(window.count)
        let written = Double(processIO().wchar - ioBefore.wchar) / 1_024 / Double(window.count)
        let dedupAfter = store.dedupStatistics
        let storiesAfter = store.storyStatistics
        let storyArticles = Double(max(1, storiesAfter.articles - storiesBefore.articles))
        let articles = Double(window.count)
        let dedupUs = Double(dedupAfter.nanoseconds - dedupBefore.nanoseconds) / 1_000 / articles
        progress(
            String(
                format: "measure: commit %.1f µs/article (dedup work %.1f), query %.1f µs/article",
                commitUs,
                dedupUs,
                queryTimes.mean
            )
        )

        let size = [store.path, store.path + "-wal"].reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        return StorePhaseReport(
            storedBefore: storedBefore,
            window: window.count,
            windowCopies: window.count { $0.copyOf != nil },
            transactions: commitTimes.count,
            commitUsPerArticle: rounded(commitUs, 1),
            commitUsPerArticleByTransaction: commitTimes,
            dedupUsPerArticle: rounded(dedupUs, 1),
            dedupCpuUsPerArticle: rounded(
                Double(dedupAfter.cpuNanoseconds - dedupBefore.cpuNanoseconds) / 1_000 / articles,
                1
            ),
            dedupVerificationUsPerArticle: rounded(
                Double(dedupAfter.verificationNanoseconds - dedupBefore.verificationNanoseconds) / 1_000 / articles,
                1
            ),
            dedupCandidatesPerArticle: rounded(Double(dedupAfter.candidates - dedupBefore.candidates) / articles, 3),
            dedupVerifiedPerArticle: rounded(Double(dedupAfter.verified - dedupBefore.verified) / articles, 3),
            commitCpuUsPerArticle: rounded(cpuTotal / Double(window.count), 1),
            storyUsPerArticle: rounded(
                Double(storiesAfter.nanoseconds - storiesBefore.nanoseconds) / 1_000 / storyArticles,
                1
            ),
            storyCpuUsPerArticle: rounded(
                Double(storiesAfter.cpuNanoseconds - storiesBefore.cpuNanoseconds) / 1_000 / storyArticles,
                1
            ),
            storyCandidatesPerArticle: rounded(
                Double(storiesAfter.candidates - storiesBefore.candidates) / storyArticles,
                2
            ),
            writtenKiBPerArticle: rounded(written, 1),
            prepareUs: rounded(prepareTimes.mean, 1),
            queryNetUs: rounded(queryTimes.mean, 1),
            queryCpuUs: rounded(queryCPU / Double(window.count), 1),
            queryP50Us: rounded(queryTimes.median, 1),
            queryP99Us: rounded(queryTimes.percentile(99), 1),
            queryNetOriginalsUs: rounded(originals.mean, 1),
            queryNetCopiesUs: rounded(copies.mean, 1),
            copiesDetected: copiesDetected,
            originalsFlagged: originalsFlagged,
            disagreementsWithInMemory: inMemoryDuplicates == nil ? nil : disagreements,
            databaseMiB: rounded(Double(size) / 1_048_576, 1)
        )
    }
}
