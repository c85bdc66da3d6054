import GleanerSynthetic
import PropertyBased
import Testing

@testable import GleanerCore

/// The fast paths (fused word hashing, the compiled MinHash kernels) against the definitions they replace.
@Suite("Near-duplicate fast paths equal their definitions")
struct FastPathTests {
    /// What the fused pass must equal: normalise, fold digits, split, hash each word.
    static func definition(title: String?, text: String) -> [UInt64] {
        ComparisonText.words(title: title, text: text).map { StableHash.hash($0.utf8) }
    }

    @Test(
        "Word hashes equal the hashed comparison words on tricky text",
        arguments: [
            "", " ", "\n\n", "A 1,100 km pipeline worth $2.25bn", "Ｆｕｌｌ－ｗｉｄｔｈ ＬＥＴＴＥＲＳ and ﬁ ligatures",
            "\u{301}leading mark, then café and cafe\u{301}", " \u{301}mark after a space", "naïve Ærø 東京 2022年1月24日",
            "line one\r\nline two\u{2028}line three\u{85}four", "x² ½ ① ⅻ 10⁵ €100 100€", "emoji 🇵🇰🤝🇷🇺 flags",
            "Must Read\nThe body.\nREAD: another story", "tab\tseparated\u{00A0}non-breaking\u{3000}ideographic",
            "ABC123def 4-5 0.5% 007", "İstanbul ǅemal ß ẞ ΣΑΣ", "a\u{0}b\u{7F}c",
        ]
    )
    func trickyText(text: String) {
        #expect(ComparisonText.wordHashes(title: nil, text: text) == Self.definition(title: nil, text: text))
    }

    @Test("Word hashes equal the definition on the samples, with their titles")
    func samples() throws {
        for name in Samples.names {
            let text = String(decoding: try Samples.bytes(name), as: UTF8.self)
            let title = text.split(separator: "\n").first.map(String.init)
            #expect(ComparisonText.wordHashes(title: title, text: text) == Self.definition(title: title, text: text))
        }
    }

    @Test("Word hashes equal the definition on random mixed-script text")
    func randomText() async {
        let pieces = [
            "Khan", "visit", "MOSCOW", "1,100", "2.25", "km", " ", " ", "\n", ", ", ". ", "—", "café", "e\u{301}",
            "\u{301}", "Ｆｕｌｌ", "ﬁ", "²", "①", "東京", "Ærø", "ß", "İ", "🇵🇰", "\u{200B}", "\t", "Must Read\n", "'s",
        ]
        await propertyCheck(count: 200, input: Gen.uint64()) { seed in
            var random = SeededGenerator(seed: seed)
            let count = Int(random.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(
                ComparisonText.wordHashes(title: nil, text: text) == Self.definition(title: nil, text: text),
                "\(text.debugDescription)"
            )
        }
    }

    /// MinHash by its definition, one function and one value at a time.
    static func referenceSignature(_ shingles: Shingles, hasher: MinHasher) -> [UInt32] {
        var signature: [UInt32] = []
        for function in 0..<hasher.permutations {
            let a = hasher.multipliers[function / 8][function % 8]
            let b = hasher.increments[function / 8][function % 8]
            var minimum = UInt32.max
            for hash in shingles.hashes {
                var v = a &* UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) &+ b
                v ^= v >> 16
                minimum = min(minimum, v)
            }
            signature.append(minimum)
        }
        return signature
    }

    @Test("Both MinHash kernels give the definition's signature", arguments: [8, 24, 128])
    func kernels(permutations: Int) async {
        let portable = MinHasher(permutations: permutations, seed: 7, kernel: .portable)
        let fastest = MinHasher(permutations: permutations, seed: 7)
        #expect(portable.kernel == .portable)
        await propertyCheck(count: 50, input: Gen.uint64()) { seed in
            var random = SeededGenerator(seed: seed)
            let shingles = Shingles(hashes: (0..<Int(random.next() % 300)).map { _ in random.next() }.sorted())
            let expected = Self.referenceSignature(shingles, hasher: portable)
            #expect(portable.signature(shingles) == expected)
            #expect(fastest.signature(shingles) == expected)
        }
    }

