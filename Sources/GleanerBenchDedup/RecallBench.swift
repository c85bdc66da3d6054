import GleanerCore
import GleanerStore
import GleanerSynthetic

/// Recall against exact Jaccard, with the in-memory index (`InMemoryLSHIndex` + `NearDuplicateMatcher`, the
/// same keys and verification as the store) so that it takes seconds, not the hours of a full store run.
///
/// The corpus is streamed in arrival order: each article's LSH candidates are verified with exact Jaccard or
/// containment; an article without a match is indexed as canonical, a match records its cluster (the
/// store's rule: only canonical articles enter the index). Not reproduced from the store: the exact
/// text-hash lookup (an exact copy has identical shingles, so LSH finds it anyway) and the store's narrowing
/// of candidates (MinHash estimate ≥ 0.35 or an anchor key, best 16), which only drops candidates that
/// cannot qualify as near duplicates.
struct RecallReport: Encodable {
    struct Bucket: Encodable {
        /// (copy, source) pairs whose exact Jaccard is at least the bound.
        var pairs: Int
        /// Of those, copies recorded as duplicates of their source's cluster.
        var detected: Int
        var recall: Double
        /// Of those, pairs whose source was among the copy's LSH candidates.
        var sourceCandidate: Int
    }

    var index = "in-memory (InMemoryLSHIndex + NearDuplicateMatcher)"
    var bands: Int
    var rows: Int
    /// All (copy, source) pairs.
    var pairs: Int
    var j80: Bucket
    var j90: Bucket
    /// Pairs below 0.8 that were still detected (as contained copies, or via another copy's verification).
    var detectedBelow80: Int
    var pairsBelow80: Int
    /// Exact Jaccard of the (copy, source) pairs: minimum, median and maximum.
    var jaccardMin: Double
    var jaccardMedian: Double
    var jaccardMax: Double
    /// Reported matches (article, matched article) whose exact Jaccard is below 0.5.
    var falsePositivesBelow50: Int
    /// Articles recorded as duplicates of the wrong cluster (an original as any duplicate, a copy of another
    /// cluster than its source's).
    var wrongCluster: Int
    var matchesNear: Int
    var matchesContained: Int
    /// LSH candidates per article (before verification), and those whose exact Jaccard is below 0.5.
    var meanCandidates: Double
    var candidatesBelow50: Int
    /// In-memory cost per article: candidate lookup + exact verification + insert (fingerprints precomputed).
    var usPerArticle: Double
    var queryUs: Double
    var verifyUs: Double
    var insertUs: Double
}

enum RecallBench {
    /// The report, and the ids of the articles recorded as duplicates (to compare with the store's decisions).
    static func run(corpus: Corpus) -> (report: RecallReport, duplicates: Set<Int>) {
        let engine = DedupEngine(parameters: DedupParameters())
        let documents = corpus.stream
        let fingerprints = documents.parallelMap { document in
            engine.fingerprint(title: document.title, text: document.text)
        }
        let position = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })

        var index = InMemoryLSHIndex()
        var cluster: [Int: Int64] = [:]
        var queryTime = 0.0
        var verifyTime = 0.0
        var insertTime = 0.0
        var candidateTotal = 0
        var candidatesBelow50 = 0
        var falsePositives = 0
        var wrongCluster = 0
        var near = 0
        var contained = 0
        var sourceWasCandidate = Set<Int>()  // copy ids
        for (offset, document) in documents.enumerated() {
            let fingerprint = fingerprints[offset]
            let t0 = nanoseconds()
            let candidates = index.candidates(for: fingerprint)
            let t1 = nanoseconds()
            let match = engine.matcher.bestMatch(for: fingerprint.shingles, among: candidates)
            let t2 = nanoseconds()
            if match == nil {
                index.insert(id: Int64(document.id), canonical: Int64(document.id), fingerprint: fingerprint)
            }
            let t3 = nanoseconds()
            queryTime += microseconds(t0, t1)
            verifyTime += microseconds(t1, t2)
            insertTime += microseconds(t2, t3)

            // Bookkeeping, not timed.
            cluster[document.id] = match?.canonical ?? Int64(document.id)
            candidateTotal += candidates.count
            for candidate in candidates where fingerprint.shingles.similarity(to: candidate.shingles).jaccard < 0.5 {
                candidatesBelow50 += 1
            }
            if let source = document.copyOf,
                candidates.contains(where: { $0.id == Int64(source) || $0.id == cluster[source] })
            {
                sourceWasCandidate.insert(document.id)
            }
            guard let match else { continue }
            if match.kind == .contained { contained += 1 } else { near += 1 }
            let matched = fingerprints[position[Int(match.matched)]!]
            if fingerprint.shingles.similarity(to: matched.shingles).jaccard < 0.5 { falsePositives += 1 }
            if let source = document.copyOf {
                if match.canonical != cluster[source] { wrongCluster += 1 }
            } else {
                wrongCluster += 1
            }
        }

        // Every (copy, source) pair, with its exact Jaccard on Gleaner's shingles.
        var jaccards: [Double] = []
        var buckets = [
            RecallReport.Bucket(pairs: 0, detected: 0, recall: 0, sourceCandidate: 0),
            RecallReport.Bucket(pairs: 0, detected: 0, recall: 0, sourceCandidate: 0),
        ]
        var pairsBelow80 = 0
        var detectedBelow80 = 0
        for (offset, document) in documents.enumerated() {
            guard let source = document.copyOf else { continue }
            let jaccard = fingerprints[offset].shingles.similarity(to: fingerprints[position[source]!].shingles).jaccard
            jaccards.append(jaccard)
            let detected = cluster[document.id] == cluster[source] && cluster[document.id] != Int64(document.id)
            for (bucket, bound) in [(0, 0.8), (1, 0.9)] where jaccard >= bound {
                buckets[bucket].pairs += 1
                if detected { buckets[bucket].detected += 1 }
                if sourceWasCandidate.contains(document.id) { buckets[bucket].sourceCandidate += 1 }
            }
            if jaccard < 0.8 {
                pairsBelow80 += 1
                if detected { detectedBelow80 += 1 }
            }
        }
        for bucket in buckets.indices where buckets[bucket].pairs > 0 {
            buckets[bucket].recall = rounded(Double(buckets[bucket].detected) / Double(buckets[bucket].pairs), 4)
        }
        let count = Double(documents.count)
        let duplicates = Set(documents.lazy.filter { cluster[$0.id] != Int64($0.id) }.map(\.id))
        let report = RecallReport(
            bands: engine.parameters.banding.bands,
            rows: engine.parameters.banding.rows,
            pairs: jaccards.count,
            j80: buckets[0],
            j90: buckets[1],
            detectedBelow80: detectedBelow80,
            pairsBelow80: pairsBelow80,
            jaccardMin: rounded(jaccards.min() ?? 0, 4),
            jaccardMedian: rounded(jaccards.median, 4),
            jaccardMax: rounded(jaccards.max() ?? 0, 4),
            falsePositivesBelow50: falsePositives,
            wrongCluster: wrongCluster,
            matchesNear: near,
            matchesContained: contained,
            meanCandidates: rounded(Double(candidateTotal) / count, 3),
            candidatesBelow50: candidatesBelow50,
            usPerArticle: rounded((queryTime + verifyTime + insertTime) / count),
            queryUs: rounded(queryTime / count),
            verifyUs: rounded(verifyTime / count),
            insertUs: rounded(insertTime / count)
        )
        return (report, duplicates)
    }
}
