import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Near duplicates through the daemon and the command line", .serialized)
struct NearDuplicateDaemonTests {
    /// Sample 002 as a syndicated copy: a new headline, a teaser line, a "Must Read" block, the closing
    /// paragraph trimmed.
    static func syndicatedCopy() throws -> String {
        let lines = String(decoding: try Samples.bytes("002_5d6750ddc2411a79.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return
            (["Imran Khan heads to Moscow for first visit in 23 years", ""] + lines.prefix(3)
            + ["READ: \"Something else entirely\", says someone"] + lines.dropFirst(3).dropLast(2)
            + ["Must Read", "", "Unrelated teaser headline"]).joined(separator: "\n")
    }

    @Test("The samples are five articles; a syndicated copy of one is a near duplicate with exact similarity")
    func syndicatedCopyOfSample() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for name in Samples.names { try daemon.drop(name, try Samples.bytes(name), via: .rename) }
        daemon.waitUntil("five samples") { daemon.counts().articles == 5 }
        #expect(daemon.counts().duplicates == 0)
        try daemon.drop("syndicated.txt", text: try Self.syndicatedCopy())
        daemon.waitUntil("the copy") { daemon.counts().duplicates == 1 }
        let line = try #require(daemon.log.first { $0.contains("duplicate syndicated.txt") })
        #expect(line.contains("is a near copy of article 3"))
        #expect(line.contains("kind=near"))

        let result = try runGleaner(["duplicates", "--config", daemon.configPath, "--json"])
        let clusters = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        )
        #expect(clusters.count == 1)
        let canonical = try #require(clusters.first?["canonical"] as? [String: Any])
        #expect(canonical["file"] as? String == "002_5d6750ddc2411a79.txt")
        #expect(canonical.keys.contains("title"))
        let copy = try #require((clusters.first?["copies"] as? [[String: Any]])?.first)
        #expect(copy["file"] as? String == "syndicated.txt")
        #expect(copy["kind"] as? String == "near")
        let similarity = try #require(copy["similarity"] as? Double)
        #expect(similarity >= 0.8 && similarity < 1)
        #expect(daemon.stop() == 0)

        // The daemon grouped the five samples in one story, which the copy joined; it outlives the daemon.
        let stories = try runGleaner(["stories", "--config", daemon.configPath, "--json"])
        #expect(stories.status == 0, "\(stories.error)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(stories.output.utf8)) as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["article_count"] as? Int == 6)
        #expect(
            (listed.first?["articles"] as? [[String: Any]])?.contains { $0["file"] as? String == "syndicated.txt" }
                == true
        )
    }

    @Test("gleaner similar shows the nearest stored article without ingesting the file")
    func similar() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for name in Samples.names { try daemon.drop(name, try Samples.bytes(name)) }
        daemon.waitUntil("five samples") { daemon.counts().articles == 5 }
        let probe = daemon.root + "/probe.txt"
        try Self.syndicatedCopy().write(toFile: probe, atomically: true, encoding: .utf8)
        let result = try runGleaner(["similar", "--config", daemon.configPath, probe, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let best = try #require((reports.first?["matches"] as? [[String: Any]])?.first)
        #expect(best["file"] as? String == "002_5d6750ddc2411a79.txt")
        #expect(best["would_be"] as? String == "near")
        #expect((best["jaccard"] as? Double).map { $0 >= 0.8 } == true)
        #expect(daemon.counts().files == 5)
        #expect(daemon.stop() == 0)
    }

    @Test("Changed near-duplicate settings stop start-up (exit 78) until gleaner reindex rebuilds the index")
    func reindexRequired() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for name in Samples.names { try daemon.drop(name, try Samples.bytes(name)) }
        daemon.waitUntil("five samples") { daemon.counts().articles == 5 }
        #expect(daemon.stop() == 0)

        try daemon.writeConfiguration(["ShingleSize=4"])
        try daemon.start()
        #expect(daemon.waitForExit() == 78)
        daemon.waitUntil("a log line", timeout: 10) {
            daemon.log.contains { $0.contains("shingle_size=5") && $0.contains("gleaner reindex") }
        }

        let reindex = try runGleaner(["reindex", "--config", daemon.configPath])
        #expect(reindex.status == 0, "\(reindex.error)")
        #expect(reindex.output.contains("reindexed 5 articles"))
        try daemon.start()
        daemon.waitForReady()
        // The index is loaded before READY: 5 articles × 18 keys.
        #expect(daemon.log.contains { $0.contains("near-duplicate index loaded: 90 keys") })
        #expect(daemon.stop() == 0)
    }

    @Test("gleaner forget --before removes articles from the index and says how many")
    func forget() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        for name in Samples.names { try daemon.drop(name, try Samples.bytes(name)) }
        daemon.waitUntil("five samples") { daemon.counts().articles == 5 }
        #expect(daemon.stop() == 0)
        // Sample 001 is dated 2022-01-24 by its dateline; 000, 002 and 004 name no date of their own, and their
        // text contradicts today's file time, so they are dated 2021 from it; 003 keeps today's file time.
        let result = try runGleaner(["forget", "--config", daemon.configPath, "--before", "2023-01-01"])
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.output.contains("4 articles published before 2023-01-01 left the near-duplicate index; 1 remain"),
            "\(result.output)"
        )
        let bad = try runGleaner(["forget", "--config", daemon.configPath, "--before", "last week"])
        #expect(bad.status != 0)
        #expect(bad.error.contains("YYYY-MM-DD"))
    }
}
