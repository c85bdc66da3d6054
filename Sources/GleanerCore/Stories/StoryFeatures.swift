import Foundation

/// What an article says that decides its story: the terms of its title and lead, the parties and places its
/// events name, the rare names of its lead, and when it was published. Computed outside the ingest
/// transaction; values only.
public struct StoryFeatures: Sendable, Hashable {
    /// The terms of the title and the lead, stemmed and lower-cased, in term order (`String`'s `<`), each with
    /// how often it occurs (a title word ``titleWeight`` times) and what weighing it needs but the stored counts:
    /// worked out with the features, on the threads that prepare articles, so that the thread that stores them
    /// only looks up each term's document frequency by ``WeightedTerm/key`` and multiplies.
    public let weightedTerms: [WeightedTerm]
    /// Term → how often it occurs (``weightedTerms`` as a dictionary).
    public var terms: [String: Int] {
        Dictionary(uniqueKeysWithValues: weightedTerms.lazy.map { ($0.term, $0.count) })
    }
    /// The names of the parties and places the article's events and main event name, lower-cased.
    public var entities: Set<String>
    /// The rare names of its lead (``StoryTerms/names(of:limit:)`` rarer in English than
    /// ``rareNameShare``): "Slepian", "Equifax", "Battlefront", not "Korea" or "Paris". As terms.
    public var names: Set<String>
    /// The days (since 1970) the publication date may stand for: one day, or a whole month when only that
    /// much is known; nil when the date is only the file's modification time, which says nothing of when the
    /// article was written, or inferred from the text (the latest date it names: a lower bound), or only a
    /// year.
    public var days: ClosedRange<Int>?

    /// How many words of the text make its lead, and how many times a title word counts: the title says
    /// what the story is, the lead who and where.
    public static let leadWords = 80
    public static let titleWeight = 4

    /// A name is rare when fewer than this share of ordinary articles contain it (``StoryBackground``): about
    /// one word in 400,000.
    public static let rareNameShare = 0.001

    public init(terms: [String: Int], entities: Set<String>, names: Set<String> = [], days: ClosedRange<Int>?) {
        weightedTerms = terms.map { WeightedTerm(term: $0.key, count: $0.value) }.sorted { $0.term < $1.term }
        self.entities = entities
        self.names = names
        self.days = days
    }

    /// The features of an article.
    ///
    /// - Parameter entities: the names its extracted events and main event give (actors, targets, places).
    public init(article: Article, entities: [String]) {
        var terms: [String: Int] = [:]
        for term in StoryTerms.terms(of: article.title ?? "", limit: 40) { terms[term, default: 0] += Self.titleWeight }
        for term in StoryTerms.terms(of: article.text, limit: Self.leadWords) { terms[term, default: 0] += 1 }
        self.init(
            terms: terms,
            entities: Set(entities.lazy.filter { !$0.isEmpty }.map { $0.lowercased() }),
            names: StoryTerms.names(of: article.text, limit: Self.leadWords).filter {
                StoryBackground.share(of: $0) < Self.rareNameShare
            },
            days: Self.knownDays(of: article.published)
        )
    }

    /// The days a publication date stands for, or nil when it is a guess (the file's time, a date inferred from
    /// the text) or only a year: such a date neither keeps an article out of a story nor makes it a follow-up.
    public static func knownDays(of published: PublicationDate) -> ClosedRange<Int>? {
        [.fileModificationTime, .inferred].contains(published.source) || published.precision == .year
            ? nil : days(of: published)
    }

    /// The days a publication date stands for: its day, or every day of its month or year.
    public static func days(of published: PublicationDate) -> ClosedRange<Int> {
        switch published.precision {
        case .day:
            return published.daysSince1970...published.daysSince1970
        case .month:
            let first = PublicationDate(year: published.year, month: published.month, day: 1, source: published.source)
            let next =
                published.month == 12
                ? PublicationDate(year: published.year + 1, month: 1, day: 1, source: published.source)
                : PublicationDate(year: published.year, month: published.month + 1, day: 1, source: published.source)
            return first.daysSince1970...(next.daysSince1970 - 1)
        case .year:
            let first = PublicationDate(year: published.year, month: 1, day: 1, source: published.source)
            let next = PublicationDate(year: published.year + 1, month: 1, day: 1, source: published.source)
            return first.daysSince1970...(next.daysSince1970 - 1)
        }
    }

    /// A term of an article with its key in the stored document frequencies, its weight in the article, and its
    /// share of ordinary articles.
    public struct WeightedTerm: Sendable, Hashable {
        public let term: String
        /// How often it occurs.
        public let count: Int
        /// The term's stable 64-bit hash (``StableHash``): its row in `story_terms`, the same in every process.
        public let key: Int64
        /// 1 + ln(how often it occurs): the term-frequency factor of its TF-IDF weight.
        public let frequencyWeight: Double
        /// ``StoryBackground/share(of:)``.
        public let background: Double

        public init(term: String, count: Int) {
            self.term = term
            self.count = count
            key = Self.key(of: term)
            frequencyWeight = 1 + log(Double(count))
            background = StoryBackground.share(of: term)
        }

        /// The key of a term's document frequency.
        public static func key(of term: String) -> Int64 {
            Int64(bitPattern: StableHash.hash(term.utf8))
        }
    }
}
