import Foundation

/// Decides, one article at a time and in arrival order, which story an article belongs to: the candidate
/// story whose profile is most like it (cosine of TF-IDF term vectors, plus shared rare names), if that is
/// close enough and the story was active within ``window`` days of the article, or if the article is a
/// follow-up: published further from the story's span but much like it (``followUpThreshold``); else a new
/// story.
public struct StoryMatcher: Sendable {
    /// The least score that joins a story.
    public var threshold: Double
    /// How many days an article may be published before or after a story's span and still join it.
    public var window: Int
    /// The least score that joins a story whose span is more than ``window`` days away but at most
    /// ``followUpWindow``: a follow-up, or a report whose publication date is not when it was written (a
    /// crawler's date weeks later). Further away, an article starts a new story however alike: floods in the
    /// same valley six months on are news of their own.
    public var followUpThreshold: Double
    public var followUpWindow: Int
    /// What each rare name (``StoryFeatures/names``) shared with a story within ``window`` days adds to the
    /// score, up to ``maxSharedNames``: reports of one event name the same people, firms and products. Not
    /// beyond the window: a firm's news of a month later is mostly another story.
    public var nameWeight: Double
    public var maxSharedNames: Int
    /// What each entity shared with a story adds to the score, up to ``maxSharedEntities``.
    public var entityWeight: Double
    public var maxSharedEntities: Int
    /// How many of an article's heaviest terms look its candidate stories up.
    public static let lookupTerms = 10

    /// The defaults are those that group the two hand-grouped development corpora best together, in a new
    /// database and in one that already holds thousands of articles (docs/ACCURACY.md; the weights use
    /// ``StoryBackground``): a bonus for shared entities made it worse there (stories of one region share its
    /// countries), so entities find candidates but do not score them unless asked.
    public init(
        threshold: Double = 0.34,
        window: Int = 14,
        followUpThreshold: Double = 0.37,
        followUpWindow: Int = 90,
        nameWeight: Double = 0.05,
        maxSharedNames: Int = 2,
        entityWeight: Double = 0,
        maxSharedEntities: Int = 4
    ) {
        self.threshold = threshold
        self.window = window
        self.followUpThreshold = followUpThreshold
        self.followUpWindow = followUpWindow
        self.nameWeight = nameWeight
        self.maxSharedNames = maxSharedNames
        self.entityWeight = entityWeight
        self.maxSharedEntities = maxSharedEntities
    }

    /// Inverse document frequency of a term found in `documentFrequency` of `documents` stored articles and in
    /// a share `background` of ordinary English articles (``StoryBackground/share(of:)``): the background counts
    /// as ``StoryBackground/documents`` articles stored before the first, so that a word of every day weighs
    /// little from the first article on, and the stored counts take over as articles arrive. Smoothed: a term
    /// never seen weighs most.
    public static func idf(documentFrequency: Int, documents: Int, background: Double = 0) -> Double {
        let prior = Double(StoryBackground.documents)
        return log((Double(documents) + prior + 1) / (Double(documentFrequency) + prior * background + 1)) + 1
    }

