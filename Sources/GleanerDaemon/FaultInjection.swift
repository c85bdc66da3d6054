import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Test-only faults, compiled in but inert unless `GLEANER_TEST_FAULTS` names them. Never set it in production.
///
/// `GLEANER_TEST_FAULTS` is a comma-separated list of:
/// - `crash-at=POINT` or `crash-at=POINT:N`: `kill -9` the daemon itself the Nth time (default 1st) the pipeline
///   reaches `POINT`, one of `after-read`, `after-parse`, `in-transaction`, `after-commit`, `during-move` (after
///   the first file of a batch was moved).
/// - `pause-at=POINT:SECONDS`: sleep that long the first time the pipeline reaches `POINT` (to let a test act in
///   the window between two steps, such as rewriting a file after its commit and before its move).
/// - `stall-file=PATH`: when `PATH` exists, delete it and stall the pipeline for good (no more watchdog pings),
///   to prove that systemd's watchdog restarts a stuck daemon.
/// - `pause-reader=SECONDS`: after READY, leave inotify events unread for that long (to provoke a queue
///   overflow).
public final class FaultInjection: Sendable {
    /// Points in the pipeline where a crash can be injected.
    public enum Point: String, Sendable, CaseIterable {
        case afterRead = "after-read"
        case afterParse = "after-parse"
        case inTransaction = "in-transaction"
        case afterCommit = "after-commit"
        case duringMove = "during-move"
    }

    let crashes: [Point: Int]
    let reached = Mutex<[Point: Int]>([:])
    let pauses: [Point: Double]
    let paused = Mutex<Set<Point>>([])
    /// File whose appearance stalls the pipeline.
    public let stallFile: String?
    /// Seconds to leave inotify unread after READY.
    public let pauseReader: Double?

    /// Whether any fault is armed (the daemon logs a warning at start if so).
    public var isArmed: Bool { !crashes.isEmpty || !pauses.isEmpty || stallFile != nil || pauseReader != nil }

    /// No faults.
    public static let none = FaultInjection(crashes: [:], pauses: [:], stallFile: nil, pauseReader: nil)

    init(crashes: [Point: Int], pauses: [Point: Double], stallFile: String?, pauseReader: Double?) {
        self.crashes = crashes
        self.pauses = pauses
        self.stallFile = stallFile
        self.pauseReader = pauseReader
    }

    /// Parses `GLEANER_TEST_FAULTS` from `environment`.
    /// - Throws: ``DaemonError`` for an unknown fault, so a typo never silently tests nothing.
    public static func from(environment: [String: String]) throws(DaemonError) -> FaultInjection {
        guard let spec = environment["GLEANER_TEST_FAULTS"], !spec.isEmpty else { return .none }
        var crashes: [Point: Int] = [:]
        var pauses: [Point: Double] = [:]
        var stallFile: String?
        var pauseReader: Double?
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first, parts.count) {
            case ("crash-at", 2):
                let pointAndCount = parts[1].split(separator: ":").map(String.init)
                guard let point = Point(rawValue: pointAndCount[0]),
                    let count = pointAndCount.count > 1 ? Int(pointAndCount[1]) : 1, count >= 1
                else {
                    throw DaemonError(
                        "GLEANER_TEST_FAULTS: bad crash point \(parts[1])",
                        hint: "use one of \(Point.allCases.map(\.rawValue).joined(separator: ", ")), optionally :N"
                    )
                }
                crashes[point] = count
            case ("pause-at", 2):
                let pointAndSeconds = parts[1].split(separator: ":").map(String.init)
                guard pointAndSeconds.count == 2, let point = Point(rawValue: pointAndSeconds[0]),
                    let seconds = Double(pointAndSeconds[1])
                else {
                    throw DaemonError(
                        "GLEANER_TEST_FAULTS: bad pause \(parts[1])",
                        hint:
                            "use POINT:SECONDS, POINT one of \(Point.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                pauses[point] = seconds
            case ("stall-file", 2):
                stallFile = parts[1]
            case ("pause-reader", 2):
                guard let seconds = Double(parts[1]) else {
                    throw DaemonError("GLEANER_TEST_FAULTS: pause-reader needs seconds, got \(parts[1])")
                }
                pauseReader = seconds
            default:
                throw DaemonError(
                    "GLEANER_TEST_FAULTS: unknown fault \(item)",
                    hint: "known: crash-at=POINT[:N], pause-at=POINT:SECONDS, stall-file=PATH, pause-reader=SECONDS"
                )
            }
        }
        return FaultInjection(crashes: crashes, pauses: pauses, stallFile: stallFile, pauseReader: pauseReader)
    }

    /// Called by the pipeline at `point`; kills the process with SIGKILL when that crash is armed and due, or
    /// sleeps when a pause is armed there and this is the first time.
    public func reach(_ point: Point) {
        if let seconds = pauses[point], paused.withLock({ $0.insert(point).inserted }) {
            usleep(UInt32(seconds * 1_000_000))
        }
        guard let due = crashes[point] else { return }
        let count = reached.withLock { counts in
            counts[point, default: 0] += 1
            return counts[point]!
        }
        if count == due { kill(getpid(), SIGKILL) }
    }

    /// `true` (once) when the stall file exists; the caller then stalls.
    public func shouldStall() -> Bool {
        guard let stallFile, access(stallFile, F_OK) == 0 else { return false }
        unlink(stallFile)
        return true
    }
}
