import Foundation
import GleanerStore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `gleaner` binary as a child process on a temporary spool and database, with a real notify
/// socket, and lets a test drop files and wait for outcomes.
final class DaemonHarness {
    let root: String
    /// The directory holding `inbox`, `processed` and `failed`, as the daemon names it.
    let spoolDirectory: String
    /// The directory holding the database, as the daemon names it.
    let databaseDirectory: String
    /// A process that holds a private mount namespace with test mounts (``startWithPrivateMounts(_:)``), where
    /// the daemon runs; the test reaches its files through `/proc/PID/root` of the holder.
    var mountNamespace: Process?
    /// The prefix through which the test sees the daemon's files.
    var view: String { mountNamespace.map { "/proc/\($0.processIdentifier)/root" } ?? "" }
    var inbox: String { view + spoolDirectory + "/inbox" }
    var processed: String { view + spoolDirectory + "/processed" }
    var failed: String { view + spoolDirectory + "/failed" }
    /// Not through ``view``: SQLite resolves `/proc/PID/root` to `/` (see ``countsInMountNamespace()``).
    var database: String { databaseDirectory + "/gleaner.sqlite" }
    var configPath: String { root + "/gleaner.conf" }
    let notify: NotifySocket
    var process: Process?
    /// How many notify messages had arrived when the current process started.
    var notifyMark = 0
    let stderrLines = LockedLines()
    private var stderrReader: Thread?
    /// Set by the stderr reader when the daemon's standard error reached its end (the process is gone and every
    /// line it wrote is in ``stderrLines``).
    private var stderrDone = Flag()
    /// Kept alive so its read end stays open while the reader thread uses the descriptor.
    private var stderrPipe: Pipe?

