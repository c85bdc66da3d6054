import Dispatch
import GRDB
import Synchronization

/// Copies committed pages from the write-ahead log into the database file on a connection and a thread of its
/// own, after each ingest transaction.
///
/// SQLite's writer otherwise checkpoints by itself after any commit that leaves the log over 1,000 pages: under
/// a burst that is after nearly every batch (each article writes some forty pages: its text, its search index
/// segment, its story, its events), and the thread that stores articles, the daemon's bottleneck, spent about a
/// fifth of its time reading pages back from the log, writing them to the database file and waiting for its
/// fsync. A PASSIVE checkpoint on another connection runs beside the writer and never blocks it. The writer
/// still checkpoints by itself once the log holds ``writerCheckpointPages`` pages, which happens only when
/// this thread falls behind; its pages then are mostly copied already, and the next transaction starts the log
/// afresh. Durability is unchanged: a commit is fsynced in the log before it returns.
final class WALCheckpointer: Sendable {
    /// Pages in the log past which the writer checkpoints by itself (`PRAGMA wal_autocheckpoint`): about 40
    /// MiB.
    static let writerCheckpointPages = 10_000

    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "gleaner.checkpoint")
    /// A checkpoint is queued and has not started yet: later requests join it.
    private let queued = Mutex(false)

    /// Opens the checkpointing connection to the database at `path`, which the writer has opened in WAL mode.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "gleaner.checkpoint"
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Asks for a checkpoint soon, on the checkpointing thread; returns at once.
    func request() {
        guard
            queued.withLock({ queued in
                defer { queued = true }
                return !queued
            })
        else { return }
        queue.async { [self] in
            queued.withLock { $0 = false }
            // PASSIVE never waits for readers or the writer; what it cannot copy now, the next one does. A
            // failure (a checkpoint of the writer's running) is left to the next request.
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
    }

    /// Waits for the checkpoints asked for so far, then closes the connection: later requests do nothing.
    func close() throws {
        try queue.sync { try connection.close() }
    }

    /// Waits until the checkpoints asked for so far are done.
    func waitUntilIdle() {
        queue.sync {}
    }
}
