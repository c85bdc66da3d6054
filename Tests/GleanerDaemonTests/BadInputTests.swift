import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Hostile and broken files: each quarantined with its reason or handled as documented, never lost", .serialized)
struct BadInputTests {
    @Test("Every kind of the bad-input corpus, dropped into one daemon, ends where the README says and is recorded")
    func corpus() throws {
        // RescanInterval=1: links, FIFOs, sockets and devices announce only their creation and are found by a scan.
        let daemon = try DaemonHarness(configuration: ["RescanInterval=1"])
        try daemon.start()
        daemon.waitForReady()
        let corpus = BadInput.corpus(runningAsRoot: getuid() == 0)
        #expect(corpus.filter { if case .quarantined = $0.expectation { true } else { false } }.count >= 30)
        for input in corpus { try input.make(daemon) }
        try FileManager.default.createDirectory(
            atPath: daemon.inbox + "/folder.txt",
            withIntermediateDirectories: false
        )

        daemon.waitUntil("a record for each of the \(corpus.count) inputs", timeout: 120) {
            daemon.fileRecords().count == corpus.count
        }
        daemon.waitUntil("the inbox to hold only the directory") { daemon.contents(of: daemon.inbox) == ["folder.txt"] }
        let records = daemon.fileRecords()
        for input in corpus {
            let matching = records.filter { $0.name == input.name }
            #expect(matching.count == 1, "\(input.kind): \(matching.count) records")
            guard let record = matching.first else { continue }
            switch input.expectation {
            case .quarantined(let reason, let detail):
                #expect(record.outcome == "failed", "\(input.kind): \(record.outcome)")
                #expect(record.reason == reason, "\(input.kind): \(record.reason ?? "no reason")")
                #expect(record.detail?.contains(detail) == true, "\(input.kind): \(record.detail ?? "no detail")")
                var info = stat()
                #expect(lstat(daemon.failed + "/" + input.name, &info) == 0, "\(input.kind): not in failed/")
                // Links, special files and oversized files are judged from lstat alone: never opened, never hashed.
                if ["symlink", "hard-link", "not-regular-file", "too-large"].contains(reason) {
                    #expect(record.sha256 == nil, "\(input.kind) was read")
                }
                let logged = Self.logged(input.name)
                daemon.waitUntil("the warning for \(input.kind)", timeout: 10) {
                    daemon.log.contains { $0.hasPrefix("<4>quarantined \(logged):") && $0.contains("reason=\(reason)") }
                }
            case .ingested(let text, let warning):
                #expect(record.outcome == "ingested", "\(input.kind): \(record.outcome) \(record.detail ?? "")")
                #expect(FileManager.default.fileExists(atPath: daemon.processed + "/" + input.name), "\(input.kind)")
                let texts = try daemon.articleTexts(file: input.name)
                #expect(texts.contains { $0.contains(text) }, "\(input.kind): \(texts.map { $0.prefix(80) })")
                // Metadata that could not be used is in the file's log line (GLEANER_WARNING in the journal).
                let logged = Self.logged(input.name)
                daemon.waitUntil("the log line for \(input.kind)", timeout: 10) {
                    daemon.log.contains { $0.hasPrefix("<6>ingested \(logged):") }
                }
                let line = daemon.log.first { $0.hasPrefix("<6>ingested \(logged):") } ?? ""
                if let warning {
                    #expect(line.contains("warning=\"\(warning)"), "\(input.kind): \(line)")
                } else {
                    #expect(!line.contains(" warning="), "\(input.kind): \(line)")
                }
            }
        }

        // JSON Lines: each bad line is recorded with its number and reason; the good lines are articles.
        let rejectedLines = try daemon.rejectedLineRecords()
        #expect(rejectedLines.map(\.file) == ["mixed.jsonl", "mixed.jsonl", "mixed.jsonl"])
        #expect(rejectedLines.map(\.line) == [2, 3, 5])
        // Line 3, {"maintext": 3}, has no text (a body that is a number is no body); 2 and 5 are not JSON.
        #expect(rejectedLines.map(\.reason) == ["malformed-json", "no-text", "malformed-json"])
        #expect(try daemon.articleTexts(file: "mixed.jsonl").count == 2)
        // An escaped NUL in JSON is dropped, and the text after it kept (SQLite would cut a string at a NUL).
        let escaped = try #require(try daemon.articleTexts(file: "nul-escape.json").first)
        #expect(escaped == "An article with an escaped  NUL in the middle of its text.")

        // What links point to was never read: its marker is nowhere in the database or the log, and it is intact.
        #expect(!daemon.databaseFilesContain(BadInput.secretMarker))
        #expect(!daemon.log.contains { $0.contains(BadInput.secretMarker) })
        #expect(
            (try? String(contentsOfFile: daemon.root + "/secret.txt", encoding: .utf8))?.contains(
                BadInput.secretMarker
            ) == true
        )
        #expect(FileManager.default.fileExists(atPath: daemon.root + "/linked-from-the-inbox.txt"))

        // A directory named like an article is left alone with one warning, and never recorded.
        #expect(daemon.log.filter { $0.contains("ignoring subdirectory folder.txt") }.count == 1)
        #expect(!records.contains { $0.name == "folder.txt" })

