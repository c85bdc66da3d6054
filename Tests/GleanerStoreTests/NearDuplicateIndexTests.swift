import Foundation
import GRDB
import GleanerCore
import GleanerSynthetic
import Testing

@testable import GleanerStore

@Suite("The in-memory near-duplicate index and its keys in SQLite")
final class NearDuplicateIndexTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-ndi-\(UUID().uuidString)")
        .path
    var path: String { directory + "/gleaner.sqlite" }
    static let published = PublicationDate(year: 2022, month: 1, day: 24, source: .dateline)

    struct InjectedFailure: Error {}

    func item(
        _ document: SyntheticCorpus.Document,
        engine: DedupEngine,
        published: PublicationDate = NearDuplicateIndexTests.published
    ) -> IngestItem {
        let article = Article(title: document.title, text: document.text, published: published)
        return .articles(
            FileIdentity(
                name: "doc-\(document.id).txt",
                device: 1,
                inode: UInt64(document.id + 1),
                size: 1,
                modificationTimeNanoseconds: 0,
                changeTimeNanoseconds: 0
            ),
            sha256: "sha-\(document.id)",
            articles: [PreparedArticle(article, engine: engine)],
            rejectedLines: []
        )
    }

    /// The id and duplicate link of the one article committed in a one-item batch.
    func commitOne(_ document: SyntheticCorpus.Document, to store: ArticleStore) throws -> StoredArticle {
        try #require(try store.commit([item(document, engine: store.engine)])[0].articles.first)
    }

    func storedKeys(_ store: ArticleStore, articleID: Int64) throws -> [Int64] {
        try store.pool.read { db in
            let data = try Data.fetchOne(
                db,
                sql: "SELECT keys FROM article_signatures WHERE article_id = ?",
                arguments: [articleID]
            )
            return BlobCoding.decode(data ?? Data(), as: Int64.self)
        }
    }

    @Test("v4 moves each article's lsh_buckets rows into article_signatures.keys, in order, and drops the table")
    func migrationFromV3() throws {
        var corpus = SyntheticCorpus(seed: 21)
        let first = corpus.makeArticle(words: 600)
        let second = corpus.makeArticle(words: 500)
        let engine = DedupEngine()
        let fingerprints = [first, second].map { engine.fingerprint(title: $0.title, text: $0.text) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            // A database as v3 left it, written by hand: two indexed articles whose bucket rows interleave.
            let pool = try DatabasePool(path: path)
            try ArticleStore.migrator.migrate(pool, upTo: "v3: events")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO files(name, device, inode, mtime_ns, ctime_ns, outcome)
                        VALUES ('old.txt', 1, 1, 0, 0, 'ingested')
                        """
                )
                for (offset, document) in [first, second].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO articles(id, file_id, title, text, published, published_source, text_hash)
                            VALUES (?, 1, ?, ?, '2022-01-24', 'dateline', ?)
                            """,
                        arguments: [offset + 1, document.title, document.text, "hash-\(offset)"]
                    )
                    try db.execute(
                        sql: "INSERT INTO article_signatures(article_id, signature, shingle_count) VALUES (?, ?, ?)",
                        arguments: [
                            offset + 1, BlobCoding.encode(fingerprints[offset].signature),
                            fingerprints[offset].shingles.count,
                        ]
                    )
                }
                for index in 0..<max(fingerprints[0].keys.count, fingerprints[1].keys.count) {
                    for (offset, fingerprint) in fingerprints.enumerated() where index < fingerprint.keys.count {
                        try db.execute(
                            sql: "INSERT INTO lsh_buckets(key, article_id) VALUES (?, ?)",
                            arguments: [fingerprint.keys[index], offset + 1]
                        )
                    }
                }
                try ArticleStore.store(parameters: engine.parameters.indexDescription, in: db)
            }
        }
        let store = try ArticleStore(path: path)
        #expect(try storedKeys(store, articleID: 1) == fingerprints[0].keys)
        #expect(try storedKeys(store, articleID: 2) == fingerprints[1].keys)
        #expect(try store.pool.read { db in try db.tableExists("lsh_buckets") } == false)
        #expect(try store.indexedCount() == 2)
        let copy = corpus.makeCopy(of: second.id, edits: .init(wordChangeRate: 0.01, newHeadline: true))
        let stored = try commitOne(copy, to: store)
        #expect(stored.duplicateOf == 2)
        #expect(stored.kind == .near)
    }

    @Test("A read-only store on a database not upgraded yet says to upgrade it, instead of failing in SQL")
    func readingBeforeUpgrade() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            let pool = try DatabasePool(path: path)
            try ArticleStore.migrator.migrate(pool, upTo: "v3: events")
        }
        let reader = try ArticleStore(readingExisting: path)
        var corpus = SyntheticCorpus(seed: 22)
        let probe = corpus.makeArticle(words: 300)
        let error = #expect(throws: StoreError.self) {
            try reader.similarArticles(to: Article(title: nil, text: probe.text, published: Self.published), limit: 5)
        }
        guard case .olderSchema = error else {
            Issue.record("expected olderSchema, got \(String(describing: error))")
            return
        }
        #expect("\(error!)".contains("restart the daemon"))
    }

    @Test("Keys persist with the signature: a reopened store loads them and finds a copy, from a read too")
    func lookupAfterReopening() throws {
        var corpus = SyntheticCorpus(seed: 23)
        let original = corpus.makeArticle(words: 700)
        let fingerprint = DedupEngine().fingerprint(title: original.title, text: original.text)
        do {
            let store = try ArticleStore(path: path)
            #expect(try commitOne(original, to: store).id == 1)
            #expect(try storedKeys(store, articleID: 1) == fingerprint.keys)
        }
        let reopened = try ArticleStore(path: path)
        #expect(reopened.dedupStatistics.loads == 0)
        let probe = corpus.makeCopy(of: original.id, edits: .init(trimLastParagraph: true))
        let similar = try reopened.similarArticles(
            to: Article(title: probe.title, text: probe.text, published: Self.published),
            limit: 5
        )
        #expect(similar.first?.id == 1)
        let statistics = reopened.dedupStatistics
        #expect(statistics.loads == 1)
        #expect(statistics.entries == fingerprint.keys.count)
        #expect(statistics.memoryBytes > 0)
        let copy = corpus.makeCopy(of: original.id, edits: .init(wordChangeRate: 0.01, teasers: true))
        #expect(try commitOne(copy, to: reopened).duplicateOf == 1)
        #expect(reopened.dedupStatistics.loads == 1)
    }

    @Test("Articles another store (process) commits to the same file are found by the first one's next commit")
    func catchUpWithAnotherWriter() throws {
        var corpus = SyntheticCorpus(seed: 24)
        let first = corpus.makeArticle(words: 500)
        let second = corpus.makeArticle(words: 500)
        let third = corpus.makeArticle(words: 500)
        let daemon = try ArticleStore(path: path)
        let cli = try ArticleStore(path: path)
        #expect(try commitOne(first, to: daemon).id == 1)
        #expect(daemon.dedupStatistics.loads == 1)
        #expect(try commitOne(second, to: cli).id == 2)
        #expect(try commitOne(third, to: cli).id == 3)
        let copyOfSecond = corpus.makeCopy(of: second.id, edits: .init(wordChangeRate: 0.01, newHeadline: true))
        #expect(try commitOne(copyOfSecond, to: daemon).duplicateOf == 2)
        let probe = corpus.makeCopy(of: third.id, edits: .init(teasers: true))
        let similar = try daemon.similarArticles(
            to: Article(title: probe.title, text: probe.text, published: Self.published),
            limit: 1
        )
        #expect(similar.first?.id == 3)
        #expect(daemon.dedupStatistics.loads == 1)
        #expect(try daemon.dedupStatistics.entries == cli.loadNearDuplicateIndex().entries)
    }

    @Test("A batch that fails inside commit leaves nothing, and the index reloads: a reused id is found")
    func reloadAfterFailedTransaction() throws {
        var corpus = SyntheticCorpus(seed: 25)
        let first = corpus.makeArticle(words: 500)
        let rolledBack = corpus.makeArticle(words: 500)
        let reusing = corpus.makeArticle(words: 500)
        let daemon = try ArticleStore(path: path)
        let cli = try ArticleStore(path: path)
        #expect(try commitOne(first, to: daemon).id == 1)
        #expect(throws: InjectedFailure.self) {
            try daemon.commit([item(rolledBack, engine: daemon.engine)]) { throw InjectedFailure() }
        }
        #expect(try daemon.counts().articles == 1)
        #expect(try daemon.indexedCount() == 1)
        #expect(daemon.nearDuplicates.withLock { $0.isCurrent } == false)
        // SQLite gives the rolled-back article's id to the next article, written by another process here.
        #expect(try commitOne(reusing, to: cli).id == 2)
        let copyOfReusing = corpus.makeCopy(of: reusing.id, edits: .init(wordChangeRate: 0.01))
        #expect(try commitOne(copyOfReusing, to: daemon).duplicateOf == 2)
        #expect(daemon.dedupStatistics.loads == 2)
        let copyOfRolledBack = corpus.makeCopy(of: rolledBack.id, edits: .init(wordChangeRate: 0.01))
        #expect(try commitOne(copyOfRolledBack, to: daemon).duplicateOf == nil)
    }

    @Test("forget reloads the index, and an article another store forgot is no longer matched")
    func forgetWithLoadedIndex() throws {
        var corpus = SyntheticCorpus(seed: 26)
        let old = corpus.makeArticle(words: 500)
        let recent = corpus.makeArticle(words: 500)
        let oldest = corpus.makeArticle(words: 500)
        let daemon = try ArticleStore(path: path)
        let cli = try ArticleStore(path: path)
        _ = try daemon.commit([
            item(old, engine: daemon.engine, published: PublicationDate(year: 2020, month: 5, day: 1, source: .header)),
            item(recent, engine: daemon.engine),
            item(
                oldest,
                engine: daemon.engine,
                published: PublicationDate(year: 2019, month: 5, day: 1, source: .header)
            ),
        ])
        let entries = daemon.dedupStatistics.entries
        #expect(try daemon.forget(publishedBefore: "2020-01-01") == 1)
        #expect(
            try commitOne(corpus.makeCopy(of: recent.id, edits: .init(wordChangeRate: 0.01)), to: daemon).duplicateOf
                == 2
        )
        #expect(daemon.dedupStatistics.loads == 2)
        #expect(daemon.dedupStatistics.entries < entries)
        // Forgotten by another process: still in this one's memory, but without a signature it is skipped.
        #expect(try cli.forget(publishedBefore: "2021-01-01") == 1)
        let copyOfOld = corpus.makeCopy(of: old.id, edits: .init(wordChangeRate: 0.01))
        #expect(try commitOne(copyOfOld, to: daemon).duplicateOf == nil)
        #expect(daemon.dedupStatistics.loads == 2)
    }

    @Test("reindex rebuilds the keys and reloads the index of the store that ran it")
    func reindexWithLoadedIndex() throws {
        var corpus = SyntheticCorpus(seed: 27)
        let original = corpus.makeArticle(words: 600)
        let store = try ArticleStore(path: path)
        #expect(try commitOne(original, to: store).id == 1)
        let keys = try storedKeys(store, articleID: 1)
        try store.pool.write { db in try db.execute(sql: "UPDATE article_signatures SET keys = x''") }
        try store.reindex()
        #expect(try storedKeys(store, articleID: 1) == keys)
        let copy = corpus.makeCopy(of: original.id, edits: .init(wordChangeRate: 0.01, newHeadline: true))
        #expect(try commitOne(copy, to: store).duplicateOf == 1)
        #expect(store.dedupStatistics.loads == 2)
    }

    @Test("Commits count their lookups, candidates, verifications, indexed articles and time")
    func statistics() throws {
        var corpus = SyntheticCorpus(seed: 28)
        let original = corpus.makeArticle(words: 600)
        let copy = corpus.makeCopy(of: original.id, edits: .init(wordChangeRate: 0.01))
        let other = corpus.makeArticle(words: 600)
        let store = try ArticleStore(path: path)
        let results = try store.commit([
            item(original, engine: store.engine), item(copy, engine: store.engine), item(other, engine: store.engine),
        ])
        #expect(results.map(\.outcome) == [.ingested, .duplicate, .ingested])
        let statistics = store.dedupStatistics
        #expect(statistics.lookups == 3)
        #expect(statistics.indexed == 2)
        #expect(statistics.candidates >= 1)
        #expect(statistics.verified >= 1)
        #expect(statistics.nanoseconds > 0)
        #expect(statistics.cpuNanoseconds > 0)
        #expect(statistics.verificationNanoseconds > 0 && statistics.verificationNanoseconds < statistics.nanoseconds)
        #expect(statistics.loads == 1)
    }
}
