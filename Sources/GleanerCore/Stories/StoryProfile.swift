/// A story as the matcher sees it: the sum of its articles' term vectors (its heaviest terms kept), the
/// entities its articles name with how often, and the span of days they were published in. Stored with the
/// story and updated as each article joins.
public struct StoryProfile: Sendable, Hashable {
    /// Term → summed weight over the articles (each article's vector has length 1).
    public var centroid: [String: Double]
    /// Entity → how many of the articles name it.
    public var entities: [String: Int]
    /// The span of the articles' publication days, nil while no article's day is known.
    public var firstDay: Int?
    public var lastDay: Int?
    public var articles: Int

    /// How many terms and entities a profile keeps: bounded, however many articles join.
    public static let keptTerms = 60
    public static let keptEntities = 20

    /// The profile of a story of one article.
    public init(vector: [String: Double], features: StoryFeatures) {
        centroid = [:]
        entities = [:]
        articles = 0
        add(vector: vector, features: features)
    }

    /// The profile after an article joins.
    public mutating func add(vector: [String: Double], features: StoryFeatures) {
        centroid.reserveCapacity(centroid.count + vector.count)
        for (term, weight) in vector { centroid[term, default: 0] += weight }
        for entity in features.entities { entities[entity, default: 0] += 1 }
        if let days = features.days {
            firstDay = min(firstDay ?? days.lowerBound, days.lowerBound)
            lastDay = max(lastDay ?? days.upperBound, days.upperBound)
        }
        articles += 1
        centroid = Self.heaviest(centroid, Self.keptTerms)
        entities = Self.heaviest(entities, Self.keptEntities)
    }

    /// The terms and entities by which the story is found: its `count` heaviest terms and its entities, the
    /// latter prefixed `@` ("@imran khan").
    public func keys(terms count: Int) -> [String] {
        centroid.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map(\.key)
            + entities.keys.sorted().map { "@" + $0 }
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
