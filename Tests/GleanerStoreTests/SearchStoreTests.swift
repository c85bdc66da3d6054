import Foundation
import GRDB
import GleanerCore
import GleanerSynthetic
import Testing

@testable import GleanerStore

@Suite("Full-text search in the store")
final class SearchStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    let directory =
        FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-search-\(UUID().uuidString)").path
    var path: String { directory + "/gleaner.sqlite" }

    static func day(_ day: Int, month: Int = 3) -> PublicationDate {
        PublicationDate(year: 2022, month: month, day: day, source: .header)
    }

    /// Commits one file per article; returns their ids in order.
    @discardableResult
    func commit(_ articles: [Article], to store: ArticleStore, firstInode: UInt64 = 1) throws -> [Int64] {
        let items = articles.enumerated().map { offset, article in
            IngestItem.file(article, inode: firstInode + UInt64(offset), store: store)
        }
        return try store.commit(items).map { $0.articles[0].id }
    }

    @Test("A match in the title outranks the same word in the body")
    func titleOutranksBody() throws {
        let store = try ArticleStore(path: path)
        let ids = try commit(
            [
                Article(
                    title: "Harvest festival opens",
                    text: "The farmers gathered in the square. A pipeline was mentioned once by a speaker.",
                    published: Self.day(1)
                ),
                Article(
                    title: "Pipeline talks resume",
                    text: "Ministers met on Monday to discuss the route through the valley.",
                    published: Self.day(2)
                ),
            ],
            to: store
        )
        let hits = try store.search("pipeline")
        #expect(hits.map(\.id) == [ids[1], ids[0]])
        #expect(hits[0].score > hits[1].score)
    }

    @Test("Snippets mark the matched words; stemming finds other forms; prefixes and phrases work")
    func snippetsPrefixesPhrases() throws {
        let store = try ArticleStore(path: path)
        let ids = try commit(
            [
                Article(
                    title: "Minister visits Moscow",
                    text: "The prime minister visited Moscow on Wednesday for talks on energy supplies.",
                    published: Self.day(1)
                ),
                Article(
                    title: "Energy prices",
                    text: "Negotiations on gas prices stalled; the minister of energy left early.",
                    published: Self.day(2)
                ),
            ],
            to: store
        )
        let visit = try store.search("visit", marks: .init(open: "<b>", close: "</b>"))
        #expect(visit.map(\.id) == [ids[0]])
        #expect(visit[0].snippet.contains("<b>visited</b>") || visit[0].snippet.contains("<b>visits</b>"))
        // A prefix matches the stems in the index: "negotiations" is stored as "negoti".
        #expect(try store.search("negot*").map(\.id) == [ids[1]])
        #expect(try store.search("negotiation*").map(\.id) == [ids[1]])
        #expect(try store.search("\"prime minister\"").map(\.id) == [ids[0]])
        #expect(try store.search("\"minister prime\"").isEmpty)
        #expect(Set(try store.search("moscow OR gas").map(\.id)) == Set(ids))
        #expect(try store.search("energy NOT moscow").map(\.id) == [ids[1]])
        let bracketed = try store.search("stalled")
        #expect(bracketed.first?.snippet.contains("[stalled]") == true)
    }

    @Test("A query that is not FTS5 syntax is a SearchError naming the query, not a raw SQLite error")
    func syntaxError() throws {
        let store = try ArticleStore(path: path)
        try commit([Article(title: "T", text: "Some text.", published: Self.day(1))], to: store)
        for query in ["\"unclosed phrase", "AND", "(moscow", "al-Qaeda", "nosuchcolumn:word"] {
            let error = #expect(throws: SearchError.self, "\(query)") { _ = try store.search(query) }
            guard case .invalidQuery(let named, _) = error else { continue }
            #expect(named == query)
            #expect("\(error!)".contains("double quotes"))
        }
    }

    @Test("--since keeps articles published on or after the day; the limit caps the hits")
    func sinceAndLimit() throws {
        let store = try ArticleStore(path: path)
        let ids = try commit(
            (1...5).map { Article(title: "Flood \($0)", text: distinct($0) + " flood", published: Self.day($0)) },
            to: store
        )
        #expect(Set(try store.search("flood", since: "2022-03-04").map(\.id)) == Set(ids[3...]))
        #expect(try store.search("flood", limit: 2).count == 2)
    }

    @Test("Copies are found with their duplicate count, all in their canonical article's story")
    func duplicatesCounted() throws {
        let store = try ArticleStore(path: path)
        let text = "The central bank raised interest rates by half a point to curb inflation on Thursday."
        let ids = try commit(
            [
                Article(title: "Rates rise", text: text, published: Self.day(1)),
                Article(title: "Rates rise", text: text + " ", published: Self.day(2)),
                Article(title: "Rates rise", text: text.uppercased(), published: Self.day(3)),
            ],
            to: store
        )
        let hits = try store.search("inflation")
        #expect(hits.count == 3)
        let canonical = try #require(hits.first { $0.id == ids[0] })
        #expect(canonical.duplicates == 2)
        #expect(canonical.duplicateOf == nil)
        #expect(hits.first { $0.id == ids[1] }?.duplicates == 2)
        #expect(hits.first { $0.id == ids[1] }?.duplicateOf == ids[0])
        #expect(hits.first?.story != nil)
        #expect(Set(hits.map(\.story)).count == 1)
    }

    @Test("The index follows every insert, update and delete of an article, in the same transaction")
    func keptInStep() throws {
        let store = try ArticleStore(path: path)
        let ids = try commit(
            [
                Article(title: "Glacier retreat", text: distinct(1) + " glacier", published: Self.day(1)),
                Article(title: "Census results", text: distinct(2) + " census", published: Self.day(2)),
            ],
            to: store
        )
        #expect(try store.search("glacier").map(\.id) == [ids[0]])
        // A batch that fails leaves no search rows behind.
        #expect(throws: (any Error).self) {
            _ = try store.commit(
                [
                    .articles(
                        FileIdentity(
                            name: "x.txt",
                            device: 1,
                            inode: 99,
                            size: 1,
                            modificationTimeNanoseconds: 0,
                            changeTimeNanoseconds: 0
                        ),
                        sha256: "x",
                        articles: [
                            PreparedArticle(
                                Article(title: "Reactor", text: distinct(3) + " reactor", published: Self.day(3)),
                                engine: store.engine
                            )
                        ],
                        rejectedLines: []
                    )
                ],
                beforeCommit: { throw CancellationError() }
            )
        }
        #expect(try store.search("reactor").isEmpty)
        // Forgetting only takes articles out of the near-duplicate index: they stay searchable.
        try store.forget(publishedBefore: "2023-01-01")
        #expect(try store.search("glacier").map(\.id) == [ids[0]])
        try store.pool.write { db in
            try db.execute(sql: "UPDATE articles SET title = 'Museum reopens' WHERE id = ?", arguments: [ids[1]])
            try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [ids[0]])
        }
        #expect(try store.search("glacier").isEmpty)
        #expect(try store.search("title:census").isEmpty)
        #expect(try store.search("title:museum").map(\.id) == [ids[1]])
        #expect(try store.searchIndexIsConsistent())
    }

    @Test("A batch indexes each article it stores once, copies too, and nothing for a file it had already stored")
    func batchIndexedOnce() throws {
        let store = try ArticleStore(path: path)
        let glacier = IngestItem.file(
            Article(title: "Glacier retreat", text: distinct(1) + " glacier", published: Self.day(1)),
            inode: 1,
            store: store
        )
        let copy = IngestItem.file(
            Article(title: "Glacier retreat", text: distinct(1) + " glacier", published: Self.day(2)),
            inode: 2,
            store: store
        )
        let census = IngestItem.file(
            Article(title: "Census results", text: distinct(2) + " census", published: Self.day(2)),
            inode: 3,
            store: store
        )
        let first = try store.commit([glacier, copy, glacier, census])
        #expect(first.map(\.replayed) == [false, false, true, false])
        #expect(first[1].articles[0].duplicateOf == first[0].articles[0].id)
        let again = try store.commit([census])
        #expect(again[0].replayed)
        #expect(Set(try store.search("glacier").map(\.id)) == [first[0].articles[0].id, first[1].articles[0].id])
        #expect(try store.search("census").map(\.id) == [first[3].articles[0].id])
        #expect(try store.searchIndexIsConsistent())
        let indexed = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search_docsize")
        }
        #expect(indexed == 3)
    }

    @Test("v8 indexes the articles of a database written before it; rebuilding gives the same hits")
    func migrationAndRebuild() throws {
        let store = try ArticleStore(path: path)
        let ids = try commit(
            [
                Article(title: "Railway strike", text: distinct(1) + " railway", published: Self.day(1)),
                Article(title: "Budget vote", text: distinct(2) + " budget", published: Self.day(2)),
            ],
            to: store
        )
        // Back to v7: no search table, as an older Gleaner left it.
        try store.pool.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS article_search_after_insert; DROP TRIGGER article_search_after_delete;
                    DROP TRIGGER article_search_after_update; DROP TABLE article_search;
                    DELETE FROM grdb_migrations
                    WHERE identifier IN ('v8: full-text search', 'v10: the ingest transaction indexes its articles for search');
                    """
            )
        }
        let reopened = try ArticleStore(path: path)
        #expect(try reopened.search("railway").map(\.id) == [ids[0]])
        #expect(try reopened.searchIndexIsConsistent())
        #expect(try reopened.rebuildSearchIndex() == 2)
        #expect(try reopened.search("budget").map(\.id) == [ids[1]])
    }

    @Test("A reader of a database not yet upgraded to v8 is told to upgrade it")
    func olderSchema() throws {
        let store = try ArticleStore(path: path)
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8: full-text search'")
        }
        let reader = try ArticleStore(readingExisting: path)
        #expect(throws: StoreError.self) { _ = try reader.search("anything") }
    }

    /// Text no other index shares, so that articles are not near-duplicates of each other.
    func distinct(_ index: Int) -> String {
        var corpus = SyntheticCorpus(seed: UInt64(index))
        return corpus.makeArticle(words: 40).text
    }
}
