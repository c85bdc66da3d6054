import ArgumentParser
import GleanerCore
import GleanerStore

/// `gleaner forget --before DATE`: retention for the near-duplicate index.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove articles published before a date from the near-duplicate index.",
        discussion: """
            The articles stay in the database; new copies of them are stored as new articles. RetainDays= in the
            configuration does this automatically.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "A date, YYYY-MM-DD: articles published before it leave the index.")
    var before: String

    func run() throws {
        guard let day = PublicationDateParser.parse(before, source: .commandLine), before.count == 10 else {
            throw ValidationError("--before takes a date as YYYY-MM-DD, got \(before)")
        }
        let configuration = try options.configuration()
        let store: ArticleStore
        do {
            store = try ArticleStore(path: configuration.database, dedup: configuration.dedupParameters)
        } catch {
            throw ValidationError("\(error)")
        }
        defer { try? store.close() }
        let forgotten = try store.forget(publishedBefore: day.description)
        print(
            "\(forgotten) articles published before \(day) left the near-duplicate index; \(try store.indexedCount()) remain"
        )
    }
}
