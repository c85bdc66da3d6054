import Foundation
import GRDB
import GleanerStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("The spool: every file ingested exactly once or quarantined with a reason", .serialized)
struct SpoolTests {
    @Test("Files written in place (cp) and renamed in (mv) are each ingested once and moved to processed")
    func copyAndRename() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("copied.txt", text: "An article written in place by cp.", via: .copy)
        try daemon.drop("renamed.txt", text: "An article written elsewhere and renamed in.", via: .rename)
        daemon.waitUntil("both ingested") { daemon.counts().articles == 2 }
        daemon.waitUntil("both moved") { daemon.contents(of: daemon.processed) == ["copied.txt", "renamed.txt"] }
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.counts().files == 2)
        let log = daemon.log
        #expect(log.contains { $0.contains("ingested copied.txt") && $0.contains("outcome=ingested") })
        #expect(log.contains { $0.contains("ingested renamed.txt") && $0.contains("sha256=") })
        #expect(daemon.stop() == 0)
    }

    @Test("The five samples are ingested as five articles; a second copy of one is recorded as its duplicate")
    func samplesAndDuplicate() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for (index, name) in Samples.names.enumerated() {
            try daemon.drop(name, try Samples.bytes(name), via: index == 0 ? .copy : .rename)
        }
        daemon.waitUntil("five samples") { daemon.counts().articles == 5 }
        try daemon.drop("copy-of-001.txt", try Samples.bytes(Samples.names[1]))
        daemon.waitUntil("the copy") { daemon.counts().duplicates == 1 }
        let articles = try daemon.store().recentArticles(limit: 10)
        let copy = try #require(articles.first { $0.file == "copy-of-001.txt" })
        let original = try #require(articles.first { $0.file == Samples.names[1] })
        #expect(copy.duplicateOf == original.id)
        #expect(copy.outcome == "duplicate")
        #expect(original.published == "2022-01-24")
        #expect(original.publishedSource == "dateline")
        #expect(daemon.counts().articles == 5)
        daemon.waitUntil("STATUS with the counts") {
            daemon.notify.lastStatus?.contains("5 ingested, 1 duplicates, 0 failed, 0 queued") == true
        }
        #expect(daemon.stop() == 0)
    }

    @Test("Every kind of bad input is quarantined with its reason, a database row and a warning naming the file")
    func badInputs() throws {
        let daemon = try DaemonHarness(configuration: ["MaxFileSize=4K"])
        try daemon.start()
        daemon.waitForReady()
        var expected: [String: String] = [
            "empty.txt": "empty",
            "binary.txt": "binary",
            "undecodable.txt": "undecodable",
            "oversize.txt": "too-large",
            "malformed.json": "malformed-json",
            "notext.json": "no-text",
            "notext.txt": "no-text",
            "unsupported.pdf": "unsupported-type",
            "symlink.txt": "symlink",
            "fifo.txt": "not-regular-file",
            "allbad.jsonl": "malformed-json",
        ]
        try daemon.drop("empty.txt", [])
        try daemon.drop("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])
        try daemon.drop("undecodable.txt", [0x41, 0x81, 0x8D, 0x42])
        try daemon.drop("oversize.txt", text: String(repeating: "long article ", count: 400))
        try daemon.drop("malformed.json", text: #"{"title": "cut off"#)
        try daemon.drop("notext.json", text: #"{"title": "headline only"}"#)
        try daemon.drop("notext.txt", text: "   \n\n 42 \n")
        try daemon.drop("unsupported.pdf", text: "%PDF-1.4")
        try daemon.drop("allbad.jsonl", text: "not json\nstill not\n")
        let secret = daemon.root + "/secret.txt"
        try "A secret article outside the inbox.".write(toFile: secret, atomically: true, encoding: .utf8)
        #expect(symlink(secret, daemon.inbox + "/symlink.txt") == 0)
        #expect(mkfifo(daemon.inbox + "/fifo.txt", 0o644) == 0)
        if getuid() == 0 {
            // A character device (1, 3: the same as /dev/null); only root may create one.
            #expect(mknod(daemon.inbox + "/device.txt", S_IFCHR | 0o644, dev_t(1 << 8 | 3)) == 0)
            expected["device.txt"] = "not-regular-file"
        } else {
            // Root reads any file, so "unreadable" is only observable as an ordinary user.
            try daemon.drop("unreadable.txt", text: "You may not read this.")
            chmod(daemon.inbox + "/unreadable.txt", 0)
            expected["unreadable.txt"] = "unreadable"
        }
        // Nudge a rescan for the entries inotify does not announce with a close or rename (symlink, FIFO,
        // device): the periodic scan would find them too; a restart-free way is SIGHUP + a short interval.
        try daemon.writeConfiguration(["MaxFileSize=4K", "RescanInterval=1"])
        daemon.signal(SIGHUP)
        daemon.waitUntil("all \(expected.count) quarantined") {
            daemon.contents(of: daemon.failed).count == expected.count
        }
        let failures = try daemon.store().recentFailures(limit: 100)
        for (file, reason) in expected {
            let row = failures.first { $0.file == file }
            #expect(row?.reason == reason, "\(file): \(row?.reason ?? "no row")")
            daemon.waitUntil("a log line", timeout: 10) {
                daemon.log.contains { $0.hasPrefix("<4>quarantined \(file):") && $0.contains("reason=\(reason)") }
            }
        }
        // A readable file has its SHA-256 recorded; a symlink's target is never read.
        #expect(failures.first { $0.file == "binary.txt" }?.sha256?.count == 64)
        #expect(failures.first { $0.file == "symlink.txt" }?.sha256 == nil)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.counts().articles == 0)
        // The daemon keeps serving.
        try daemon.drop("good.txt", text: "A good article after all that.")
        daemon.waitUntil("the good article") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
    }

    @Test("JSON Lines: good lines are ingested, a bad line is reported with its line number")
    func jsonLines() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop(
            "feed.jsonl",
            text: """
                {"title": "First", "maintext": "The first article of the feed."}
                {"title": "Broken", "maintext": 12}
                {"title": "Third", "maintext": "The third article of the feed."}

                """
        )
        daemon.waitUntil("two articles") { daemon.counts().articles == 2 }
        #expect(daemon.counts().rejectedLines == 1)
        daemon.waitUntil("the bad line reported") {
            daemon.log.contains {
                $0.contains("feed.jsonl line 2 skipped") && $0.contains("(\"maintext\" is a number)")
            }
        }
        #expect(daemon.contents(of: daemon.processed) == ["feed.jsonl"])
        #expect(daemon.stop() == 0)
    }

    @Test("A Windows-1252 article is decoded and ingested, not rejected")
    func windows1252() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // "Caf\xe9 \x93talks\x94" in Windows-1252
        try daemon.drop("latin.txt", Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("talks".utf8) + [0x94])
        daemon.waitUntil("ingested") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
    }

    @Test("Temporary names are ignored until renamed; subdirectories are ignored with one warning")
    func ignoredNames() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("article.txt.part", text: "Still being downloaded.")
        try daemon.drop(".hidden.txt", text: "A dotfile.")
        try FileManager.default.createDirectory(atPath: daemon.inbox + "/sub", withIntermediateDirectories: false)
        daemon.waitUntil("the directory warning") { daemon.log.contains { $0.contains("ignoring subdirectory sub") } }
        usleep(300_000)
        #expect(daemon.counts().files == 0)
        #expect(rename(daemon.inbox + "/article.txt.part", daemon.inbox + "/article.txt") == 0)
        daemon.waitUntil("the renamed file") { daemon.counts().articles == 1 }
        #expect(daemon.log.filter { $0.contains("ignoring subdirectory sub") }.count == 1)
        #expect(daemon.contents(of: daemon.inbox) == [".hidden.txt", "sub"])
        #expect(daemon.stop() == 0)
    }

    @Test("kill -9 between commit and move: the restart moves the file and ingests nothing twice")
    func crashBetweenCommitAndMove() throws {
        let daemon = try DaemonHarness()
        try daemon.start(environment: ["GLEANER_TEST_FAULTS": "crash-at=after-commit"])
        daemon.waitForReady()
        let bytes = try Samples.bytes(Samples.names[0])
        try daemon.drop("crash.txt", bytes)
        #expect(daemon.waitForExit() == 128 + SIGKILL)
        // Committed, but still in the inbox.
        #expect(daemon.counts().files == 1)
        #expect(daemon.contents(of: daemon.inbox) == ["crash.txt"])
        try daemon.start()
        daemon.waitForReady()
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.contents(of: daemon.processed) == ["crash.txt"])
        let counts = daemon.counts()
        #expect(counts.files == 1)
        #expect(counts.articles == 1)
        #expect(counts.duplicates == 0)
        daemon.waitUntil("a log line", timeout: 10) {
            daemon.log.contains { $0.contains("crash.txt was already recorded") }
        }
        #expect(daemon.stop() == 0)
    }

    @Test(
        "kill -9 at every other point of the pipeline loses nothing and ingests nothing twice",
        arguments: ["after-read", "after-parse", "in-transaction", "during-move"]
    )
    func crashMatrix(point: String) throws {
        let daemon = try DaemonHarness()
        try daemon.start(environment: ["GLEANER_TEST_FAULTS": "crash-at=\(point)"])
        daemon.waitForReady()
        for index in 0..<3 { try daemon.drop("f\(index).txt", text: distinctText(index, "before a crash at \(point)")) }
        #expect(daemon.waitForExit() == 128 + SIGKILL)
        try daemon.start()
        daemon.waitForReady()
        daemon.waitUntil("all three") { daemon.counts().articles == 3 }
        #expect(daemon.counts().files == 3)
        #expect(daemon.counts().duplicates == 0)
        #expect(daemon.contents(of: daemon.processed) == ["f0.txt", "f1.txt", "f2.txt"])
        #expect(try daemon.store().integrityCheck() == ["ok"])
        #expect(daemon.stop() == 0)
    }

    @Test("An inotify queue overflow is detected and the rescan ingests every file whose event was lost")
    func overflow() throws {
        let limit =
            Int(
                (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            ) ?? 16_384
        let daemon = try DaemonHarness(configuration: ["RescanInterval=1h"])
        try daemon.start(environment: ["GLEANER_TEST_FAULTS": "pause-reader=6"])
        daemon.waitForReady()
        // Fill the kernel queue with cheap events (create, close, delete of ignored temporary names) while the
        // reader is paused, then drop real articles: their events are lost to the overflow. The pause is long
        // enough for the churn on a busy machine (with 3 s, beside the other daemon suites, it once missed).
        for index in 0..<(limit / 3 + 100) {
            let path = daemon.inbox + "/churn-\(index).tmp"
            let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
            close(descriptor)
            unlink(path)
        }
        for index in 0..<200 { try daemon.drop("lost-\(index).txt", text: distinctText(index, "whose event was lost")) }
        daemon.waitUntil("all 200 ingested", timeout: 60) { daemon.counts().articles == 200 }
        daemon.waitUntil("a log line", timeout: 10) {
            daemon.log.contains { $0.contains("inotify queue overflowed") && $0.contains("event=overflow") }
        }
        daemon.waitUntil("a log line", timeout: 10) {
            daemon.log.contains { $0.contains("rescan after overflow queued") }
        }
        #expect(daemon.counts().files == 200)
        #expect(daemon.stop() == 0)
    }

    @Test("Files left in the inbox while the daemon was down are found by the start-up scan")
    func droppedWhileDown() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        #expect(daemon.stop() == 0)
        for index in 0..<20 {
            try daemon.drop("offline-\(index).txt", text: distinctText(index, "dropped while the daemon was down"))
        }
        try daemon.start()
        daemon.waitForReady()
        #expect(daemon.counts().articles == 20)
        #expect(daemon.stop() == 0)
    }

    @Test("A file still open by its writer is not taken by a scan before the writer closes it")
    func slowWriterScan() throws {
        let daemon = try DaemonHarness(configuration: ["RescanInterval=1", "SettleTime=0"])
        try daemon.start()
        daemon.waitForReady()
        let path = daemon.inbox + "/slow.txt"
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
        let first = Array("The first half of a slow article, ".utf8)
        _ = first.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        usleep(2_500_000)  // two periodic scans pass while the writer holds the file open
        #expect(daemon.counts().files == 0)
        let second = Array("and the second half.".utf8)
        _ = second.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        daemon.waitUntil("the complete file") { daemon.counts().articles == 1 }
        let article = try #require(try daemon.store().recentArticles(limit: 1).first)
        #expect(article.file == "slow.txt")
        #expect(daemon.stop() == 0)
    }
}

