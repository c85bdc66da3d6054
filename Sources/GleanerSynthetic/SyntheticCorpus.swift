import Foundation
import GleanerCore

/// Generated news-like articles and edited copies of them, for property tests and benchmarks: realistic
/// enough to exercise shingling (Zipf-distributed vocabulary, sentences, paragraphs) and the edits
/// syndication makes (teaser lines, a repeated headline, a trimmed closing paragraph, changed words).
public struct SyntheticCorpus: Sendable {
    /// One generated document.
    public struct Document: Sendable {
        public var id: Int
        public var title: String
        public var text: String
        /// For an edited copy, the document it was made from.
        public var copyOf: Int?
    }

    public var documents: [Document] = []
    var generator: SeededGenerator
    let vocabulary: [String]
    let cumulative: [Double]

    /// - Parameters:
    ///   - seed: everything is a function of the seed.
    ///   - vocabularySize: distinct words; word ranks follow a Zipf law with exponent 1.07.
    public init(seed: UInt64, vocabularySize: Int = 6_000) {
        generator = SeededGenerator(seed: seed)
        let syllables = [
            "ka", "lo", "mi", "ra", "te", "po", "shi", "an", "ver", "del", "tor", "bu", "ne", "sa", "gri", "fo", "lin",
            "mar", "ek", "zu", "wen", "chi", "ost", "pra", "du", "gel", "hu", "is", "jor", "qua",
        ]
        var words = Set<String>()
        var vocabularyGenerator = SeededGenerator(seed: 7)
        while words.count < vocabularySize {
            let length = 1 + Int(vocabularyGenerator.next() % 3)
            words.insert(
                (0..<length).map { _ in syllables[Int(vocabularyGenerator.next() % UInt64(syllables.count))] }.joined()
            )
        }
        vocabulary = words.sorted()
        var total = 0.0
        var cumulative: [Double] = []
        for rank in 1...vocabulary.count {
            total += 1 / pow(Double(rank), 1.07)
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    mutating func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    mutating func word() -> String {
        let u = uniform()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    mutating func sentence() -> String {
        var words = (0..<integer(8...24)).map { _ in word() }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words.joined(separator: " ") + "."
    }

    /// A new original article of `words` words (approximately), in paragraphs.
    public mutating func makeArticle(words target: Int) -> Document {
        var paragraphs: [String] = []
        var count = 0
        while count < target {
            var sentences: [String] = []
            for _ in 0..<integer(2...5) where count < target {
                let sentence = sentence()
                count += sentence.split(separator: " ").count
                sentences.append(sentence)
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        let document = Document(
            id: documents.count,
            title: sentence().dropLast().split(separator: " ").prefix(9).joined(separator: " "),
            text: paragraphs.joined(separator: "\n\n"),
            copyOf: nil
        )
        documents.append(document)
        return document
    }

    /// The edits a copy may carry.
    public struct Edits: Sendable {
        /// Fraction of words replaced by other words.
        public var wordChangeRate: Double = 0
        /// Drop the last paragraph.
        public var trimLastParagraph = false
        /// Add a "READ: …" teaser line and a trailing "Must Read" block.
        public var teasers = false
        /// Repeat the headline as the first line of the text.
        public var repeatHeadline = false
        /// A different headline.
        public var newHeadline = false

        public init(
            wordChangeRate: Double = 0,
            trimLastParagraph: Bool = false,
            teasers: Bool = false,
            repeatHeadline: Bool = false,
            newHeadline: Bool = false
        ) {
            self.wordChangeRate = wordChangeRate
            self.trimLastParagraph = trimLastParagraph
            self.teasers = teasers
            self.repeatHeadline = repeatHeadline
            self.newHeadline = newHeadline
        }
    }

    /// Random edits of the kinds syndication makes, with a word change rate up to `maximumWordChangeRate`.
    public mutating func randomEdits(maximumWordChangeRate: Double) -> Edits {
        Edits(
            wordChangeRate: uniform() * maximumWordChangeRate,
            trimLastParagraph: uniform() < 0.3,
            teasers: uniform() < 0.4,
            repeatHeadline: uniform() < 0.3,
            newHeadline: uniform() < 0.5
        )
    }

    /// An edited copy of document `source`.
    public mutating func makeCopy(of source: Int, edits: Edits) -> Document {
        let original = documents[source]
        var paragraphs = original.text.components(separatedBy: "\n\n")
        if edits.trimLastParagraph, paragraphs.count > 2 { paragraphs.removeLast() }
        if edits.wordChangeRate > 0 {
            paragraphs = paragraphs.map { paragraph in
                paragraph.split(separator: " ").map { token in
                    uniform() < edits.wordChangeRate ? word() : String(token)
                }.joined(separator: " ")
            }
        }
        let title = edits.newHeadline ? String(sentence().dropLast()) : original.title
        if edits.teasers {
            paragraphs.insert("READ: \(sentence())", at: min(2, paragraphs.count))
            paragraphs.append("Must Read")
            paragraphs.append(String(sentence().prefix(90)))
        }
        if edits.repeatHeadline { paragraphs.insert(title, at: 0) }
        let document = Document(
            id: documents.count,
            title: title,
            text: paragraphs.joined(separator: "\n\n"),
            copyOf: source
        )
        documents.append(document)
        return document
    }

    /// A corpus of `originals` articles of 300–1,000 words and `copies` edited copies of random originals,
    /// shuffled so copies arrive after their source.
    public static func make(
        seed: UInt64,
        originals: Int,
        copies: Int,
        maximumWordChangeRate: Double = 0.12
    ) -> SyntheticCorpus {
        var corpus = SyntheticCorpus(seed: seed)
        for _ in 0..<originals { _ = corpus.makeArticle(words: corpus.integer(300...1_000)) }
        for _ in 0..<copies {
            let source = corpus.integer(0...(originals - 1))
            _ = corpus.makeCopy(of: source, edits: corpus.randomEdits(maximumWordChangeRate: maximumWordChangeRate))
        }
        return corpus
    }
}
