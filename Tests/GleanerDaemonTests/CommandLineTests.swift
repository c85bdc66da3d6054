import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs `gleaner` with arguments and returns its exit status, standard output and standard error.
/// With `executable`, runs that instead, with `arguments` minus the first (a command that runs `gleaner`).
func runGleaner(
    _ arguments: [String],
    executable: String? = nil
) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? DaemonHarness.binary)
    process.arguments = executable == nil ? arguments : Array(arguments.dropFirst())
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outputData, as: UTF8.self),
        String(decoding: errorData, as: UTF8.self)
    )
}

@Suite("The command line: ingest, status, articles, check-config")
struct CommandLineTests {
    @Test("gleaner ingest reads a directory through the pipeline, leaves the files, and is idempotent")
    func ingest() throws {
        let harness = try DaemonHarness()
        let source = harness.root + "/source"
        try FileManager.default.createDirectory(atPath: source + "/nested", withIntermediateDirectories: true)
        for name in Samples.names {
            try Data(try Samples.bytes(name)).write(to: URL(fileURLWithPath: source + "/" + name))
        }
        try Data("not an article".utf8).write(to: URL(fileURLWithPath: source + "/nested/notes.md"))
        let arguments = ["ingest", "--config", harness.configPath, source, "--json"]

        let first = try runGleaner(arguments)
        #expect(first.status == 0, "\(first.error)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect(summary["files"] as? Int == 6)
        #expect(summary["ingested"] as? Int == 5)
        #expect(summary["failed"] as? Int == 1)
        let results = try #require(summary["results"] as? [[String: Any]])
        let markdown = try #require(results.first { ($0["file"] as? String)?.hasSuffix("notes.md") == true })
        #expect(markdown["reason"] as? String == "unsupported-type")
        #expect(FileManager.default.fileExists(atPath: source + "/" + Samples.names[0]))
        // The store is closed when the command ends: the log is copied into the database file and removed.
        #expect(FileManager.default.fileExists(atPath: harness.database))
        #expect(!FileManager.default.fileExists(atPath: harness.database + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: harness.database + "-shm"))

        let second = try runGleaner(arguments)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [String: Any])
        #expect(again["ingested"] as? Int == 0)
        #expect((again["results"] as? [[String: Any]])?.allSatisfy { $0["outcome"] as? String == "unchanged" } == true)
        #expect(harness.counts().articles == 5)
    }

    @Test("Metadata that cannot be used is a warning in ingest --json, the log, the database and articles --json")
    func warnings() throws {
        let harness = try DaemonHarness()
        let source = harness.root + "/source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let odd = """
            {"title": "Talks in the capital", "text": "Ministers met in the capital on Wednesday.",
             "date_publish": "yesterday afternoon", "date_download": "2017-06-01T10:00:00", "language": 7}
            """
        try Data(odd.utf8).write(to: URL(fileURLWithPath: source + "/odd.json"))
        try Data(#"{"title": "Fine", "text": "A fine article.", "date_publish": 1496221200}"#.utf8)
            .write(to: URL(fileURLWithPath: source + "/fine.json"))

        let run = try runGleaner(["ingest", "--config", harness.configPath, source, "--json", "-v"])
        #expect(run.status == 0, "\(run.error)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(summary["ingested"] as? Int == 2)
        let results = try #require(summary["results"] as? [[String: Any]])
        let dateWarning = #"date_publish: "yesterday afternoon" is not a date; used date_download (2017-06-01)"#
        let languageWarning = "language: 7 is a number, not text; ignored"
        func result(_ name: String) -> [String: Any]? {
            results.first { ($0["file"] as? String)?.hasSuffix("/" + name) == true }
        }
        // Always present: [] when there is nothing to say. The fields in the order they are read.
        #expect(result("odd.json")?["warnings"] as? [String] == [languageWarning, dateWarning])
        #expect(result("fine.json")?["warnings"] as? [String] == [])
        // The log line of the file carries them (GLEANER_WARNING in the journal).
        let logLine = run.error.split(separator: "\n").first { $0.contains("ingested odd.json") } ?? ""
        #expect(logLine.contains(#"warning="language: 7 is a number, not text; ignored; date_publish: \"yesterday"#))

        let articles = try runGleaner(["articles", "--config", harness.configPath, "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(articles.output.utf8)) as? [[String: Any]])
        let stored = try #require(list.first { $0["file"] as? String == "odd.json" })
        #expect(stored["warnings"] as? [String] == [languageWarning, dateWarning])
        #expect(stored["published"] as? String == "2017-06-01")
        #expect(stored["published_source"] as? String == "download")
        let fine = try #require(list.first { $0["file"] as? String == "fine.json" })
        #expect(fine["warnings"] as? [String] == [])
        #expect(fine["published"] as? String == "2017-05-31")
        #expect(fine["published_source"] as? String == "json")

        let table = try runGleaner(["articles", "--config", harness.configPath])
        #expect(table.output.contains("warning: \(dateWarning)"))
    }

    @Test("articles --id shows one article's times and events; events --dated-only keeps dates of stated days")
    func articleDetailAndDatedEvents() throws {
        let harness = try DaemonHarness()
        let source = harness.root + "/source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        // Written now, they get today's modification time. 001 has a dateline: its dates are anchored on a stated
        // publication date. 000 states no date and its text contradicts today (it speaks of 2021), so its date is
        // inferred; so are 002's and 004's. Nothing in 003 contradicts today: its dates are resolved against the
        // modification time.
        for name in Samples.names {
            try Data(try Samples.bytes(name)).write(to: URL(fileURLWithPath: source + "/" + name))
        }
        let ingest = try runGleaner(["ingest", "--config", harness.configPath, source])
        #expect(ingest.status == 0, "\(ingest.error)")
        func json(_ arguments: [String]) throws -> Any {
            let run = try runGleaner(arguments + ["--config", harness.configPath, "--json"])
            #expect(run.status == 0, "\(run.error)")
            return try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        }
        let list = try #require(try json(["articles"]) as? [[String: Any]])
        func id(_ file: String) throws -> Int {
            try #require(list.first { $0["file"] as? String == file }?["id"] as? Int)
        }

        let undatedID = try id("000_805850cd11d2c22d.txt")
        let undated = try #require(try json(["articles", "--id", String(undatedID)]) as? [String: Any])
        #expect(
            Set(undated.keys) == [
                "id", "file", "line", "title", "published", "published_source", "url", "source", "language", "outcome",
                "duplicate_of", "warnings", "times", "events", "main_event",
            ]
        )
        // Its main event, stored with it: from the lead, dated against the inferred publication date.
        let main = try #require(undated["main_event"] as? [String: Any])
        #expect(Set(main.keys) == ["who", "what", "whom", "cameo", "when", "where", "sentence_index"])
        #expect((main["what"] as? String)?.isEmpty == false)
        #expect(((main["when"] as? [String: Any])?["end"] as? String).map { $0 <= "2022" } == true)
        #expect(undated["id"] as? Int == undatedID)
        #expect(undated["line"] is NSNull)
        #expect(undated["duplicate_of"] is NSNull)
        #expect(undated["outcome"] as? String == "ingested")
        #expect(undated["published_source"] as? String == "inferred")
        #expect((undated["published"] as? String)?.hasPrefix("2021") == true)
        let times = try #require(undated["times"] as? [[String: Any]])
        #expect(!times.isEmpty)
        for time in times {
            #expect(Set(time.keys) == ["text", "offset", "length", "type", "value", "anchor"])
            #expect(time["anchor"] as? String == "inferred")
            #expect(["DATE", "TIME", "DURATION", "SET"].contains(time["type"] as? String ?? ""))
            #expect((time["value"] as? String)?.isEmpty == false)
        }
        let offsets = times.compactMap { $0["offset"] as? Int }
        #expect(offsets == offsets.sorted())
        // "in April" in a text of 2021, resolved against the inferred date.
        #expect(times.contains { ($0["value"] as? String)?.hasPrefix("2021") == true })
        let undatedEvents = try #require(undated["events"] as? [[String: Any]])
        let undatedAnchors = undatedEvents.compactMap { ($0["date"] as? [String: Any])?["anchor"] as? String }
        #expect(undatedAnchors.contains("inferred"))

        let datelined = try #require(
            try json(["articles", "--id", String(try id("001_b20ecadf7b6855e0.txt"))]) as? [String: Any]
        )
        #expect(datelined["published_source"] as? String == "dateline")
        let datelinedTimes = try #require(datelined["times"] as? [[String: Any]])
        #expect(!datelinedTimes.isEmpty)
        #expect(datelinedTimes.allSatisfy { $0["anchor"] as? String == "published" })
        #expect(datelined["warnings"] as? [String] == [])

        func anchor(_ event: [String: Any]) -> String? { (event["date"] as? [String: Any])?["anchor"] as? String }
        let all = try #require(try json(["events", "--limit", "1000"]) as? [[String: Any]])
        let dated = try #require(try json(["events", "--limit", "1000", "--dated-only"]) as? [[String: Any]])
        #expect(all.contains { anchor($0) == "inferred" })
        #expect(all.contains { anchor($0) == "mtime" })
        #expect(all.contains { $0["date"] is NSNull })
        #expect(!dated.isEmpty)
        #expect(dated.allSatisfy { anchor($0) == "published" })
        #expect(dated.count == all.filter { anchor($0) == "published" }.count)
        // With another filter, a subset of each.
        let khan = try #require(try json(["events", "--limit", "1000", "--actor", "khan"]) as? [[String: Any]])
        let datedKhan = try #require(
            try json(["events", "--limit", "1000", "--actor", "khan", "--dated-only"]) as? [[String: Any]]
        )
        #expect(datedKhan.count == khan.filter { anchor($0) == "published" }.count)

        let text = try runGleaner(["articles", "--config", harness.configPath, "--id", String(undatedID)])
        #expect(text.status == 0)
        #expect(text.output.contains("published:  \(undated["published"] as? String ?? "?") (inferred)"))
        #expect(text.output.contains("times (\(times.count)):"))
        #expect(text.output.contains("(inferred)"))

        let unknown = try runGleaner(["articles", "--config", harness.configPath, "--id", "9999", "--json"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("no article 9999"))
        #expect(unknown.output.isEmpty)
    }

    @Test("status and articles print stable JSON from the database")
    func statusAndArticles() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        try daemon.drop("one.txt", text: "Title line\n\nThe body of the one article.")
        try daemon.drop("bad.bin", text: "?")
        daemon.waitUntil("both handled") { daemon.counts().files == 2 }

        let status = try runGleaner(["status", "--config", daemon.configPath, "--json"])
        #expect(status.status == 0, "\(status.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        #expect(report["articles"] as? Int == 1)
        #expect(report["failed"] as? Int == 1)
        let daemonState = try #require(report["daemon"] as? [String: Any])
        #expect(daemonState["running"] as? Bool == true)
        #expect(daemonState["pid"] as? Int == Int(daemon.pid))
        let quarantine = try #require(report["quarantine"] as? [[String: Any]])
        #expect(quarantine.first?["file"] as? String == "bad.bin")
        #expect(quarantine.first?["reason"] as? String == "unsupported-type")

        let articles = try runGleaner(["articles", "--config", daemon.configPath, "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(articles.output.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["title"] as? String == "Title line")
        #expect(list.first?["file"] as? String == "one.txt")
        let keys = Set(try #require(list.first).keys)
        #expect(keys.isSuperset(of: ["id", "published", "published_source", "outcome", "warnings"]))

        let text = try runGleaner(["status", "--config", daemon.configPath])
        #expect(text.output.contains("running (pid \(daemon.pid)"))
        #expect(daemon.stop() == 0)
        let after = try runGleaner(["status", "--config", daemon.configPath, "--json"])
        #expect(after.output.contains("\"running\" : false"))
    }

    @Test(
        "An inbox given alone puts processed/ and failed/ beside it and never touches the system spool",
        arguments: ["command line", "configuration file"]
    )
    func inboxAloneStaysLocal(from source: String) throws {
        let systemSpool = "/var/spool/gleaner"
        let systemSpoolBefore = try? FileManager.default.contentsOfDirectory(atPath: systemSpool + "/processed")
        let systemSpoolExisted = FileManager.default.fileExists(atPath: systemSpool)
        let daemon = try DaemonHarness()
        let scratch = daemon.root + "/try"
        try FileManager.default.createDirectory(atPath: scratch + "/inbox", withIntermediateDirectories: true)
        var lines = ["Database=\(daemon.root)/try.sqlite", "SettleTime=0"]
        var arguments: [String] = []
        if source == "command line" {
            arguments = ["--inbox", scratch + "/inbox"]
        } else {
            lines.append("Inbox=\(scratch)/inbox")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)

        let check = try runGleaner(["check-config", "--config", daemon.configPath, "--json"] + arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        let settings = try #require(report["settings"] as? [String: String])
        #expect(settings["Processed"] == scratch + "/processed")
        #expect(settings["Failed"] == scratch + "/failed")

        try daemon.start(arguments: arguments)
        daemon.waitForReady()
        // The start-up line reaches the log reader a moment after READY: wait for it.
        daemon.waitUntil("the start-up line is logged") { daemon.log.contains { $0.contains("starting (pid") } }
        let startLine = daemon.log.first { $0.contains("starting (pid") } ?? ""
        #expect(startLine.contains("Processed=\(scratch)/processed (beside the inbox)"), "\(startLine)")
        try Data("Title line\n\nThe body of a scratch article.".utf8)
            .write(to: URL(fileURLWithPath: scratch + "/inbox/one.txt"))
        try Data("?".utf8).write(to: URL(fileURLWithPath: scratch + "/inbox/bad.bin"))
        daemon.waitUntil("moved beside the inbox") {
            FileManager.default.fileExists(atPath: scratch + "/processed/one.txt")
                && FileManager.default.fileExists(atPath: scratch + "/failed/bad.bin")
        }
        #expect(daemon.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: systemSpool) == systemSpoolExisted)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: systemSpool + "/processed")) == systemSpoolBefore)
    }

    @Test("gleaner status shows the daemon's current STATUS line, not an older one")
    func statusIsCurrent() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for (index, name) in Samples.names.enumerated() {
            try daemon.drop(name, try Samples.bytes(name))
            daemon.waitUntil("sample \(index + 1) ingested") { daemon.counts().articles == index + 1 }
        }
        // The line is written after the commit that counts the fifth article; it must follow within moments,
        // not at the next periodic write.
        daemon.waitUntil("gleaner status shows 5 ingested", timeout: 3) {
            let status = try? runGleaner(["status", "--config", daemon.configPath])
            return status?.output.contains("status:         watching") == true
                && status?.output.contains(": 5 ingested, 0 duplicates") == true
        }
        #expect(daemon.stop() == 0)
    }

    @Test("Query commands on a missing database say how to create one")
    func missingDatabase() throws {
        let result = try runGleaner(["status", "--db", "/tmp/gleaner-no-such-dir/x.sqlite", "--config", "/dev/null"])
        #expect(result.status != 0)
        #expect(result.error.contains("gleaner run"))
    }

    @Test("check-config points at each bad line and exits 78")
    func checkConfig() throws {
        let harness = try DaemonHarness(configuration: ["MaxFileSize=huge"])
        let result = try runGleaner(["check-config", "--config", harness.configPath])
        #expect(result.status == 78)
        #expect(result.output.contains("gleaner.conf:7: MaxFileSize=huge: expected a size"))
        let json = try runGleaner(["check-config", "--config", harness.configPath, "--json"])
        #expect(json.status == 78)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == false)
        #expect((report["errors"] as? [[String: Any]])?.first?["line"] as? Int == 7)
    }

    @Test("check-config --json lists the settings in effect for a valid file")
    func checkConfigValid() throws {
        let harness = try DaemonHarness(configuration: ["MaxFileSize=1M"])
        let result = try runGleaner(["check-config", "--config", harness.configPath, "--json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let settings = try #require(report["settings"] as? [String: String])
        #expect(settings["MaxFileSize"] == "1048576")
        #expect(settings["Inbox"] == harness.inbox)
    }
}
