import ArgumentParser
import GleanerStore

/// `gleaner articles`: the most recent articles.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List recent articles: id, file, title, publication date, outcome, warnings."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "How many articles to list, newest first.")
    var limit = 20

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        let articles = try store.recentArticles(limit: limit)
        if json {
            try printJSON(articles)
            return
        }
        guard !articles.isEmpty else {
            print("No articles yet. Drop .txt, .json or .jsonl files into \(configuration.inbox).")
            return
        }
        print("ID      PUBLISHED   OUTCOME     FILE                          TITLE")
        for article in articles {
            let outcome = article.duplicateOf.map { "dup of \($0)" } ?? article.outcome
            let file = article.file + (article.line.map { ":\($0)" } ?? "")
            print(
                pad(String(article.id), 7) + " " + pad(article.published, 11) + " " + pad(outcome, 11) + " "
                    + pad(String(file.prefix(29)), 29) + " " + (article.title.map { String($0.prefix(70)) } ?? "—")
            )
            for warning in article.warnings { print("        warning: \(warning)") }
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
