import Foundation
import GRDB
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A long article (about `sentences` × 130 bytes) that shares no sentence with any other `index`, so that it
/// needs fresh pages in the database.
func longText(_ index: Int, _ about: String, sentences: Int = 200) -> String {
    (0..<sentences).map { distinctText(index * 100_000 + $0, about) }.joined(separator: " ")
}

@Suite("The spool when its filesystems fill up or turn read-only", .serialized)
struct FilesystemFaultTests {
    @Test(
        "A full disk under the database keeps files in the inbox, says so once, and ingestion resumes by itself",
        .enabled(if: DaemonHarness.canMount, "needs root to mount a small tmpfs in a private mount namespace")
    )
    func databaseDiskFull() throws {
        let daemon = try DaemonHarness(configuration: ["RetryMaxDelay=1s"], databaseIn: "db")
        let mount = PrivateMount(directory: daemon.databaseDirectory, kind: .tmpfs(size: "4m"))
        try daemon.startWithPrivateMounts([mount])
        daemon.waitForReady()
        try daemon.drop("before.txt", text: longText(0, "before the disk filled up"))
        daemon.waitUntil("the first file") { daemon.counts().articles == 1 }
        let filler = try daemon.fill(daemon.view + mount.directory)
        let total = 12
        for index in 1...total {
            try daemon.drop("full-\(index).txt", text: longText(index, "while the disk is full"), via: .rename)
        }
        daemon.waitUntil("STATUS to say the disk is full", timeout: 20) {
            daemon.notify.lastStatus?.contains("is full") == true
        }
        let status = daemon.notify.lastStatus ?? ""
        #expect(status.contains(mount.directory), "STATUS names where: \(status)")
        #expect(status.contains("free space"), "STATUS says what to do: \(status)")
        // Several retries pass (RetryMaxDelay=1s); the journal says it once.
        usleep(4_000_000)
        // A commit that fits in the space the log file already has still succeeds (SQLite writes a checkpointed
        // log again from its start); the files that do not fit wait in the inbox, and none is lost.
        let waiting = daemon.contents(of: daemon.inbox).count
        #expect(waiting > total / 2)
        #expect(waiting + daemon.contents(of: daemon.processed).count == total + 1)
        #expect(daemon.contents(of: daemon.failed).isEmpty)
        let warnings = daemon.log.filter { $0.contains("event=store-retry") }
        #expect(warnings.count == 1, "one warning, not one per retry: \(warnings)")
        #expect(warnings.first?.contains("is full") == true)
        #expect(unlink(filler) == 0)
        daemon.waitUntil("ingestion to resume", timeout: 20) { daemon.counts().articles == total + 1 }
        daemon.waitUntil("STATUS to clear") { daemon.notify.lastStatus?.contains("retrying") == false }
        #expect(daemon.counts().files == total + 1)
        #expect(daemon.counts().duplicates == 0)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.contents(of: daemon.processed).count == total + 1)
        #expect(daemon.contents(of: daemon.failed).isEmpty)
        #expect(daemon.log.contains { $0.contains("accepts writes again") })
        #expect(daemon.stop() == 0)
        #expect(try daemon.copyDatabaseOut().integrityCheck() == ["ok"])
    }

