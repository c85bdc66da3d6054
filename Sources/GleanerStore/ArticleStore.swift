import Foundation
import GRDB
import GleanerCore
import Synchronization

/// Gleaner's SQLite database: articles, the files they came from, quarantine records and daemon state.
///
/// Opened in WAL mode with `synchronous=FULL`, so a commit is on disk before the daemon moves the file out of the
/// inbox; readers (`gleaner status`) never block the writer. All writes of one batch happen in one transaction.
public final class ArticleStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// Near-duplicate detection as configured.
    public let engine: DedupEngine
    /// The bucket keys of the indexed articles, in memory (loaded on first use).
    let nearDuplicates = Mutex(NearDuplicateIndex())
    /// Checkpoints the write-ahead log after each ingest transaction, off the writing thread; nil for a store
    /// opened for reading.
    let checkpointer: WALCheckpointer?
    /// How articles are grouped into stories as they arrive.
    let storyMatcher = StoryMatcher()
    let storyCounters = Mutex(StoryStatistics())

    /// What forming stories has cost since the store was opened.
    public var storyStatistics: StoryStatistics { storyCounters.withLock { $0 } }

    /// How to treat near-duplicate parameters that differ from those the index was built with.
    public enum ParameterCheck: Sendable {
        /// Refuse to open (the daemon and `ingest`): the index would mix incompatible signatures.
        case refuseMismatch
        /// Open anyway (`gleaner reindex`, which rebuilds the index with the new parameters).
        case allowMismatch
    }

    /// Opens (creating if needed) and migrates the database at `path`.
    /// - Throws: ``StoreError`` saying what failed and what to do.
    public init(
        path: String,
        dedup: DedupParameters = DedupParameters(),
        parameterCheck: ParameterCheck = .refuseMismatch
    ) throws {
        self.path = path
        self.engine = DedupEngine(parameters: dedup)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(
                    path: path,
                    reason: "cannot create directory \(directory): \(error.localizedDescription)"
                )
            }
        }
        var configuration = Configuration()
        // Short enough that a blocked write never starves the watchdog (pinged every WatchdogSec/2).
        configuration.busyMode = .timeout(5)
        configuration.label = "gleaner"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Durability before the move out of the inbox: every COMMIT is fsynced. This must come after the
            // pool is opened, because GRDB's WAL set-up switches its writer to synchronous=NORMAL.
            try pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        PRAGMA synchronous = FULL;
                        PRAGMA wal_autocheckpoint = \(WALCheckpointer.writerCheckpointPages)
                        """
                )
            }
            try Self.migrator.migrate(pool)
            checkpointer = try WALCheckpointer(path: path)
            if parameterCheck == .refuseMismatch { try adoptOrCheckParameters() }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Opens an existing database for reading only (the query commands). Fails if there is none.
    public init(readingExisting path: String, dedup: DedupParameters = DedupParameters()) throws {
        self.path = path
        self.engine = DedupEngine(parameters: dedup)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.missing(path: path)
        }
        checkpointer = nil
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in
                if try Self.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path: path)
                }
                guard try db.tableExists("articles") else { throw StoreError.missing(path: path) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Closes the database: lets a checkpoint in progress finish, then closes every connection; the last to
    /// close copies the write-ahead log into the database file and removes it and its shared-memory file. The
    /// daemon calls it when it stops, so that a clean stop leaves the database file alone, whatever still holds
    /// the store. The store cannot be used afterwards.
    public func close() throws {
        try checkpointer?.close()
        // The readers first: GRDB's `close()` closes the writer before them, and a reader, read-only, cannot
        // remove the log when it is the last to close.
        pool.invalidateReadOnlyConnections()
        try pool.close()
    }

    /// The writer connection's `PRAGMA synchronous` level (2 = FULL: every commit is fsynced).
    public func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Runs `PRAGMA integrity_check`; returns `["ok"]` for a sound database.
    public func integrityCheck() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

/// Why the store could not do what was asked.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case missing(path: String)
    case newerSchema(path: String)
    case olderSchema(path: String)
    case dedupParametersChanged(path: String, stored: [String: String], configured: [String: String])

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason). Check that the directory exists and is writable by the "
                + "user running gleaner, or point Database= (or --db) elsewhere."
        case .missing(let path):
            "no Gleaner database at \(path). Start the daemon (gleaner run) to create it, or pass --db PATH."
        case .dedupParametersChanged(let path, let stored, let configured):
            "the near-duplicate index in \(path) was built with "
                + Self.describe(stored.filter { configured[$0.key] != $0.value })
                + " but the configuration now says "
                + Self.describe(configured.filter { stored[$0.key] != $0.value })
                + ". Run `gleaner reindex` to rebuild the index with the new settings (the daemon must be stopped),"
                + " or restore the old settings."
        case .newerSchema(let path):
            "the database \(path) was written by a newer version of Gleaner; upgrade gleaner to read it."
        case .olderSchema(let path):
            "the database \(path) has not been upgraded to this version of Gleaner yet; restart the daemon "
                + "(or run gleaner ingest once) to upgrade it, then try again."
        }
    }

    static func describe(_ pairs: [String: String]) -> String {
        pairs.keys.sorted().map { "\($0)=\(pairs[$0]!)" }.joined(separator: ", ")
    }
}
