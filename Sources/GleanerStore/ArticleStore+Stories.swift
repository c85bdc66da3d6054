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
}

/// A story with its articles in time order and its merged events.
public struct StoryDetail: Sendable, Hashable, Codable {
    public var summary: StorySummary
    public var articles: [StoryArticle]
    public var events: [StoredEvent]
}

extension ArticleStore {
    /// How many of a story's heaviest terms find it.
    static let storyKeyTerms = 20
    /// How many stories, newest first, one key yields as candidates: the work per article stays bounded
    /// however many stories are stored.
    static let storiesPerKey = 20

    /// Puts a just-stored article in a story, in the ingest transaction: a copy joins its canonical article's
    /// story; a canonical article the story the ``StoryMatcher`` chooses among the candidates its terms and
    /// entities find, or a new one.
    func assignStory(_ prepared: PreparedArticle, articleID: Int64, canonical: Int64?, in db: Database) throws {
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
        let features = prepared.storyFeatures
        let vector = try Self.storyVector(features, in: db)
        var candidates: [(id: Int64, profile: StoryProfile)] = []
        var seen = Set<Int64>()
        let lookup = try db.cachedStatement(
            sql: "SELECT story_id FROM story_keys WHERE key = ? ORDER BY story_id DESC LIMIT ?"
        )
        let load = try db.cachedStatement(sql: "SELECT profile FROM stories WHERE id = ?")
        for key in StoryMatcher.lookupKeys(vector: vector, features: features) {
            for story in try Int64.fetchAll(lookup, arguments: [key, Self.storiesPerKey])
            where seen.insert(story).inserted {
                guard let blob = try Data.fetchOne(load, arguments: [story]),
                    let profile = try? JSONDecoder().decode(StoryProfile.self, from: blob)
                else { continue }
                candidates.append((story, profile))
            }
        }
        let title = prepared.article.title
        // A story whose days are unknown (its articles dated by file time only) shows the guessed day.
        let published = prepared.article.published.description
        if let (story, score) = storyMatcher.choose(vector: vector, features: features, candidates: candidates),
            var profile = candidates.first(where: { $0.id == story })?.profile
        {
            profile.add(vector: vector, features: features)
            // The label is the title of the article most like the story as it was when the article joined.
            let centrality = storyMatcher.score(vector: vector, features: features, story: profile) ?? 0
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
                try JSONEncoder().encode(profile), title, centrality, title, title, centrality, articleID, title,
                centrality, centrality, story,
            ])
            try db.cachedStatement(sql: "INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, ?)")
                .execute(arguments: [articleID, story, score])
            try Self.storeKeys(of: profile, story: story, in: db)
        } else {
            let profile = StoryProfile(vector: vector, features: features)
            try db.cachedStatement(
                sql: """
                    INSERT INTO stories(label, label_article_id, label_score, first_seen, last_seen, article_count,
                                        profile)
                    VALUES (?, ?, ?, ?, ?, 1, ?)
                    """
            ).execute(arguments: [
                title, title == nil ? nil : articleID, title == nil ? 0 : 1,
                profile.firstDay.map(Self.day) ?? published,
                profile.lastDay.map(Self.day) ?? published, try JSONEncoder().encode(profile),
            ])
            let story = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, NULL)")
                .execute(arguments: [articleID, story])
            try Self.storeKeys(of: profile, story: story, in: db)
        }
    }

    /// Counts the article in the document frequencies (its terms and the total), then weighs its terms.
    static func storyVector(_ features: StoryFeatures, in db: Database) throws -> [String: Double] {
        let count = try db.cachedStatement(
            sql: """
                INSERT INTO story_terms(term, df) VALUES (?, 1)
                ON CONFLICT(term) DO UPDATE SET df = df + 1
                RETURNING df
                """
        )
        let documents = try Int.fetchOne(count, arguments: [""]) ?? 1
        var frequencies: [String: Int] = [:]
        for term in features.terms.keys.sorted() {
            frequencies[term] = try Int.fetchOne(count, arguments: [term]) ?? 1
        }
        return StoryMatcher.vector(features) {
            StoryMatcher.idf(documentFrequency: frequencies[$0] ?? 1, documents: documents)
        }
    }

    /// Replaces the keys that find `story` with those of its profile now.
    static func storeKeys(of profile: StoryProfile, story: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM story_keys WHERE story_id = ?").execute(arguments: [story])
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES (?, ?)")
        for key in profile.keys(terms: storyKeyTerms) { try insert.execute(arguments: [key, story]) }
    }

    /// `YYYY-MM-DD` of a day counted from 1970.
    static func day(_ days: Int) -> String {
        PublicationDate(secondsSince1970: Int64(days) * 86_400, source: .json).description
    }

    /// Stories, the most recently active first.
    ///
    /// - Parameters:
    ///   - since: only stories active on or after this day, `YYYY-MM-DD`.
    ///   - entity: only stories one of whose entities contains this text, ignoring case.
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
                    SELECT a.id, f.name AS file, a.title, a.published, a.source, a.duplicate_of
                    FROM story_articles s JOIN articles a ON a.id = s.article_id JOIN files f ON f.id = a.file_id
                    WHERE s.story_id = ? ORDER BY a.published, a.id
                    """,
                arguments: [id]
            ).map { row in
                StoryArticle(
                    id: row["id"],
                    file: row["file"],
                    title: row["title"],
                    published: row["published"],
                    source: row["source"],
                    duplicateOf: row["duplicate_of"]
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
            return StoryDetail(summary: try Self.storySummary(row, in: db), articles: articles, events: events)
        }
    }

    static func storySummary(_ row: Row, in db: Database) throws -> StorySummary {
        let id: Int64 = row["id"]
        let profile = (row["profile"] as Data?).flatMap { try? JSONDecoder().decode(StoryProfile.self, from: $0) }
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
            entities: (profile?.entities ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map(
                \.key
            )
        )
    }
}
