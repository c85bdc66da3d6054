import Foundation
import GleanerCore
import GleanerEvents
import Testing

@testable import GleanerStore

@Suite("Events in the store: merged across articles")
final class EventStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

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
        .file(article, inode: inode, store: store, extractor: Self.extractor)
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

    @Test("An event with an unknown party stays with its article; one naming both parties merges across articles")
    func unknownPartyStaysPerArticle() throws {
        let store = try ArticleStore(path: path)
        let published = PublicationDate(year: 2022, month: 2, day: 14, source: .commandLine)
        // Two unrelated articles whose events have no actor the extractor knows, and two naming both parties.
        let texts = [
            "Protesters attacked the United States embassy in a distant capital, witnesses said.",
            "Unknown gunmen attacked the United States consulate after a football match, police said.",
            "Pakistan and Russia signed an agreement on a gas pipeline in Moscow.",
            "Pakistan and Russia signed an agreement on a gas pipeline, officials in Islamabad confirmed.",
        ]
        _ = try store.commit(
            texts.enumerated().map { index, text in
                item(
                    Article(title: "Story \(index)", text: text, published: published),
                    inode: 100 + UInt64(index),
                    store: store
                )
            }
        )
        let events = try store.events(limit: 1_000)
        let attacks = events.filter { $0.root == "19" && $0.actor == nil }
        #expect(attacks.count == 2, "\(attacks)")
        #expect(attacks.allSatisfy { $0.numArticles == 1 })
        let agreements = events.filter { $0.actor?.country == "PAK" && $0.target?.country == "RUS" }
        #expect(agreements.count == 1)
        #expect(agreements.first?.numArticles == 2)
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

    @Test("An event's date keeps its anchor; --dated-only leaves out dates resolved against a guessed date")
    func anchorsStored() throws {
        let store = try ArticleStore(path: path)
        var guessed = try sample("003")
        guessed.published = PublicationDate(year: 2022, month: 2, day: 14, source: .fileModificationTime)
        _ = try store.commit([item(guessed, inode: 3, store: store)])
        let events = try store.events(limit: 1_000)
        #expect(events.contains { $0.date != nil })
        #expect(events.compactMap(\.date).allSatisfy { $0.anchor == "mtime" })
        #expect(try store.events(datedOnly: true, limit: 1_000).isEmpty)

        _ = try store.commit([item(try sample("004"), inode: 4, store: store)])
        let stated = try store.events(datedOnly: true, limit: 1_000)
        #expect(!stated.isEmpty)
        #expect(stated.allSatisfy { $0.date?.anchor == "published" })
        // Combined with the other filters.
        // Combined with the other filters. Khan's visit stays dated from the guessed day: 004 reports it only to
        // the month, and a coarser date never displaces a more precise one.
        let visits = try store.events(cameo: "04", datedOnly: true, limit: 1_000)
        let allVisits = try store.events(cameo: "04", limit: 1_000)
        #expect(!visits.isEmpty)
        #expect(Set(visits.map(\.id)) == Set(allVisits.filter { $0.date?.anchor == "published" }.map(\.id)))
        #expect(allVisits.contains { $0.actor?.name == "Imran Khan" && $0.date?.anchor == "mtime" })
        #expect(Set(visits.map(\.id)).isSubset(of: Set(stated.map(\.id))))
    }

    @Test("A merged event takes a better date with its anchor: any over none, day over month, stated over guessed")
    func mergedAnchor() throws {
        let store = try ArticleStore(path: path)
        let extracted = PreparedArticle(try sample("003"), engine: store.engine, extractor: Self.extractor).events
        let visit = try #require(extracted.first { $0.root == "04" && $0.date?.precision == "day" })
        func reported(_ date: EventDate?, inode: UInt64) -> IngestItem {
            var event = visit
            event.date = date
            let text = "Report \(inode): " + String(repeating: "word\(inode) ", count: 40)
            let article = Article(
                title: nil,
                text: text,
                published: PublicationDate(year: 2022, month: 2, day: 14, source: .dateline)
            )
            return .articles(
                FileIdentity(
                    name: "r\(inode).txt",
                    device: 1,
                    inode: inode,
                    size: 1,
                    modificationTimeNanoseconds: 0,
                    changeTimeNanoseconds: 0
                ),
                sha256: "r\(inode)",
                articles: [
                    PreparedArticle(
                        article: article,
                        textHash: "hash\(inode)",
                        fingerprint: store.engine.fingerprint(title: nil, text: text),
                        events: [event]
                    )
                ],
                rejectedLines: []
            )
        }
        func stored() throws -> StoredEvent {
            let events = try store.events(limit: 10)
            #expect(events.count == 1)
            return try #require(events.first)
        }
        let month = EventDate(
            start: "2022-02",
            end: "2022-02",
            precision: "month",
            text: "in February",
            anchor: "mtime"
        )
        let inferredDay = EventDate(
            start: "2022-02-23",
            end: "2022-02-24",
            precision: "day",
            text: "February 23-24",
            anchor: "inferred"
        )
        let statedDay = EventDate(
            start: "2022-02-23",
            end: "2022-02-23",
            precision: "day",
            text: "on Wednesday",
            anchor: "published"
        )

        _ = try store.commit([reported(nil, inode: 1)])
        #expect(try stored().date == nil)
        _ = try store.commit([reported(month, inode: 2)])
        #expect(try stored().date == month)
        _ = try store.commit([reported(inferredDay, inode: 3)])
        #expect(try stored().date == inferredDay)
        _ = try store.commit([reported(statedDay, inode: 4)])
        #expect(try stored().date == statedDay)
        // Neither a coarser date nor one on a weaker anchor displaces it.
        _ = try store.commit([
            reported(EventDate(start: "2022", end: "2022", precision: "year", text: "this year"), inode: 5),
            reported(inferredDay, inode: 6),
        ])
        let event = try stored()
        #expect(event.date == statedDay)
        #expect(event.numArticles == 6)
    }
}
