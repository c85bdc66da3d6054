import Foundation
import GRDB
import GleanerCore
import GleanerEvents
import Testing

@testable import GleanerStore

/// Stories formed in the ingest transaction, on a real SQLite file.
@Suite("Stories in the store: articles grouped as they arrive")
final class StoryStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

    let path =
        FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-st-\(UUID().uuidString)").path
        + "/gleaner.sqlite"
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    /// The five samples as their files are: undated ones by a modification time of today.
    func samples() throws -> [Article] {
        try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).sorted().map { name in
            let bytes = Array(try Data(contentsOf: Self.samples.appendingPathComponent(name)))
            return try ArticleParser().parse(bytes, fileName: name, modificationTime: 1_795_000_000).articles[0]
        }
    }

    func item(_ article: Article, inode: UInt64, store: ArticleStore) -> IngestItem {
        .file(article, inode: inode, store: store, extractor: Self.extractor)
    }

    func article(_ title: String, _ text: String, day: Int) -> Article {
        Article(title: title, text: text, published: PublicationDate(year: 2022, month: 3, day: day, source: .json))
    }

    @Test("The five samples, about Imran Khan's visit to Moscow, are one story, and stay one after a reopen")
    func samplesAreOneStory() throws {
        var store = try ArticleStore(path: path)
        let articles = try samples()
        #expect(articles.count == 5)
        _ = try store.commit(articles.enumerated().map { item($1, inode: UInt64($0 + 1), store: store) })
        let stories = try store.stories()
        #expect(stories.count == 1)
        #expect(stories.first?.articleCount == 5)
        #expect(stories.first?.entities.contains("imran khan") == true)
        store = try ArticleStore(path: path)
        let first = try #require(stories.first)
        let detail = try #require(try store.story(id: first.story))
        #expect(detail.articles.count == 5)
        #expect(!detail.events.isEmpty)
        #expect(detail.summary.label != nil)
    }

    @Test("Unrelated news makes its own story; a copy joins its canonical article's story")
    func separateStoriesAndCopies() throws {
        let store = try ArticleStore(path: path)
        let flood = article(
            "Floods cut off villages in Marwick valley",
            "Heavy rain flooded the Marwick valley on Monday, cutting off twelve villages and forcing hundreds of "
                + "families from their homes. Rescue teams used boats to reach stranded residents.",
            day: 7
        )
        let election = article(
            "Zentrix chief wins party leadership vote",
            "The chief executive of Zentrix won the leadership of the Liberal Reform party in a vote on Tuesday, "
                + "beating two rivals. She promised lower taxes for small businesses.",
            day: 8
        )
        let floodFollowUp = article(
            "Marwick valley floods: rescue teams reach stranded villages",
            "Rescue teams in boats reached the last of the twelve villages cut off by floods in the Marwick "
                + "valley, where heavy rain forced hundreds of families from their homes.",
            day: 9
        )
        var copy = flood
        copy.text += " "
        _ = try store.commit([
            item(flood, inode: 1, store: store), item(election, inode: 2, store: store),
            item(floodFollowUp, inode: 3, store: store), item(copy, inode: 4, store: store),
        ])
        let stories = try store.stories()
        #expect(stories.count == 2)
        let floods = try #require(stories.first { $0.label?.contains("Marwick") == true })
        #expect(floods.articleCount == 3)
        let detail = try #require(try store.story(id: floods.story))
        #expect(detail.articles.contains { $0.duplicateOf != nil })
        #expect(detail.summary.firstSeen == "2022-03-07")
        #expect(detail.summary.lastSeen == "2022-03-09")
        // The keys that find the story are those of its profile now (only the changed ones were rewritten).
        try store.pool.read { db in
            let stored = Set(
                try String.fetchAll(db, sql: "SELECT key FROM story_keys WHERE story_id = ?", arguments: [floods.story])
            )
            let blob = try #require(
                try Data.fetchOne(db, sql: "SELECT profile FROM stories WHERE id = ?", arguments: [floods.story])
            )
            let profile = try #require(StoryProfile(bytes: blob))
            #expect(
                stored == Set(profile.keys(terms: ArticleStore.storyKeyTerms, entities: ArticleStore.storyKeyEntities))
            )
            #expect(!stored.isEmpty)
            // The rare names of the leads find the story too; they are not listed as its entities.
            #expect(stored.contains("@#marwick"))
        }
        #expect(!floods.entities.contains { $0.hasPrefix("#") })
        // Filters: by day, by entity or rare name.
        #expect(try store.stories(since: "2022-03-09").map(\.story) == [floods.story])
        #expect(try store.stories(since: "2022-04-01").isEmpty)
        #expect(try store.stories(entity: "Marwick").map(\.story) == [floods.story])
        #expect(try store.stories(entity: "zentrix").map(\.story) != [floods.story])
        #expect(try store.stories(entity: "zentrix").count == 1)
    }

    @Test("A story's keys are written once: no second index of them, in a new database or an upgraded one")
    func storyKeysHaveNoSecondIndex() throws {
        let store = try ArticleStore(path: path)
        func secondIndexExists() throws -> Bool {
            try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'story_keys_by_story'") != 0
            }
        }
        #expect(try !secondIndexExists())
        // As a database of the release before left it.
        try store.pool.write { db in
            try db.execute(
                sql: """
                    CREATE INDEX story_keys_by_story ON story_keys(story_id);
                    DELETE FROM grdb_migrations WHERE identifier = 'v11: story keys without a second index';
                    """
            )
        }
        #expect(try secondIndexExists())
        let upgraded = try ArticleStore(path: path)
        #expect(try !secondIndexExists())
        _ = try upgraded.commit([
            item(article("Floods in Marwick", "Floods cut off villages.", day: 7), inode: 1, store: upgraded)
        ])
        #expect(try upgraded.stories().count == 1)
    }

    @Test("Document frequencies are kept by term key, and a database that kept them by term text is carried over")
    func termCountsByKey() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit([
            item(article("Floods in Marwick", "Floods cut off villages.", day: 7), inode: 1, store: store),
            item(article("Marwick floods recede", "Villages are reached again.", day: 8), inode: 2, store: store),
        ])
        func df(_ term: String, in store: ArticleStore) throws -> Int? {
            try store.pool.read { db in
                try Int.fetchOne(
                    db,
                    sql: "SELECT df FROM story_terms WHERE term_key = ?",
                    arguments: [StoryFeatures.WeightedTerm.key(of: term)]
                )
            }
        }
        #expect(try df("", in: store) == 2)
        #expect(try df("marwick", in: store) == 2)
        #expect(try df("recede", in: store) == 1)
        #expect(try df("zentrix", in: store) == nil)
        // As a database of the release before left it: counts by term text.
        try store.pool.write { db in
            try db.execute(
                sql: """
                    DROP TABLE story_terms;
                    CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO story_terms(term, df) VALUES ('', 2), ('marwick', 2), ('recede', 1), ('flood', 2);
                    DELETE FROM grdb_migrations WHERE identifier = 'v12: story term counts by key';
                    """
            )
        }
        let upgraded = try ArticleStore(path: path)
        #expect(try df("", in: upgraded) == 2)
        #expect(try df("marwick", in: upgraded) == 2)
        #expect(try df("recede", in: upgraded) == 1)
        _ = try upgraded.commit([
            item(article("Marwick rebuilds", "Villages rebuild after the floods.", day: 9), inode: 3, store: upgraded)
        ])
        #expect(try df("", in: upgraded) == 3)
        #expect(try df("marwick", in: upgraded) == 3)
        #expect(try upgraded.stories().count == 1)
    }

    @Test("Rebuilding the stories from the stored articles gives the same grouping")
    func rebuild() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit(try samples().enumerated().map { item($1, inode: UInt64($0 + 1), store: store) })
        try store.rebuildStories()
        let stories = try store.stories()
        #expect(stories.count == 1)
        #expect(stories.first?.articleCount == 5)
    }

    @Test("An article weeks after a story's span joins it only when much alike: a follow-up")
    func followUp() throws {
        var store = try ArticleStore(path: path)
        let text =
            "Heavy rain flooded the Marwick valley, cutting off twelve villages and forcing families from their "
            + "homes. Rescue teams in boats reached the villages."
        _ = try store.commit([
            item(
                article("Floods cut off villages in Marwick valley", text + " It happened on Monday.", day: 1),
                inode: 1,
                store: store
            ),
            item(
                Article(
                    title: "Floods cut off villages in Marwick valley",
                    text: text,
                    published: PublicationDate(year: 2022, month: 4, day: 20, source: .json)
                ),
                inode: 2,
                store: store
            ),
            item(
                Article(
                    title: "Parliament votes on the budget",
                    text: "Members of parliament voted on the budget for the coming year after a long debate.",
                    published: PublicationDate(year: 2022, month: 4, day: 21, source: .json)
                ),
                inode: 3,
                store: store
            ),
        ])
        let stories = try store.stories()
        #expect(stories.count == 2)
        let floods = try #require(stories.first { $0.articleCount == 2 })
        // Shown as a follow-up: published seven weeks after the first report.
        let detail = try #require(try store.story(id: floods.story))
        #expect(detail.articles.map(\.followUp) == [false, true])
    }

    @Test("An article long after a story's span starts a new story, however alike")
    func timeWindow() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit([
            item(
                article(
                    "Floods cut off villages in Marwick valley",
                    "Heavy rain flooded the Marwick valley, cutting off twelve villages and forcing families from "
                        + "their homes on Monday.",
                    day: 1
                ),
                inode: 1,
                store: store
            ),
            item(
                Article(
                    title: "Floods cut off villages in Marwick valley again",
                    text: "Six months on, floods in the Marwick valley have again cut off villages, and rescue "
                        + "teams in boats are reaching families in their homes.",
                    published: PublicationDate(year: 2022, month: 9, day: 1, source: .json)
                ),
                inode: 2,
                store: store
            ),
        ])
        #expect(try store.stories().count == 2)
    }
}
