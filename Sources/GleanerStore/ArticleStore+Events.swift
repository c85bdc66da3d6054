import GRDB
import GleanerCore
import GleanerEvents

/// A merged event as `gleaner events` lists it.
public struct StoredEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var cameo: String
    public var root: String
    public var quadClass: Int
    public var actor: EventActor?
    public var target: EventActor?
    public var location: EventLocation?
    public var date: EventDate?
    public var modality: String
    public var numArticles: Int
    public var numMentions: Int
    public var confidence: Double
    public var firstSeen: String
    public var lastSeen: String
}

/// One report of an event.
public struct StoredEventMention: Sendable, Hashable, Codable {
    public var articleId: Int64
    public var file: String
    public var sentenceIndex: Int
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var trigger: String
    public var modality: String
    public var confidence: Double
}

extension ArticleStore {
    /// The merge key: the same actor, action root and target are one event (dates are compared separately).
    ///
    /// Only an event that says who did it to whom is the same event across articles: both parties named, or one
    /// of them and a day-precise date. An unknown party is not an identity ("? → United States" in six
    /// unrelated articles is six events), so such an event merges only within its article and its copies:
    /// `story` is the canonical article's id.
    static func mergeKey(_ event: ExtractedEvent, story: Int64) -> String {
        let actor = event.actor.map { $0.name.lowercased() } ?? "-"
        let target = event.target.map { $0.country ?? $0.name.lowercased() } ?? "-"
        let key = "\(actor)|\(event.root)|\(target)"
        return isIdentified(event) ? key : "article \(story)|" + key
    }

    /// Both parties known, or one party and a date to the day.
    static func isIdentified(_ event: ExtractedEvent) -> Bool {
        switch (event.actor, event.target) {
        case (.some, .some): true
        case (.some, nil), (nil, .some): event.date?.precision == "day"
        case (nil, nil): false
        }
    }

