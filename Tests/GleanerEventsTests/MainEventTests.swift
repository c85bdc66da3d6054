import GleanerCore
import Testing

@testable import GleanerEvents

@Suite("The main event of an article, from its lead")
struct MainEventTests {
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())
    static let published = PublicationDate(year: 2022, month: 2, day: 17, source: .json)

    func mainEvent(_ text: String, title: String? = nil) -> MainEvent? {
        let article = Article(title: title, text: text, published: Self.published)
        let (dated, times) = ArticleDating.dated(article)
        return Self.extractor.mainEvent(of: dated, events: Self.extractor.extract(from: dated), times: times)
    }

    @Test("A coded event of the first sentence: who, what, whom, CAMEO, when and where")
    func codedLead() throws {
        let main = try #require(
            mainEvent(
                "Russian President Vladimir Putin visited Pakistan on Monday for talks on a gas pipeline. "
                    + "The visit was the first in years. Officials said more talks would follow."
            )
        )
        #expect(main.who?.name == "Vladimir Putin")
        #expect(main.whom?.country == "PAK")
        #expect(main.cameo?.hasPrefix("04") == true)
        #expect(main.when?.start == "2022-02-14")
        #expect(main.sentenceIndex == 0)
    }

    @Test("Non-political news has a main event too: the lead's subject as written and its verb phrase")
    func uncodedLead() throws {
        let main = try #require(
            mainEvent(
                "Zentrix Robotics reported record profits on Tuesday as demand for warehouse machines grew. "
                    + "Analysts said Zentrix Robotics would hire more engineers."
            )
        )
        #expect(main.who?.name == "Zentrix Robotics")
        #expect(main.cameo == nil)
        #expect(main.what.hasPrefix("reported record profits"))
        #expect(main.when?.start == "2022-02-15")
    }

    @Test("A capitalised word that only starts the sentence is not taken for a name")
    func sentenceInitialWord() throws {
        let main = try #require(mainEvent("Snow fell across the region overnight, closing schools and roads."))
        #expect(main.who == nil)
        // No date in the lead: the publication day or the day before.
        #expect(main.when?.start == "2022-02-16")
        #expect(main.when?.end == "2022-02-17")
    }
}
