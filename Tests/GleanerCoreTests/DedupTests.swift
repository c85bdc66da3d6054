import GleanerSynthetic
import PropertyBased
import Testing

@testable import GleanerCore

@Suite("Near-duplicate comparison text: each boilerplate rule")
struct BoilerplateRuleTests {
    @Test(
        "Teaser and navigation lines are boilerplate",
        arguments: [
            "Must Read", "More From This Section", "Translate This News In", "READ:  \"A coup against Putin\" says X",
            "Also read: Pakistan signs deal", "Read more…", "ADVERTISEMENT", "Related Articles:",
        ]
    )
    func boilerplate(line: String) {
        #expect(BoilerplateRules.isBoilerplate(line))
    }

    @Test(
        "Ordinary sentences are not",
        arguments: [
            "Pakistan and Russia signed a fresh agreement.", "Readers must read the fine print, officials said.",
            "Related talks will take place in Moscow next month.", "",
        ]
    )
    func notBoilerplate(line: String) {
        #expect(!BoilerplateRules.isBoilerplate(line))
    }

    @Test("A teaser line longer than 240 characters is kept as text")
    func longTeaser() {
        #expect(!BoilerplateRules.isBoilerplate("READ: " + String(repeating: "word ", count: 60)))
    }

    @Test("A short block after a trailing Must Read marker is another story's teaser and goes")
    func trailingBlock() {
        let lines = ["Body one.", "Body two.", "Must Read", "", "Gaza protests grow at US colleges", "NEW YORK: …"]
        #expect(BoilerplateRules.strip(lines, title: nil) == ["Body one.", "Body two."])
    }

    @Test("A long section after a mid-article marker is kept (sample 002 has one)")
    func midArticleMarker() {
        let long = String(repeating: "Real content continues here. ", count: 40)
        #expect(BoilerplateRules.strip(["Intro.", "More From This Section", long], title: nil) == ["Intro.", long])
    }

    @Test("The headline repeated as the first body line goes")
    func repeatedHeadline() {
        let stripped = BoilerplateRules.strip(["  Khan to visit Moscow!", "Body."], title: "Khan to Visit Moscow")
        #expect(stripped == ["Body."])
    }

    @Test("Digits fold to one 0 per run, so reformatted figures compare alike")
    func digits() {
        #expect(
            ComparisonText.words(title: nil, text: "A 1,100 km pipeline worth $2.25bn") == [
                "a", "0", "0", "km", "pipeline", "worth", "0", "0bn",
            ]
        )
    }
}

@Suite("Shingles, stable hashes, MinHash and LSH banding")
struct ShingleAndMinHashTests {
    @Test("The stable hash has fixed test vectors (it is persisted)")
    func stableHashVectors() {
        #expect(StableHash.hash(Array("".utf8)) == 17_280_346_270_528_514_342)
        #expect(StableHash.hash(Array("gleaner".utf8)) == 14_182_723_026_996_991_258)
        #expect(StableHash.hash(Array("Pakistan and Russia".utf8)) == 3_639_374_920_044_030_075)
        #expect(StableHash.mix(1) == 12_994_781_566_227_106_604)
        #expect(
            Shingles(words: "a b c d e f g".split(separator: " "), size: 5).hashes
                == [2_347_902_964_568_255_379, 10_959_328_250_247_566_538, 18_128_118_712_993_328_610]
        )
    }

    @Test("k-shingles: n − k + 1 of them, order matters, a short text is one shingle")
    func shingles() {
        let words = "the quick brown fox jumps over the lazy dog".split(separator: " ")
        #expect(Shingles(words: words, size: 5).count == 5)
        #expect(Shingles(words: words, size: 1).count == 8)  // "the" twice
        #expect(Shingles(words: words.reversed(), size: 5).intersectionCount(Shingles(words: words, size: 5)) == 0)
        #expect(Shingles(words: ["only", "two"], size: 5).count == 1)
        #expect(Shingles(words: [], size: 5).count == 0)
    }

    @Test("Exact Jaccard and containment of shingle sets")
    func similarity() {
        let a = Shingles(hashes: [1, 2, 3, 4])
        let b = Shingles(hashes: [3, 4, 5, 6])
        let c = Shingles(hashes: [1, 2])
        #expect(a.similarity(to: b).jaccard == 2.0 / 6.0)
        #expect(a.similarity(to: c) == (0.5, 1.0))
    }

    @Test("MinHash estimates are within ±0.12 of the exact Jaccard similarity")
    func estimates() {
        let hasher = MinHasher(permutations: 128, seed: 1)
        var corpus = SyntheticCorpus(seed: 3)
        for rate in [0.0, 0.02, 0.05, 0.1, 0.2] {
            let original = corpus.makeArticle(words: 600)
            let copy = corpus.makeCopy(of: original.id, edits: .init(wordChangeRate: rate))
            let a = Shingles(words: ComparisonText.words(title: nil, text: original.text), size: 5)
            let b = Shingles(words: ComparisonText.words(title: nil, text: copy.text), size: 5)
            let exact = a.similarity(to: b).jaccard
            let estimate = MinHasher.estimatedJaccard(hasher.signature(a), hasher.signature(b))
            #expect(abs(exact - estimate) < 0.12, "rate \(rate): exact \(exact), estimate \(estimate)")
        }
    }

    @Test("The default banding favours recall: P(candidate) ≥ 0.99 at J = 0.8, ≤ 0.25 at J = 0.5")
    func banding() {
        let banding = DedupParameters().banding
        #expect(banding == LSHBanding(bands: 16, rows: 6))
        #expect(banding.candidateProbability(0.8) >= 0.99)
        #expect(banding.candidateProbability(0.9) >= 0.9999)
        #expect(banding.candidateProbability(0.5) <= 0.25)
        #expect(banding.candidateProbability(0.2) <= 0.002)
    }
}

