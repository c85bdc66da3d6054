import GleanerCore
import GleanerStore
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The long-running ingestion loop: watches the inbox, takes every complete file exactly once, and reports
/// readiness and health to systemd.
///
/// inotify is a hint and the folder is the truth: the inbox is scanned at start-up (before READY), after a queue
/// overflow, and every `RescanInterval`. All loop state lives on one thread (``run()``); other threads only
/// ask it to stop or reload, through ``requestStop()`` and ``requestReload()``, which wake it via an eventfd.
public final class IngestDaemon: @unchecked Sendable {
    struct Requests {
        var stop = false
        var reload = false
    }

    let notifier: SystemdNotifier
    let faults: FaultInjection
    let store: ArticleStore
    let reloadConfiguration: @Sendable () throws -> Configuration
    /// Self-pipe: other threads write a byte to `wakePipe.write` to wake the loop out of poll(2).
    let wakePipe: (read: Int32, write: Int32)
    let requests = Mutex(Requests())
    let clock = ContinuousClock()

    // Loop-thread state.
    var configuration: Configuration
    var logger: Logger
    var pipeline: IngestPipeline
    let watcher: InotifyWatcher
    let inbox: InboxDirectory
    /// Names to take, oldest first.
    var pending: [String] = []
    /// Names waiting until a given instant (settling after a write, or backing off after a failure).
    var waiting: [String: ContinuousClock.Instant] = [:]
    /// Every name in `pending` or `waiting`.
    var queued: Set<String> = []
    /// Transient failures per name.
    var attempts: [String: Int] = [:]
    /// Names created in the inbox whose writer has not closed them yet (scans leave them alone).
    var beingWritten: Set<String> = []
    var warnedDirectories: Set<String> = []
    var counts: (articles: Int, duplicates: Int, failed: Int)
    var storeTrouble: (until: ContinuousClock.Instant, attempt: Int, reason: String, files: Int)?
    /// When a lasting database problem is logged again.
    var storeTroubleReminder: ContinuousClock.Instant?
    /// Since when the inbox is unusable, when to try again, and what is wrong ("missing, re-creating it"), for
    /// STATUS and to log each new problem once rather than at every attempt.
    var inboxTrouble: (since: ContinuousClock.Instant, next: ContinuousClock.Instant, problem: String)?
    var nextScan: ContinuousClock.Instant
    var nextWatchdog: ContinuousClock.Instant?
    var readerPausedUntil: ContinuousClock.Instant?
    var nextRetention = ContinuousClock.now
    var publishedStatus = ""
    /// The STATUS line last written to the database (written when the loop goes idle, not per batch).
    var recordedStatus = ""
    var nextStatusRecord = ContinuousClock.now
    var ready = false

    /// Opens the database, creates missing spool directories and installs the inotify watch.
    /// - Throws: ``DaemonError`` with an errno and a hint; the caller reports it to systemd and exits non-zero.
    public init(
        configuration: Configuration,
        logger: Logger,
        notifier: SystemdNotifier = SystemdNotifier(),
        faults: FaultInjection = .none,
        reloadConfiguration: @escaping @Sendable () throws -> Configuration
    ) throws(DaemonError) {
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        self.faults = faults
        self.reloadConfiguration = reloadConfiguration
        try Self.prepareDirectories(configuration)
        store = try Self.openStore(configuration, notifier: notifier, logger: logger)
        try Self.probeWrite(store, configuration.database)
        inbox = InboxDirectory(path: configuration.inbox)
        watcher = try InotifyWatcher(directory: configuration.inbox)
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0,
            descriptors.allSatisfy({ fcntl($0, F_SETFL, O_NONBLOCK) == 0 && fcntl($0, F_SETFD, FD_CLOEXEC) == 0 })
        else {
            throw DaemonError.system("cannot create the wake-up pipe", errno: errno, hint: nil)
        }
        wakePipe = (descriptors[0], descriptors[1])
        pipeline = IngestPipeline(
            store: store,
            maximumFileSize: configuration.maxFileSize,
            disposal: Self.disposal(configuration),
            extractor: try configuration.eventExtractor(),
            faults: faults,
            logger: logger
        )
        do {
            let stored = try store.counts()
            counts = (stored.articles, stored.duplicates, stored.failedFiles)
            // Before READY, so the first batch does not wait for it (about a second per 200,000 articles).
            let index = try store.loadNearDuplicateIndex()
            let milliseconds = index.loadNanoseconds / 1_000_000
            logger.info(
                "near-duplicate index loaded: \(index.entries) keys in \(milliseconds) ms, \(index.memoryBytes >> 20) MiB"
            )
        } catch {
            throw DaemonError("cannot read the database \(configuration.database): \(error)", errno: EIO)
        }
        nextScan = clock.now
    }

