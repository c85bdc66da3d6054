import GleanerCore
import Testing

@testable import GleanerEvents

/// A modification time of 2026-12-02, as a file copied into the inbox today would have.
private let copiedToday = PublicationDate(year: 2026, month: 12, day: 2, source: .fileModificationTime)

@Suite("A publication date guessed from the file's modification time is checked against the text")
struct PublicationDateInferenceTests {
    @Test("A year spoken of as future, already past at the modification time, gives the year before it")
    func futureYear() throws {
        let text = """
            The dam was first proposed in 2015. Construction is expected to begin later this year or in early 2022, \
            the ministry said.
            """
        let inference = try #require(PublicationDateInference.infer(text: text, guess: copiedToday))
        #expect(inference.date.description == "2021")
        #expect(inference.date.source == .inferred)
        #expect(inference.date.precision == .year)
        #expect(inference.evidence.contains("speaks of 2022 as future"))
        #expect(inference.evidence.contains("2026-12-02"))
    }

    @Test("When every year it names is years older, the latest one is taken, to the month when it names one")
    func olderYears() throws {
        let text = "The strike began in March 2017 and ended on May 4, 2017. Talks had failed in 2016."
        let inference = try #require(PublicationDateInference.infer(text: text, guess: copiedToday))
        #expect(inference.date.description == "2017-05")
        #expect(inference.date.precision == .month)
        #expect(inference.evidence.contains("the latest year it names is 2017"))
    }

    @Test("A weekday paired with a date names the year in which they fall together")
    func weekdayPair() throws {
        let text = "The prime minister will travel to Beijing on Monday, January 24, for talks."
        let inference = try #require(PublicationDateInference.infer(text: text, guess: copiedToday))
        // 24 January fell on a Monday in 2022 (and not again until 2028).
        #expect(inference.date.description == "2022-01")
        #expect(inference.evidence.contains("falls on that weekday in 2022"))
    }

    @Test("A text that agrees with the modification time, or names no year at all, keeps it")
    func keepsConsistentGuess() {
        let recent = "Prices rose in 2026 and are expected to fall in 2027."
        #expect(PublicationDateInference.infer(text: recent, guess: copiedToday) == nil)
        let undated = "The council met on Tuesday and will meet again next month."
        #expect(PublicationDateInference.infer(text: undated, guess: copiedToday) == nil)
    }

    @Test("A date the article states is never replaced")
    func statedDateKept() {
        let stated = PublicationDate(year: 2026, month: 12, day: 2, source: .json)
        #expect(PublicationDateInference.infer(text: "In 2015 the dam was built.", guess: stated) == nil)
    }

    @Test("An article's times are resolved against the inferred date and say so")
    func datedArticle() throws {
        let article = Article(
            title: nil,
            text: "Work stopped in April. The second phase is scheduled to start in early 2022.",
            published: copiedToday
        )
        let (dated, times) = ArticleDating.dated(article)
        #expect(dated.published.source == .inferred)
        #expect(dated.published.description == "2021")
        #expect(dated.warnings.contains { $0.contains("inferred as 2021") })
        #expect(times.map(\.value) == ["2021-04", "2022"])
        #expect(times.allSatisfy { $0.anchor == .inferred })
    }
}

@Suite("Sample 000: no date of its own, a file copied today")
struct UndatedSampleTests {
    @Test("Its publication date is inferred as 2021 and none of its events or times is dated after 2022")
    func sample000() throws {
        var article = try Samples.article("000", published: copiedToday)
        article.published = copiedToday  // as the file's modification time gives it
        let (dated, times) = ArticleDating.dated(article)
        #expect(dated.published.source == .inferred)
        #expect(dated.published.description == "2021")
        let events = EventExtractor(lexicon: try Lexicon.bundled()).extract(from: dated)
        let dates = events.compactMap(\.date)
        #expect(!dates.isEmpty)
        for date in dates {
            #expect(date.end <= "2022", "\(date.text) resolved to \(date.end)")
            #expect(date.anchor == "inferred")
        }
        let years = times.filter { $0.type == .date }.compactMap { Int($0.value.prefix(4)) }
        #expect(!years.isEmpty)
        #expect(years.allSatisfy { $0 <= 2022 }, "\(times.map { "\($0.text)=\($0.value)" })")
    }
}
