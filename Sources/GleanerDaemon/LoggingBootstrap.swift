import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Chooses the log backend once per process: journald when stderr is connected to the journal
/// (`JOURNAL_STREAM`), otherwise stderr lines with `<N>` priority prefixes.
public enum LoggingBootstrap {
    /// Bootstraps swift-log and returns the `gleaner` logger at `level`.
    public static func bootstrap(level: Logger.Level, environment: [String: String]) -> Logger {
        let journal = JournalLogHandler.stderrIsJournal(environment: environment)
        logsToJournal = journal
        LoggingSystem.bootstrap { _ in
            journal ? JournalLogHandler() as any LogHandler : StderrLogHandler() as any LogHandler
        }
        var logger = Logger(label: "gleaner")
        logger.logLevel = level
        return logger
    }

    nonisolated(unsafe) static var logsToJournal = false

    /// Call before the process exits after its last log lines. journald attributes a native-protocol entry
    /// to its unit by looking up the sender's cgroup when it reads the entry; if the sender has already exited
    /// the entry loses `_SYSTEMD_UNIT` and `journalctl -u gleaner` does not show it. A short pause lets
    /// journald read the last entries (the final "stopped" line, or a fatal start-up error) first.
    public static func settleBeforeExit() {
        if logsToJournal { usleep(250_000) }
    }
}