    /// The article's TF-IDF vector, of length 1: each term weighs (1 + ln tf) × idf.
    public static func vector(_ features: StoryFeatures, idf: (String) -> Double) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: termVector(features, idf: idf).map { ($0.term, $0.weight) })
    }

    /// ``vector(_:idf:)`` in term order, as profiles keep their terms.
    public static func termVector(_ features: StoryFeatures, idf: (String) -> Double) -> [StoryTerm] {
        normalised(features.weightedTerms.map { StoryTerm(term: $0.term, weight: $0.frequencyWeight * idf($0.term)) })
    }

    /// ``termVector(_:idf:)`` with the terms' document frequencies given in the order of
    /// ``StoryFeatures/weightedTerms`` and the number of documents: the weights are those of an `idf` that
    /// calls ``idf(documentFrequency:documents:background:)`` with each term's ``StoryBackground`` share, without
    /// a look-up of the stored counts or of the background per term.
    public static func termVector(
        _ features: StoryFeatures,
        documentFrequencies: [Int],
        documents: Int
    ) -> [StoryTerm] {
        precondition(documentFrequencies.count == features.weightedTerms.count, "one frequency per term")
        return normalised(
            zip(features.weightedTerms, documentFrequencies).map { term, frequency in
                StoryTerm(
                    term: term.term,
                    weight: term.frequencyWeight
                        * idf(documentFrequency: frequency, documents: documents, background: term.background)
                )
            }
        )
    }

    /// `terms` (in term order) scaled to length 1, empty when it has no weight.
    private static func normalised(_ terms: [StoryTerm]) -> [StoryTerm] {
        var vector = terms
        let length = StoryTerm.length(vector)
        guard length > 0 else { return [] }
        for index in vector.indices { vector[index].weight /= length }
        return vector
    }

    /// The keys that look up the article's candidate stories: its heaviest terms and its entities.
    public static func lookupKeys(vector: [String: Double], features: StoryFeatures) -> [String] {
        lookupKeys(vector: StoryTerm.sorted(vector), features: features)
    }

    /// ``lookupKeys(vector:features:)`` of a vector in term order.
    public static func lookupKeys(vector: [StoryTerm], features: StoryFeatures) -> [String] {
        vector.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }.prefix(lookupTerms).map(\.term)
            + features.entities.sorted().map { "@" + $0 }
            + features.names.sorted().map { "@" + StoryProfile.namePrefix + $0 }
    }

    /// How alike the article and the story are (the cosine, plus ``nameWeight`` for each rare name they share
    /// when the story is within the window), and the least score that joins it: ``threshold``,
    /// ``followUpThreshold`` when the story's span is more than ``window`` days from the article's (when both
    /// are known), or infinity beyond ``followUpWindow`` days.
    public func score(
        vector: [String: Double],
        features: StoryFeatures,
        story: StoryProfile
    ) -> (score: Double, threshold: Double) {
        score(vector: StoryTerm.sorted(vector), features: features, story: story)
    }

    /// ``score(vector:features:story:)`` of a vector in term order (``StoryTerm/sorted(_:)``): the cosine is
    /// one walk along the vector and the story's terms side by side.
    public func score(
        vector: [StoryTerm],
        features: StoryFeatures,
        story: StoryProfile
    ) -> (score: Double, threshold: Double) {
        var least = threshold
        var withinWindow = true
        if let days = features.days, let first = story.firstDay, let last = story.lastDay {
            let gap = max(0, days.lowerBound - last, first - days.upperBound)
            withinWindow = gap <= window
            if gap > followUpWindow {
                least = .infinity
            } else if gap > window {
                least = max(threshold, followUpThreshold)
            }
        }
        let dot = StoryTerm.dot(vector, story.terms)
        let length = StoryTerm.length(story.terms)
        var score = length > 0 ? dot / length : 0
        if withinWindow, nameWeight > 0, !features.names.isEmpty {
            let shared = features.names.lazy.filter { story.entities[StoryProfile.namePrefix + $0] != nil }.count
            score += nameWeight * Double(min(shared, maxSharedNames))
        }
        // The default weight is 0: no entity is looked up then.
        guard entityWeight > 0 else { return (score, least) }
        let shared = features.entities.lazy.filter { story.entities[$0] != nil }.count
        return (score + entityWeight * Double(min(shared, maxSharedEntities)), least)
    }

    /// Which articles of a story, in time order, are follow-ups: published more than ``window`` days after every
    /// earlier article whose days are known. `days` are each article's known days
    /// (``StoryFeatures/knownDays(of:)``), nil for a date that is a guess.
    public func followUps(days: [ClosedRange<Int>?]) -> [Bool] {
        var latest: Int?
        return days.map { span in
            guard let span else { return false }
            defer { latest = max(latest ?? span.upperBound, span.upperBound) }
            guard let latest else { return false }
            return span.lowerBound - latest > window
        }
    }

    /// The story the article joins among `candidates` (story id and profile), with its score; nil for a new
    /// story. Ties go to the story seen first (the smaller id).
    public func choose(
        vector: [String: Double],
        features: StoryFeatures,
        candidates: [(id: Int64, profile: StoryProfile)]
    ) -> (id: Int64, score: Double)? {
        choose(vector: StoryTerm.sorted(vector), features: features, candidates: candidates)
    }

    /// ``choose(vector:features:candidates:)`` for a vector in term order.
    public func choose(
        vector: [StoryTerm],
        features: StoryFeatures,
        candidates: [(id: Int64, profile: StoryProfile)]
    ) -> (id: Int64, score: Double)? {
        var best: (id: Int64, score: Double)?
        for candidate in candidates {
            let (score, least) = score(vector: vector, features: features, story: candidate.profile)
            guard score >= least else { continue }
            if best == nil || score > best!.score || score == best!.score && candidate.id < best!.id {
                best = (candidate.id, score)
            }
        }
        return best
    }
}