    /// The `gleaner` executable next to the test bundle (`swift build --build-tests` builds both), or
    /// `$GLEANER_BINARY`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["GLEANER_BINARY"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" {
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("gleaner").path
    }()

    /// - Parameters:
    ///   - configuration: extra `Key=Value` lines for the configuration file.
    ///   - spool: a subdirectory of the test's directory for `inbox`, `processed` and `failed` (to mount a
    ///     filesystem there), or nil for the test's directory itself.
    ///   - databaseIn: likewise for the database.
    init(configuration: [String] = [], spool: String? = nil, databaseIn: String? = nil) throws {
        var template = Array("/tmp/gleaner-test-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw HarnessError("mkdtemp failed")
        }
        let root = String(cString: made)
        self.root = root
        spoolDirectory = spool.map { root + "/" + $0 } ?? root
        databaseDirectory = databaseIn.map { root + "/" + $0 } ?? root
        notify = try NotifySocket(path: root + "/notify.sock")
        try writeConfiguration(configuration)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw HarnessError("no gleaner binary at \(Self.binary); run swift build --build-tests first")
        }
    }

    deinit {
        for process in [process, mountNamespace].compactMap(\.self) where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        notify.close()
        try? FileManager.default.removeItem(atPath: root)
    }

    func writeConfiguration(_ extra: [String]) throws {
        let lines =
            [
                "Inbox=\(spoolDirectory)/inbox", "Processed=\(spoolDirectory)/processed",
                "Failed=\(spoolDirectory)/failed", "Database=\(databaseDirectory)/gleaner.sqlite",
                "SettleTime=0", "LogLevel=debug",
            ] + extra
        try (lines.joined(separator: "\n") + "\n").write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts `gleaner run --config …` with `NOTIFY_SOCKET` set.
    /// - Parameter launcher: a command that runs the daemon as its last arguments (such as `unshare …`).
    func start(environment extra: [String: String] = [:], arguments: [String] = [], launcher: [String] = []) throws {
        let process = Process()
        let command = launcher + [Self.binary, "run", "--config", configPath] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ["NOTIFY_SOCKET": notify.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        notifyMark = notify.all.count
        let exited = Moment()
        exitMoment = exited
        process.terminationHandler = { _ in exited.mark() }
        try process.run()
        self.process = process
        self.stderrPipe = pipe
        // Plain read(2): FileHandle.availableData traps on EINTR.
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        let lines = stderrLines
        let done = Flag()
        stderrDone = done
        let reader = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: buffer[..<count])
                while let newline = pending.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
            done.set()
        }
        reader.start()
        stderrReader = reader
    }

    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// When the current process exited, as its termination was reported (nil while it runs).
    var exitedAt: Date? { exitMoment.value }
    private var exitMoment = Moment()

    var log: [String] { stderrLines.all }

    /// Waits for `condition` to hold, polling; records a test issue and returns `false` on timeout.
    @discardableResult
    func waitUntil(
        _ what: String,
        timeout: Double = 30,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        Issue.record(
            "timed out after \(timeout)s waiting for \(what); daemon log tail:\n\(log.suffix(15).joined(separator: "\n"))",
            sourceLocation: sourceLocation
        )
        return false
    }

    func waitForReady(timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) {
        waitUntil("READY=1", timeout: timeout, sourceLocation: sourceLocation) {
            notify.all.dropFirst(notifyMark).contains { $0.split(separator: "\n").contains("READY=1") }
        }
    }

    /// Waits for the process to exit; returns its status (or 128+signal).
    @discardableResult
    func waitForExit(timeout: Double = 30) -> Int32? {
        guard let process else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        // What the daemon wrote before it exited is read by other threads: wait for its standard error to end
        // and for the notify socket's queue to empty, so a test can check its last words.
        let drained = Date().addingTimeInterval(5)
        while !stderrDone.isSet, Date() < drained { usleep(5_000) }
        notify.drain(until: drained)
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Sends SIGTERM and waits; returns the exit status, or nil if it did not exit in time.
    func stop(timeout: Double = 10) -> Int32? {
        signal(SIGTERM)
        return waitForExit(timeout: timeout)
    }

    enum DropMethod {
        /// Written in place (create, write, close): announced by IN_CLOSE_WRITE.
        case copy
        /// Written under a temporary name in the inbox, then renamed: announced by IN_MOVED_TO.
        case rename
    }

    func drop(_ name: String, _ bytes: [UInt8], via method: DropMethod = .copy) throws {
        switch method {
        case .copy:
            try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
        case .rename:
            let temporary = inbox + "/." + name + ".tmp"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, inbox + "/" + name) == 0 else { throw HarnessError("rename failed") }
        }
    }

    func drop(_ name: String, text: String, via method: DropMethod = .copy) throws {
        try drop(name, Array(text.utf8), via: method)
    }

    func contents(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    func store() throws -> ArticleStore { try ArticleStore(readingExisting: database) }

    /// Counts from the database, or zeros when it does not exist yet.
    func counts() -> StoreCounts {
        if mountNamespace != nil { return (try? countsInMountNamespace()) ?? .zero }
        return (try? store().counts()) ?? .zero
    }
}

/// A short article text that shares no wording with the text of any other index: sixteen words drawn
/// from a seeded generator. (Texts differing only in a number are near duplicates by design, since digits
/// are folded for comparison.)
func distinctText(_ index: Int, _ about: String) -> String {
    let vocabulary = [
        "minister", "harbour", "treaty", "pipeline", "election", "drought", "senate", "border", "festival", "tariff",
        "vaccine", "railway", "court", "strike", "summit", "reactor", "budget", "flood", "satellite", "museum",
        "merger", "protest", "embassy", "refinery", "stadium", "glacier", "census", "airline", "verdict", "harvest",
        "cabinet", "militia",
    ]
    var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
    var words: [String] = []
    for _ in 0..<16 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        words.append(vocabulary[Int((state &* 0x2545_F491_4F6C_DD1D) >> 59)])
    }
    return "Report \(about): " + words.joined(separator: " ") + "."
}

/// The five real articles shipped as test fixtures.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    static var names: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// Lines shared between the stderr reader thread and the test.
/// A moment one thread records and others read.
final class Moment: Sendable {
    private let moment = Mutex<Date?>(nil)

    func mark() { moment.withLock { $0 = $0 ?? Date() } }

    var value: Date? { moment.withLock { $0 } }
}

/// A flag one thread sets and others read.
final class Flag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }

    var isSet: Bool { value.withLock { $0 } }
}

final class LockedLines: Sendable {
    let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}
