import ArgumentParser
import GleanerStore

/// `gleaner stories`: stories (articles about one news event), the most recently active first, or one in full.
struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List stories, newest activity first: label, span, articles, sources, entities; --id N shows one.",
        discussion: """
            Every article joins a story as it is ingested: the story whose title and lead terms, entities and \
            dates are most like it, or a new one. A copy joins its canonical article's story. With --id, one \
            story: its articles in time order with their sources, its merged events and its entities.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only stories active on or after this day, YYYY-MM-DD.")
    var since: String?

    @Option(help: "Only stories one of whose entities or rare names contains this text (e.g. \"Imran Khan\").")
    var entity: String?

    @Option(help: "How many stories to list.")
    var limit = 20

    @Option(help: "Show one story: its articles in time order, its events and entities.")
    var id: Int64?

    @Flag(help: "Print JSON.")
    var json = false

    /// The JSON shape of a story, every key always present.
    struct StoryReport: Encodable {
        var story: Int64
        var label: String?
        var firstSeen: String
        var lastSeen: String
        var articleCount: Int
        var sourceCount: Int
        var articles: [StoryArticle]
        var entities: [String]
        var events: [StoredEvent]

        init(_ detail: StoryDetail) {
            story = detail.summary.story
            label = detail.summary.label
            firstSeen = detail.summary.firstSeen
            lastSeen = detail.summary.lastSeen
            articleCount = detail.summary.articleCount
            sourceCount = detail.summary.sourceCount
            articles = detail.articles
            entities = detail.summary.entities
            events = detail.events
        }
    }

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let since { _ = try parseDay(since, option: "--since") }
    }

    func run() throws {
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        do {
            if let id {
                guard let detail = try store.story(id: id) else {
                    throw ValidationError(
                        "no story \(id) in \(configuration.database); `gleaner stories` lists the ids stored"
                    )
                }
                if json {
                    try printJSON(StoryReport(detail))
                } else {
                    show(detail)
                }
                return
            }
            let stories = try store.stories(since: since, entity: entity, limit: limit)
            if json {
                try printJSON(try stories.compactMap { try store.story(id: $0.story).map(StoryReport.init) })
                return
            }
            guard !stories.isEmpty else {
                print("No stories yet. Articles join stories as they are ingested.")
                return
            }
            print("STORY   FIRST       LAST        ARTICLES SOURCES LABEL")
            for story in stories {
                print(
                    pad(String(story.story), 7) + " " + pad(story.firstSeen, 11) + " " + pad(story.lastSeen, 11) + " "
                        + pad(String(story.articleCount), 8) + " " + pad(String(story.sourceCount), 7) + " "
                        + (story.label.map { String($0.prefix(70)) } ?? "—")
                )
                if !story.entities.isEmpty { print("        " + story.entities.prefix(5).joined(separator: ", ")) }
            }
        } catch let error as StoreError {
            throw ValidationError("\(error)")
        }
    }

    /// One story for a reader: its label and span, its articles in time order, its events.
    func show(_ detail: StoryDetail) {
        let summary = detail.summary
        print("story \(summary.story): \(summary.label ?? "—")")
        print("  span:     \(summary.firstSeen) … \(summary.lastSeen)")
        print("  articles: \(summary.articleCount) from \(summary.sourceCount) sources")
        print("  entities: " + (summary.entities.isEmpty ? "—" : summary.entities.joined(separator: ", ")))
        for article in detail.articles {
            let copy = article.duplicateOf.map { " (copy of \($0))" } ?? (article.followUp ? " (follow-up)" : "")
            print(
                "  \(pad(article.published, 10)) \(pad(String(article.id), 6)) \(article.source ?? article.file)"
                    + "\(copy): \(article.title ?? "—")"
            )
        }
        for event in detail.events.prefix(20) {
            let actor = event.actor?.name ?? "?"
            let target = event.target.map { " → \($0.name)" } ?? ""
            print("  event \(event.id): \(actor) [\(event.cameo)]\(target), \(event.numArticles) articles")
        }
    }
}