    @Test("Signatures have fixed test vectors (they are persisted)")
    func signatureVectors() {
        let shingles = Shingles(words: "a b c d e f g".split(separator: " "), size: 5)
        let signature = MinHasher(permutations: 128, seed: DedupParameters().seed).signature(shingles)
        #expect(Array(signature.prefix(4)) == [355_964_917, 2_225_952_620, 186_220_916, 1_104_485_429])
    }
}

@Suite("Near-duplicate fast paths: boilerplate and sorting")
struct FastPathHelperTests {
    @Test("The ASCII boilerplate decision equals the character-level one on random lines")
    func boilerplate() async {
        let pieces = [
            "Must", "must", "READ", "Read", " ", "  ", "\t", "\r", "more", "from this section", ":", ".", ">", "…",
            "also", "read:", "Related", "articles", "News", "x", "You may also like", "ADVERTISEMENT", "»", "é",
        ]
        await propertyCheck(count: 500, input: Gen.uint64()) { seed in
            var random = SeededGenerator(seed: seed)
            let line = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            let slow = BoilerplateRules.isBoilerplateByCharacters(line)
            #expect(BoilerplateRules.isBoilerplate(line) == slow, "\(line.debugDescription)")
        }
    }

    @Test(
        "The hash sort sorts and drops repeats, also of repetitive input",
        arguments: [0, 1, 2, 63, 64, 65, 700, 5000, 300_000]
    )
    func sortAndRemoveRepeats(count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        var withRepeats: [UInt64] = []
        for _ in 0..<count {
            // About one value in ten repeats an earlier one, far or near: the bucketed path's repeats.
            let repeats = !withRepeats.isEmpty && random.next() % 10 == 0
            withRepeats.append(repeats ? withRepeats[Int(random.next() % UInt64(withRepeats.count))] : random.next())
        }
        let inputs: [[UInt64]] = [
            withRepeats,
            (0..<count).map { index in index % 3 == 0 ? UInt64(index % 7) : random.next() },
            (0..<count).map { UInt64($0 * 7919 % 1000) },
            (0..<count).map { UInt64($0 % 2) << 60 | UInt64($0 % 3) },
            (0..<count).map { UInt64(count - $0) &* 0x9E37_79B9_7F4A_7C15 },
        ]
        for input in inputs {
            var values = input
            Shingles.sortAndRemoveRepeats(&values)
            #expect(values == Set(input).sorted())
        }
    }

    @Test(
        "Shingle hashes in text order are the shingle set with repeats, and give its signature, for every shingle size"
    )
    func shingleHashesAreTheSet() {
        var random = SeededGenerator(seed: 7)
        let hasher = MinHasher(permutations: 128, seed: DedupParameters().seed)
        for wordCount in [0, 1, 3, 4, 5, 6, 7, 8, 9, 13, 100, 1001] {
            // A small vocabulary, so that shingles repeat.
            let words = (0..<wordCount).map { _ in StableHash.hash("w\(random.next() % 12)".utf8) }
            for size in 1...7 {
                let inOrder = Shingles.hashes(ofWordHashes: words, size: size)
                #expect(inOrder.count == (words.isEmpty ? 0 : max(1, words.count - size + 1)))
                #expect(Shingles(wordHashes: words, size: size).hashes == Set(inOrder).sorted())
                #expect(inOrder == Self.referenceShingleHashes(words, size: size), "\(wordCount) words, k = \(size)")
                let set = Shingles(wordHashes: words, size: size)
                #expect(hasher.signature(ofShingleHashes: inOrder) == hasher.signature(set))
            }
        }
    }

    /// The shingle hash as first written: one shingle at a time, word by word.
    static func referenceShingleHashes(_ words: [UInt64], size k: Int) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        return (0..<max(1, words.count - k + 1)).map { start in
            var combined: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in start..<min(start + k, words.count) {
                combined = (combined ^ words[index]) &* 0x0000_0100_0000_01B3
                combined = (combined &<< 27) | (combined &>> 37)
            }
            return StableHash.mix(combined)
        }
    }
}
