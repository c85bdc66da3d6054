import GleanerCore
import Testing

@testable import GleanerEvents

/// One row: a sentence, the expression it must hold, and that expression's TIMEX3 type and value.
struct TimexCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var text: String
    var type: Timex.Kind
    var value: String

    var testDescription: String { "\"\(text)\" in \"\(sentence)\"" }
}

private func row(_ sentence: String, _ text: String, _ type: Timex.Kind, _ value: String) -> TimexCase {
    TimexCase(sentence: sentence, text: text, type: type, value: value)
}

/// Published on Friday 22 March 2013 (ISO week 12, first quarter).
private let friday = PublicationDate(year: 2013, month: 3, day: 22, source: .json)

private let table: [TimexCase] = [
    // Explicit dates.
    row("The deal was signed on March 22, 2013.", "March 22, 2013", .date, "2013-03-22"),
    row("It was announced in March 2013.", "March 2013", .date, "2013-03"),
    row("Sales rose in 2012.", "2012", .date, "2012"),
    row("The 1988 results were restated.", "1988", .date, "1988"),
    row("The report is dated 2013-03-20.", "2013-03-20", .date, "2013-03-20"),
    row("In the 1990s the city grew.", "the 1990s", .date, "199"),
    row("The company expects a loss in fiscal 2014.", "fiscal 2014", .date, "2014"),
    // Relative to the publication day.
    row("He said Friday that talks would go on.", "Friday", .date, "2013-03-22"),
    row("The talks were held last week.", "last week", .date, "2013-W11"),
    row("The trial will start next month.", "next month", .date, "2013-04"),
    row("Two years ago the plant closed.", "Two years ago", .date, "2011"),
    row("The strike ended three weeks ago.", "three weeks ago", .date, "2013-W09"),
    row("Profit fell a year earlier.", "a year earlier", .date, "2012"),
    row("The summit is planned for early next year.", "early next year", .date, "2014"),
    row("He visited the capital last summer.", "last summer", .date, "2012-SU"),
    row("Net income fell in the first quarter.", "the first quarter", .date, "2013-Q1"),
    row("Third-quarter profit rose sharply.", "Third-quarter", .date, "2012-Q3"),
    row("Sales grew in the fourth quarter of 2011.", "the fourth quarter of 2011", .date, "2011-Q4"),
    row("Revenue rose 5% from the year-earlier quarter.", "the year-earlier quarter", .date, "2011-Q4"),
    row("Profit doubled in the first half.", "the first half", .date, "2013-H1"),
    row("Christmas sales were weak.", "Christmas", .date, "2012-12-25"),
    row("The fans left after the weekend.", "the weekend", .date, "2013-W11-WE"),
    // Times.
    row("The attack came at 2:30 p.m. on Friday.", "2:30 p.m.", .time, "2013-03-22T14:30"),
    row("The polls closed at 8 p.m. Thursday.", "8 p.m. Thursday", .time, "2013-03-21T20:00"),
    row("Troops moved in before noon.", "noon", .time, "2013-03-22T12:00"),
    row("Fighting broke out this morning.", "this morning", .time, "2013-03-22TMO"),
    row("The vote was held Thursday night.", "Thursday night", .time, "2013-03-21TNI"),
    // Vague references.
    row("Prices are rising now.", "now", .date, "PRESENT_REF"),
    row("The shares recently fell.", "recently", .date, "PAST_REF"),
    row("Rates will fall in the future.", "the future", .date, "FUTURE_REF"),
    row("Prices have doubled in recent years.", "recent years", .date, "PAST_REF"),
    // Durations.
    row("The meeting lasted two hours.", "two hours", .duration, "PT2H"),
    row("Prices fell over the past five years.", "the past five years", .duration, "P5Y"),
    row("Talks have continued for ten days.", "ten days", .duration, "P10D"),
    row("Stocks hit a five-year low.", "five-year", .duration, "P5Y"),
    row("The index lost 12 percent in the last twenty four hours.", "the last twenty four hours", .duration, "PT24H"),
    row("Output fell in the first nine months.", "the first nine months", .duration, "P9M"),
    row("The siege went on for several weeks.", "several weeks", .duration, "PXW"),
    row("They have argued for years.", "years", .duration, "PXY"),
    row("The dam took a decade to build.", "a decade", .duration, "P10Y"),
    row("The refugees lived in camps for 2 1/2 years.", "2 1/2 years", .duration, "P2Y6M"),
    row("The talks lasted an hour and a half.", "an hour and a half", .duration, "PT1H30M"),
    row("The charge will be spread over the next three quarters.", "the next three quarters", .duration, "P9M"),
    row("The merger follows months of talks.", "months", .duration, "PXM"),
    row("The plant closed several years ago.", "several years ago", .date, "PAST_REF"),
    row("The budget will soon move into surplus.", "soon", .date, "FUTURE_REF"),
    row("Sales should rise in coming months.", "coming months", .date, "FUTURE_REF"),
    // Sets.
    row("The paper is published weekly.", "weekly", .set, "P1W"),
    row("They meet every week.", "every week", .set, "P1W"),
    row("The committee meets every Monday.", "every Monday", .set, "XXXX-WXX-1"),
    row("The ferry stops running every winter.", "every winter", .set, "XXXX-WI"),
    row("She is paid twice a month.", "a month", .set, "P1M"),
]

@Suite("Temporal expressions, normalised like TimeML TIMEX3")
struct TimexTaggerTests {
    @Test("Each expression of the table is found with its type and value", arguments: table)
    func tableCase(_ example: TimexCase) throws {
        let found = TimexTagger.expressions(in: example.sentence, published: friday)
        let match = try #require(
            found.first { $0.text == example.text },
            "found \(found.map { "\($0.text)=\($0.value)" })"
        )
        #expect(match.type == example.type)
        #expect(match.value == example.value)
        #expect(match.anchor == .published)
    }

    @Test("Offsets and lengths are UTF-8 bytes of the text, in text order, across sentences")
    func offsets() {
        let text = "Café owners met on Monday.\n\nThe mayor — who spoke for two hours — will reply next week."
        let found = TimexTagger.expressions(in: text, published: friday)
        #expect(found.map(\.text) == ["Monday", "two hours", "next week"])
        let bytes = Array(text.utf8)
        for expression in found {
            let slice = bytes[expression.offset..<(expression.offset + expression.length)]
            #expect(String(decoding: slice, as: UTF8.self) == expression.text)
        }
        #expect(found[0].offset == "Café owners met on ".utf8.count)
    }

    @Test("A value resolved against a file's modification time says so")
    func anchors() {
        let guessed = PublicationDate(year: 2013, month: 3, day: 22, source: .fileModificationTime)
        let found = TimexTagger.expressions(in: "The talks ended yesterday.", published: guessed)
        #expect(found.map(\.value) == ["2013-03-21"])
        #expect(found.map(\.anchor) == [.mtime])
    }

    @Test("Ages, fractions and quantities are not times")
    func nonTimes() {
        let text =
            "A 6-year-old boy and 52 years old men ate three-quarters of the 2,000 pies with 1999 people. "
            + "A quarter of the shares were sold as soon as possible, and a second buyer watched 60 Minutes."
        #expect(TimexTagger.expressions(in: text, published: friday).isEmpty)
    }
}
