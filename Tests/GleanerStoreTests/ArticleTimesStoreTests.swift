import Foundation
import GRDB
import GleanerCore
import GleanerEvents
import Testing

@testable import GleanerStore

@Suite("Article times in the store: kept in text order, deleted with their article, migrated")
final class ArticleTimesStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

    let path =
        FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-times-\(UUID().uuidString)").path
        + "/gleaner.sqlite"

    static let text = """
        ISLAMABAD: The ministers met on Monday and agreed to meet again on March 29. Talks began two days ago \
        and the treaty is to be renewed every year.
        """

    func item(
        _ name: String,
        inode: UInt64,
        text: String = ArticleTimesStoreTests.text,
        published: PublicationDate,
        store: ArticleStore
    ) -> (IngestItem, PreparedArticle) {
        let prepared = PreparedArticle(Article(title: name, text: text, published: published), engine: store.engine)
        let identity = FileIdentity(
            name: name,
            device: 1,
            inode: inode,
            size: 1,
            modificationTimeNanoseconds: 0,
            changeTimeNanoseconds: 0
        )
        return (.articles(identity, sha256: name, articles: [prepared], rejectedLines: []), prepared)
    }

    @Test("An article's times are stored in text order with their values and anchors, and read back with it")
    func storedInOrder() throws {
        let store = try ArticleStore(path: path)
        let published = PublicationDate(year: 2013, month: 3, day: 22, source: .dateline)
        let (item, prepared) = item("a.txt", inode: 1, published: published, store: store)
        let id = try #require(try store.commit([item])[0].articles.first?.id)

        let article = try #require(try store.article(id: id))
        #expect(prepared.times.count >= 4)
        #expect(article.times == prepared.times)
        #expect(article.times.map(\.offset) == article.times.map(\.offset).sorted())
        #expect(article.times.contains { $0.text == "March 29" && $0.value == "2013-03-29" && $0.type == .date })
        #expect(article.times.contains { $0.type == .set })
        #expect(article.times.allSatisfy { $0.anchor == .published })
        let first = try #require(article.times.first)
        let bytes = Array(Self.text.utf8)[first.offset..<(first.offset + first.length)]
        #expect(String(decoding: bytes, as: UTF8.self) == first.text)
        #expect(article.published == "2013-03-22")
        #expect(article.publishedSource == "dateline")
    }

    @Test("A copy keeps its own times, resolved against its own publication date")
    func copiesKeepTheirTimes() throws {
        let store = try ArticleStore(path: path)
        let stated = PublicationDate(year: 2013, month: 3, day: 22, source: .dateline)
        let guessed = PublicationDate(year: 2013, month: 3, day: 25, source: .fileModificationTime)
        let results = try store.commit([
            item("a.txt", inode: 1, published: stated, store: store).0,
            item("b.txt", inode: 2, published: guessed, store: store).0,
        ])
        let copy = try #require(results[1].articles.first)
        #expect(copy.duplicateOf == results[0].articles.first?.id)
        let times = try #require(try store.article(id: copy.id)).times
        #expect(!times.isEmpty)
        #expect(times.allSatisfy { $0.anchor == .mtime })
        // "two days ago" from the 25th, not from the 22nd.
        #expect(times.contains { $0.text == "two days ago" && $0.value == "2013-03-23" })
    }

    @Test("Deleting an article (with its file) deletes its times")
    func deletedWithTheArticle() throws {
        let store = try ArticleStore(path: path)
        let published = PublicationDate(year: 2013, month: 3, day: 22, source: .dateline)
        let (item, _) = item("a.txt", inode: 1, published: published, store: store)
        let committed = try store.commit([item])[0]
        let id = try #require(committed.articles.first?.id)
        func count() throws -> Int {
            try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM article_times WHERE article_id = ?", arguments: [id])
            } ?? -1
        }
        #expect(try count() > 0)
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [committed.fileID])
        }
        #expect(try count() == 0)
        #expect(try store.article(id: id) == nil)
    }

    @Test("An unknown article id is nil, not an error")
    func unknownArticle() throws {
        let store = try ArticleStore(path: path)
        #expect(try store.article(id: 42) == nil)
    }

    @Test("Upgrading a v5 database keeps its events, anchors dated ones on `published`, and adds article_times")
    func migrationFromV5() throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let queue = try DatabasePool(path: path)
        try ArticleStore.migrator.migrate(queue, upTo: "v5: article warnings")
        try queue.write { db in
            #expect(try !db.tableExists("article_times"))
            try db.execute(
                sql: """
                    INSERT INTO events(id, cameo, root, quad_class, actor_name, date_start, date_end, date_precision,
                        date_text, modality, merge_key, num_articles, num_mentions, confidence)
                    VALUES (1, '042', '04', 1, 'Imran Khan', '2022-02-23', '2022-02-24', 'day', 'February 23-24',
                        'planned', 'imran khan|04|RUS', 1, 1, 0.9),
                           (2, '036', '03', 1, 'Russia', NULL, NULL, NULL, NULL, 'occurred', 'russia|03|-', 1, 1, 0.5)
                    """
            )
        }
        try queue.close()

        let store = try ArticleStore(path: path)
        let events = try store.events(limit: 10)
        #expect(events.count == 2)
        let dated = try #require(events.first { $0.id == 1 })
        #expect(dated.date?.anchor == "published")
        #expect(dated.date?.text == "February 23-24")
        #expect(events.first { $0.id == 2 }?.date == nil)
        let (undatedAnchor, hasTimes) = try store.pool.read { db in
            (
                try String.fetchOne(db, sql: "SELECT date_anchor FROM events WHERE id = 2"),
                try db.tableExists("article_times")
            )
        }
        #expect(undatedAnchor == nil)
        #expect(hasTimes)
        #expect(try store.events(datedOnly: true, limit: 10).map(\.id) == [1])
    }

    @Test("A reader of a database not upgraded yet is told to let the daemon upgrade it")
    func readerOfOlderDatabase() throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let queue = try DatabasePool(path: path)
        try ArticleStore.migrator.migrate(queue, upTo: "v5: article warnings")
        try queue.close()
        let reader = try ArticleStore(readingExisting: path)
        #expect {
            try reader.article(id: 1)
        } throws: { error in
            "\(error)".contains("has not been upgraded") && "\(error)".contains("restart the daemon")
        }
        #expect(throws: StoreError.self) { try reader.events(datedOnly: true) }
        #expect(try reader.events().isEmpty)
    }
}