    deinit {
        close(wakePipe.read)
        close(wakePipe.write)
    }

    static func disposal(_ configuration: Configuration) -> Disposal {
        switch configuration.afterIngest {
        case .move: .move(processed: configuration.processed, failed: configuration.failed)
        case .delete: .delete(failed: configuration.failed)
        }
    }

    /// Creates the inbox, processed and failed directories if missing, and checks they share one filesystem
    /// (files are moved with rename(2), which cannot cross filesystems).
    static func prepareDirectories(_ configuration: Configuration) throws(DaemonError) {
        var directories = [("Inbox", configuration.inbox), ("Failed", configuration.failed)]
        if configuration.afterIngest == .move { directories.append(("Processed", configuration.processed)) }
        var inboxDevice: UInt64?
        for (key, path) in directories {
            try makeDirectory(path, key: key)
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw DaemonError.system("cannot stat \(key)=\(path)", errno: errno, hint: nil)
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw DaemonError(
                    "\(key)=\(path) is not a directory",
                    errno: ENOTDIR,
                    hint: "point \(key)= at a directory"
                )
            }
            if let inboxDevice, inboxDevice != UInt64(info.st_dev) {
                throw DaemonError(
                    "\(key)=\(path) is on another filesystem than Inbox=\(configuration.inbox)",
                    errno: EXDEV,
                    hint: "files are moved with rename(2); put \(key) on the same filesystem as the inbox"
                )
            }
            if key == "Inbox" { inboxDevice = UInt64(info.st_dev) }
        }
    }

    static func makeDirectory(_ path: String, key: String) throws(DaemonError) {
        var components: [String] = []
        for part in path.split(separator: "/") {
            components.append(String(part))
            let prefix = "/" + components.joined(separator: "/")
            if mkdir(prefix, 0o750) != 0, errno != EEXIST {
                throw DaemonError.system(
                    "\(key)=\(path) is missing and cannot be created (at \(prefix))",
                    errno: errno,
                    hint: "create it, or point \(key)= at a directory the gleaner user can write"
                )
            }
        }
    }

    // MARK: - Requests from other threads

    /// Asks the loop to finish its current batch and return. Sends `STOPPING=1` at once.
    public func requestStop() {
        let first = requests.withLock { requests in
            defer { requests.stop = true }
            return !requests.stop
        }
        if first { notifier.stopping(status: "stopping: finishing the current batch") }
        wake()
    }

    /// Asks the loop to re-read its configuration (SIGHUP).
    public func requestReload() {
        requests.withLock { $0.reload = true }
        wake()
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    // MARK: - The loop

    /// Runs until ``requestStop()``: start-up scan and backlog, READY, then the event loop.
    public func run() {
        logStartup()
        if let interval = notifier.watchdogPingInterval {
            nextWatchdog = clock.now
            logger.debug("watchdog enabled: pinging every \(interval)s")
        }
        drainStartupBacklog()
        ready = true
        if !stopRequested {
            notifier.ready(status: statusLine())
            publishedStatus = statusLine()
            logger.notice("ready: \(publishedStatus)")
            if let pause = faults.pauseReader { readerPausedUntil = clock.now + .seconds(pause) }
        }
        while !stopRequested {
            iterate()
            waitForWork()
        }
        let status = statusLine()
        try? store.record(state: ["status": "stopped; last: \(status)", "stopped_at": Self.timestamp()])
        do {
            try store.close()
        } catch {
            logger.warning("could not close the database \(store.path) cleanly: \(error)")
        }
        logger.notice("stopped: \(status)")
    }

    var stopRequested: Bool { requests.withLock { $0.stop } }

    /// One pass: reload if asked, read events, scan if due, promote waiting files, process one batch.
    func iterate() {
        if requests.withLock({ requests in
            defer { requests.reload = false }
            return requests.reload
        }) {
            reload()
        }
        if faults.shouldStall() { stallForever() }
        if let paused = readerPausedUntil, clock.now < paused {
            // Test fault: events pile up in the kernel queue.
        } else {
            readerPausedUntil = nil
            handle(watcher.readEvents())
            if let trouble = inboxTrouble, clock.now >= trouble.next { recoverInbox() }
            if clock.now >= nextScan { scan(reason: "periodic") }
        }
        promoteWaiting()
        if !pending.isEmpty, storeTrouble.map({ clock.now >= $0.until }) ?? true {
            processBatch()
        }
        if pending.isEmpty, clock.now >= nextRetention { applyRetention() }
        pingWatchdogIfDue()
        publishStatusIfChanged()
    }

    func drainStartupBacklog() {
        scan(reason: "start-up")
        let backlog = queued
        guard !backlog.isEmpty else { return }
        logger.info("start-up scan found \(backlog.count) files in the inbox; ingesting them before READY")
        notifier.extendTimeout(seconds: 30, status: "starting: ingesting \(backlog.count) files left in the inbox")
        var lastExtension = clock.now
        while !stopRequested, !queued.isDisjoint(with: backlog) {
            if storeTrouble != nil {
                logger.warning("cannot ingest the start-up backlog yet (\(storeTrouble!.reason)); going ready anyway")
                return
            }
            handle(watcher.readEvents())
            promoteWaiting()
            if !pending.isEmpty { processBatch() } else { waitForWork() }
            pingWatchdogIfDue()
            if clock.now - lastExtension > .seconds(5) {
                let left = queued.intersection(backlog).count
                notifier.extendTimeout(
                    seconds: 30,
                    status: "starting: \(backlog.count - left) of \(backlog.count) backlog files ingested"
                )
                lastExtension = clock.now
            }
        }
    }

    /// Sleeps in poll(2) until inotify or the wake eventfd is readable, or the next timed duty is due.
    func waitForWork() {
        let now = clock.now
        var deadline = nextScan
        if !pending.isEmpty { deadline = storeTrouble?.until ?? now }
        if let soonest = waiting.values.min() { deadline = min(deadline, soonest) }
        if let nextWatchdog { deadline = min(deadline, nextWatchdog) }
        if let trouble = inboxTrouble { deadline = min(deadline, trouble.next) }
        if let paused = readerPausedUntil { deadline = min(deadline, paused) }
        if ready, publishedStatus != recordedStatus { deadline = min(deadline, nextStatusRecord) }
        let timeout = deadline <= now ? 0 : Int32(min(60_000, (deadline - now).milliseconds + 1))
        var descriptors = [
            pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
            pollfd(fd: watcher.fileDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let watchInbox = readerPausedUntil == nil
        _ = poll(&descriptors, watchInbox ? 2 : 1, timeout)
        var drained = [UInt8](repeating: 0, count: 64)
        while read(wakePipe.read, &drained, drained.count) > 0 {}
    }

    func stallForever() {
        logger.critical("stalling the pipeline on purpose (GLEANER_TEST_FAULTS stall-file); watchdog pings stop")
        while true { sleep(3_600) }
    }

    // MARK: - Events and scans

    func handle(_ events: [InboxEvent]) {
        for event in events {
            switch event {
            case .fileReady(let raw):
                guard let name = candidateName(raw) else { continue }
                beingWritten.remove(name)
                if waiting[name] != nil, attempts[name] == nil {
                    waiting[name] = nil
                    pending.append(name)
                } else {
                    enqueue(name)
                }
            case .fileCreated(let raw):
                if let name = String(validating: raw, as: UTF8.self), InboxNamePolicy.isCandidate(name),
                    beingWritten.count < 100_000
                {
                    beingWritten.insert(name)
                }
            case .fileGone(let raw):
                if let name = String(validating: raw, as: UTF8.self) { beingWritten.remove(name) }
            case .directoryAppeared(let raw):
                warnDirectory(String(decoding: raw, as: UTF8.self))
            case .overflow:
                logger.warning(
                    "inotify queue overflowed (more than max_queued_events unread); rescanning the inbox",
                    metadata: ["event": "overflow"]
                )
                beingWritten.removeAll()
                scan(reason: "overflow")
            case .inboxGone:
                guard inboxTrouble == nil else { continue }
                logger.error(
                    "the inbox \(inbox.path) was deleted or moved away; re-creating it",
                    metadata: ["event": "inbox-gone"]
                )
                inboxTrouble = (clock.now, clock.now, "missing, re-creating it")
            }
        }
    }

    /// The storable name for a raw inbox name, when it is one to take.
    func candidateName(_ raw: [UInt8]) -> String? {
        guard let (name, renamedFrom) = inbox.usableName(raw) else { return nil }
        if let renamedFrom {
            logger.warning(
                "renamed \(renamedFrom.debugDescription) to \(name): file names must be UTF-8",
                metadata: ["file": "\(name)"]
            )
        }
        return InboxNamePolicy.isCandidate(name) ? name : nil
    }

    func enqueue(_ name: String) {
        guard queued.insert(name).inserted else { return }
        pending.append(name)
    }

    func warnDirectory(_ name: String) {
        guard warnedDirectories.insert(name).inserted else { return }
        logger.warning(
            "ignoring subdirectory \(name) of the inbox: Gleaner reads files dropped directly into \(inbox.path)",
            metadata: ["file": "\(name)"]
        )
    }

    /// Lists the inbox and queues every candidate not already queued. A file found this way (rather than by a
    /// close or rename event) waits until it has been left unmodified for `SettleTime`.
    func scan(reason: String) {
        nextScan = clock.now + .seconds(configuration.rescanInterval)
        let entries: [InboxDirectory.Entry]
        do {
            entries = try inbox.entries()
        } catch {
            if inboxTrouble == nil {
                logger.error("cannot scan the inbox: \(error)")
                inboxTrouble = (clock.now, clock.now + .seconds(1), "cannot be listed")
            }
            return
        }
        var found = 0
        let wallNow = Self.wallClock()
        for entry in entries {
            if entry.isDirectory {
                warnDirectory(String(decoding: entry.name, as: UTF8.self))
                continue
            }
            guard let name = candidateName(entry.name), !queued.contains(name) else { continue }
            if beingWritten.contains(name) {
                // Created in the inbox and not closed yet: leave it to its writer, unless it is not a regular
                // file (a FIFO, symlink or device never sends IN_CLOSE_WRITE) or has been quiet for so long
                // that the writer must be gone (or it was a hard link, which never sends one either).
                if inbox.isRegularFile(name), let modified = inbox.modificationTime(of: name),
                    wallNow - modified < Self.openWriterGrace
                {
                    continue
                }
                beingWritten.remove(name)
            }
            found += 1
            queued.insert(name)
            if configuration.settleTime > 0, let modified = inbox.modificationTime(of: name),
                wallNow - modified < configuration.settleTime
            {
                waiting[name] = clock.now + .seconds(max(0.05, configuration.settleTime - (wallNow - modified)))
            } else {
                pending.append(name)
            }
        }
        if reason == "overflow" {
            logger.notice("rescan after overflow queued \(found) files", metadata: ["event": "rescan"])
        } else if found > 0, reason == "periodic" {
            logger.info("periodic rescan found \(found) files that no event announced", metadata: ["event": "rescan"])
        }
    }

    func promoteWaiting() {
        guard !waiting.isEmpty else { return }
        let now = clock.now
        for (name, due) in waiting where due <= now {
            waiting[name] = nil
            pending.append(name)
        }
    }

    func recoverInbox() {
        guard let trouble = inboxTrouble else { return }
        do throws(DaemonError) {
            try Self.makeDirectory(inbox.path, key: "Inbox")
            try watcher.rewatch()
            inboxTrouble = nil
            logger.notice("the inbox \(inbox.path) is back; watching it again")
            scan(reason: "inbox-recovered")
        } catch {
            var info = stat()
            let problem =
                lstat(inbox.path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
                ? "is not a directory: move it away and Gleaner re-creates the inbox"
                : "cannot be re-created: \(error)"
            if problem != trouble.problem {
                logger.error(
                    "the inbox \(inbox.path) \(problem); retrying every 5s",
                    metadata: ["event": "inbox-gone"]
                )
            }
            inboxTrouble = (trouble.since, clock.now + .seconds(5), problem)
        }
    }

    // MARK: - Batches

    func processBatch() {
        let batch = Array(pending.prefix(configuration.batchMaxFiles))
        pending.removeFirst(batch.count)
        let report: IngestPipeline.BatchReport
        do throws(IngestPipeline.BatchFailure) {
            report = try pipeline.process(
                batch,
                in: inbox.path,
                timeBudget: configuration.batchMaxDelay,
                state: ["pid": "\(getpid())"]
            )
        } catch {
            handleBatchFailure(error, batch: batch)
            return
        }
        if let trouble = storeTrouble {
            logger.notice(
                "the database accepts writes again after \(trouble.attempt) failed attempts (\(trouble.reason))",
                metadata: ["event": "store-recovered"]
            )
            storeTrouble = nil
            storeTroubleReminder = nil
        }
        count(report)
        // A file committed but not moved stays queued, so its attempts add up and its retries back off.
        let unmoved = Set(report.disposalFailures.map(\.name))
        for result in report.committed where !unmoved.contains(result.name) {
            finished(result.name)
        }
        for name in report.vanished + report.directories { finished(name) }
        for name in report.directories { warnDirectory(name) }
        for name in report.changing {
            // Still queued (a file changed after its commit was finished above): it is taken again.
            queued.insert(name)
            waiting[name] = clock.now + .seconds(max(0.2, configuration.settleTime))
        }
        for (name, reason) in report.transient { retryLater(name, reason: reason) }
        for (name, error) in report.disposalFailures { retryMove(name, error) }
        pending.insert(contentsOf: report.untaken, at: 0)
    }

    /// Adds what a committed batch stored to the STATUS counters.
    func count(_ report: IngestPipeline.BatchReport) {
        let added = report.counts
        counts.articles += added.articles
        counts.duplicates += added.duplicates
        counts.failed += added.failed
    }

    func finished(_ name: String) {
        queued.remove(name)
        attempts[name] = nil
        waiting[name] = nil
    }

    /// Backs a file off after a transient failure; after ``maximumFileAttempts`` it is quarantined.
    func retryLater(_ name: String, reason: String) {
        let (attempt, delay) = countAttempt(name)
        if attempt >= Self.maximumFileAttempts {
            logger.error("giving up on \(name) after \(attempt) attempts: \(reason)", metadata: ["file": "\(name)"])
            quarantine(name, Rejection(.unreadable, "\(reason) (\(attempt) attempts)"))
            return
        }
        logger.warning("cannot take \(name) yet (\(reason)); retrying in \(delay)s", metadata: ["file": "\(name)"])
        waiting[name] = clock.now + .seconds(delay)
    }

    static let maximumFileAttempts = 8

    /// Counts one more failed attempt at `name`; returns its number and the back-off before the next (1 s,
    /// 2 s, 4 s … up to `RetryMaxDelay`).
    func countAttempt(_ name: String) -> (attempt: Int, delay: Double) {
        let attempt = attempts[name, default: 0] + 1
        attempts[name] = attempt
        return (attempt, min(configuration.retryMaxDelay, 0.5 * Double(1 << min(attempt, 16))))
    }

    /// Backs off a committed file that could not be moved out of the inbox. Its record is safe, so it is never
    /// quarantined (that would record it twice): the move is retried ever less often, up to `RetryMaxDelay`.
    func retryMove(_ name: String, _ error: DaemonError) {
        let delay = countAttempt(name).delay
        logger.warning(
            "cannot move \(name) out of the inbox yet (\(error)); retrying in \(delay)s",
            metadata: ["file": "\(name)"]
        )
        waiting[name] = clock.now + .seconds(delay)
    }

    /// How long a file created in the inbox but never closed (no IN_CLOSE_WRITE) may stay untouched before a
    /// scan takes it anyway (seconds).
    static let openWriterGrace: Double = 300

    func handleBatchFailure(_ failure: IngestPipeline.BatchFailure, batch: [String]) {
        pending.insert(contentsOf: failure.names + failure.untaken, at: 0)
        if failure.isTransient {
            let attempt = (storeTrouble?.attempt ?? 0) + 1
            let delay = min(configuration.retryMaxDelay, 0.25 * Double(1 << min(attempt, 16)))
            let problem = Self.storeProblem(failure.underlying, database: configuration.database)
            let previous = storeTrouble?.reason
            storeTrouble = (clock.now + .seconds(delay), attempt, problem, failure.names.count)
            // Said once, again when the problem changes, and as a reminder every so often: not at every retry.
            if problem != previous || storeTroubleReminder.map({ clock.now >= $0 }) ?? true {
                let reminder = previous == problem ? "still " : ""
                logger.warning(
                    "\(reminder)cannot commit \(failure.names.count) files: \(problem); they stay in the inbox and are retried with back-off, at least every \(configuration.retryMaxDelay)s",
                    metadata: ["event": "store-retry"]
                )
                storeTroubleReminder = clock.now + Self.storeTroubleReminderInterval
            } else {
                logger.debug("cannot commit \(failure.names.count) files yet (\(problem)); retrying in \(delay)s")
            }
            return
        }
        // Not transient: one file breaks the transaction. Commit the files one by one to find it.
        logger.error("batch of \(failure.names.count) files failed (\(failure.description)); retrying one by one")
        pending.removeFirst(failure.names.count + failure.untaken.count)
        for name in failure.names {
            do throws(IngestPipeline.BatchFailure) {
                count(try pipeline.process([name], in: inbox.path))
                finished(name)
            } catch {
                if error.isTransient {
                    pending.insert(name, at: 0)
                } else {
                    quarantine(name, Rejection(.internalError, error.description))
                }
            }
        }
        pending.insert(contentsOf: failure.untaken, at: 0)
    }

    /// Records `name` as failed and moves it to the quarantine folder.
    func quarantine(_ name: String, _ rejection: Rejection) {
        var info = stat()
        guard lstat(inbox.path + "/" + name, &info) == 0 else {
            finished(name)
            return
        }
        let identity = SpoolFileReader.identity(name, info)
        do {
            let result = try store.commit([.rejected(identity, sha256: nil, rejection)])[0]
            _ = try? pipeline.disposer.dispose(name, in: inbox.path, outcome: .failed, fileID: result.fileID)
            if !result.replayed { counts.failed += 1 }
            logger.warning(
                "quarantined \(name): \(rejection.description)",
                metadata: ["file": "\(name)", "outcome": "failed", "reason": "\(rejection.reason.rawValue)"]
            )
            finished(name)
        } catch {
            logger.error("cannot quarantine \(name): \(error); it stays in the inbox")
            waiting[name] = clock.now + .seconds(configuration.retryMaxDelay)
        }
    }

    /// With `RetainDays=`, removes articles published before the cut-off from the near-duplicate index;
    /// runs when idle, at start and then every hour.
    func applyRetention() {
        nextRetention = clock.now + .seconds(3_600)
        guard configuration.retainDays > 0 else { return }
        let cutoff = PublicationDate(
            secondsSince1970: Int64(Self.wallClock()) - Int64(configuration.retainDays) * 86_400,
            source: .fileModificationTime
        ).description
        do {
            let forgotten = try store.forget(publishedBefore: cutoff)
            if forgotten > 0 {
                logger.notice(
                    "RetainDays=\(configuration.retainDays): \(forgotten) articles published before \(cutoff) left the near-duplicate index",
                    metadata: ["event": "retention"]
                )
            }
        } catch {
            logger.warning("retention (RetainDays=\(configuration.retainDays)) failed: \(error); retrying in an hour")
        }
    }

    // MARK: - systemd

    func statusLine() -> String {
        var line =
            "watching \(inbox.path): \(counts.articles) ingested, \(counts.duplicates) duplicates, "
            + "\(counts.failed) failed, \(queued.count) queued"
        if let trouble = storeTrouble {
            line += "; retrying \(trouble.files) files: \(trouble.reason)"
        }
        if let trouble = inboxTrouble { line += "; inbox \(trouble.problem)" }
        return line
    }

    func publishStatusIfChanged() {
        guard ready else { return }
        let line = statusLine()
        if line != publishedStatus {
            publishedStatus = line
            notifier.status(line)
        }
        // The database copy, for `gleaner status`: written whenever the line changes, without an fsync (a lost
        // STATUS copy costs nothing), so it is current without adding a synced transaction per batch. After a
        // failed write (a full or read-only disk) it is tried again at most every few seconds.
        if line != recordedStatus, clock.now >= nextStatusRecord {
            if (try? store.record(state: ["status": line], durable: false)) != nil {
                recordedStatus = line
            } else {
                nextStatusRecord = clock.now + Self.statusRecordInterval
            }
        }
    }

    /// How long after a failed write of the STATUS copy the next is tried.
    static let statusRecordInterval = Duration.seconds(5)

    func pingWatchdogIfDue() {
        guard let due = nextWatchdog, clock.now >= due, let interval = notifier.watchdogPingInterval else { return }
        notifier.watchdog()
        nextWatchdog = clock.now + .seconds(interval)
    }

    func reload() {
        notifier.reloading()
        let new: Configuration
        do {
            new = try reloadConfiguration()
        } catch {
            logger.error("reload failed, keeping the running configuration: \(error)", metadata: ["event": "reload"])
            notifier.ready(status: statusLine() + "; last reload failed, see the journal")
            return
        }
        var ignored: [String] = []
        if new.inbox != configuration.inbox { ignored.append("Inbox") }
        if new.processed != configuration.processed { ignored.append("Processed") }
        if new.failed != configuration.failed { ignored.append("Failed") }
        if new.database != configuration.database { ignored.append("Database") }
        if !ignored.isEmpty {
            logger.warning(
                "\(ignored.joined(separator: ", ")) changed; restart gleaner to apply (systemctl restart gleaner)",
                metadata: ["event": "reload"]
            )
        }
        var applied = configuration
        applied.afterIngest = new.afterIngest
        applied.maxFileSize = new.maxFileSize
        applied.rescanInterval = new.rescanInterval
        applied.settleTime = new.settleTime
        applied.batchMaxFiles = new.batchMaxFiles
        applied.batchMaxDelay = new.batchMaxDelay
        applied.retryMaxDelay = new.retryMaxDelay
        applied.logLevel = new.logLevel
        applied.retainDays = new.retainDays
        var extractor = pipeline.extractor
        if new.lexiconDirectory != configuration.lexiconDirectory || new.lexiconDirectory != nil {
            // LexiconDir= is re-read on every reload, so edited lexicon files take effect.
            do throws(DaemonError) {
                extractor = try new.eventExtractor()
                applied.lexiconDirectory = new.lexiconDirectory
            } catch {
                logger.error("reload: \(error); keeping the previous lexicon", metadata: ["event": "reload"])
            }
        }
        if new.dedupParameters != configuration.dedupParameters {
            logger.warning(
                "near-duplicate settings changed; stop gleaner, run gleaner reindex, then start it",
                metadata: ["event": "reload"]
            )
        }
        if applied.afterIngest == .move {
            do throws(DaemonError) {
                try Self.makeDirectory(applied.processed, key: "Processed")
            } catch {
                logger.error("reload: \(error); keeping AfterIngest=\(configuration.afterIngest.rawValue)")
                applied.afterIngest = configuration.afterIngest
            }
        }
        configuration = applied
        if let level = Logger.Level(rawValue: applied.logLevel) { logger.logLevel = level }
        pipeline = IngestPipeline(
            store: store,
            maximumFileSize: applied.maxFileSize,
            disposal: Self.disposal(applied),
            extractor: extractor,
            faults: faults,
            logger: logger
        )
        nextScan = min(nextScan, clock.now + .seconds(applied.rescanInterval))
        logger.notice("reloaded configuration: \(applied.summary)", metadata: ["event": "reload"])
        notifier.ready(status: statusLine())
        publishedStatus = statusLine()
    }

    func logStartup() {
        let limits = InotifyWatcher.limits()
        let limitText = ["max_queued_events", "max_user_watches", "max_user_instances"]
            .map { "\($0)=\(limits[$0].map(String.init) ?? "?")" }.joined(separator: " ")
        let watchdog = notifier.watchdogPingInterval.map { "pinging every \($0)s" } ?? "off"
        logger.notice(
            "gleaner \(GleanerVersion.current) starting (pid \(getpid())): \(configuration.summary); inotify \(limitText); watchdog \(watchdog)",
            metadata: ["event": "start"]
        )
        if faults.isArmed {
            logger.warning("GLEANER_TEST_FAULTS is set: test-only faults are armed; never use this in production")
        }
        try? store.record(state: ["pid": "\(getpid())", "started_at": Self.timestamp(), "status": "starting"])
    }

    static func wallClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func timestamp() -> String {
        let now = wallClock()
        let date = PublicationDate(secondsSince1970: Int64(now), source: .fileModificationTime)
        let seconds = Int(now) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
