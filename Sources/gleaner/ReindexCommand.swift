import ArgumentParser
import Foundation
import GleanerStore

/// `gleaner reindex`: rebuilds the near-duplicate index with the configured parameters.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: """
            Rebuild the near-duplicate index with the configured ShingleSize, Permutations and thresholds, and the \
            full-text search index.
            """,
        discussion: """
            Needed after changing those settings (the daemon refuses to start until it is done). Stop the daemon
            first. Links between duplicates already recorded are kept. The search index is rebuilt from the stored
            articles afterwards (it is kept in step at every ingestion; a rebuild also compacts it). Shows
            progress on a terminal.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(
        help: """
            Also form the stories again from the stored articles, in the order they were stored: for a database \
            whose articles were stored before Gleaner formed stories.
            """
    )
    var stories = false

    func run() throws {
        let configuration = try options.configuration()
        let store: ArticleStore
        do {
            store = try ArticleStore(
                path: configuration.database,
                dedup: configuration.dedupParameters,
                parameterCheck: .allowMismatch
            )
        } catch {
            throw ValidationError("\(error)")
        }
        defer { try? store.close() }
        let terminal = isatty(STDERR_FILENO) == 1
        let start = Date()
        try store.reindex { done, total in
            if terminal {
                FileHandle.standardError.write(Data("\rindexing: \(done) of \(total) articles".utf8))
            }
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let indexSeconds = Date().timeIntervalSince(start)
        if terminal { FileHandle.standardError.write(Data("rebuilding the search index…".utf8)) }
        let searchStart = Date()
        let searchable = try store.rebuildSearchIndex()
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let parameters = configuration.dedupParameters
        print(
            "reindexed \(try store.indexedCount()) articles in \(String(format: "%.1f", indexSeconds))s "
                + "(ShingleSize=\(parameters.shingleSize) Permutations=\(parameters.permutations) "
                + "bands=\(parameters.banding.bands) rows=\(parameters.banding.rows))"
        )
        print(
            "rebuilt the search index of \(searchable) articles in "
                + String(format: "%.1f", Date().timeIntervalSince(searchStart)) + "s"
        )
        guard stories else { return }
        let storiesStart = Date()
        try store.rebuildStories { done, total in
            if terminal {
                FileHandle.standardError.write(Data("\rforming stories: \(done) of \(total) articles".utf8))
            }
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        print(
            "formed the stories again: \(try store.storyCount()) in "
                + String(format: "%.1f", Date().timeIntervalSince(storiesStart)) + "s"
        )
    }
}