    @Test(
        "A database disk already full at start-up: start-up waits for space, says so once, then ingests what waited",
        .enabled(if: DaemonHarness.canMount, "needs root to mount a small tmpfs in a private mount namespace")
    )
    func databaseDiskFullAtStart() throws {
        let daemon = try DaemonHarness(databaseIn: "db")
        let mount = PrivateMount(directory: daemon.databaseDirectory, kind: .tmpfs(size: "2m"))
        try daemon.startWithPrivateMounts([mount])
        daemon.waitForReady()
        try daemon.drop("before.txt", text: distinctText(0, "before the disk filled up"))
        daemon.waitUntil("the first file") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
        // A clean stop removes the write-ahead log and shared-memory files, which the next open must re-create.
        let filler = try daemon.fill(daemon.view + mount.directory)
        // Longer than the log file written before can hold again (a commit that fits there succeeds on a full
        // disk: see `databaseDiskFull`).
        for index in 1...3 {
            try daemon.drop("waiting-\(index).txt", text: longText(index, "waiting for space"))
        }
        try daemon.startWithPrivateMounts([mount])
        daemon.waitUntil("STATUS to say the disk is full") { daemon.notify.lastStatus?.contains("is full") == true }
        usleep(5_000_000)
        #expect(daemon.process?.isRunning == true, "it waits rather than exiting into systemd's start limit")
        let warnings = daemon.log.filter { $0.contains("event=store-retry") }
        #expect(warnings.count == 1, "said once: \(warnings)")
        #expect(warnings.first?.contains(mount.directory) == true)
        #expect(daemon.contents(of: daemon.inbox).count == 3)
        #expect(unlink(filler) == 0)
        daemon.waitForReady()
        daemon.waitUntil("the waiting files") { daemon.counts().articles == 4 }
        #expect(daemon.counts().files == 4)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "A database on a read-only filesystem stops start-up with a message saying where and what to do; files wait",
        .enabled(if: DaemonHarness.canMount, "needs root to bind-mount a directory read-only in a private namespace")
    )
    func databaseReadOnlyAtStart() throws {
        let daemon = try DaemonHarness(databaseIn: "db")
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("before.txt", text: distinctText(0, "before the remount"))
        daemon.waitUntil("the first file") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
        try daemon.drop("waiting.txt", text: distinctText(1, "waiting for a writable disk"))
        let mount = PrivateMount(directory: daemon.databaseDirectory, kind: .readOnly)
        try daemon.startWithPrivateMounts([mount])
        let status = daemon.waitForExit(timeout: 30)
        #expect(status != nil && status != 0)
        daemon.leavePrivateMounts()
        let failure = daemon.notify.all.dropFirst(daemon.notifyMark).joined(separator: "\n")
        #expect(failure.contains("read-only"), "STATUS says why: \(failure)")
        #expect(failure.contains(daemon.databaseDirectory), "STATUS says where: \(failure)")
        #expect(failure.contains("ERRNO=\(EROFS)"))
        let critical = daemon.log.filter { $0.contains("cannot start") }
        #expect(critical.count == 1)
        #expect(critical.first?.contains("remount it read-write") == true, "says what to do: \(critical)")
        #expect(daemon.contents(of: daemon.inbox) == ["waiting.txt"])
        try daemon.start()
        daemon.waitForReady()
        daemon.waitUntil("the waiting file, once the database is writable") { daemon.counts().articles == 2 }
        #expect(daemon.counts().files == 2)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "A disk error turns the database's filesystem read-only under the daemon: files stay, STATUS says so once",
        .enabled(if: DaemonHarness.canMountExt4Image, "needs root, loop devices and mkfs.ext4")
    )
    func databaseFilesystemError() throws {
        let daemon = try DaemonHarness(configuration: ["RetryMaxDelay=1s"], databaseIn: "db")
        let image = daemon.root + "/db.ext4"
        try daemon.makeExt4Image(image, megabytes: 16)
        let mount = PrivateMount(directory: daemon.databaseDirectory, kind: .ext4Image(image))
        try daemon.startWithPrivateMounts([mount])
        daemon.waitForReady()
        try daemon.drop("before.txt", text: distinctText(0, "before the disk error"))
        daemon.waitUntil("the first file") { daemon.counts().articles == 1 }
        try daemon.triggerFilesystemError(mount)
        for index in 1...3 { try daemon.drop("after-\(index).txt", text: distinctText(index, "after the disk error")) }
        daemon.waitUntil("STATUS to say why", timeout: 20) {
            daemon.notify.lastStatus?.contains("retrying 3 files") == true
        }
        let status = daemon.notify.lastStatus ?? ""
        #expect(status.contains(mount.directory), "STATUS says where: \(status)")
        #expect(status.contains("kernel log") || status.contains("read-only"), "STATUS says what to do: \(status)")
        usleep(3_000_000)
        #expect(daemon.process?.isRunning == true)
        #expect(daemon.contents(of: daemon.inbox).count == 3)
        #expect(daemon.contents(of: daemon.failed).isEmpty)
        #expect(daemon.log.filter { $0.contains("event=store-retry") }.count == 1)
        #expect(daemon.stop() == 0)
        // The filesystem stays read-only until it is repaired and mounted again: a restart says so and exits.
        try daemon.startWithPrivateMounts([mount])
        let exit = daemon.waitForExit(timeout: 30)
        #expect(exit != nil && exit != 0)
        #expect(daemon.log.contains { $0.contains("cannot start") && $0.contains("read-only") })
        #expect(daemon.contents(of: daemon.inbox).count == 3)
        // Informational: what the journal said.
        print(
            daemon.log.filter { $0.contains("event=store-retry") || $0.contains("cannot start") }.joined(
                separator: "\n"
            )
        )
    }

