import Foundation
import GleanerCore
import Testing

@testable import GleanerEvents

/// The five real articles in `Tests/Fixtures/samples`.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    /// The parsed article; `published` replaces the date of articles without a dateline (their file time).
    static func article(
        _ prefix: String,
        published: PublicationDate = PublicationDate(year: 2022, month: 2, day: 14, source: .commandLine)
    ) throws -> Article {
        let name = try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix(prefix) }!
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
        var article = try ArticleParser().parse(bytes, fileName: name, modificationTime: 0).articles[0]
        if article.published.source != .dateline { article.published = published }
        return article
    }
}

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    @Test("Abbreviations, initials and decimals do not end a sentence")
    func abbreviations() {
        let text =
            "Gen. Bajwa met Lt. Col. Smith in the U.S. on Jan. 5. Prices rose 2.5 percent. J. Smith agreed! Did he?"
        #expect(
            SentenceSplitter.sentences(text).map(String.init(describing:)).count == 4
        )
        #expect(
            SentenceSplitter.sentences(text).map { String($0.text) } == [
                "Gen. Bajwa met Lt. Col. Smith in the U.S. on Jan. 5.", "Prices rose 2.5 percent.", "J. Smith agreed!",
                "Did he?",
            ]
        )
    }

    @Test("A period glued to the next sentence ends it; line breaks end sentences")
    func glued() {
        let sentences = SentenceSplitter.sentences(
            "Ties grew with Pakistan.Russian Foreign Minister Sergey Lavrov visited.\nNew line"
        )
        #expect(
            sentences.map { String($0.text) } == [
                "Ties grew with Pakistan.", "Russian Foreign Minister Sergey Lavrov visited.", "New line",
            ]
        )
        #expect(sentences.map(\.index) == [0, 1, 2])
    }

    @Test("Quotes after the period stay with the sentence")
    func quotes() {
        let sentences = SentenceSplitter.sentences("He said “we agree.” Then they left.")
        #expect(sentences.map { String($0.text) } == ["He said “we agree.”", "Then they left."])
    }
}

@Suite("Event extraction on the sample articles")
struct SampleExtractionTests {
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())

    func events(_ prefix: String) throws -> [ExtractedEvent] {
        Self.extractor.extract(from: try Samples.article(prefix))
    }

    @Test("Imran Khan will visit Russia on February 23-24 (sample 003)")
    func khanVisit() throws {
        let event = try #require(try events("003").first { $0.cameo == "042" && $0.date?.start == "2022-02-23" })
        #expect(event.actor?.name == "Imran Khan")
        #expect(event.actor?.country == "PAK")
        #expect(event.actor?.role == "Prime Minister")
        #expect(event.target?.country == "RUS")
        #expect(
            event.date == EventDate(start: "2022-02-23", end: "2022-02-24", precision: "day", text: event.date!.text)
        )
        #expect(event.modality == .planned)
        #expect(event.root == "04")
        #expect(event.quadClass == 1)
    }

    @Test("Lavrov visited Islamabad in April last year (sample 002)")
    func lavrovVisit() throws {
        let event = try #require(try events("002").first { $0.cameo == "042" && $0.actor?.name == "Sergey Lavrov" })
        #expect(event.actor?.country == "RUS")
        #expect(event.actor?.role == "Foreign Minister")
        #expect(event.target?.country == "PAK")
        #expect(event.location?.name == "Islamabad")
        #expect(event.date?.start == "2021-04")
        #expect(event.date?.precision == "month")
        #expect(event.modality == .occurred)
    }

    @Test("Pakistan and Russia signed an agreement to build a 1,100 km gas pipeline (sample 001)")
    func pipelineAgreement() throws {
        let event = try #require(try events("001").first { $0.cameo == "057" })
        #expect(Set([event.actor?.country, event.target?.country]) == ["PAK", "RUS"])
        #expect(event.date?.start == "2021")
        #expect(event.date?.precision == "year")
        #expect(event.modality == .occurred)
    }

    @Test("In April 2018 General Bajwa visited Moscow (samples 001 and 004)")
    func bajwaVisit() throws {
        for prefix in ["001", "004"] {
            let event = try #require(
                try events(prefix).first { $0.cameo == "042" && $0.actor?.name.contains("Bajwa") == true },
                "\(prefix)"
            )
            #expect(event.target?.country == "RUS")
            #expect(event.date?.start == "2018-04")
            #expect(event.modality == .occurred)
        }
    }

    @Test("Russia lifted its arms embargo in 2014 (sample 004)")
    func embargo() throws {
        let event = try #require(try events("004").first { $0.cameo == "085" })
        #expect(event.actor?.country == "RUS")
        #expect(event.date?.start == "2014")
    }

    @Test("Given the tagger's times, events are dated by them, in the sentences that hold them")
    func datedByTheTaggersTimes() {
        let published = PublicationDate(year: 2017, month: 9, day: 2, source: .commandLine)
        let article = Article(
            title: nil,
            text: "Pakistan said on Friday it was ready for talks. Russia will visit Pakistan in mid-October.",
            published: published
        )
        let times = TimexTagger.expressions(in: article.text, published: published)
        #expect(times.map(\.text) == ["Friday", "mid-October"])
        let visit = Self.extractor.extract(from: article, times: times).first { $0.cameo == "042" }
        #expect(visit?.date?.start == "2017-10")
        #expect(visit?.date?.text == "mid-October")
        // Without the times, the same grammar reads the sentence, and agrees.
        let alone = Self.extractor.extract(from: article).first { $0.cameo == "042" }
        #expect(alone?.date?.start == "2017-10")
    }

    @Test("Every record has the documented shape: codes, sentence, index, confidence in [0, 1]")
    func shape() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            for event in try events(prefix) {
                #expect(event.cameo.count == 3 || event.cameo.count == 4)
                #expect(event.cameo.hasPrefix(event.root))
                #expect((1...4).contains(event.quadClass))
                #expect((0...1).contains(event.confidence))
                #expect(!event.sentence.isEmpty)
            }
        }
    }
}

@Suite("Hostile text")
struct HostileTextTests {
    @Test("A megabyte on one line, no punctuation, odd Unicode: finishes, no events from nonsense")
    func hostile() {
        let extractor = EventExtractor(lexicon: try! Lexicon.bundled())
        let published = PublicationDate(year: 2022, month: 2, day: 14, source: .commandLine)
        let long = String(repeating: "visit Russia visit ", count: 60_000)
        let odd = String(repeating: "\u{202E}\u{0301}𝕏👨‍👩‍👧 ", count: 10_000)
        for text in [long, odd, String(repeating: ".", count: 100_000), ""] {
            let events = extractor.extract(from: Article(title: nil, text: text, published: published))
            #expect(events.count <= 1)
        }
    }
}
