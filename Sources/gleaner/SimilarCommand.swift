import ArgumentParser
import Foundation
import GleanerCore
import GleanerStore

/// `gleaner similar FILE`: the stored articles nearest to a file, without ingesting it.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Show the stored articles nearest to a file, without ingesting it.",
        discussion: "Similarities are exact (Jaccard of 5-word shingles, and containment), not estimates."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "An article file (.txt, .json, .jsonl: every article of it).")
    var file: String

    @Flag(help: "Print JSON: [{file, title, matches: [{id, file, title, jaccard, containment, would_be, canonical}]}].")
    var json = false

    @Option(help: "How many matches to show per article.")
    var limit = 5

    struct Report: Encodable {
        var file: String
        var line: Int?
        var title: String?
        var matches: [SimilarArticle]
    }

    func run() throws {
        let configuration = try options.configuration()
        let path = GlobalOptions.absolute(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        let parsed: ParsedFile
        do {
            parsed = try ArticleParser(maximumFileSize: configuration.maxFileSize).parse(
                Array(data),
                fileName: (path as NSString).lastPathComponent,
                modificationTime: Int64(Date().timeIntervalSince1970)
            )
        } catch {
            throw ValidationError("\(path) is not an article: \(error.description)")
        }
        let store = try openForReading(configuration.database, dedup: configuration.dedupParameters)
        let reports = try parsed.articles.map { article in
            Report(
                file: path,
                line: article.line,
                title: article.title,
                matches: try store.similarArticles(to: article, limit: limit).map { match in
                    var rounded = match
                    rounded.jaccard = (match.jaccard * 1_000).rounded() / 1_000
                    rounded.containment = (match.containment * 1_000).rounded() / 1_000
                    return rounded
                }
            )
        }
        if json {
            try printJSON(reports)
            return
        }
        for report in reports {
            print("\(report.file)\(report.line.map { ":\($0)" } ?? "")  \(report.title ?? "—")")
            if report.matches.isEmpty { print("    no similar stored article") }
            for match in report.matches {
                let verdict =
                    match.wouldBe.map { "would be a \($0) duplicate of #\(match.canonical)" } ?? "not a duplicate"
                print(
                    "    #\(match.id) \(match.file)  Jaccard \(percent(match.jaccard)), containment "
                        + "\(percent(match.containment)): \(verdict)"
                )
            }
        }
    }

    func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
