import Foundation
import GRDB
import GleanerCore

/// A story as `gleaner stories` lists it.
public struct StorySummary: Sendable, Hashable, Codable {
    public var story: Int64
    public var label: String?
    public var firstSeen: String
    public var lastSeen: String
    public var articleCount: Int
    public var sourceCount: Int
    /// Its most named entities, most named first.
    public var entities: [String]
}

/// One article of a story.
public struct StoryArticle: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var title: String?
    public var published: String
    public var source: String?
    /// The canonical article this one copies, or nil.
    public var duplicateOf: Int64?
    /// Published more than the story window (14 days) after every earlier article of the story: a follow-up,
    /// or a report a crawler dated late (`StoryMatcher.followUps(days:)`).
    public var followUp: Bool
}

/// A story with its articles in time order and its merged events.
public struct StoryDetail: Sendable, Hashable, Codable {
    public var summary: StorySummary
    public var articles: [StoryArticle]
    public var events: [StoredEvent]
}

extension ArticleStore {
    /// How many of a story's heaviest terms find it.
    static let storyKeyTerms = 12
    /// How many of a story's most named entities and rare names find it.
    static let storyKeyEntities = 10
    /// How many stories, newest first, one key yields as candidates: the work per article stays bounded
    /// however many stories are stored.
    static let storiesPerKey = 20
    /// How many of the candidates found by the most keys are scored (each is read and decoded).
    static let scoredStories = 8

    /// Puts a just-stored article in a story, in the ingest transaction: a copy joins its canonical article's
    /// story; a canonical article the story the ``StoryMatcher`` chooses among the candidates its terms and
    /// entities find, or a new one.
    ///
    /// - Parameter batch: the transaction's document frequencies and profiles, flushed by the caller before it
    ///   commits.
    func assignStory(
        _ prepared: PreparedArticle,
        articleID: Int64,
        canonical: Int64?,
        batch: StoryBatch,
        in db: Database
    ) throws {
        try placeInStory(
            prepared.storyFeatures,
            title: prepared.article.title,
            published: prepared.article.published,
            articleID: articleID,
            canonical: canonical,
            batch: batch,
            in: db
        )
    }