        // One log line per entry, however hostile the names and fields: every line starts with a priority, a name
        // holding a newline cannot start a forged line, and a 2 MB title does not make a 2 MB line.
        let log = daemon.log
        #expect(log.allSatisfy { $0.first == "<" })
        #expect(!log.contains { $0.hasPrefix("<2>critical.txt") })
        #expect((log.map(\.utf8.count).max() ?? 0) < 64 * 1024)

        // A 1 GiB file was never read into memory.
        let peak = try #require(daemon.statusKilobytes("VmHWM"))
        #expect(peak < 512 * 1024, "peak RSS \(peak) kB")

        // The daemon keeps serving.
        try daemon.drop("after-all-that.txt", text: distinctText(99, "dropped after the corpus"))
        daemon.waitUntil("the article dropped afterwards") {
            daemon.fileRecords().last.map { $0.name == "after-all-that.txt" && $0.outcome == "ingested" } == true
        }
        let failures = corpus.filter { if case .quarantined = $0.expectation { true } else { false } }.count
        #expect(daemon.counts().failedFiles == failures)
        #expect(daemon.counts().duplicates == 0)
        #expect(daemon.stop() == 0)
    }

    @Test("A 1 GiB sparse file is rejected from its size alone: never read, peak memory unchanged")
    func sparseGigabyte() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // One article first, so the pipeline's own working set is part of the baseline.
        try daemon.drop("warm-up.txt", text: distinctText(1, "warming the pipeline up"))
        daemon.waitUntil("the warm-up article") { daemon.counts().articles == 1 }
        let before = try #require(daemon.statusKilobytes("VmHWM"))
        try daemon.stageAndRename("huge.txt") { path in try BadInput.check(truncate(path, 1 << 30), "truncate") }
        daemon.waitUntil("the quarantine") { daemon.contents(of: daemon.failed) == ["huge.txt"] }
        let record = try #require(daemon.fileRecords().last)
        #expect(record.reason == "too-large")
        #expect(record.detail == "1073741824 bytes, more than MaxFileSize (10485760 bytes)")
        #expect(record.sha256 == nil)
        let after = try #require(daemon.statusKilobytes("VmHWM"))
        #expect(after - before < 32 * 1024, "peak RSS grew from \(before) kB to \(after) kB")
        #expect(daemon.stop() == 0)
    }

    @Test("A FIFO renamed into the inbox is quarantined without being opened, and never blocks the daemon")
    func fifoNeverBlocks() throws {
        // No periodic scans: the FIFO is taken on its rename event, like any file.
        let daemon = try DaemonHarness(configuration: ["RescanInterval=1h"])
        try daemon.start()
        daemon.waitForReady()
        try daemon.stageAndRename("pipe.txt") { path in
            unlink(path)
            try BadInput.check(mkfifo(path, 0o644), "mkfifo")
        }
        try daemon.drop("after-the-pipe.txt", text: distinctText(2, "dropped after a FIFO"))
        daemon.waitUntil("the article after the FIFO") { daemon.counts().articles == 1 }
        daemon.waitUntil("the FIFO quarantined") { daemon.contents(of: daemon.failed) == ["pipe.txt"] }
        #expect(daemon.fileRecords().first { $0.name == "pipe.txt" }?.reason == "not-regular-file")
        #expect(daemon.stop() == 0)
    }

    @Test("A name that is not UTF-8 is repaired even when the repair is longer than 255 bytes or already taken")
    func unrepairableNames() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // 200 letters and 40 bytes that are not UTF-8: written as %XX, the name would be 324 bytes.
        let long = [UInt8](repeating: 0x79, count: 200) + [UInt8](repeating: 0xFF, count: 40) + Array(".txt".utf8)
        try daemon.writeRawName(long, in: daemon.inbox, Array(distinctText(1, "whose long name is not UTF-8").utf8))
        // A directory holds the repaired name of the next one.
        try FileManager.default.createDirectory(
            atPath: daemon.inbox + "/bad%FF.txt",
            withIntermediateDirectories: false
        )
        try daemon.writeRawName(
            Array("bad".utf8) + [0xFF] + Array(".txt".utf8),
            in: daemon.inbox,
            Array(distinctText(2, "whose repaired name is taken").utf8)
        )
        daemon.waitUntil("both ingested") { daemon.counts().articles == 2 }
        let names = daemon.fileRecords().map(\.name)
        #expect(names.allSatisfy { $0.utf8.count <= 255 && $0.hasSuffix(".txt") }, "\(names)")
        #expect(names.contains { $0.hasPrefix(String(repeating: "y", count: 200) + "%FF") })
        #expect(names.contains { $0.hasPrefix("bad%FF") && $0 != "bad%FF.txt" })
        #expect(daemon.contents(of: daemon.inbox) == ["bad%FF.txt"])
        #expect(daemon.stop() == 0)
    }

    /// How the stderr log writes a file name inside a message: control characters escaped.
    static func logged(_ name: String) -> String {
        name.replacing("\n", with: "\\n")
    }
}
