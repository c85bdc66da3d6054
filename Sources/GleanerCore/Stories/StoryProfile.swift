/// A story as the matcher sees it: the sum of its articles' term vectors (its heaviest terms kept), the
/// entities its articles name with how often, and the span of days they were published in. Stored with the
/// story and updated as each article joins.
public struct StoryProfile: Sendable, Hashable {
    /// The summed weights of the story's terms over its articles (each article's vector has length 1), in the
    /// order of the terms (`String`'s `<`): scoring walks it beside an article's vector in the same order,
    /// without hashing a term.
    public private(set) var terms: [StoryTerm]
    /// Entity → how many of the articles name it; the articles' rare names (``StoryFeatures/names``) are kept
    /// here too, prefixed ``namePrefix`` ("#slepian"), so that they find the story and are stored with it.
    public var entities: [String: Int]
    /// What marks a rare name among the entities.
    public static let namePrefix = "#"
    /// The span of the articles' publication days, nil while no article's day is known.
    public var firstDay: Int?
    public var lastDay: Int?
    public var articles: Int

    /// How many terms and entities a profile keeps: bounded, however many articles join.
    public static let keptTerms = 60
    public static let keptEntities = 20

    /// Term → summed weight over the articles.
    public var centroid: [String: Double] {
        Dictionary(uniqueKeysWithValues: terms.lazy.map { ($0.term, $0.weight) })
    }

    /// The profile of a story of one article.
    public init(vector: [String: Double], features: StoryFeatures) {
        self.init(vector: StoryTerm.sorted(vector), features: features)
    }

    /// The profile of a story of one article whose vector is `vector`, in term order (``StoryTerm/sorted(_:)``).
    public init(vector: [StoryTerm], features: StoryFeatures) {
        terms = []
        entities = [:]
        articles = 0
        add(vector: vector, features: features)
    }

    /// The entities of the story without its rare names, most named first.
    public var namedEntities: [String] {
        entities.filter { !$0.key.hasPrefix(Self.namePrefix) }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map(\.key)
    }

    /// A profile of these parts, as its ``bytes`` hold them; `terms` must be in term order.
    init(terms: [StoryTerm], entities: [String: Int], firstDay: Int?, lastDay: Int?, articles: Int) {
        self.terms = terms
        self.entities = entities
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.articles = articles
    }

    /// The profile after an article joins.
    public mutating func add(vector: [String: Double], features: StoryFeatures) {
        add(vector: StoryTerm.sorted(vector), features: features)
    }

    /// The profile after an article whose vector is `vector`, in term order, joins.
    public mutating func add(vector: [StoryTerm], features: StoryFeatures) {
        terms = Self.heaviest(StoryTerm.sum(terms, vector), Self.keptTerms)
        for entity in features.entities { entities[entity, default: 0] += 1 }
        for name in features.names { entities[Self.namePrefix + name, default: 0] += 1 }
        if let days = features.days {
            firstDay = min(firstDay ?? days.lowerBound, days.lowerBound)
            lastDay = max(lastDay ?? days.upperBound, days.upperBound)
        }
        articles += 1
        entities = Self.heaviest(entities, Self.keptEntities)
    }

    /// The terms and entities by which the story is found: its `count` heaviest terms and its `entityCount`
    /// most named entities and rare names, the latter prefixed `@` ("@imran khan", "@#slepian"), in name order.
    public func keys(terms count: Int, entities entityCount: Int = keptEntities) -> [String] {
        terms.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }.prefix(count).map(\.term)
            + Self.heaviest(entities, entityCount).keys.sorted().map { "@" + $0 }
    }

    /// The `count` heaviest of `terms` (in term order), ties broken by term, still in term order.
    static func heaviest(_ terms: [StoryTerm], _ count: Int) -> [StoryTerm] {
        guard terms.count > count else { return terms }
        // The positions are ranked, not the terms (a sort moves eight bytes instead of a term and its weight), and
        // the kept terms are taken in the order they are in, which is term order: no second sort.
        let ranked = terms.indices.sorted {
            (terms[$0].weight, terms[$1].term) > (terms[$1].weight, terms[$0].term)
        }
        var kept = [Bool](repeating: false, count: terms.count)
        for position in ranked.prefix(count) { kept[position] = true }
        var heaviest: [StoryTerm] = []
        heaviest.reserveCapacity(count)
        for position in terms.indices where kept[position] { heaviest.append(terms[position]) }
        return heaviest
    }

    /// The `count` largest entries, ties broken by key so that the result does not depend on hashing.
    static func heaviest<Value: Comparable>(_ values: [String: Value], _ count: Int) -> [String: Value] {
        guard values.count > count else { return values }
        return Dictionary(
            uniqueKeysWithValues: values.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map {
                ($0.key, $0.value)
            }
        )
    }
}
