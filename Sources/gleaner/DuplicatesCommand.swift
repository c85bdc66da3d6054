import ArgumentParser
import GleanerCore
import GleanerStore

/// `gleaner duplicates`: canonical articles and their copies.
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List duplicate clusters: each canonical article with its copies, similarity and kind."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON: [{canonical: {id, file, title}, copies: [{id, file, similarity, kind}]}].")
    var json = false

    @Option(help: "How many clusters to list, newest canonical first.")
    var limit = 50

    /// The `--json` shape.
    struct Cluster: Encodable {
        struct Canonical: Encodable {
            var id: Int64
            var file: String
            var title: String?
            var source: String?
        }
        struct Copy: Encodable {
            var id: Int64
            var file: String
            var title: String?
            var source: String?
            var similarity: Double
            var kind: String
        }
        var canonical: Canonical
        var copies: [Copy]
    }

    func run() throws {
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        let clusters = try store.duplicateClusters(limit: limit).map { cluster in
            Cluster(
                canonical: .init(
                    id: cluster.canonical.id,
                    file: cluster.canonical.file,
                    title: cluster.canonical.title,
                    source: cluster.canonical.source
                ),
                copies: cluster.copies.map {
                    .init(
                        id: $0.id,
                        file: $0.file,
                        title: $0.title,
                        source: $0.source,
                        similarity: (($0.similarity ?? 1) * 1_000).rounded() / 1_000,
                        kind: $0.kind ?? "exact"
                    )
                }
            )
        }
        if json {
            try printJSON(clusters)
            return
        }
        guard !clusters.isEmpty else {
            print("No duplicates yet.")
            return
        }
        for cluster in clusters {
            let sources = Set(cluster.copies.compactMap(\.source))
            print(
                "#\(cluster.canonical.id) \(cluster.canonical.file)  \(cluster.canonical.title ?? "—")  "
                    + "[\(cluster.copies.count) copies\(sources.isEmpty ? "" : " from \(sources.sorted().joined(separator: ", "))")]"
            )
            for copy in cluster.copies {
                print("    #\(copy.id) \(copy.file)  \(copy.kind) \(Int((copy.similarity * 100).rounded()))%")
            }
        }
    }
}

/// Opens the database for the query commands, with a message that says how to create one.
func openForReading(_ path: String, dedup: DedupParameters = DedupParameters()) throws -> ArticleStore {
    do {
        return try ArticleStore(readingExisting: path, dedup: dedup)
    } catch {
        throw ValidationError("\(error)")
    }
}
