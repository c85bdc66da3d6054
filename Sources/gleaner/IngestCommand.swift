import ArgumentParser
import Foundation
import GleanerCore
import GleanerDaemon
import GleanerStore
import Logging

/// `gleaner ingest PATH…`: one-shot ingestion through the daemon's pipeline, without inotify. Files stay where
/// they are.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files or directories once, through the same pipeline as the daemon.",
        discussion: """
            Directories are read recursively (dotfiles and temporary names skipped). Files are left in place;
            running it twice on the same files records nothing new. Shows a progress bar on a terminal.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Article files (.txt, .json, .jsonl) or directories.")
    var paths: [String]

    @Flag(help: "Print a JSON summary with one entry per file.")
    var json = false

    @Flag(name: .shortAndLong, help: "Log one line per file.")
    var verbose = false

    struct FileReport: Encodable {
        var file: String
        var outcome: String
        var articles: [Int64]
        var duplicateOf: [Int64]
        var reason: String?
        var detail: String?
        /// Metadata that could not be used, one sentence each (`line N: ` first in JSON Lines).
        var warnings: [String] = []
    }

    struct Summary: Encodable {
        var files: Int
        var ingested: Int
        var duplicates: Int
        var failed: Int
        var skipped: Int
        var results: [FileReport]
    }

    func run() throws {
        let configuration = try options.configuration()
        let logger = LoggingBootstrap.bootstrap(
            level: verbose ? .info : .warning,
            environment: ProcessInfo.processInfo.environment
        )
        let files = try collect(paths)
        let store: ArticleStore
        do {
            store = try ArticleStore(path: configuration.database, dedup: configuration.dedupParameters)
        } catch {
            throw ValidationError("\(error)")
        }
        // Closed however the command ends, so that the write-ahead log is copied into the database file and removed.
        defer { try? store.close() }
        let pipeline = IngestPipeline(
            store: store,
            maximumFileSize: configuration.maxFileSize,
            disposal: .leave,
            extractor: try configuration.eventExtractor(),
            logger: logger
        )
        let progress = ProgressBar(total: files.count, unit: "files", enabled: !json && isatty(STDERR_FILENO) == 1)
        var summary = Summary(files: files.count, ingested: 0, duplicates: 0, failed: 0, skipped: 0, results: [])
        let byDirectory = Dictionary(grouping: files) { ($0 as NSString).deletingLastPathComponent }
        for directory in byDirectory.keys.sorted() {
            let names = byDirectory[directory]!.map { ($0 as NSString).lastPathComponent }
            var start = 0
            while start < names.count {
                let chunk = Array(names[start..<min(names.count, start + 256)])
                var report: IngestPipeline.BatchReport
                var attempt = 0
                while true {
                    do throws(IngestPipeline.BatchFailure) {
                        report = try pipeline.process(chunk, in: directory)
                        break
                    } catch {
                        attempt += 1
                        guard error.isTransient, attempt < 10 else {
                            progress.finish()
                            throw ValidationError("cannot commit files in \(directory): \(error)")
                        }
                        Thread.sleep(forTimeInterval: 0.2 * Double(attempt))
                    }
                }
                record(report, directory: directory, into: &summary)
                start += chunk.count
                progress.update(
                    done: start,
                    detail:
                        "\(summary.ingested) ingested, \(summary.duplicates) duplicates, \(summary.failed) quarantined"
                )
            }
        }
        progress.finish()
        if json {
            try printJSON(summary)
        } else {
            print(
                "\(summary.files) files: \(summary.ingested) ingested, \(summary.duplicates) duplicates, "
                    + "\(summary.failed) quarantined, \(summary.skipped) skipped"
            )
            for result in summary.results where result.outcome == "failed" || result.outcome == "skipped" {
                print(
                    "  \(result.outcome): \(result.file): \(result.reason ?? "")\(result.detail.map { " (\($0))" } ?? "")"
                )
            }
            for result in summary.results {
                for warning in result.warnings { print("  warning: \(result.file): \(warning)") }
            }
        }
    }

    func record(_ report: IngestPipeline.BatchReport, directory: String, into summary: inout Summary) {
        for result in report.committed {
            let committed = result.committed
            var file = FileReport(
                file: directory + "/" + result.name,
                outcome: committed.replayed ? "unchanged" : committed.outcome.rawValue,
                articles: committed.articles.map(\.id),
                duplicateOf: committed.articles.compactMap(\.duplicateOf),
                warnings: result.warnings
            )
            if let rejection = result.rejection {
                file.reason = rejection.reason.rawValue
                file.detail = rejection.detail
            }
            switch (committed.replayed, committed.outcome) {
            case (true, _): break
            case (false, .ingested): summary.ingested += 1
            case (false, .duplicate): summary.duplicates += 1
            case (false, .failed): summary.failed += 1
            }
            summary.results.append(file)
        }
        let skipped =
            report.vanished.map { ($0, "vanished before it could be read") }
            + report.changing.map { ($0, "changed while being read; run again") }
            + report.transient.map { ($0.name, $0.reason) } + report.directories.map { ($0, "is a directory") }
        for (name, reason) in skipped {
            summary.skipped += 1
            summary.results.append(
                FileReport(
                    file: directory + "/" + name,
                    outcome: "skipped",
                    articles: [],
                    duplicateOf: [],
                    reason: reason
                )
            )
        }
    }

    /// Expands directories recursively; keeps files in the order given.
    func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths.map(GlobalOptions.absolute) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw ValidationError("cannot read directory \(path)")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = path + "/" + relative
                var childIsDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory),
                    !childIsDirectory.boolValue, InboxNamePolicy.isCandidate(name)
                {
                    found.append(full)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}