    /// ``assignStory(_:articleID:canonical:batch:in:)`` from the article's story features, title and publication
    /// date.
    func placeInStory(
        _ features: StoryFeatures,
        title: String?,
        published: PublicationDate,
        articleID: Int64,
        canonical: Int64?,
        batch: StoryBatch,
        in db: Database
    ) throws {
        if let canonical {
            guard
                let story = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT story_id FROM story_articles WHERE article_id = ?"),
                    arguments: [canonical]
                )
            else { return }
            try db.cachedStatement(sql: "INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, NULL)")
                .execute(arguments: [articleID, story])
            try db.cachedStatement(sql: "UPDATE stories SET article_count = article_count + 1 WHERE id = ?")
                .execute(arguments: [story])
            return
        }
        let start = DedupClock.now()
        var candidates: [(id: Int64, profile: StoryProfile)] = []
        defer {
            let elapsed = start.elapsed()
            storyCounters.withLock {
                $0.articles += 1
                $0.candidates += candidates.count
                $0.add(time: elapsed)
            }
        }
        let (frequencies, documents) = try batch.terms.count(features.weightedTerms.map(\.key), in: db)
        let vector = StoryMatcher.termVector(features, documentFrequencies: frequencies, documents: documents)
        // Stories found by more of the article's keys are scored first; only the best few are read.
        var hits: [Int64: Int] = [:]
        let lookup = try db.cachedStatement(
            sql: "SELECT story_id FROM story_keys WHERE key = ? ORDER BY story_id DESC LIMIT ?"
        )
        for key in StoryMatcher.lookupKeys(vector: vector, features: features) {
            let stories = try Int64.fetchCursor(lookup, arguments: [key, Self.storiesPerKey])
            while let story = try stories.next() { hits[story, default: 0] += 1 }
        }
        for (story, _) in hits.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) }).prefix(Self.scoredStories) {
            guard let profile = try batch.profile(of: story, in: db) else { continue }
            candidates.append((story, profile))
        }
        // A story whose days are unknown (its articles dated by file time only) shows the guessed day.
        let published = published.description
        if let (story, score) = storyMatcher.choose(vector: vector, features: features, candidates: candidates),
            let before = candidates.first(where: { $0.id == story })?.profile
        {
            var profile = before
            profile.add(vector: vector, features: features)
            // The label is the title of the article most like the story as it was when the article joined.
            let centrality = storyMatcher.score(vector: vector, features: features, story: profile).score
            let bytes = profile.bytes
            try db.cachedStatement(
                sql: """
                    UPDATE stories SET first_seen = ?, last_seen = ?, article_count = article_count + 1, profile = ?,
                        label = CASE WHEN ? IS NOT NULL AND ? > label_score THEN ? ELSE label END,
                        label_article_id = CASE WHEN ? IS NOT NULL AND ? > label_score THEN ? ELSE label_article_id END,
                        label_score = CASE WHEN ? IS NOT NULL AND ? > label_score THEN ? ELSE label_score END
                    WHERE id = ?
                    """
            ).execute(arguments: [
                profile.firstDay.map(Self.day) ?? published, profile.lastDay.map(Self.day) ?? published,
                Data(bytes), title, centrality, title, title, centrality, articleID, title,
                centrality, centrality, story,
            ])
            try db.cachedStatement(sql: "INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, ?)")
                .execute(arguments: [articleID, story, score])
            try Self.storeKeys(of: profile, replacing: before, story: story, in: db)
            batch.wrote(bytes, for: story)
        } else {
            let profile = StoryProfile(vector: vector, features: features)
            let bytes = profile.bytes
            try db.cachedStatement(
                sql: """
                    INSERT INTO stories(label, label_article_id, label_score, first_seen, last_seen, article_count,
                                        profile)
                    VALUES (?, ?, ?, ?, ?, 1, ?)
                    """
            ).execute(arguments: [
                title, title == nil ? nil : articleID, title == nil ? 0 : 1,
                profile.firstDay.map(Self.day) ?? published,
                profile.lastDay.map(Self.day) ?? published, Data(bytes),
            ])
            let story = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, NULL)")
                .execute(arguments: [articleID, story])
            try Self.storeKeys(of: profile, replacing: nil, story: story, in: db)
            batch.wrote(bytes, for: story)
        }
    }

    /// Forms the stories again from the stored articles, in the order they were stored: for a database whose
    /// articles were stored before stories existed, or after the story settings changed. One transaction;
    /// stop the daemon first. `progress` is called with (articles done, articles in all) every 1,000 articles.
    public func rebuildStories(progress: (Int, Int) -> Void = { _, _ in }) throws {
        try pool.write { db in
            try requireCurrentSchema(db)
            try db.execute(
                sql: "DELETE FROM story_keys; DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_terms"
            )
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
            let names = try db.makeStatement(
                sql: """
                    SELECT e.actor_name, e.target_name, e.location_name FROM event_mentions m
                    JOIN events e ON e.id = m.event_id WHERE m.article_id = ?
                    """
            )
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, title, text, published, published_source, duplicate_of, main_event FROM articles
                    ORDER BY id
                    """
            )
            let batch = StoryBatch()
            var done = 0
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                let published = Self.publicationDate(row["published"], source: row["published_source"])
                var entities: [String] = []
                for names in try Row.fetchAll(names, arguments: [id]) {
                    for column in 0..<3 { if let name: String = names[column] { entities.append(name) } }
                }
                if let main = MainEventColumn.decode(row["main_event"]) {
                    if let who = main.who { entities.append(who.name) }
                    if let place = main.where { entities.append(place.name) }
                }
                let title: String? = row["title"]
                let article = Article(title: title, text: row["text"], published: published)
                try placeInStory(
                    StoryFeatures(article: article, entities: entities),
                    title: title,
                    published: published,
                    articleID: id,
                    canonical: row["duplicate_of"],
                    batch: batch,
                    in: db
                )
                done += 1
                if done % 1_000 == 0 || done == total {
                    try batch.flush(in: db)
                    progress(done, total)
                }
            }
            try batch.flush(in: db)
        }
    }

    /// How many stories there are.
    public func storyCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stories") ?? 0 }
    }

    /// A stored publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) and its source.
    static func publicationDate(_ text: String, source: String) -> PublicationDate {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let precision: PublicationDate.Precision =
            switch parts.count {
            case 3: .day
            case 2: .month
            default: .year
            }
        return PublicationDate(
            year: parts.first ?? 1970,
            month: parts.count > 1 ? parts[1] : 1,
            day: parts.count > 2 ? parts[2] : 1,
            source: PublicationDate.Source(rawValue: source) ?? .json,
            precision: precision
        )
    }

    /// Replaces the keys that find `story` with those of its profile now.
    /// Only the keys that changed are written: an article joining a story seldom changes its heaviest terms.
    ///
    /// - Parameter previous: the profile the keys were stored for, nil for a new story.
    static func storeKeys(
        of profile: StoryProfile,
        replacing previous: StoryProfile?,
        story: Int64,
        in db: Database
    ) throws {
        let keys = Set(profile.keys(terms: storyKeyTerms, entities: storyKeyEntities))
        let old = Set(previous?.keys(terms: storyKeyTerms, entities: storyKeyEntities) ?? [])
        // One row to a statement: a statement that writes several rows opens a statement journal, which SQLite
        // spills to a temporary file past 64 KiB, and the keys' rows are spread over the whole index.
        let delete = try db.cachedStatement(sql: "DELETE FROM story_keys WHERE key = ? AND story_id = ?")
        for key in old.subtracting(keys).sorted() { try delete.execute(arguments: [key, story]) }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES (?, ?)")
        for key in keys.subtracting(old).sorted() { try insert.execute(arguments: [key, story]) }
    }

    /// `YYYY-MM-DD` of a day counted from 1970.
    static func day(_ days: Int) -> String {
        PublicationDate(secondsSince1970: Int64(days) * 86_400, source: .json).description
    }

    /// Stories, the most recently active first.
    ///
    /// - Parameters:
    ///   - since: only stories active on or after this day, `YYYY-MM-DD`.
    ///   - entity: only stories one of whose entities or rare names (the keys that find them) contains this
    ///     text, ignoring case.
    /// - Throws: ``StoreError/olderSchema(path:)`` for a database not upgraded yet, or the database error.
    public func stories(since: String? = nil, entity: String? = nil, limit: Int = 50) throws -> [StorySummary] {
        try pool.read { db in
            try requireCurrentSchema(db)
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let since {
                conditions.append("last_seen >= ?")
                arguments += [since]
            }
            if let entity {
                conditions.append("id IN (SELECT story_id FROM story_keys WHERE key LIKE ?)")
                arguments += ["@%\(entity.lowercased())%"]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM stories \(filter) ORDER BY last_seen DESC, id DESC LIMIT ?",
                arguments: arguments
            ).map { try Self.storySummary($0, in: db) }
        }
    }

    /// One story with its articles in time order and the merged events they report.
    public func story(id: Int64) throws -> StoryDetail? {
        try pool.read { db in
            try requireCurrentSchema(db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM stories WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let articles = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, f.name AS file, a.title, a.published, a.published_source, a.source, a.duplicate_of
                    FROM story_articles s JOIN articles a ON a.id = s.article_id JOIN files f ON f.id = a.file_id
                    WHERE s.story_id = ? ORDER BY a.published, a.id
                    """,
                arguments: [id]
            )
            let followUps = storyMatcher.followUps(
                days: articles.map { row in
                    StoryFeatures.knownDays(of: Self.publicationDate(row["published"], source: row["published_source"]))
                }
            )
            let storyArticles = zip(articles, followUps).map { row, followUp in
                StoryArticle(
                    id: row["id"],
                    file: row["file"],
                    title: row["title"],
                    published: row["published"],
                    source: row["source"],
                    duplicateOf: row["duplicate_of"],
                    followUp: followUp
                )
            }
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM events WHERE id IN (
                        SELECT m.event_id FROM event_mentions m JOIN story_articles s ON s.article_id = m.article_id
                        WHERE s.story_id = ?)
                    ORDER BY num_articles DESC, id
                    """,
                arguments: [id]
            ).map(Self.storedEvent)
            return StoryDetail(summary: try Self.storySummary(row, in: db), articles: storyArticles, events: events)
        }
    }

    static func storySummary(_ row: Row, in db: Database) throws -> StorySummary {
        let id: Int64 = row["id"]
        let profile = (row["profile"] as Data?).flatMap { StoryProfile(bytes: $0) }
        let sources = try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT count(DISTINCT coalesce(a.source, a.url, a.id)) FROM story_articles s
                    JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?
                    """
            ),
            arguments: [id]
        )
        return StorySummary(
            story: id,
            label: row["label"],
            firstSeen: row["first_seen"],
            lastSeen: row["last_seen"],
            articleCount: row["article_count"],
            sourceCount: sources ?? 0,
            entities: Array((profile?.namedEntities ?? []).prefix(8))
        )
    }
}
