import Foundation
import GleanerCore
import GleanerStore

/// `gleaner-bench-dedup`: Gleaner's near-duplicate costs on a generated corpus, for scripts/bench-dedup.sh.
/// A release-mode benchmark tool, not shipped. See `Options.usage`.
@main
struct BenchDedup {
    struct Summary: Encodable {
        struct CorpusFacts: Encodable {
            var articles: Int
            var originals: Int
            var copies: Int
            var seed: UInt64
            var meanWords: Double
            var jsonl: String?
        }
        struct Parameters: Encodable {
            var shingleSize: Int
            var permutations: Int
            var threshold: Double
            var containmentThreshold: Double
            var bands: Int
            var rows: Int
            var comparisonTextVersion: Int
        }

        var tool = "gleaner-bench-dedup"
        var corpus: CorpusFacts
        var parameters: Parameters
        var signature: SignatureReport?
        var recall: RecallReport?
        var store: StoreReport?
        var seconds: Double
    }

    static func main() throws {
        let options = Options.parse(
            Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment
        )
        let start = nanoseconds()
        progress("corpus: \(options.originals) originals + \(options.copies) copies, seed \(options.seed)")
        let corpus = Corpus(options: options)
        if let path = options.jsonl {
            try corpus.writeJSONLines(to: path)
            progress("corpus: written to \(path)")
        }
        let parameters = DedupParameters()
        var summary = Summary(
            corpus: .init(
                articles: corpus.stream.count,
                originals: corpus.originals,
                copies: corpus.copies,
                seed: options.seed,
                meanWords: rounded(corpus.meanWords, 1),
                jsonl: options.jsonl
            ),
            parameters: .init(
                shingleSize: parameters.shingleSize,
                permutations: parameters.permutations,
                threshold: parameters.threshold,
                containmentThreshold: parameters.containmentThreshold,
                bands: parameters.banding.bands,
                rows: parameters.banding.rows,
                comparisonTextVersion: ComparisonText.version
            ),
            seconds: 0
        )
        if options.runs("signature") {
            summary.signature = SignatureBench.run(corpus: corpus, passes: options.passes)
        }
        var inMemoryDuplicates: Set<Int>?
        if options.runs("recall") {
            progress("recall: in-memory index over \(corpus.stream.count) articles")
            (summary.recall, inMemoryDuplicates) = RecallBench.run(corpus: corpus)
        }
        if options.runs("store") {
            summary.store = try StoreBench.run(options: options, corpus: corpus, inMemoryDuplicates: inMemoryDuplicates)
        }
        summary.seconds = rounded(seconds(start, nanoseconds()), 1)

        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(summary))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