    /// Stores the events of one article: each is merged into an existing event with the same actor, root,
    /// target and an overlapping date (adding a mention), or becomes a new event. A duplicate article only
    /// adds mentions to events that already exist.
    func store(events: [ExtractedEvent], articleID: Int64, canonical: Int64?, in db: Database) throws {
        let isDuplicate = canonical != nil
        for event in events {
            let key = Self.mergeKey(event, story: canonical ?? articleID)
            var merged: (id: Int64, date: EventDate?)?
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, date_start, date_end, date_precision, date_anchor FROM events
                        WHERE merge_key = ? ORDER BY id
                        """
                ),
                arguments: [key]
            ) {
                let existing: EventDate? = (row["date_start"] as String?).map {
                    EventDate(
                        start: $0,
                        end: row["date_end"] ?? $0,
                        precision: row["date_precision"] ?? "day",
                        text: "",
                        anchor: row["date_anchor"] ?? TemporalExpression.Anchor.published.rawValue
                    )
                }
                if Self.overlap(existing, event.date) {
                    merged = (row["id"], existing)
                    break
                }
            }
            if merged == nil, isDuplicate { continue }
            let eventID: Int64
            if let merged {
                eventID = merged.id
                let known =
                    try Bool.fetchOne(
                        db.cachedStatement(
                            sql: "SELECT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ? AND article_id = ?)"
                        ),
                        arguments: [merged.id, articleID]
                    ) ?? false
                try db.cachedStatement(
                    sql: """
                        UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?,
                            confidence = max(confidence, ?), last_seen = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                        WHERE id = ?
                        """
                ).execute(arguments: [known ? 0 : 1, event.confidence, merged.id])
                // A better date replaces the event's, with the anchor it was resolved against.
                if let date = event.date, Self.isBetter(date, than: merged.date) {
                    try db.cachedStatement(
                        sql: """
                            UPDATE events SET date_start = ?, date_end = ?, date_precision = ?, date_text = ?,
                                date_anchor = ?
                            WHERE id = ?
                            """
                    ).execute(arguments: [date.start, date.end, date.precision, date.text, date.anchor, merged.id])
                }
            } else {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO events(cameo, root, quad_class, actor_name, actor_country, actor_role, target_name,
                            target_country, target_role, location_name, location_country, date_start, date_end,
                            date_precision, date_text, date_anchor, modality, merge_key, num_articles, num_mentions,
                            confidence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)
                        """
                ).execute(arguments: [
                    event.cameo, event.root, event.quadClass, event.actor?.name, event.actor?.country,
                    event.actor?.role, event.target?.name, event.target?.country, event.target?.role,
                    event.location?.name, event.location?.country, event.date?.start, event.date?.end,
                    event.date?.precision, event.date?.text, event.date?.anchor, event.modality.rawValue, key,
                    event.confidence,
                ])
                eventID = db.lastInsertedRowID
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO event_mentions(event_id, article_id, sentence_index, sentence, sentence_start,
                        sentence_end, trigger, actor_text, target_text, date_text, modality, confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    eventID, articleID, event.sentenceIndex, event.sentence, event.sentenceStart, event.sentenceEnd,
                    event.trigger, event.actor?.text, event.target?.text, event.date?.text, event.modality.rawValue,
                    event.confidence,
                ]
            )
            for party in [event.actor, event.target].compactMap({ $0 }) {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO entities(name, country, role, mentions) VALUES (?, ?, ?, 1)
                        ON CONFLICT(name, country) DO UPDATE SET mentions = mentions + 1, role = coalesce(role, excluded.role)
                        """
                ).execute(arguments: [party.name, party.country, party.role])
            }
        }
    }

    /// Whether a reported date should replace an event's: any date beats none, a more precise one (day over
    /// month over year) a coarser one, and at equal precision one resolved against a stated publication date
    /// beats one resolved against an inferred or guessed date.
    static func isBetter(_ date: EventDate, than current: EventDate?) -> Bool {
        guard let current else { return true }
        let (new, old) = (precisionRank(date.precision), precisionRank(current.precision))
        if new != old { return new > old }
        return anchorRank(date.anchor) > anchorRank(current.anchor)
    }

    /// How much a date's anchor is trusted: a stated publication date over an inferred one over a file's
    /// modification time.
    static func anchorRank(_ anchor: String) -> Int {
        switch TemporalExpression.Anchor(rawValue: anchor) {
        case .published: 3
        case .inferred: 2
        case .mtime: 1
        case nil: 0
        }
    }

    static func precisionRank(_ precision: String) -> Int {
        switch precision {
        case "day": 3
        case "month": 2
        case "year": 1
        default: 0
        }
    }

    /// Whether two dates can be the same event: unknown dates are compatible; intervals must overlap.
    static func overlap(_ a: EventDate?, _ b: EventDate?) -> Bool {
        guard let a, let b else { return true }
        return lowerDay(a.start) <= upperDay(b.end) && lowerDay(b.start) <= upperDay(a.end)
    }

    /// `2022` → `2022-01-01`, `2022-02` → `2022-02-01`.
    static func lowerDay(_ value: String) -> String {
        switch value.count {
        case 4: value + "-01-01"
        case 7: value + "-01"
        default: value
        }
    }

    /// `2022` → `2022-12-31`, `2022-02` → `2022-02-31` (compared as text, a safe upper bound).
    static func upperDay(_ value: String) -> String {
        switch value.count {
        case 4: value + "-12-31"
        case 7: value + "-31"
        default: value
        }
    }

    /// Merged events, most reported first, optionally filtered.
    ///
    /// - Parameters:
    ///   - since: only events dated (or, undated, first seen) on or after this day, `YYYY-MM-DD`.
    ///   - actor: only events whose actor or target name contains this text, ignoring case.
    ///   - cameo: only events with this CAMEO code or root.
    ///   - datedOnly: only events whose date was resolved against a publication date the article stated
    ///     (anchor `published`): no undated events, none dated from an inferred or guessed publication date.
    /// - Throws: ``StoreError/olderSchema(path:)`` for a database not upgraded yet, or the database error.
    public func events(
        since: String? = nil,
        actor: String? = nil,
        cameo: String? = nil,
        datedOnly: Bool = false,
        limit: Int = 100
    ) throws
        -> [StoredEvent]
    {
        try pool.read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let since {
                conditions.append("coalesce(date_end, date_start, substr(first_seen, 1, 10)) >= ?")
                arguments += [since]
            }
            if let actor {
                conditions.append("(lower(actor_name) LIKE ? OR lower(target_name) LIKE ?)")
                arguments += ["%\(actor.lowercased())%"]
                arguments += ["%\(actor.lowercased())%"]
            }
            if let cameo {
                conditions.append("(cameo = ? OR root = ?)")
                arguments += [cameo]
                arguments += [cameo]
            }
            if datedOnly {
                try requireCurrentSchema(db)
                conditions.append("date_anchor = ?")
                arguments += [TemporalExpression.Anchor.published.rawValue]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM events \(filter) ORDER BY num_articles DESC, id DESC LIMIT ?",
                arguments: arguments
            ).map(Self.storedEvent)
        }
    }

    /// One event and every report of it.
    public func event(id: Int64) throws -> (StoredEvent, [StoredEventMention])? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let mentions = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.*, f.name FROM event_mentions m JOIN articles a ON a.id = m.article_id
                    JOIN files f ON f.id = a.file_id WHERE m.event_id = ? ORDER BY m.id
                    """,
                arguments: [id]
            ).map { mention in
                StoredEventMention(
                    articleId: mention["article_id"],
                    file: mention["name"],
                    sentenceIndex: mention["sentence_index"],
                    sentence: mention["sentence"],
                    sentenceStart: mention["sentence_start"],
                    sentenceEnd: mention["sentence_end"],
                    trigger: mention["trigger"],
                    modality: mention["modality"],
                    confidence: mention["confidence"]
                )
            }
            return (Self.storedEvent(row), mentions)
        }
    }

    static func storedEvent(_ row: Row) -> StoredEvent {
        func actor(_ prefix: String) -> EventActor? {
            guard let name: String = row["\(prefix)_name"] else { return nil }
            return EventActor(text: name, name: name, country: row["\(prefix)_country"], role: row["\(prefix)_role"])
        }
        let location: EventLocation? = (row["location_name"] as String?).map {
            EventLocation(name: $0, country: row["location_country"])
        }
        let date: EventDate? = (row["date_start"] as String?).map {
            EventDate(
                start: $0,
                end: row["date_end"] ?? $0,
                precision: row["date_precision"] ?? "day",
                text: row["date_text"] ?? "",
                anchor: row["date_anchor"] ?? TemporalExpression.Anchor.published.rawValue
            )
        }
        return StoredEvent(
            id: row["id"],
            cameo: row["cameo"],
            root: row["root"],
            quadClass: row["quad_class"],
            actor: actor("actor"),
            target: actor("target"),
            location: location,
            date: date,
            modality: row["modality"],
            numArticles: row["num_articles"],
            numMentions: row["num_mentions"],
            confidence: row["confidence"],
            firstSeen: row["first_seen"],
            lastSeen: row["last_seen"]
        )
    }
}
