import GleanerCore
import GleanerStore
import GleanerSynthetic

/// Per-article signature cost, single-threaded, with the default parameters (k = 5, 128 permutations), in the steps
/// `DedupFingerprint` takes: `ComparisonText.wordHashes`, `Shingles.hashes(ofWordHashes:size:)` (shingle hashes in
/// text order), `MinHasher.signature(ofShingleHashes:)`, then the sorted shingle set that exact verification
/// compares (`Shingles.sortAndRemoveRepeats`).
struct SignatureReport: Encodable {
    var passes: Int
    /// Median over the timed passes of (pass time ÷ articles).
    var usPerArticle: Double
    var usPerArticleByPass: [Double]
    /// Median over the timed passes of the thread's CPU time ÷ articles: steadier than wall time on a busy
    /// machine.
    var cpuUsPerArticle: Double
    /// The median pass, split into its steps.
    var wordsUs: Double
    /// Shingle hashes in text order, repeats kept.
    var shinglesUs: Double
    var minhashUs: Double
    /// Sorting the shingle hashes into the set (for exact Jaccard verification; not needed by the signature).
    var shingleSetUs: Double
    var meanShingles: Double
    /// The MinHash kernel build that ran (`avx2` or `portable`).
    var kernel: String
    /// The whole per-article preparation the daemon does outside the transaction, for information:
    /// `PreparedArticle(article, engine:)` = SHA-256 of the normalised text + fingerprint (signature, band and
    /// anchor keys). One pass.
    var preparedArticleUs: Double
    /// Folded from the signatures so that the work cannot be optimised away.
    var checksum: UInt32
}

enum SignatureBench {
    static func run(corpus: Corpus, passes: Int) -> SignatureReport {
        let parameters = DedupParameters()
        let hasher = MinHasher(permutations: parameters.permutations, seed: parameters.seed)
        let documents = corpus.stream
        let count = Double(documents.count)
        var checksum: UInt32 = 0
        var shingleTotal = 0
        // (total, words, shingles, minhash, set) microseconds per article, one entry per timed pass.
        var timings: [(total: Double, words: Double, shingles: Double, minhash: Double, set: Double)] = []
        var cpuTimings: [Double] = []
        for pass in 0...passes {
            var words = 0.0
            var shingling = 0.0
            var minhash = 0.0
            var sorting = 0.0
            let passStart = nanoseconds()
            let passCPUStart = threadCPUNanoseconds()
            for document in documents {
                let t0 = nanoseconds()
                let comparison = ComparisonText.wordHashes(title: document.title, text: document.text)
                let t1 = nanoseconds()
                var shingles = Shingles.hashes(ofWordHashes: comparison, size: parameters.shingleSize)
                let t2 = nanoseconds()
                let signature = hasher.signature(ofShingleHashes: shingles)
                let t3 = nanoseconds()
                Shingles.sortAndRemoveRepeats(&shingles)
                let t4 = nanoseconds()
                words += microseconds(t0, t1)
                shingling += microseconds(t1, t2)
                minhash += microseconds(t2, t3)
                sorting += microseconds(t3, t4)
                checksum ^= signature[Int(checksum) % signature.count] ^ UInt32(truncatingIfNeeded: shingles.count)
                if pass == 0 { shingleTotal += shingles.count }
            }
            let total = microseconds(passStart, nanoseconds()) / count
            let cpu = microseconds(passCPUStart, threadCPUNanoseconds()) / count
            if pass == 0 {
                progress(String(format: "signature warm-up pass: %.1f µs/article", total))
                continue  // warm-up
            }
            progress(String(format: "signature pass %d/%d: %.1f µs/article", pass, passes, total))
            timings.append((total, words / count, shingling / count, minhash / count, sorting / count))
            cpuTimings.append(cpu)
        }
        let median = timings.sorted { $0.total < $1.total }[timings.count / 2]

        let engine = DedupEngine(parameters: parameters)
        let start = nanoseconds()
        for document in documents {
            let prepared = PreparedArticle(document.article, engine: engine)
            checksum ^= prepared.fingerprint.signature[0]
        }
        let prepared = microseconds(start, nanoseconds()) / count

        return SignatureReport(
            passes: passes,
            usPerArticle: rounded(timings.map(\.total).median),
            usPerArticleByPass: timings.map { rounded($0.total) },
            cpuUsPerArticle: rounded(cpuTimings.median),
            wordsUs: rounded(median.words),
            shinglesUs: rounded(median.shingles),
            minhashUs: rounded(median.minhash),
            shingleSetUs: rounded(median.set),
            meanShingles: rounded(Double(shingleTotal) / count, 1),
            kernel: hasher.kernel.rawValue,
            preparedArticleUs: rounded(prepared),
            checksum: checksum
        )
    }
}
