import Foundation
import Testing

@testable import GleanerCore

@Suite("Story terms and matching: values in, values out")
struct StoryMatcherTests {
    @Test("Terms are content words, lower-cased, with plurals and possessives folded")
    func terms() {
        #expect(
            StoryTerms.terms(of: "The Missiles' launch: Japan's cities said they were ready.", limit: 20)
                == ["missile", "launch", "japan", "city", "ready"]
        )
        #expect(StoryTerms.terms(of: "Taxes, classes and churches", limit: 20) == ["tax", "class", "church"])
        #expect(
            StoryTerms.terms(of: "Pakistan\u{2019}s premier-  visits the bus-stops' boxes", limit: 20)
                == ["pakistan", "premier", "visit", "bus-stop", "box"]
        )
        #expect(StoryTerms.terms(of: "He said that they were there, and then it was over.", limit: 20).isEmpty)
        #expect(StoryTerms.terms(of: "alpha beta gamma delta", limit: 2) == ["alpha", "beta"])
    }

    @Test("A vector has length 1; rare terms weigh more")
    func vector() {
        let features = StoryFeatures(terms: ["flood": 2, "valley": 1], entities: [], days: 0...0)
        let vector = StoryMatcher.vector(features) { $0 == "flood" ? 3 : 1 }
        let length = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-9)
        #expect(vector["flood"]! > vector["valley"]!)
        #expect(
            StoryMatcher.idf(documentFrequency: 1, documents: 100)
                > StoryMatcher.idf(documentFrequency: 50, documents: 100)
        )
    }

    @Test("Everyday words weigh little from the first article on; the stored counts take over as articles arrive")
    func backgroundFrequencies() {
        // The bundled table: a word of business news is common, a company's name is not in it.
        #expect(StoryBackground.share(of: "quarter") > 0.01)
        #expect(StoryBackground.share(of: "quarter") < StoryBackground.share(of: "year"))
        #expect(StoryBackground.share(of: "erbamont") == 0)
        // Words one term folds add up: "missiles" is "missile".
        let one = StoryBackground.parse("missile\t4.00\n")["missile"]!
        let both = StoryBackground.parse("missile\t4.00\nmissiles\t4.00\nnot a line\n")["missile"]!
        #expect(abs(one - (1 - exp(-1e-5 * 400))) < 1e-12)
        #expect(abs(both - (1 - (1 - one) * (1 - one))) < 1e-12)
        // In an empty database the background decides; in a large one the stored counts do.
        let common = StoryBackground.share(of: "quarter")
        #expect(
            StoryMatcher.idf(documentFrequency: 1, documents: 1, background: common)
                < StoryMatcher.idf(documentFrequency: 1, documents: 1, background: 0) - 1
        )
        let stored = (
            common: StoryMatcher.idf(documentFrequency: 5_000, documents: 1_000_000, background: common),
            rare: StoryMatcher.idf(documentFrequency: 5_000, documents: 1_000_000, background: 0)
        )
        #expect(abs(stored.common - stored.rare) < 0.02 * stored.rare)
    }

    @Test("Weights from frequencies given in term order are those from an IDF per term, to the last bit")
    func vectorFromFrequencies() {
        let features = StoryFeatures(
            terms: ["flood": 2, "valley": 1, "dam": 3, "rescue": 1],
            entities: [],
            days: 0...0
        )
        let frequencies = ["flood": 40, "valley": 7, "dam": 2, "rescue": 90]
        let byLookUp = StoryMatcher.termVector(features) {
            StoryMatcher.idf(
                documentFrequency: frequencies[$0]!,
                documents: 1_000,
                background: StoryBackground.share(of: $0)
            )
        }
        let inOrder = StoryMatcher.termVector(
            features,
            documentFrequencies: features.weightedTerms.map { frequencies[$0.term]! },
            documents: 1_000
        )
        #expect(inOrder.map(\.term) == ["dam", "flood", "rescue", "valley"])
        #expect(inOrder.map(\.term) == byLookUp.map(\.term))
        #expect(inOrder.map(\.weight) == byLookUp.map(\.weight))
    }

    @Test(
        "The closest story within the window is chosen; none below the threshold, or outside the window unless much alike"
    )
    func choose() {
        let matcher = StoryMatcher(threshold: 0.3, window: 14, followUpThreshold: 0.8)
        func story(_ terms: [String: Int], day: Int) -> StoryProfile {
            let features = StoryFeatures(terms: terms, entities: [], days: day...day)
            return StoryProfile(vector: StoryMatcher.vector(features) { _ in 1 }, features: features)
        }
        let floods = story(["flood": 2, "valley": 1, "village": 1], day: 100)
        let vote = story(["vote": 2, "party": 1, "leader": 1], day: 100)
        let article = StoryFeatures(terms: ["flood": 1, "village": 1, "rescue": 1], entities: [], days: 105...105)
        let vector = StoryMatcher.vector(article) { _ in 1 }
        #expect(matcher.choose(vector: vector, features: article, candidates: [(1, vote), (2, floods)])?.id == 2)
        #expect(matcher.choose(vector: vector, features: article, candidates: [(1, vote)]) == nil)
        // Published weeks later: alike (cosine 0.71) is not enough, much alike is a follow-up.
        let late = StoryFeatures(terms: article.terms, entities: [], days: 150...150)
        #expect(matcher.choose(vector: vector, features: late, candidates: [(2, floods)]) == nil)
        let followUp = StoryFeatures(terms: ["flood": 2, "valley": 1, "village": 1], entities: [], days: 150...150)
        let followUpVector = StoryMatcher.vector(followUp) { _ in 1 }
        #expect(matcher.choose(vector: followUpVector, features: followUp, candidates: [(2, floods)])?.id == 2)
        // Beyond the follow-up window, however alike, it is news of its own.
        let muchLater = StoryFeatures(terms: followUp.terms, entities: [], days: 300...300)
        #expect(matcher.choose(vector: followUpVector, features: muchLater, candidates: [(2, floods)]) == nil)
        // A date that is only a guess does not keep an article out.
        let undated = StoryFeatures(terms: article.terms, entities: [], days: nil)
        #expect(matcher.choose(vector: vector, features: undated, candidates: [(2, floods)])?.id == 2)
    }

    @Test("A follow-up comes more than the window after every earlier article whose date is known")
    func followUps() {
        let matcher = StoryMatcher(window: 14)
        #expect(matcher.followUps(days: []) == [])
        #expect(
            matcher.followUps(days: [100...100, 105...105, nil, 130...130, 131...131, 160...160])
                == [false, false, false, true, false, true]
        )
        // A month-long span counts from its last day.
        #expect(matcher.followUps(days: [100...130, 140...140, 160...160]) == [false, false, true])
    }

    @Test("Shared entities add to the score only when given a weight, up to a bound")
    func entityBonus() {
        let features = StoryFeatures(terms: ["flood": 1], entities: ["a", "b", "c"], days: nil)
        let vector = StoryMatcher.vector(features) { _ in 1 }
        let story = StoryProfile(vector: vector, features: features)
        let plain = StoryMatcher().score(vector: vector, features: features, story: story).score
        let weighted = StoryMatcher(entityWeight: 0.1, maxSharedEntities: 2)
            .score(vector: vector, features: features, story: story).score
        #expect(abs(plain - 1) < 1e-9)
        #expect(abs(weighted - 1.2) < 1e-9)
    }

    @Test("Names are words capitalised where no sentence begins; only rare ones are an article's names")
    func names() {
        let text = "Officials said Zorvath and the Quellin group met in Paris on Monday. Zorvath left: Talks ended."
        #expect(StoryTerms.names(of: text, limit: 80) == ["zorvath", "quellin", "paris"])
        // Only the first words are read; a name at the start of a sentence is not seen there.
        #expect(StoryTerms.names(of: text, limit: 4) == ["zorvath"])
        #expect(StoryTerms.names(of: "Quellin met Zorvath.\nQuellin left.", limit: 80) == ["zorvath"])
        let article = Article(
            title: "Zorvath In Paris",
            text: text,
            published: PublicationDate(year: 2024, month: 1, day: 8, source: .json)
        )
        #expect(StoryFeatures(article: article, entities: []).names == ["zorvath", "quellin"])
    }

    @Test("A rare name shared within the window adds to the score, up to a bound; not beyond the window")
    func nameBonus() {
        let matcher = StoryMatcher(
            threshold: 0.3,
            window: 14,
            followUpThreshold: 0.5,
            nameWeight: 0.05,
            maxSharedNames: 2
        )
        let story = StoryProfile(
            vector: ["flood": 1],
            features: StoryFeatures(
                terms: ["flood": 1],
                entities: [],
                names: ["zorvath", "quellin", "amberly"],
                days: 10...10
            )
        )
        #expect(story.entities["#zorvath"] == 1)
        #expect(story.namedEntities.isEmpty)
        #expect(story.keys(terms: 1) == ["flood", "@#amberly", "@#quellin", "@#zorvath"])
        let vector = ["flood": 0.6, "valley": 0.8]
        func score(_ names: Set<String>, day: Int) -> Double {
            matcher.score(
                vector: vector,
                features: StoryFeatures(terms: ["flood": 1, "valley": 1], entities: [], names: names, days: day...day),
                story: story
            ).score
        }
        #expect(abs(score([], day: 12) - 0.6) < 1e-9)
        #expect(abs(score(["zorvath", "other"], day: 12) - 0.65) < 1e-9)
        #expect(abs(score(["zorvath", "quellin", "amberly"], day: 12) - 0.7) < 1e-9)
        // Forty days on it is a follow-up at most: the names add nothing.
        #expect(abs(score(["zorvath", "quellin"], day: 50) - 0.6) < 1e-9)
        let features = StoryFeatures(terms: ["flood": 1], entities: ["kenya"], names: ["zorvath"], days: nil)
        #expect(StoryMatcher.lookupKeys(vector: ["flood": 1], features: features) == ["flood", "@kenya", "@#zorvath"])
    }

    @Test("A profile keeps a bounded number of terms, and its span grows with its articles")
    func profile() {
        var terms: [String: Double] = [:]
        for index in 0..<200 { terms["term\(index)"] = Double(index) }
        var profile = StoryProfile(vector: terms, features: StoryFeatures(terms: [:], entities: ["a"], days: 10...10))
        #expect(profile.centroid.count == StoryProfile.keptTerms)
        #expect(profile.centroid["term199"] != nil)
        profile.add(vector: [:], features: StoryFeatures(terms: [:], entities: ["a", "b"], days: 20...20))
        #expect(profile.firstDay == 10)
        #expect(profile.lastDay == 20)
        #expect(profile.entities["a"] == 2)
        #expect(profile.keys(terms: 3).prefix(3) == ["term199", "term198", "term197"])
        #expect(profile.keys(terms: 3).suffix(2) == ["@a", "@b"])
        // The most named entities only, when asked for fewer.
        #expect(profile.keys(terms: 1, entities: 1) == ["term199", "@a"])
    }

    @Test("A profile survives its bytes; other bytes are refused")
    func profileBytes() {
        var profile = StoryProfile(
            vector: ["flood": 0.8, "vallée": 0.6],
            features: StoryFeatures(terms: [:], entities: ["marwick"], days: nil)
        )
        #expect(StoryProfile(bytes: profile.bytes) == profile)
        profile.add(vector: ["rescue": 1], features: StoryFeatures(terms: [:], entities: [], days: 5...9))
        let decoded = StoryProfile(bytes: profile.bytes)
        #expect(decoded == profile)
        #expect(decoded?.firstDay == 5)
        #expect(StoryProfile(bytes: profile.bytes.dropLast()) == nil)
        #expect(StoryProfile(bytes: [UInt8](repeating: 0xFF, count: 40)) == nil)
    }

    @Test("Vectors in term order add and multiply as maps of terms do")
    func termOrderWalks() {
        let left: [String: Double] = ["flood": 0.5, "rescue": 0.25, "vallée": 2, "zinc": 1]
        let right: [String: Double] = ["dam": 3, "flood": 4, "vallée": 0.5, "valley": 1]
        let sum = StoryTerm.sum(StoryTerm.sorted(left), StoryTerm.sorted(right))
        #expect(sum == StoryTerm.sorted(left.merging(right, uniquingKeysWith: +)))
        #expect(sum.map(\.term) == ["dam", "flood", "rescue", "valley", "vallée", "zinc"])
        #expect(StoryTerm.dot(StoryTerm.sorted(left), StoryTerm.sorted(right)) == 0.5 * 4 + 2 * 0.5)
        #expect(StoryTerm.dot(StoryTerm.sorted(left), []) == 0)
        #expect(StoryTerm.length(StoryTerm.sorted(["a": 3, "b": 4])) == 5)
    }

    @Test("A profile's bytes keep their layout: little-endian counts and days, length-prefixed terms")
    func profileByteLayout() {
        let profile = StoryProfile(
            vector: ["ab": 0.5],
            features: StoryFeatures(terms: [:], entities: ["c"], days: nil)
        )
        let none: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0x80]  // Int64.min: no day
        let expected: [UInt8] =
            [1, 0, 0, 0, 0, 0, 0, 0] + none + none + [1, 0, 0, 0, 0, 0, 0, 0]
            + [2, 0, 0x61, 0x62] + [0, 0, 0, 0, 0, 0, 0xE0, 0x3F]  // "ab", 0.5
            + [1, 0, 0, 0, 0, 0, 0, 0] + [1, 0, 0x63] + [1, 0, 0, 0, 0, 0, 0, 0]  // "c" named by 1 article
        #expect(profile.bytes == expected)
    }

    @Test("A profile's bytes with terms out of order are read in term order")
    func profileBytesOutOfOrder() throws {
        let profile = StoryProfile(
            vector: ["alpha": 0.6, "beta": 0.8],
            features: StoryFeatures(terms: [:], entities: [], days: nil)
        )
        // Swap the two terms, each written as a 2-byte length, its bytes and an 8-byte weight, after the
        // 32 bytes of article count, days and term count.
        var bytes = profile.bytes
        let start = 32
        let entry = 2 + 5 + 8  // "alpha"
        let second = 2 + 4 + 8  // "beta"
        let first = Array(bytes[start..<(start + entry)])
        let next = Array(bytes[(start + entry)..<(start + entry + second)])
        bytes.replaceSubrange(start..<(start + entry + second), with: next + first)
        let decoded = try #require(StoryProfile(bytes: bytes))
        #expect(decoded.terms.map(\.term) == ["alpha", "beta"])
        #expect(decoded == profile)
    }
}
