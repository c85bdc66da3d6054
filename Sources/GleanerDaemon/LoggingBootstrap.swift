import Logging

/// Chooses the log backend once per process: journald when stderr is connected to the journal
/// (`JOURNAL_STREAM`), otherwise stderr lines with `<N>` priority prefixes.
public enum LoggingBootstrap {
    /// Bootstraps swift-log and returns the `gleaner` logger at `level`.
    public static func bootstrap(level: Logger.Level, environment: [String: String]) -> Logger {
        let journal = JournalLogHandler.stderrIsJournal(environment: environment)
        LoggingSystem.bootstrap { _ in
            journal ? JournalLogHandler() as any LogHandler : StderrLogHandler() as any LogHandler
        }
        var logger = Logger(label: "gleaner")
        logger.logLevel = level
        return logger
    }
}