@Suite("Near-duplicate detection against brute-force exact Jaccard")
struct NearDuplicateDetectionTests {
    /// Runs LSH + exact verification over `corpus` in arrival order; returns each document's match.
    static func detect(
        _ corpus: SyntheticCorpus,
        parameters: DedupParameters = DedupParameters()
    ) -> [Int: DuplicateMatch] {
        let hasher = MinHasher(permutations: parameters.permutations, seed: parameters.seed)
        let matcher = NearDuplicateMatcher(parameters: parameters)
        var index = InMemoryLSHIndex()
        var matches: [Int: DuplicateMatch] = [:]
        for document in corpus.documents {
            let fingerprint = DedupFingerprint(
                title: document.title,
                text: document.text,
                parameters: parameters,
                hasher: hasher
            )
            let match = matcher.bestMatch(for: fingerprint.shingles, among: index.candidates(for: fingerprint))
            if let match { matches[document.id] = match }
            index.insert(
                id: Int64(document.id),
                canonical: match?.canonical ?? Int64(document.id),
                fingerprint: fingerprint
            )
        }
        return matches
    }

    @Test("Recall ≥ 0.98 for J ≥ 0.9, ≥ 0.9 for J in [0.8, 0.9); nothing reported below J = 0.5")
    func recallAgainstBruteForce() async {
        await propertyCheck(count: 4, input: Gen.uint64()) { seed in
            let corpus = SyntheticCorpus.make(seed: seed, originals: 120, copies: 120)
            let matches = Self.detect(corpus)
            let shingles = corpus.documents.map {
                Shingles(words: ComparisonText.words(title: $0.title, text: $0.text), size: 5)
            }
            var found = (high: 0, highTotal: 0, band: 0, bandTotal: 0)
            // Every pair (earlier i, later j) by brute force.
            for j in corpus.documents.indices {
                for i in 0..<j {
                    let jaccard = shingles[i].similarity(to: shingles[j]).jaccard
                    guard jaccard >= 0.8 else { continue }
                    let detected = matches[j] != nil
                    if jaccard >= 0.9 {
                        found.highTotal += 1
                        if detected { found.high += 1 }
                    } else {
                        found.bandTotal += 1
                        if detected { found.band += 1 }
                    }
                }
            }
            for (document, match) in matches {
                let exact = shingles[document].similarity(to: shingles[Int(match.matched)])
                #expect(exact.jaccard >= 0.5, "reported pair with J = \(exact.jaccard)")
                #expect(abs(match.similarity - (match.kind == .near ? exact.jaccard : exact.containment)) < 1e-12)
            }
            #expect(found.highTotal > 0)
            if found.highTotal > 0 { #expect(Double(found.high) / Double(found.highTotal) >= 0.98, "\(found)") }
            if found.bandTotal > 0 { #expect(Double(found.band) / Double(found.bandTotal) >= 0.9, "\(found)") }
        }
    }

    @Test("A copy with a trimmed closing paragraph is found as a contained or near duplicate")
    func trimmed() {
        var corpus = SyntheticCorpus(seed: 11)
        let original = corpus.makeArticle(words: 900)
        _ = corpus.makeCopy(of: original.id, edits: .init(trimLastParagraph: true, teasers: true, repeatHeadline: true))
        let match = Self.detect(corpus)[1]
        #expect(match?.canonical == 0)
        #expect(match.map { $0.similarity >= 0.8 } == true)
    }

    @Test("The five samples are different articles about one story: none is a duplicate of another")
    func samplesAreDistinct() throws {
        let parser = ArticleParser()
        let parameters = DedupParameters()
        let hasher = MinHasher(permutations: parameters.permutations, seed: parameters.seed)
        let matcher = NearDuplicateMatcher(parameters: parameters)
        var index = InMemoryLSHIndex()
        var all: [Shingles] = []
        for (id, name) in Samples.names.enumerated() {
            let article = try parser.parse(try Samples.bytes(name), fileName: name, modificationTime: 0).articles[0]
            let fingerprint = DedupFingerprint(
                title: article.title,
                text: article.text,
                parameters: parameters,
                hasher: hasher
            )
            #expect(
                matcher.bestMatch(for: fingerprint.shingles, among: index.candidates(for: fingerprint)) == nil,
                "\(name)"
            )
            for other in all { #expect(fingerprint.shingles.similarity(to: other).jaccard < 0.2) }
            all.append(fingerprint.shingles)
            index.insert(id: Int64(id), canonical: Int64(id), fingerprint: fingerprint)
        }
    }
}
