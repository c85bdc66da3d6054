import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A harness whose database holds the five samples, ingested with `gleaner ingest`.
func ingestedSamples() throws -> DaemonHarness {
    let harness = try DaemonHarness()
    let source = harness.root + "/source"
    try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
    for name in Samples.names {
        try Data(try Samples.bytes(name)).write(to: URL(fileURLWithPath: source + "/" + name))
    }
    let run = try runGleaner(["ingest", "--config", harness.configPath, source])
    try #require(run.status == 0, "\(run.error)")
    return harness
}

@Suite("The command line: search, and reindex of the search index")
struct SearchCommandTests {
    @Test("search --json: ranked hits with a bracketed snippet, duplicate count and their story")
    func searchJSON() throws {
        let harness = try ingestedSamples()
        let run = try runGleaner(["search", "--config", harness.configPath, "khan moscow", "--json"])
        #expect(run.status == 0, "\(run.error)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(
                Set(hit.keys) == [
                    "id", "file", "title", "published", "source", "url", "snippet", "score", "duplicate_of",
                    "duplicates", "story",
                ]
            )
            #expect(hit["story"] is Int)
            #expect((hit["snippet"] as? String)?.contains("[") == true)
        }
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let plain = try runGleaner(["search", "--config", harness.configPath, "\"imran khan\"", "--limit", "1"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("[Imran] [Khan]") || plain.output.contains("[Imran Khan]"))
    }

    @Test("A query that is not FTS5 syntax is a usage error naming the query and the fix")
    func searchSyntaxError() throws {
        let harness = try ingestedSamples()
        let run = try runGleaner(["search", "--config", harness.configPath, "\"imran khan"])
        #expect(run.status == 64)
        #expect(run.error.contains("\"imran khan"))
        #expect(run.error.contains("double quotes"))
        #expect(!run.error.contains("SQLite error"))
        #expect(run.output.isEmpty)
        let since = try runGleaner(["search", "--config", harness.configPath, "khan", "--since", "yesterday"])
        #expect(since.status == 64)
        #expect(since.error.contains("--since takes a date as YYYY-MM-DD"))
    }

    @Test("The daemon upgrades a database of an older Gleaner, asking systemd for time while it indexes it")
    func upgradeAtStart() throws {
        let harness = try ingestedSamples()
        // Back to v7, as an older Gleaner left it.
        let queue = try DatabaseQueue(path: harness.database)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS article_search_after_insert; DROP TRIGGER article_search_after_delete;
                    DROP TRIGGER article_search_after_update; DROP TABLE article_search;
                    DELETE FROM grdb_migrations
                    WHERE identifier IN ('v8: full-text search', 'v10: the ingest transaction indexes its articles for search');
                    """
            )
        }
        try queue.close()
        let old = try runGleaner(["search", "--config", harness.configPath, "putin"])
        #expect(old.status == 64)
        #expect(old.error.contains("has not been upgraded"))

        try harness.start()
        harness.waitForReady()
        let assignments = harness.notify.assignments
        let ready = try #require(assignments.firstIndex(of: "READY=1"))
        #expect(assignments[..<ready].contains { $0.hasPrefix("STATUS=starting: upgrading the database") })
        #expect(assignments[..<ready].contains { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") })
        #expect(harness.log.contains { $0.contains("upgrading the database") })
        #expect(harness.stop() == 0)
        let search = try runGleaner(["search", "--config", harness.configPath, "putin", "--json"])
        #expect(search.status == 0, "\(search.error)")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [[String: Any]])
        #expect(!hits.isEmpty)
    }

    @Test("reindex rebuilds the search index too, and search still finds the samples")
    func reindex() throws {
        let harness = try ingestedSamples()
        let run = try runGleaner(["reindex", "--config", harness.configPath])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("rebuilt the search index of 5 articles"))
        // Closed when the command ends: no log is left beside the database.
        #expect(!FileManager.default.fileExists(atPath: harness.database + "-wal"))
        let search = try runGleaner(["search", "--config", harness.configPath, "putin", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [[String: Any]])
        #expect(!hits.isEmpty)
    }

    @Test("reindex --stories forms the stories again: the samples are still one story")
    func reindexStories() throws {
        let harness = try ingestedSamples()
        let run = try runGleaner(["reindex", "--stories", "--config", harness.configPath])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("formed the stories again: 1 in "))
        let stories = try runGleaner(["stories", "--config", harness.configPath, "--json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(stories.output.utf8)) as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["article_count"] as? Int == 5)
        // Every article carries every key, null or not.
        let articles = try #require(listed.first?["articles"] as? [[String: Any]])
        #expect(articles.count == 5)
        for article in articles {
            #expect(
                Set(article.keys)
                    == ["id", "file", "title", "published", "source", "duplicate_of", "follow_up"]
            )
            #expect(article["follow_up"] is Bool)
        }
    }
}
