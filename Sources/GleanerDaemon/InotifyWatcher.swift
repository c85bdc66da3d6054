#if canImport(Glibc)
import Glibc
#endif

/// What the inbox watch reports, already interpreted for the spool.
public enum InboxEvent: Sendable, Equatable {
    /// A file was closed after writing (`IN_CLOSE_WRITE`) or renamed into the inbox (`IN_MOVED_TO`).
    case fileReady(name: [UInt8])
    /// A file was created in the inbox and is (still) open for writing (`IN_CREATE`).
    case fileCreated(name: [UInt8])
    /// A file left the inbox (`IN_DELETE`, `IN_MOVED_FROM`).
    case fileGone(name: [UInt8])
    /// A subdirectory appeared; Gleaner does not descend into it.
    case directoryAppeared(name: [UInt8])
    /// The kernel queue overflowed (`IN_Q_OVERFLOW`): events were lost and the inbox must be rescanned.
    case overflow
    /// The inbox itself was deleted, moved away or unmounted: the watch is gone.
    case inboxGone
}

/// A non-blocking inotify watch on one directory (the inbox).
///
/// Owned by the pipeline thread: it polls ``fileDescriptor`` and calls ``readEvents()`` when readable.
public final class InotifyWatcher {
    /// The inotify descriptor, for `poll(2)`.
    public let fileDescriptor: Int32
    public let directory: String
    private var watch: Int32

    static let mask: UInt32 =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)
        | UInt32(IN_EXCL_UNLINK)

    /// Creates the inotify instance and watches `directory`.
    /// - Throws: ``DaemonError`` when inotify is unavailable or the directory cannot be watched.
    public init(directory: String) throws(DaemonError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw DaemonError.system(
                "cannot create an inotify instance",
                errno: errno,
                hint: "raise fs.inotify.max_user_instances (sysctl) or stop other inotify users"
            )
        }
        fileDescriptor = descriptor
        self.directory = directory
        watch = inotify_add_watch(descriptor, directory, Self.mask)
        guard watch >= 0 else {
            let code = errno
            close(descriptor)
            throw DaemonError.system(
                "cannot watch the inbox \(directory)",
                errno: code,
                hint: code == ENOSPC
                    ? "raise fs.inotify.max_user_watches (sysctl)" : "check that the inbox exists and is readable"
            )
        }
    }

    deinit { close(fileDescriptor) }

    /// Re-installs the watch on ``directory`` (after the inbox was deleted and re-created).
    public func rewatch() throws(DaemonError) {
        let newWatch = inotify_add_watch(fileDescriptor, directory, Self.mask)
        guard newWatch >= 0 else {
            throw DaemonError.system("cannot watch the inbox \(directory)", errno: errno, hint: "check that it exists")
        }
        watch = newWatch
    }

    /// Every event queued now; empty when there is none. Never blocks.
    public func readEvents() -> [InboxEvent] {
        var events: [InboxEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let (watchID, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                var name = Array(buffer[(offset + 16)..<min(count, offset + 16 + length)])
                if let end = name.firstIndex(of: 0) { name.removeSubrange(end...) }
                offset += 16 + length
                if let event = interpret(watchID: watchID, mask: mask, name: name) { events.append(event) }
            }
        }
        return events
    }

    func interpret(watchID: Int32, mask: UInt32, name: [UInt8]) -> InboxEvent? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflow }
        guard watchID == watch else { return nil }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED) | UInt32(IN_UNMOUNT)) != 0 {
            return .inboxGone
        }
        guard !name.isEmpty else { return nil }
        if mask & UInt32(IN_ISDIR) != 0 {
            return mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 ? .directoryAppeared(name: name) : nil
        }
        if mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0 { return .fileReady(name: name) }
        if mask & UInt32(IN_CREATE) != 0 { return .fileCreated(name: name) }
        if mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 { return .fileGone(name: name) }
        return nil
    }

    /// The machine's inotify limits (`/proc/sys/fs/inotify/*`), for the start-up log line.
    public static func limits() -> [String: Int] {
        var limits: [String: Int] = [:]
        for key in ["max_queued_events", "max_user_watches", "max_user_instances"] {
            if let text = try? String(contentsOfProcFile: "/proc/sys/fs/inotify/" + key), let value = Int(text) {
                limits[key] = value
            }
        }
        return limits
    }
}

extension String {
    /// The trimmed content of a small file such as one under `/proc/sys`.
    init(contentsOfProcFile path: String) throws(DaemonError) {
        self = String(decoding: try readWholeFile(path, limit: 4_096), as: UTF8.self).trimmingWhitespace()
    }
}
