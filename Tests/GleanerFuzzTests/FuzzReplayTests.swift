import Foundation
import GleanerFuzzChecks
import Testing

/// Replays every committed fuzzer input (the hand-made seeds and the inputs that once broke an invariant)
/// through the same checks the libFuzzer targets in `Fuzz/` run, so a fixed bug stays fixed without a fuzzer.
@Suite("Fuzzer seeds and regressions replayed")
struct FuzzReplayTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// `(name, bytes)` of every file in `Fixtures/fuzz/<target>/{seeds,regressions}`, plus the sample articles.
    static func inputs(_ target: String, withSamples: Bool = false) -> [(String, [UInt8])] {
        var directories = ["fuzz/\(target)/seeds", "fuzz/\(target)/regressions"]
        if withSamples { directories.append("samples") }
        return directories.flatMap { directory in
            let url = root.appendingPathComponent(directory)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                .filter { !$0.hasPrefix(".") }
            return names.compactMap { name in
                (try? Data(contentsOf: url.appendingPathComponent(name))).map { ("\(directory)/\(name)", Array($0)) }
            }
        }
    }

    @Test("Every article parser input keeps the parser's invariants")
    func articleParser() {
        let inputs = Self.inputs("article-parser", withSamples: true)
        #expect(inputs.count > 5)
        for (name, bytes) in inputs {
            let problems = ArticleParserChecks.violations(bytes)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
        }
    }

    @Test("Every date grammar input keeps the date parsers' and extractor's invariants")
    func dateGrammar() {
        let inputs = Self.inputs("date-grammar")
        #expect(inputs.count > 5)
        for (name, bytes) in inputs {
            let problems = DateGrammarChecks.violations(bytes)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
        }
    }
}
