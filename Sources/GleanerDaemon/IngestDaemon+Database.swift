import Foundation
import GleanerStore
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The database's troubles at start-up and in batches: what failed, where, and what to do.
extension IngestDaemon {
    /// Opens the database. When its filesystem is full, SQLite cannot even create the shared-memory file it needs
    /// to open a database in WAL mode: start-up then waits for space (saying so once, and in STATUS), rather than
    /// exiting and being restarted by systemd until its start limit gives up for good.
    static func openStore(
        _ configuration: Configuration,
        notifier: SystemdNotifier,
        logger: Logger
    ) throws(DaemonError) -> ArticleStore {
        let database = configuration.database
        let directory = directory(of: database)
        // An upgrade runs inside the open and can outlast TimeoutStartSec on a large database (v8 builds the
        // search index of every stored article); systemd would kill it, and the rolled-back upgrade would start
        // over at every restart. Ask for time every 10 s while it runs.
        var heartbeat: (any DispatchSourceTimer)?
        if ArticleStore.needsUpgrade(path: database) {
            logger.notice(
                "upgrading the database \(database) to this version of Gleaner; building the full-text search index of the stored articles can take minutes",
                metadata: ["event": "upgrade"]
            )
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now(), repeating: 10)
            timer.setEventHandler {
                notifier.extendTimeout(seconds: 30, status: "starting: upgrading the database \(database)")
            }
            timer.resume()
            heartbeat = timer
        }
        defer { heartbeat?.cancel() }
        var waiting = false
        while true {
            do {
                let store = try ArticleStore(path: database, dedup: configuration.dedupParameters)
                if waiting {
                    logger.notice("the database \(database) opens again", metadata: ["event": "store-recovered"])
                }
                return store
            } catch let error as StoreError {
                if case .dedupParametersChanged = error { throw DaemonError("\(error)", errno: EINVAL) }
                if isReadOnlyMount(directory) { throw readOnlyError(error, database: database) }
                guard isNearlyFull(directory) else { throw DaemonError("\(error)", errno: EIO) }
                let problem = "the filesystem holding \(directory) is full; free space there"
                if !waiting {
                    logger.error(
                        "cannot open the database \(database): \(problem). Files wait in the inbox; trying again every \(openRetrySeconds) s",
                        metadata: ["event": "store-retry"]
                    )
                    waiting = true
                }
                notifier.extendTimeout(
                    seconds: Double(openRetrySeconds) * 3,
                    status: "starting: cannot open the database: \(problem)"
                )
                sleep(openRetrySeconds)
            } catch {
                throw DaemonError("\(error)", errno: EIO)
            }
        }
    }

    static let openRetrySeconds: UInt32 = 2

    /// Less than 1 MiB left for an unprivileged writer.
    static func isNearlyFull(_ directory: String) -> Bool {
        var info = statvfs()
        return statvfs(directory, &info) == 0 && UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }

    /// Writes one row, to learn before READY whether the database can be written at all. SQLite opens a database
    /// it cannot write read-only, and that connection never writes, even once the filesystem is writable again:
    /// such a daemon would take no file until restarted, so it does not start. A full disk or a lock is not
    /// fatal: batches are retried, STATUS says why, and ingestion resumes by itself.
    static func probeWrite(_ store: ArticleStore, _ database: String) throws(DaemonError) {
        do {
            try store.record(state: ["pid": "\(getpid())", "status": "starting"])
        } catch {
            let readOnly = ArticleStore.failureKind(error) == .readOnly || isReadOnlyMount(directory(of: database))
            guard readOnly else { return }
            throw readOnlyError(error, database: database)
        }
    }

    static func readOnlyError(_ error: any Error, database: String) -> DaemonError {
        DaemonError(
            "cannot write the database \(database): \(storeProblem(error, database: database))",
            errno: EROFS,
            hint: "files wait in the inbox meanwhile; start gleaner again once \(directory(of: database)) is writable"
        )
    }

    /// How often a database problem that lasts is logged again.
    static let storeTroubleReminderInterval = Duration.seconds(600)

    /// Why the database refused a batch, where, and what to do: SQLite's own words ("disk I/O error") name
    /// neither the place nor the remedy. A full or read-only filesystem is recognised from the error and from
    /// statvfs(3) of the database's directory, since SQLite reports either as an I/O error too.
    static func storeProblem(_ error: any Error, database: String) -> String {
        let directory = directory(of: database)
        let said = ArticleStore.describe(error)
        let kind = ArticleStore.failureKind(error)
        if isReadOnlyMount(directory), kind != .locked {
            return "the filesystem holding \(directory) is mounted read-only (\(said)); remount it read-write"
        }
        switch kind {
        case .readOnly:
            return "the database \(database) is read-only (\(said)); make it and \(directory) writable for gleaner, "
                + "or, if the kernel made its filesystem read-only after a disk error (see its log), repair and remount it"
        case .full,
            .ioError where isNearlyFull(directory):
            return "the filesystem holding \(directory) is full (\(said)); free space there"
        case .ioError:
            return "I/O error on the database \(database) (\(said)); check the disk and the kernel log"
        case .locked:
            return "\(said) (another process holds the write lock on \(database))"
        case .other:
            return "\(said) (database \(database))"
        }
    }

    /// The directory holding `path` (as `ArticleStore` finds it), or `.` for a bare file name.
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    static func isReadOnlyMount(_ directory: String) -> Bool {
        var info = statvfs()
        // ST_RDONLY is bit 0 of f_flag (statvfs(3)).
        return statvfs(directory, &info) == 0 && info.f_flag & 1 != 0
    }
}
