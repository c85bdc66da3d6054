import Foundation
import GleanerCore
import Testing

@testable import GleanerStore

@Suite("The SQLite store")
final class ArticleStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    let directory: String
    let store: ArticleStore

    init() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-store-\(UUID().uuidString)").path
        store = try ArticleStore(path: directory + "/db/gleaner.sqlite")
    }

    static let published = PublicationDate(year: 2022, month: 1, day: 24, source: .dateline)

    func identity(_ name: String, inode: UInt64, ctime: Int64 = 1) -> FileIdentity {
        FileIdentity(
            name: name,
            device: 1,
            inode: inode,
            size: 10,
            modificationTimeNanoseconds: 0,
            changeTimeNanoseconds: ctime
        )
    }

    func item(_ name: String, inode: UInt64, text: String, title: String? = nil, ctime: Int64 = 1) -> IngestItem {
        .articles(
            identity(name, inode: inode, ctime: ctime),
            sha256: ContentHash.sha256Hex(Array(text.utf8)),
            articles: [
                PreparedArticle(Article(title: title, text: text, published: Self.published), engine: store.engine)
            ],
            rejectedLines: []
        )
    }

    @Test("A new article is stored as canonical; a copy differing only in typography links to it as exact")
    func exactDuplicate() throws {
        let results = try store.commit([
            item("a.txt", inode: 1, text: "Pakistan and Russia signed an agreement.", title: "Deal"),
            item("b.txt", inode: 2, text: "PAKISTAN and Russia  signed an agreement"),
        ])
        #expect(results.map(\.outcome) == [.ingested, .duplicate])
        let canonical = try #require(results[0].articles.first)
        #expect(canonical.duplicateOf == nil)
        #expect(results[1].articles.first?.duplicateOf == canonical.id)
        let counts = try store.counts()
        #expect(counts.articles == 1)
        #expect(counts.duplicates == 1)
        #expect(counts.files == 2)
    }

    @Test("Committing the same delivery twice (a crash between commit and move) is a no-op")
    func replay() throws {
        let first = try store.commit([item("a.txt", inode: 7, text: "Some article text.")])[0]
        let again = try store.commit([item("a.txt", inode: 7, text: "Some article text.")])[0]
        #expect(!first.replayed)
        #expect(again.replayed)
        #expect(again.fileID == first.fileID)
        #expect(again.articles == first.articles)
        #expect(try store.counts().files == 1)
        #expect(try store.fileCount(sha256: ContentHash.sha256Hex(Array("Some article text.".utf8))) == 1)
    }

    @Test("The same bytes delivered again under a new inode or change time are a duplicate, not a replay")
    func redelivery() throws {
        _ = try store.commit([item("a.txt", inode: 7, text: "Some article text.")])
        let sameNameLater = try store.commit([item("a.txt", inode: 7, text: "Some article text.", ctime: 2)])[0]
        let otherInode = try store.commit([item("a.txt", inode: 8, text: "Some article text.")])[0]
        #expect(!sameNameLater.replayed && sameNameLater.outcome == .duplicate)
        #expect(!otherInode.replayed && otherInode.outcome == .duplicate)
        #expect(try store.counts().duplicates == 2)
    }

    @Test("Quarantined files are recorded with reason and detail, with or without a hash")
    func rejected() throws {
        let results = try store.commit([
            .rejected(identity("x.bin", inode: 3), sha256: "abc", Rejection(.unsupportedType, "Gleaner reads .txt")),
            .rejected(identity("link.txt", inode: 4), sha256: nil, Rejection(.symlink, "never followed")),
        ])
        #expect(results.allSatisfy { $0.outcome == .failed })
        let failures = try store.recentFailures(limit: 10)
        #expect(failures.map(\.file) == ["link.txt", "x.bin"])
        #expect(failures.map(\.reason) == ["symlink", "unsupported-type"])
        #expect(failures[0].sha256 == nil)
        // A replay of a hash-less rejection is recognised too.
        #expect(
            try store.commit([.rejected(identity("link.txt", inode: 4), sha256: nil, Rejection(.symlink, ""))])[0]
                .replayed
        )
    }

    @Test("A JSON Lines file stores each article and each rejected line; a repeated line is a duplicate")
    func jsonLines() throws {
        let one = Article(title: "One", text: "First article.", published: Self.published, line: 1)
        let again = Article(title: "One again", text: "First article.", published: Self.published, line: 3)
        let result = try store.commit([
            .articles(
                identity("feed.jsonl", inode: 9),
                sha256: "feed",
                articles: [PreparedArticle(one, engine: store.engine), PreparedArticle(again, engine: store.engine)],
                rejectedLines: [RejectedLine(line: 2, rejection: Rejection(.malformedJSON, "not valid JSON"))]
            )
        ])[0]
        #expect(result.outcome == .ingested)
        #expect(result.articles[1].duplicateOf == result.articles[0].id)
        #expect(result.rejectedLines == 1)
        #expect(try store.counts().rejectedLines == 1)
    }

    @Test("An article's warnings are stored as a JSON array (NULL without any) and listed with it")
    func warnings() throws {
        let warned = Article(
            title: "Warned",
            text: "An article whose date was odd.",
            published: Self.published,
            line: 4,
            warnings: [#"date_publish: "soon" is not a date; used date_download (2022-01-24)"#, "title: 3 is a number"]
        )
        let plain = Article(title: "Plain", text: "An article with nothing to say.", published: Self.published, line: 5)
        let item = IngestItem.articles(
            identity("feed.jsonl", inode: 3),
            sha256: "feed",
            articles: [PreparedArticle(warned, engine: store.engine), PreparedArticle(plain, engine: store.engine)],
            rejectedLines: []
        )
        #expect(
            item.warnings == [
                #"line 4: date_publish: "soon" is not a date; used date_download (2022-01-24)"#,
                "line 4: title: 3 is a number",
            ]
        )
        _ = try store.commit([item])
        let listed = try store.recentArticles(limit: 5)
        #expect(listed.map(\.title) == ["Plain", "Warned"])
        #expect(listed.map(\.warnings) == [[], warned.warnings])
        let column = try store.pool.read { db in
            try String?.fetchAll(db, sql: "SELECT warnings FROM articles ORDER BY id")
        }
        #expect(
            column == [
                #"["date_publish: \"soon\" is not a date; used date_download (2022-01-24)","title: 3 is a number"]"#,
                nil,
            ]
        )
    }

    @Test("Articles and daemon state survive closing and reopening the database")
    func persistence() throws {
        _ = try store.commit([item("a.txt", inode: 1, text: "Persistent text.", title: "Kept")], state: ["pid": "42"])
        let reopened = try ArticleStore(readingExisting: store.path)
        #expect(try reopened.recentArticles(limit: 5).map(\.title) == ["Kept"])
        #expect(try reopened.daemonState()["pid"]?.value == "42")
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test("Every commit is fsynced: the writer runs with synchronous=FULL in WAL mode")
    func durability() throws {
        _ = try store.commit([item("a.txt", inode: 1, text: "Durable text.")])
        #expect(try store.synchronousLevel() == 2)
        #expect(try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        // A STATUS copy written without an fsync leaves the writer fsyncing every later commit.
        try store.record(state: ["status": "watching: 1 ingested"], durable: false)
        #expect(try store.synchronousLevel() == 2)
        #expect(try store.daemonState()["status"]?.value == "watching: 1 ingested")
    }

    @Test("Committed articles reach the database file itself on the checkpointing connection, not the writer's")
    func checkpointOffTheWriter() throws {
        #expect(
            try store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 10_000
        )
        _ = try store.commit((1...20).map { item("\($0).txt", inode: UInt64($0), text: "Checkpointed text \($0).") })
        let checkpointer = try #require(store.checkpointer)
        checkpointer.waitUntilIdle()
        // The database file alone, without its log, holds the articles: the log was copied into it.
        let copy = directory + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: store.path, toPath: copy)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        let alone = try ArticleStore(readingExisting: copy)
        #expect(try alone.counts().files == 20)
        #expect(try alone.integrityCheck() == ["ok"])
        // A store opened for reading has none.
        #expect(try ArticleStore(readingExisting: store.path).checkpointer == nil)
    }

    @Test("Opening a missing database for reading says how to create it")
    func missing() {
        #expect(throws: StoreError.self) { try ArticleStore(readingExisting: directory + "/nope.sqlite") }
        let message = "\(StoreError.missing(path: "/x.sqlite"))"
        #expect(message.contains("gleaner run"))
    }
}
