import Foundation
import GleanerStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Daemon lifecycle under a notify socket (readiness, reload, stop, watchdog, fatal errors)", .serialized)
struct DaemonLifecycleTests {
    @Test("READY=1 comes only after the files already in the inbox are ingested")
    func readyAfterBacklog() throws {
        let daemon = try DaemonHarness()
        for name in Samples.names.prefix(3) { try daemon.drop(name, try Samples.bytes(name)) }
        try daemon.start()
        daemon.waitForReady()
        // At the moment READY arrived the backlog was committed and moved.
        #expect(daemon.counts().articles == 3)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.contents(of: daemon.processed).count == 3)
        let assignments = daemon.notify.assignments
        let ready = try #require(assignments.firstIndex(of: "READY=1"))
        #expect(assignments[..<ready].contains { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") })
        #expect(daemon.notify.lastStatus?.contains("3 ingested, 0 duplicates, 0 failed, 0 queued") == true)
        #expect(daemon.stop() == 0)
    }

    @Test("SIGHUP sends RELOADING=1 with MONOTONIC_USEC, re-reads the file, then READY=1")
    func reload() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.writeConfiguration(["MaxFileSize=100"])
        daemon.signal(SIGHUP)
        daemon.waitUntil("reload to finish") { daemon.notify.assignments.filter { $0 == "READY=1" }.count == 2 }
        let assignments = daemon.notify.assignments
        let reloading = try #require(assignments.firstIndex(of: "RELOADING=1"))
        #expect(assignments[reloading + 1].hasPrefix("MONOTONIC_USEC="))
        #expect(assignments.lastIndex(of: "READY=1")! > reloading)
        // The new limit is in effect: a 200-byte article is now quarantined as too large.
        try daemon.drop("big.txt", text: String(repeating: "words ", count: 40))
        daemon.waitUntil("big.txt quarantined") { daemon.contents(of: daemon.failed) == ["big.txt"] }
        #expect(try daemon.store().recentFailures(limit: 1).first?.reason == "too-large")
        #expect(daemon.stop() == 0)
    }

    @Test("A reload with a broken file keeps the running configuration and says why")
    func badReload() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.writeConfiguration(["MaxFileSize=lots"])
        daemon.signal(SIGHUP)
        daemon.waitUntil("the reload to be refused") {
            daemon.log.contains { $0.contains("reload failed") && $0.contains("MaxFileSize=lots") }
        }
        try daemon.drop("ok.txt", text: "Still running with the old settings.")
        daemon.waitUntil("ok.txt ingested") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
    }

    @Test("SIGTERM sends STOPPING=1 and the daemon exits 0 within 5 seconds")
    func stop() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        let start = Date()
        #expect(daemon.stop(timeout: 5) == 0)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(daemon.notify.assignments.contains("STOPPING=1"))
    }

    @Test("A clean stop right after a commit leaves the database file alone: no write-ahead log, no shared memory")
    func stopRemovesTheLog() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // Stopped as soon as the file is committed, while its checkpoint may still run: every connection closes,
        // the writer last, which copies the log into the database file and removes it.
        try daemon.drop("a.txt", text: distinctText(0, "just before a stop"))
        daemon.waitUntil("the file") { daemon.counts().articles == 1 }
        #expect(daemon.stop(timeout: 5) == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.database + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: daemon.database + "-shm"))
        #expect(try daemon.store().counts().articles == 1)
    }

    @Test("SIGTERM in the middle of a burst exits 0 quickly, and a restart ingests the rest exactly once")
    func stopDuringBurst() throws {
        let daemon = try DaemonHarness(configuration: ["BatchMaxFiles=50"])
        try daemon.start()
        daemon.waitForReady()
        let total = 2_000
        let beforeStop = 1_000
        for index in 0..<beforeStop {
            try daemon.drop("burst-\(index).txt", text: distinctText(index, "in a burst"), via: .rename)
        }
        // SIGTERM while files are still arriving: the rest of the burst is dropped as the daemon stops.
        let stopSent = Date()
        daemon.signal(SIGTERM)
        for index in beforeStop..<total {
            try daemon.drop("burst-\(index).txt", text: distinctText(index, "in a burst"), via: .rename)
        }
        #expect(daemon.waitForExit(timeout: 10) == 0)
        // When the daemon exited, not when this test finished dropping the rest of the burst.
        let stopTook = try #require(daemon.exitedAt).timeIntervalSince(stopSent)
        #expect(stopTook < 5, "SIGTERM to exit took \(stopTook) s")
        let committedAtStop = daemon.counts().files
        #expect(committedAtStop < total, "the daemon stopped before the end of the burst")
        try daemon.start()
        daemon.waitForReady()
        daemon.waitUntil("all \(total) ingested", timeout: 60) { daemon.counts().articles == total }
        #expect(daemon.counts().files == total)
        #expect(daemon.counts().duplicates == 0)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.stop() == 0)
        // Informational: how far the burst had got when SIGTERM arrived.
        print("stopDuringBurst: \(committedAtStop) of \(total) files were committed when the daemon stopped")
    }

    @Test("WATCHDOG=1 is sent at half of WATCHDOG_USEC, and stops when the pipeline stalls")
    func watchdog() throws {
        let daemon = try DaemonHarness()
        let stallFile = daemon.root + "/stall"
        try daemon.start(environment: ["WATCHDOG_USEC": "400000", "GLEANER_TEST_FAULTS": "stall-file=\(stallFile)"])
        daemon.waitForReady()
        daemon.waitUntil("three watchdog pings") { daemon.notify.assignments.filter { $0 == "WATCHDOG=1" }.count >= 3 }
        FileManager.default.createFile(atPath: stallFile, contents: nil)
        daemon.waitUntil("the stall") { daemon.log.contains { $0.contains("stalling the pipeline on purpose") } }
        let pingsAtStall = daemon.notify.assignments.filter { $0 == "WATCHDOG=1" }.count
        usleep(1_000_000)
        #expect(daemon.notify.assignments.filter { $0 == "WATCHDOG=1" }.count <= pingsAtStall + 1)
        daemon.signal(SIGKILL)
        daemon.waitForExit()
    }

    @Test("A bad configuration stops start-up with EX_CONFIG, STATUS and ERRNO, naming the bad line")
    func badConfiguration() throws {
        let daemon = try DaemonHarness(configuration: ["RescanInterval=often", "Bogus=1"])
        try daemon.start()
        #expect(daemon.waitForExit() == 78)
        #expect(!daemon.notify.assignments.contains("READY=1"))
        #expect(daemon.notify.assignments.contains { $0.hasPrefix("ERRNO=") })
        #expect(daemon.notify.lastStatus?.contains("gleaner.conf:7") == true)
        let log = daemon.log.joined(separator: "\n")
        #expect(log.contains("gleaner.conf:7: RescanInterval=often: expected a duration"))
        #expect(log.contains("gleaner.conf:8: Bogus=1: unknown key"))
        #expect(log.contains("gleaner check-config"))
    }

    @Test("An inbox that is missing and cannot be created stops start-up with a message saying what to fix")
    func inboxNotCreatable() throws {
        let daemon = try DaemonHarness()
        try daemon.start(arguments: ["--inbox", "/proc/gleaner-cannot-exist/inbox"])
        let status = daemon.waitForExit()
        #expect(status != nil && status != 0)
        #expect(daemon.notify.assignments.contains { $0.hasPrefix("ERRNO=") })
        #expect(
            daemon.log.contains {
                $0.contains("Inbox=/proc/gleaner-cannot-exist/inbox is missing and cannot be created")
            }
        )
    }
}
