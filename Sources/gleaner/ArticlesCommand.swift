import ArgumentParser
import GleanerStore

/// `gleaner articles`: the most recent articles, or one in full.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List recent articles: id, file, title, publication date, outcome, warnings; --id N shows one.",
        discussion: """
            With --id, one article in full: its metadata, every temporal expression of its text (what it says, \
            its TIMEX3 type and value, and whether it was resolved against a stated, inferred or guessed \
            publication date) and the events it reports.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "How many articles to list, newest first.")
    var limit = 20

    @Option(help: "Show one article in full: metadata, times and events.")
    var id: Int64?

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        if let id {
            guard let article = try store.article(id: id) else {
                throw ValidationError(
                    "no article \(id) in \(configuration.database); `gleaner articles` lists the ids stored"
                )
            }
            if json {
                try printJSON(article)
            } else {
                show(article)
            }
            return
        }
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

    /// One article for a reader: a field per line, then its times and events as small tables.
    func show(_ article: ArticleDetail) {
        let outcome = article.duplicateOf.map { "duplicate of \($0)" } ?? article.outcome
        print("article \(article.id) (\(outcome))")
        print("  file:       " + article.file + (article.line.map { ":\($0)" } ?? ""))
        print("  title:      " + (article.title ?? "—"))
        print("  published:  \(article.published) (\(article.publishedSource))")
        print("  url:        " + (article.url ?? "—"))
        print("  source:     " + (article.source ?? "—"))
        print("  language:   " + (article.language ?? "—"))
        for warning in article.warnings { print("  warning:    \(warning)") }
        if let main = article.mainEvent {
            let whom = main.whom.map { " → \($0.name)" } ?? ""
            let when = main.when.map { $0.start == $0.end ? $0.start : "\($0.start)…\($0.end)" } ?? "undated"
            print(
                "  main event: \(main.who?.name ?? "?") \(main.what)\(whom)\(main.cameo.map { " [\($0)]" } ?? ""), "
                    + "\(when), \(main.where?.name ?? "nowhere named") (sentence \(main.sentenceIndex))"
            )
        } else {
            print("  main event: —")
        }
        print("times (\(article.times.count)):")
        if !article.times.isEmpty {
            print("  OFFSET  TYPE      VALUE        ANCHOR     TEXT")
        }
        for time in article.times {
            let columns = [
                pad(String(time.offset), 7), pad(time.type.rawValue, 9), pad(time.value, 12),
                pad(time.anchor.rawValue, 10), time.text,
            ]
            print("  " + columns.joined(separator: " "))
        }
        print("events (\(article.events.count)):")
        for event in article.events {
            let date = event.date.map { date in
                (date.start == date.end ? date.start : "\(date.start)…\(date.end)") + " (\(date.anchor))"
            }
            print(
                "  #\(event.id) [\(event.cameo)] \(event.actor?.name ?? "?") → \(event.target?.name ?? "—")  "
                    + "\(date ?? "undated")  \(event.modality)"
            )
        }
    }
}
