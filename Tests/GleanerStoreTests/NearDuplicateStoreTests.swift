import Foundation
import GleanerCore
import GleanerSynthetic
import Testing

@testable import GleanerStore

@Suite("Near duplicates in the SQLite store")
final class NearDuplicateStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-nd-\(UUID().uuidString)")
        .path
    var path: String { directory + "/gleaner.sqlite" }
    static let published = PublicationDate(year: 2022, month: 1, day: 24, source: .dateline)

    func item(
        _ document: SyntheticCorpus.Document,
        store: ArticleStore,
        published: PublicationDate = NearDuplicateStoreTests.published
    )
        -> IngestItem
    {
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
            articles: [PreparedArticle(article, engine: store.engine)],
            rejectedLines: []
        )
    }

    @Test("An edited copy (new headline, teasers, changed words) is linked as near, a trimmed one as near or contained")
    func nearAndContained() throws {
        let store = try ArticleStore(path: path)
        var corpus = SyntheticCorpus(seed: 5)
        let original = corpus.makeArticle(words: 800)
        let edited = corpus.makeCopy(
            of: original.id,
            edits: .init(wordChangeRate: 0.01, teasers: true, repeatHeadline: true, newHeadline: true)
        )
        let other = corpus.makeArticle(words: 700)
        let results = try store.commit([
            item(original, store: store), item(edited, store: store), item(other, store: store),
        ])
        #expect(results.map(\.outcome) == [.ingested, .duplicate, .ingested])
        let copy = try #require(results[1].articles.first)
        #expect(copy.duplicateOf == results[0].articles.first?.id)
        #expect(copy.kind == .near)
        #expect((copy.similarity ?? 0) >= 0.8 && (copy.similarity ?? 2) < 1)
        #expect(results[2].articles.first?.duplicateOf == nil)
    }

    @Test("Signatures persist: after closing and reopening, a new copy still finds its canonical")
    func persistence() throws {
        var corpus = SyntheticCorpus(seed: 6)
        let original = corpus.makeArticle(words: 600)
        let copy = corpus.makeCopy(of: original.id, edits: .init(teasers: true, newHeadline: true))
        do {
            let store = try ArticleStore(path: path)
            _ = try store.commit([item(original, store: store)])
        }
        let reopened = try ArticleStore(path: path)
        #expect(try reopened.indexedCount() == 1)
        let result = try reopened.commit([item(copy, store: reopened)])[0]
        #expect(result.articles.first?.duplicateOf == 1)
        #expect(result.articles.first?.kind == .near)
    }

    @Test("Different parameters refuse to open, name the change and point at gleaner reindex; reindex rebuilds")
    func parameterMismatchAndReindex() throws {
        var corpus = SyntheticCorpus(seed: 7)
        let first = corpus.makeArticle(words: 500)
        let second = corpus.makeArticle(words: 500)
        do {
            let store = try ArticleStore(path: path)
            _ = try store.commit([item(first, store: store), item(second, store: store)])
        }
        let changed = DedupParameters(shingleSize: 4)
        do {
            _ = try ArticleStore(path: path, dedup: changed)
            Issue.record("expected a refusal")
        } catch let error as StoreError {
            let message = "\(error)"
            #expect(message.contains("shingle_size=5"))
            #expect(message.contains("shingle_size=4"))
            #expect(message.contains("gleaner reindex"))
        }
        let reindexing = try ArticleStore(path: path, dedup: changed, parameterCheck: .allowMismatch)
        var reports: [(Int, Int)] = []
        try reindexing.reindex { reports.append(($0, $1)) }
        #expect(reports.last.map { $0 == (2, 2) } == true)
        #expect(try ArticleStore(path: path, dedup: changed).indexedCount() == 2)
    }

    @Test("A database from before the index existed is indexed on first open")
    func backfill() throws {
        var corpus = SyntheticCorpus(seed: 8)
        let original = corpus.makeArticle(words: 500)
        let store = try ArticleStore(path: path)
        _ = try store.commit([item(original, store: store)])
        // Simulate an older database: no index, no stored parameters.
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM article_signatures; DELETE FROM dedup_parameters")
        }
        #expect(try ArticleStore(path: path).indexedCount() == 1)
    }

    @Test("forget removes old articles from the index only: their copies are then new articles")
    func forget() throws {
        let store = try ArticleStore(path: path)
        var corpus = SyntheticCorpus(seed: 9)
        let old = corpus.makeArticle(words: 500)
        let recent = corpus.makeArticle(words: 500)
        _ = try store.commit([
            item(old, store: store, published: PublicationDate(year: 2020, month: 5, day: 1, source: .header)),
            item(recent, store: store),
        ])
        #expect(try store.forget(publishedBefore: "2021-01-01") == 1)
        #expect(try store.indexedCount() == 1)
        #expect(try store.counts().articles == 2)
        let copyOfOld = corpus.makeCopy(of: old.id, edits: .init(wordChangeRate: 0.01))
        let copyOfRecent = corpus.makeCopy(of: recent.id, edits: .init(wordChangeRate: 0.01))
        let results = try store.commit([item(copyOfOld, store: store), item(copyOfRecent, store: store)])
        #expect(results[0].articles.first?.duplicateOf == nil)
        #expect(results[1].articles.first?.duplicateOf == 2)
    }

    @Test("similar reports exact similarities without storing anything; duplicates lists clusters")
    func similarAndClusters() throws {
        let store = try ArticleStore(path: path)
        var corpus = SyntheticCorpus(seed: 10)
        let original = corpus.makeArticle(words: 600)
        let copy = corpus.makeCopy(of: original.id, edits: .init(wordChangeRate: 0.01))
        _ = try store.commit([item(original, store: store), item(copy, store: store)])
        let probe = corpus.makeCopy(of: original.id, edits: .init(trimLastParagraph: true))
        let similar = try store.similarArticles(
            to: Article(title: nil, text: probe.text, published: Self.published),
            limit: 5
        )
        let best = try #require(similar.first)
        #expect(best.id == 1)
        #expect(best.wouldBe != nil)
        #expect(best.containment >= 0.99)
        #expect(try store.counts().files == 2)
        let clusters = try store.duplicateClusters(limit: 10)
        #expect(clusters.count == 1)
        #expect(clusters[0].canonical.id == 1)
        #expect(clusters[0].copies.map(\.id) == [2])
        #expect(clusters[0].copies[0].kind == "near")
    }
}