@Suite("The spool when its resources fail", .serialized)
struct SpoolFaultTests {
    @Test("A locked database keeps files in the inbox, STATUS says why, and ingestion resumes by itself")
    func lockedDatabase() throws {
        let daemon = try DaemonHarness(configuration: ["RetryMaxDelay=1s"])
        try daemon.start()
        daemon.waitForReady()
        // Another connection holds the write lock, as a long-running writer would, until released. It waits its
        // turn if the daemon is writing at that moment (without a busy timeout it would fail, and the test hang).
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let blocker = try DatabaseQueue(path: daemon.database, configuration: configuration)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? blocker.write { db in
                try db.execute(sql: "INSERT INTO daemon_state(key, value) VALUES ('test-lock', 'held')")
                locked.signal()
                release.wait()
            }
        }.start()
        try #require(locked.wait(timeout: .now() + 30) == .success, "the test could not take the write lock")
        try daemon.drop("waiting.txt", text: "An article that must wait for the lock.")
        daemon.waitUntil("the retry status", timeout: 20) {
            daemon.notify.lastStatus?.contains("retrying 1 files: database is locked") == true
        }
        #expect(daemon.contents(of: daemon.inbox) == ["waiting.txt"])
        daemon.waitUntil("the retry warning in the log") {
            daemon.log.contains { $0.contains("cannot commit 1 files") && $0.contains("event=store-retry") }
        }
        release.signal()
        daemon.waitUntil("ingestion to resume", timeout: 20) { daemon.counts().articles == 1 }
        daemon.waitUntil("STATUS to clear") { daemon.notify.lastStatus?.contains("retrying") == false }
        #expect(daemon.contents(of: daemon.processed) == ["waiting.txt"])
        #expect(daemon.stop() == 0)
    }

    @Test("A deleted inbox is re-created and watched again; files dropped into it are ingested")
    func inboxDeleted() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try FileManager.default.removeItem(atPath: daemon.inbox)
        daemon.waitUntil("the inbox to come back", timeout: 20) {
            daemon.log.contains { $0.contains("is back; watching it again") }
        }
        daemon.waitUntil("a log line", timeout: 10) {
            daemon.log.contains { $0.contains("was deleted or moved away") && $0.contains("event=inbox-gone") }
        }
        try daemon.drop("after.txt", text: "Dropped into the re-created inbox.")
        daemon.waitUntil("the new file") { daemon.counts().articles == 1 }
        #expect(daemon.stop() == 0)
    }

    @Test("A file modified after 2262 (beyond a 64-bit count of nanoseconds) is ingested; the daemon does not trap")
    func farFutureModificationTime() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // 2300-01-01T00:00:00Z: ext4 and tmpfs keep it; `touch -d 2300-01-01` makes such a file.
        let seconds = 10_413_792_000
        try daemon.stageAndRename("future.txt") { path in
            try "An article from a file with a modification time far ahead.".write(
                toFile: path,
                atomically: false,
                encoding: .utf8
            )
            var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
            try BadInput.check(utimensat(AT_FDCWD, path, &times, 0), "utimensat")
        }
        daemon.waitUntil("the file") { daemon.counts().articles == 1 }
        #expect(daemon.process?.isRunning == true)
        // Its time stamp is kept saturated in nanoseconds, so the publication day it stands for is the last one
        // that count can hold.
        let articles = try daemon.store().recentArticles(limit: 1)
        #expect(articles.first?.published == "2262-04-11")
        #expect(daemon.stop() == 0)
    }
}