    @Test(
        "A full inbox filesystem: renames still work, a temporary name cut short by ENOSPC is never taken",
        .enabled(if: DaemonHarness.canMount, "needs root to mount a small tmpfs in a private mount namespace")
    )
    func inboxDiskFull() throws {
        let daemon = try DaemonHarness(spool: "spool")
        let mount = PrivateMount(directory: daemon.spoolDirectory, kind: .tmpfs(size: "2m"))
        try daemon.startWithPrivateMounts([mount])
        daemon.waitForReady()
        // Written completely beside the inbox (same filesystem), before it fills up.
        let staging = daemon.view + mount.directory + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let total = 10
        for index in 0..<total {
            try Data(distinctText(index, "staged before the disk filled").utf8)
                .write(to: URL(fileURLWithPath: staging + "/staged-\(index).txt"))
        }
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: staging + "/binary.txt"))
        let filler = try daemon.fill(daemon.view + mount.directory)
        // A writer that uses a temporary name and gets ENOSPC leaves a partial file under that name.
        let partial = daemon.inbox + "/.cut-short.txt.tmp"
        #expect(daemon.writeUntilFailure(partial, Array(longText(1, "too long for the disk").utf8)) == ENOSPC)
        for index in 0..<total {
            #expect(rename(staging + "/staged-\(index).txt", daemon.inbox + "/staged-\(index).txt") == 0)
        }
        #expect(rename(staging + "/binary.txt", daemon.inbox + "/binary.txt") == 0)
        daemon.waitUntil("the staged files, moved to processed on the full disk") {
            daemon.contents(of: daemon.processed).count == total
        }
        daemon.waitUntil("the binary file, quarantined on the full disk") {
            daemon.contents(of: daemon.failed) == ["binary.txt"]
        }
        #expect(daemon.counts().articles == total)
        #expect(daemon.contents(of: daemon.inbox) == [".cut-short.txt.tmp"])
        #expect(daemon.fileRecords().allSatisfy { !$0.name.contains("cut-short") })
        #expect(unlink(filler) == 0)
        #expect(daemon.stop() == 0)
    }
}

@Suite("The spool with readers and signals", .serialized)
struct ReaderAndSignalTests {
    @Test("A reader holding a read transaction (and gleaner status, articles) never stops ingestion (WAL)")
    func longRunningReader() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("first.txt", text: distinctText(0, "before the reader"))
        daemon.waitUntil("the first file") { daemon.counts().articles == 1 }
        let reader = try daemon.readOnlyDatabase()
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let seen = Mutex<Int>(0)
        Thread {
            try? reader.read { db in
                seen.withLock { $0 = (try? Int.fetchOne(db, sql: "SELECT count(*) FROM articles")) ?? -1 }
                holding.signal()
                release.wait()
            }
        }.start()
        try #require(holding.wait(timeout: .now() + 30) == .success)
        let total = 300
        for index in 1...total { try daemon.drop("r-\(index).txt", text: distinctText(index, "under a reader")) }
        var commands = 0
        daemon.waitUntil("all ingested while the reader holds its snapshot", timeout: 60) {
            let status = try? runGleaner(["status", "--config", daemon.configPath, "--json"])
            let articles = try? runGleaner(["articles", "--config", daemon.configPath, "--limit", "5"])
            if status?.status == 0, articles?.status == 0 { commands += 1 }
            return daemon.counts().articles == total + 1
        }
        #expect(commands > 0, "gleaner status and gleaner articles worked during ingestion")
        release.signal()
        #expect(seen.withLock { $0 } == 1, "the reader's snapshot stayed as it was")
        #expect(daemon.counts().files == total + 1)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test("A storm of 50 SIGHUPs in a second while 2,000 files stream in: still up, each file ingested once")
    func reloadStorm() throws {
        let daemon = try DaemonHarness(configuration: ["BatchMaxFiles=100"])
        try daemon.start()
        daemon.waitForReady()
        let total = 2_000
        // 50 SIGHUPs over the first second of the stream, from another thread.
        let pid = daemon.pid
        Thread {
            for _ in 0..<50 {
                kill(pid, SIGHUP)
                usleep(20_000)
            }
        }.start()
        for index in 0..<total {
            try daemon.drop("hup-\(index).txt", text: distinctText(index, "during a reload storm"), via: .rename)
        }
        daemon.waitUntil("all \(total) ingested", timeout: 120) { daemon.counts().articles == total }
        #expect(daemon.process?.isRunning == true)
        #expect(daemon.counts().files == total)
        #expect(daemon.counts().duplicates == 0)
        daemon.waitUntil("an empty inbox") { daemon.contents(of: daemon.inbox).isEmpty }
        #expect(daemon.contents(of: daemon.processed).count == total)
        let reloads = daemon.log.filter { $0.contains("reloaded configuration") }.count
        #expect(reloads >= 1 && reloads <= 50, "\(reloads) reload lines for 50 SIGHUPs")
        #expect(!daemon.log.contains { $0.contains("reload failed") })
        daemon.waitUntil("a final STATUS with nothing queued") {
            daemon.notify.lastStatus?.contains("\(total) ingested, 0 duplicates, 0 failed, 0 queued") == true
        }
        #expect(daemon.stop() == 0)
        print("reloadStorm: \(reloads) reloads for 50 SIGHUPs")
    }
}
