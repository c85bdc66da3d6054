import Foundation
import GleanerCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Which deliveries are the same file: names, contents and inodes reused, vanishing and changing", .serialized)
struct IdentityTests {
    @Test("The same content under two names: one article, the other an exact duplicate, both moved")
    func sameContentTwoNames() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        let text = distinctText(1, "delivered under two names")
        try daemon.drop("first.txt", text: text)
        daemon.waitUntil("the first") { daemon.counts().articles == 1 }
        try daemon.drop("second.txt", text: text, via: .rename)
        daemon.waitUntil("the second") { daemon.counts().duplicates == 1 }
        let records = daemon.fileRecords()
        #expect(records.map(\.name) == ["first.txt", "second.txt"])
        #expect(records.map(\.outcome) == ["ingested", "duplicate"])
        #expect(records[0].sha256 == records[1].sha256)
        let articles = try daemon.store().recentArticles(limit: 10)
        let copy = try #require(articles.first { $0.file == "second.txt" })
        #expect(copy.duplicateOf == articles.first { $0.file == "first.txt" }?.id)
        daemon.waitUntil("both moved") { daemon.contents(of: daemon.processed) == ["first.txt", "second.txt"] }
        #expect(daemon.counts().articles == 1)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "A name reused after the first file was processed is a new delivery; both files are kept in processed",
        arguments: ["new content", "the same content"]
    )
    func nameReused(content: String) throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        let first = distinctText(1, "the first delivery of report.txt")
        let second = content == "new content" ? distinctText(2, "the second delivery of report.txt") : first
        try daemon.drop("report.txt", text: first)
        daemon.waitUntil("the first delivery moved") { daemon.contents(of: daemon.processed) == ["report.txt"] }
        try daemon.drop("report.txt", text: second)
        daemon.waitUntil("the second delivery moved") { daemon.contents(of: daemon.processed).count == 2 }
        let records = daemon.fileRecords()
        #expect(records.map(\.name) == ["report.txt", "report.txt"])
        #expect(records.map(\.outcome) == ["ingested", content == "new content" ? "ingested" : "duplicate"])
        let kept = daemon.contents(of: daemon.processed).map {
            (try? String(contentsOfFile: daemon.processed + "/" + $0, encoding: .utf8)) ?? ""
        }
        #expect(Set(kept) == Set([first, second]))
        #expect(daemon.contents(of: daemon.processed).contains("report.\(records[1].id).txt"))
        #expect(daemon.stop() == 0)
    }

    @Test("A 255-byte name reused is moved too: the numbered name in processed is shortened to fit")
    func longestNameReused() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        let name = String(repeating: "n", count: 251) + ".txt"
        try daemon.drop(name, text: distinctText(1, "the first file with the longest name"))
        daemon.waitUntil("the first moved") { daemon.contents(of: daemon.processed) == [name] }
        try daemon.drop(name, text: distinctText(2, "the second file with the longest name"))
        daemon.waitUntil("the second moved") { daemon.contents(of: daemon.processed).count == 2 }
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.contents(of: daemon.processed).allSatisfy { $0.utf8.count <= 255 && $0.hasSuffix(".txt") })
        #expect(daemon.counts().articles == 2)
        #expect(!daemon.log.contains { $0.contains("could not move") })
        #expect(daemon.stop() == 0)
    }

    @Test("Zero-byte files, also under a reused name, are each quarantined as empty and kept in failed")
    func zeroByteFiles() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("nothing.txt", [])
        try daemon.drop("nothing-either.json", [])
        daemon.waitUntil("the first two") { daemon.contents(of: daemon.failed).count == 2 }
        try daemon.drop("nothing.txt", [])
        daemon.waitUntil("the third") { daemon.contents(of: daemon.failed).count == 3 }
        let records = daemon.fileRecords()
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.outcome == "failed" && $0.reason == "empty" })
        #expect(daemon.counts().failedFiles == 3)
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test("A committed file that cannot be moved out of the inbox is retried ever less often, and recorded once")
    func unmovableFileBacksOff() throws {
        let daemon = try DaemonHarness(configuration: ["RetryMaxDelay=2s"])
        try daemon.start()
        daemon.waitForReady()
        // processed/ replaced by a file: every rename into it fails (ENOTDIR), even as root.
        try FileManager.default.removeItem(atPath: daemon.processed)
        try "not a directory".write(toFile: daemon.processed, atomically: false, encoding: .utf8)
        try daemon.drop("stuck.txt", text: distinctText(1, "that cannot be moved"))
        daemon.waitUntil("the retries to back off") {
            daemon.log.contains { $0.contains("cannot move stuck.txt out of the inbox yet") && $0.contains("in 2.0s") }
        }
        #expect(daemon.fileRecords().count == 1)
        #expect(daemon.contents(of: daemon.inbox) == ["stuck.txt"])
        try FileManager.default.removeItem(atPath: daemon.processed)
        try FileManager.default.createDirectory(atPath: daemon.processed, withIntermediateDirectories: false)
        daemon.waitUntil("the move") { daemon.contents(of: daemon.processed) == ["stuck.txt"] }
        #expect(daemon.fileRecords().count == 1)
        #expect(daemon.counts().articles == 1)
        #expect(daemon.stop() == 0)
    }

    @Test("Files deleted right after they are dropped vanish quietly: at most one record each, no retry, no error")
    func deletedBeforeOpen() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for index in 0..<100 {
            let name = "vanishing-\(index).txt"
            try daemon.drop(name, text: distinctText(index, "deleted at once"), via: index % 2 == 0 ? .copy : .rename)
            unlink(daemon.inbox + "/" + name)
        }
        try daemon.drop("survivor.txt", text: distinctText(1_000, "dropped after the vanishing ones"))
        daemon.waitUntil("the survivor") { daemon.fileRecords().contains { $0.name == "survivor.txt" } }
        // A file the daemon read before it was deleted is a complete delivery, ingested once; the others left no
        // trace. None is recorded twice or as failed.
        let records = daemon.fileRecords()
        #expect(Set(records.map(\.name)).count == records.count)
        #expect(records.allSatisfy { $0.outcome == "ingested" })
        #expect(daemon.contents(of: daemon.inbox).isEmpty)
        let complaints = daemon.log.filter {
            $0.contains("vanishing-") && ($0.hasPrefix("<3>") || $0.hasPrefix("<4>") || $0.contains("retrying"))
        }
        #expect(complaints.isEmpty, "\(complaints.prefix(3))")
        #expect(daemon.stop() == 0)
    }

    @Test("An inbox replaced by a file is reported in STATUS and the log without spinning, then re-created")
    func inboxReplacedByFile() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // Stopped, so the daemon cannot re-create the inbox between the removal and the file taking its place.
        daemon.suspend()
        try FileManager.default.removeItem(atPath: daemon.inbox)
        try "not a directory".write(toFile: daemon.inbox, atomically: false, encoding: .utf8)
        daemon.signal(SIGCONT)
        daemon.waitUntil("STATUS to say what is wrong") {
            daemon.notify.lastStatus?.contains("; inbox is not a directory") == true
        }
        daemon.waitUntil("the log to say what is wrong", timeout: 10) {
            daemon.log.contains { $0.hasPrefix("<3>") && $0.contains("is not a directory") }
        }
        let cpuBefore = try #require(daemon.cpuSeconds())
        usleep(3_000_000)
        let cpuAfter = try #require(daemon.cpuSeconds())
        #expect(cpuAfter - cpuBefore < 1, "\(cpuAfter - cpuBefore) s of CPU in 3 s")
        // Said once, not once per retry.
        #expect(daemon.log.filter { $0.contains("is not a directory") }.count == 1)
        try FileManager.default.removeItem(atPath: daemon.inbox)
        daemon.waitUntil("the inbox to be re-created", timeout: 20) {
            daemon.log.contains { $0.contains("is back; watching it again") }
        }
        try daemon.drop("afterwards.txt", text: "Dropped into the re-created inbox.")
        daemon.waitUntil("the new file") { daemon.counts().articles == 1 }
        daemon.waitUntil("STATUS to clear") { daemon.notify.lastStatus?.contains("not a directory") == false }
        #expect(daemon.stop() == 0)
    }

    @Test("An inbox deleted and re-created by someone else is watched again, and what is in it is ingested")
    func inboxRecreatedBySomeoneElse() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        daemon.suspend()
        try FileManager.default.removeItem(atPath: daemon.inbox)
        try FileManager.default.createDirectory(atPath: daemon.inbox, withIntermediateDirectories: false)
        try daemon.drop("inside.txt", text: "Dropped into an inbox re-created by someone else.")
        daemon.signal(SIGCONT)
        daemon.waitUntil("the file inside") { daemon.counts().articles == 1 }
        try daemon.drop("later.txt", text: "Dropped later, announced by the new watch.")
        daemon.waitUntil("the later file") { daemon.counts().articles == 2 }
        let cpuBefore = try #require(daemon.cpuSeconds())
        usleep(1_000_000)
        let cpuAfter = try #require(daemon.cpuSeconds())
        #expect(cpuAfter - cpuBefore < 0.5, "\(cpuAfter - cpuBefore) s of CPU in 1 s")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "A file rewritten after it was read and before it was moved is a new version: ingested as a new file",
        arguments: ["rewritten in place", "replaced by a rename"]
    )
    func changedAfterRead(how: String) throws {
        let daemon = try DaemonHarness()
        // The pipeline pauses between its commit and the move, the window a writer may hit.
        try daemon.start(environment: ["GLEANER_TEST_FAULTS": "pause-at=after-commit:3"])
        daemon.waitForReady()
        let first = distinctText(1, "the first version")
        let second = distinctText(2, "the second version, written while the first was being committed")
        try daemon.drop("story.txt", text: first)
        daemon.waitUntil("the first version committed") { daemon.fileRecords().count == 1 }
        if how == "rewritten in place" {
            let descriptor = open(daemon.inbox + "/story.txt", O_WRONLY | O_TRUNC)
            #expect(descriptor >= 0)
            _ = Array(second.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        } else {
            try daemon.drop("story.txt", text: second, via: .rename)
        }
        daemon.waitUntil("the second version ingested", timeout: 20) { daemon.counts().articles == 2 }
        daemon.waitUntil("the inbox empty") { daemon.contents(of: daemon.inbox).isEmpty }
        let records = daemon.fileRecords()
        #expect(records.map(\.name) == ["story.txt", "story.txt"])
        #expect(
            records.map(\.sha256) == [first, second].map { ContentHash.sha256Hex(Array($0.utf8)) },
            "each version recorded with its own content"
        )
        // Whatever is in processed/ is a version that was recorded: nothing there escaped ingestion.
        for name in daemon.contents(of: daemon.processed) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: daemon.processed + "/" + name)))
            #expect(records.contains { $0.sha256 == ContentHash.sha256Hex(bytes) }, "\(name) was never recorded")
        }
        daemon.waitUntil("the log line", timeout: 10) {
            daemon.log.contains { $0.contains("story.txt changed after it was read") }
        }
        #expect(daemon.stop() == 0)
    }
}
