import Foundation
import GleanerCore
import GleanerEvents
import Testing

@testable import GleanerStore

@Suite("Events in the store: merged across articles")
struct EventStoreTests {
    let path =
        FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-ev-\(UUID().uuidString)").path
        + "/gleaner.sqlite"
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    func sample(_ prefix: String) throws -> Article {
        let name = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).first {
            $0.hasPrefix(prefix)
        }!
        let bytes = Array(try Data(contentsOf: Self.samples.appendingPathComponent(name)))
        var article = try ArticleParser().parse(bytes, fileName: name, modificationTime: 0).articles[0]
        if article.published.source != .dateline {
            article.published = PublicationDate(year: 2022, month: 2, day: 14, source: .commandLine)
        }
        return article
    }

    func item(_ article: Article, inode: UInt64, store: ArticleStore) -> IngestItem {
        .articles(
            FileIdentity(
                name: "a\(inode).txt",
                device: 1,
                inode: inode,
                size: 1,
                modificationTimeNanoseconds: 0,
                changeTimeNanoseconds: 0
            ),
            sha256: "sha\(inode)",
            articles: [PreparedArticle(article, engine: store.engine, extractor: Self.extractor)],
            rejectedLines: []
        )
    }

    @Test("Khan's announced Moscow trip, reported by three samples, is one event with three articles")
    func mergedAcrossArticles() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit([
            item(try sample("002"), inode: 2, store: store), item(try sample("003"), inode: 3, store: store),
            item(try sample("004"), inode: 4, store: store),
        ])
        let visits = try store.events(actor: "Imran Khan", cameo: "04").filter { $0.target?.country == "RUS" }
        let visit = try #require(visits.max { $0.numArticles < $1.numArticles })
        #expect(visit.numArticles == 3)
        #expect(visit.numMentions >= 3)
        #expect(visit.date?.start.hasPrefix("2022-02") == true)
        let (_, mentions) = try #require(try store.event(id: visit.id))
        #expect(Set(mentions.map(\.articleId)).count == 3)
    }

    @Test("A duplicate article adds mentions to known events and creates none")
    func duplicateAddsMentions() throws {
        let store = try ArticleStore(path: path)
        let original = try sample("003")
        _ = try store.commit([item(original, inode: 3, store: store)])
        let before = try store.events(limit: 1_000)
        var copy = original
        copy.title = "A different headline"
        copy.text = "READ: unrelated teaser\n" + original.text
        let result = try store.commit([item(copy, inode: 30, store: store)])[0]
        #expect(result.articles.first?.duplicateOf != nil)
        let after = try store.events(limit: 1_000)
        #expect(after.count == before.count)
        #expect(after.map(\.numMentions).reduce(0, +) > before.map(\.numMentions).reduce(0, +))
    }
}
