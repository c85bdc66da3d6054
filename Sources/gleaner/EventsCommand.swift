import ArgumentParser
import GleanerStore

/// `gleaner events`: merged events from the database.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List merged events with how many articles and mentions report them; --id N shows one."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only events dated (or first seen) on or after this day, YYYY-MM-DD.")
    var since: String?

    @Option(help: "Only events whose actor or target name contains this text.")
    var actor: String?

    @Option(help: "Only events with this CAMEO code or root (e.g. 042 or 04).")
    var cameo: String?

    @Flag(
        help: """
            Only events whose date was resolved against a publication date the article states: leaves out \
            undated events and those dated from an inferred or guessed (file time) publication date.
            """
    )
    var datedOnly = false

    @Option(help: "Show one event with all its mentions.")
    var id: Int64?

    @Option(help: "How many events to list.")
    var limit = 50

    @Flag(help: "Print JSON.")
    var json = false

    struct Detail: Encodable {
        var event: StoredEvent
        var mentions: [StoredEventMention]
    }

    func run() throws {
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        if let id {
            guard let (event, mentions) = try store.event(id: id) else { throw ValidationError("no event \(id)") }
            if json {
                try printJSON(Detail(event: event, mentions: mentions))
                return
            }
            print(line(event))
            for mention in mentions {
                print("  \(mention.file) sentence \(mention.sentenceIndex) [\(mention.modality)]: \(mention.sentence)")
            }
            return
        }
        let events = try store.events(
            since: since,
            actor: actor,
            cameo: cameo,
            datedOnly: datedOnly,
            limit: limit
        )
        if json {
            try printJSON(events)
            return
        }
        if events.isEmpty { print("No events.") }
        for event in events { print(line(event)) }
    }

    func line(_ event: StoredEvent) -> String {
        // A date not resolved against a stated publication date says what it was resolved against.
        let date =
            event.date.map { date in
                (date.start == date.end ? date.start : "\(date.start)…\(date.end)")
                    + (date.anchor == "published" ? "" : " (\(date.anchor))")
            } ?? "undated"
        return "#\(event.id) [\(event.cameo)] \(event.actor?.name ?? "?") → \(event.target?.name ?? "—")  \(date)  "
            + "\(event.modality)  \(event.numArticles) articles, \(event.numMentions) mentions"
    }
}
