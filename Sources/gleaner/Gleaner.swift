import ArgumentParser
import GleanerCore

/// `gleaner`: the ingestion daemon and the commands to query what it found.
@main
struct Gleaner: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gleaner",
        abstract: "Watch a folder of news articles, de-duplicate them, and store them in SQLite.",
        discussion: """
            Drop .txt, .json or .jsonl article files into the inbox; `gleaner run` ingests each exactly once.
            Configuration: /etc/gleaner/gleaner.conf (see gleaner.conf(5)); command-line options override it.
            """,
        version: GleanerVersion.current,
        subcommands: [
            RunCommand.self, StatusCommand.self, ArticlesCommand.self, IngestCommand.self, DuplicatesCommand.self,
            SimilarCommand.self, ReindexCommand.self, ForgetCommand.self, ExtractCommand.self, EventsCommand.self,
            SearchCommand.self, ExportCommand.self, CheckConfigCommand.self, StoriesCommand.self,
        ]
    )
}
