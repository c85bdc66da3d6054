import ArgumentParser
import Foundation
import GleanerCore
import GleanerStore

/// `gleaner search QUERY`: full-text search of the stored articles.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find articles by what their title and body say, best match first.",
        discussion: """
            QUERY uses SQLite FTS5 syntax: words match any form with the same stem (visit, visits, visited), \
            case and accents ignored; "a phrase" in double quotes; AND, OR, NOT in capitals (words side by side \
            mean AND); prefix* ; NEAR(a b, 5); title:word for the title only. Quote QUERY for the shell:
              gleaner search 'khan AND (moscow OR russia) NOT "test match"'
            Hits are ranked by bm25, a match in the title counting ten times one in the body.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The search query (FTS5 syntax).")
    var query: String

    @Option(help: "Only articles published on or after this day, YYYY-MM-DD.")
    var since: String?

    @Option(help: "How many hits to show.")
    var limit = 20

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let day = try since.map { try parseDay($0, option: "--since") }
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        // Bold on a terminal; brackets in a file, a pipe and JSON.
        let emphasis = !json && isatty(STDOUT_FILENO) == 1
        let marks = emphasis ? ArticleStore.SnippetMarks(open: "\u{1B}[1m", close: "\u{1B}[0m") : .brackets
        let hits: [SearchHit]
        do {
            hits = try store.search(query, since: day, limit: limit, marks: marks)
        } catch let error as SearchError {
            throw ValidationError(error.description)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
        if json {
            try printJSON(hits)
            return
        }
        if hits.isEmpty { print("No articles match \(query).") }
        for hit in hits {
            var line = "#\(hit.id) \(hit.file)  \(hit.published)  \(hit.title ?? "—")"
            if let canonical = hit.duplicateOf { line += "  (copy of #\(canonical))" }
            if hit.duplicates > 0 { line += "  [\(hit.duplicates) near-duplicates]" }
            print(line)
            print("    " + hit.snippet.replacingOccurrences(of: "\n", with: " "))
        }
    }
}

/// A `YYYY-MM-DD` option value, or a usage error naming the option.
func parseDay(_ text: String, option: String) throws -> String {
    guard text.count == 10, let day = PublicationDateParser.parse(text, source: .commandLine) else {
        throw ValidationError("\(option) takes a date as YYYY-MM-DD, got \(text)")
    }
    return day.description
}
