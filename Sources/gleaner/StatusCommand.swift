import ArgumentParser
import Foundation
import GleanerCore
import GleanerDaemon
import GleanerStore

/// `gleaner status`: what the daemon has done, read from the database (works while it runs).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show counts, last activity, the inbox queue and recent quarantined files."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "How many recent quarantined files to list.")
    var failures = 10

    /// The `--json` shape.
    struct Report: Encodable {
        struct Daemon: Encodable {
            var pid: Int?
            var running: Bool
            var status: String?
            var startedAt: String?
            var updatedAt: String?
        }
        struct Inbox: Encodable {
            var path: String
            var waiting: Int?
        }
        var database: String
        var daemon: Daemon
        var articles: Int
        var duplicates: Int
        var failed: Int
        var rejectedLines: Int
        var files: Int
        var lastActivity: String?
        var inbox: Inbox
        var quarantine: [QuarantineEntry]
    }

    func run() throws {
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        let counts = try store.counts()
        let state = try store.daemonState()
        let pid = state["pid"].flatMap { Int($0.value) }
        let stopped = state["stopped_at"].map { $0.value >= (state["started_at"]?.value ?? "") } ?? false
        let running = !stopped && pid.map { kill(pid_t($0), 0) == 0 || errno == EPERM } ?? false
        let waiting = try? InboxDirectory(path: configuration.inbox).entries()
            .filter { !$0.isDirectory && InboxNamePolicy.isCandidate(String(decoding: $0.name, as: UTF8.self)) }
            .count
        let report = Report(
            database: configuration.database,
            daemon: .init(
                pid: pid,
                running: running,
                status: state["status"]?.value,
                startedAt: state["started_at"]?.value,
                updatedAt: state["status"]?.updatedAt
            ),
            articles: counts.articles,
            duplicates: counts.duplicates,
            failed: counts.failedFiles,
            rejectedLines: counts.rejectedLines,
            files: counts.files,
            lastActivity: counts.lastActivity,
            inbox: .init(path: configuration.inbox, waiting: waiting),
            quarantine: try store.recentFailures(limit: failures)
        )
        if json {
            try printJSON(report)
            return
        }
        print("Gleaner \(GleanerVersion.current), database \(report.database)")
        let daemonLine =
            running
            ? "running (pid \(pid!), since \(report.daemon.startedAt ?? "?"))"
            : "not running" + (report.daemon.startedAt.map { " (last started \($0))" } ?? "")
        print("  daemon:         \(daemonLine)")
        if let status = report.daemon.status {
            print(running ? "  status:         \(status)" : "  last status:    \(status)")
        }
        print("  articles:       \(counts.articles) ingested, \(counts.duplicates) duplicates")
        print("  quarantined:    \(counts.failedFiles) files in \(configuration.failed)")
        if counts.rejectedLines > 0 { print("  bad JSONL lines: \(counts.rejectedLines)") }
        print("  last activity:  \(counts.lastActivity ?? "never")")
        print("  inbox:          \(configuration.inbox), \(waiting.map { "\($0) files waiting" } ?? "not readable")")
        if !report.quarantine.isEmpty {
            print("Recently quarantined:")
            for entry in report.quarantine {
                print("  \(entry.failedAt)  \(entry.file)  \(entry.reason)\(entry.detail.map { ": \($0)" } ?? "")")
            }
        }
    }
}
