import GleanerCore
import Testing

@testable import GleanerEvents

/// One row of the table: a sentence with exactly one temporal expression, and how it resolves.
struct DateGrammarCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var published: String
    var tense: Tense
    var start: String
    var end: String
    var precision: String
    var text: String

    var testDescription: String { "\"\(sentence)\" (\(tense.rawValue), published \(published))" }
}

/// A row; `end` defaults to `start`, the precision follows from the length of `start`.
private func row(
    _ sentence: String,
    _ tense: Tense,
    _ start: String,
    _ end: String? = nil,
    text: String,
    published: String = "2022-02-14"
) -> DateGrammarCase {
    let precision =
        switch start.count {
        case 4: "year"
        case 7: "month"
        default: "day"
        }
    return DateGrammarCase(
        sentence: sentence,
        published: published,
        tense: tense,
        start: start,
        end: end ?? start,
        precision: precision,
        text: text
    )
}

private func day(_ text: String) -> PublicationDate {
    PublicationDateParser.parse(text, source: .commandLine)!
}

private let monday = day("2022-02-14")

private let table: [DateGrammarCase] = [
    // Days and ranges of days without a year: placed by tense.
    row("Talks are planned for February 23-24.", .future, "2022-02-23", "2022-02-24", text: "February 23-24"),
    row("Talks were held on February 23-24.", .past, "2021-02-23", "2021-02-24", text: "February 23-24"),
    row("Talks are on February 23–24.", .present, "2022-02-23", "2022-02-24", text: "February 23–24"),
    row(
        "The summit will run from February 23 to 26.",
        .future,
        "2022-02-23",
        "2022-02-26",
        text: "from February 23 to 26"
    ),
    row("He will arrive on Feb. 23.", .future, "2022-02-23", text: "Feb. 23"),
    row("She arrived on 23 February.", .past, "2021-02-23", text: "23 February"),
    row("The meeting is on 23 February.", .present, "2022-02-23", text: "23 February"),
    row(
        "The vote will take place on the 23rd and 24th of February.",
        .future,
        "2022-02-23",
        "2022-02-24",
        text: "the 23rd and 24th of February"
    ),
    row("It happened on the 23rd of February.", .past, "2021-02-23", text: "the 23rd of February"),
    row("It will happen on the 23rd of February.", .future, "2022-02-23", text: "the 23rd of February"),
    row("The ministers met on January 17.", .past, "2022-01-17", text: "January 17"),
    row("The ministers will meet on January 17.", .future, "2023-01-17", text: "January 17"),
    row("The ministers meet on January 17.", .present, "2022-01-17", text: "January 17"),
    row("They met on February 14.", .past, "2022-02-14", text: "February 14"),
    row("They will meet on February 14.", .future, "2022-02-14", text: "February 14"),
    row("Troops left on February 23rd.", .future, "2022-02-23", text: "February 23rd"),
    row("Talks are set for 23-24 February.", .future, "2022-02-23", "2022-02-24", text: "23-24 February"),
    row(
        "Talks are set for February 23, 24 and 25.",
        .future,
        "2022-02-23",
        "2022-02-25",
        text: "February 23, 24 and 25"
    ),
    row(
        "Between February 23 and 26 they will talk.",
        .future,
        "2022-02-23",
        "2022-02-26",
        text: "Between February 23 and 26"
    ),
    row(
        "Fighting raged from December 28 to January 3.",
        .past,
        "2021-12-28",
        "2022-01-03",
        text: "from December 28 to January 3"
    ),
    row(
        "The fair runs from 23 February to 2 March.",
        .future,
        "2022-02-23",
        "2022-03-02",
        text: "from 23 February to 2 March"
    ),
    row("He was born on February 29.", .past, "2020-02-29", text: "February 29"),
    row("The vote falls on February 29.", .future, "2024-02-29", text: "February 29"),
    row("The parade is on MAY 5.", .future, "2022-05-05", text: "MAY 5"),
    row("The polls open on March 1st.", .future, "2022-03-01", text: "March 1st"),
    row("The polls opened on the 2nd of January.", .past, "2022-01-02", text: "the 2nd of January"),
    row("Voting starts 3rd March.", .future, "2022-03-03", text: "3rd March"),
    row("Polls close on Monday, February 21.", .future, "2022-02-21", text: "Monday, February 21"),
    // Days with a year.
    row("The deal was signed on January 17, 2021.", .past, "2021-01-17", text: "January 17, 2021"),
    row("The deal was signed on 17 January 2021.", .future, "2021-01-17", text: "17 January 2021"),
    row("The attacks of Sept. 11, 2001 changed everything.", .past, "2001-09-11", text: "Sept. 11, 2001"),
    row("The report is dated 2022-02-23.", .past, "2022-02-23", text: "2022-02-23"),
    row("The treaty was signed on February 23 last year.", .past, "2021-02-23", text: "February 23 last year"),
    row(
        "The treaty was signed on February 23-24, 2021.",
        .past,
        "2021-02-23",
        "2021-02-24",
        text: "February 23-24, 2021"
    ),
    // Months.
    row("The talks collapsed in April.", .past, "2021-04", text: "April"),
    row("The talks will resume in April.", .future, "2022-04", text: "April"),
    row("The talks resume in April.", .present, "2022-04", text: "April"),
    row("The talks resumed in December.", .present, "2021-12", text: "December"),
    row("The talks began in February.", .past, "2022-02", text: "February"),
    row("The talks collapsed in April.", .past, "2022-04", text: "April", published: "2022-05-10"),
    row("The plant closed in April last year.", .past, "2021-04", text: "April last year"),
    row("The plant closed in April of last year.", .past, "2021-04", text: "April of last year"),
    row("April 2018 was the wettest month.", .past, "2018-04", text: "April 2018"),
    row("The plant closed in April 2018.", .past, "2018-04", text: "April 2018"),
    row("Elections were held in September 2021.", .past, "2021-09", text: "September 2021"),
    row("Troops will withdraw in mid-April.", .future, "2022-04", text: "mid-April"),
    row("Troops will withdraw by the end of March.", .future, "2022-03", text: "the end of March"),
    row("Prices fell last April.", .past, "2021-04", text: "last April"),
    row("Prices will be reviewed from April to June.", .future, "2022-04", "2022-06", text: "from April to June"),
    // Years and decades.
    row("The war began in 2015.", .past, "2015", text: "2015"),
    row("Fighting has continued since 2015.", .present, "2015", text: "2015"),
    row("The pipeline was planned in 2014.", .past, "2014", text: "2014"),
    row("Production rose between 2015 and 2018.", .past, "2015", "2018", text: "between 2015 and 2018"),
    row("The season ended in 2015-16.", .past, "2015", "2016", text: "2015-16"),
    row("The plant opens in early 2022.", .future, "2022", text: "early 2022"),
    row("The economy grew in the 1990s.", .past, "1990", "1999", text: "the 1990s"),
    row("The economy grew in the early 1990s.", .past, "1990", "1999", text: "the early 1990s"),
    row("The economy grew in the 1990's.", .past, "1990", "1999", text: "the 1990's"),
    // Relative to the publication day.
    row("The economy shrank last year.", .past, "2021", text: "last year"),
    row("The economy is growing this year.", .present, "2022", text: "this year"),
    row("The economy will grow next year.", .future, "2023", text: "next year"),
    row("Exports fell last month.", .past, "2022-01", text: "last month"),
    row("Exports are falling this month.", .present, "2022-02", text: "this month"),
    row("A decision is expected later this month.", .future, "2022-02", text: "later this month"),
    row("Exports will rise next month.", .future, "2022-03", text: "next month"),
    row("Exports rose earlier this year.", .past, "2022", text: "earlier this year"),
    row("The minister resigned yesterday.", .past, "2022-02-13", text: "yesterday"),
    row("The minister resigns today.", .present, "2022-02-14", text: "today"),
    row("The minister will resign tomorrow.", .future, "2022-02-15", text: "tomorrow"),
    row("He left the day before yesterday.", .past, "2022-02-12", text: "the day before yesterday"),
    // A weekday in a past-tense sentence of that day's paper is the day itself (TimeBank's news reading).
    row("The minister spoke on Monday.", .past, "2022-02-14", text: "Monday"),
    row("The minister will speak on Monday.", .future, "2022-02-21", text: "Monday"),
    row("The minister speaks on Monday.", .present, "2022-02-14", text: "Monday"),
    row("The minister spoke on Monday.", .past, "2022-02-14", text: "Monday", published: "2022-02-17"),
    row("The minister spoke on Friday.", .past, "2022-02-11", text: "Friday"),
    row("The minister will speak on Friday.", .future, "2022-02-18", text: "Friday"),
    row("The minister speaks on Friday.", .present, "2022-02-11", text: "Friday"),
    row("The minister spoke last Monday.", .past, "2022-02-07", text: "last Monday"),
    row("The minister will speak next Friday.", .future, "2022-02-18", text: "next Friday"),
    row("The minister spoke two weeks ago.", .past, "2022-01-31", text: "two weeks ago"),
    row("The minister spoke three days ago.", .past, "2022-02-11", text: "three days ago"),
    row("The minister spoke a week ago.", .past, "2022-02-07", text: "a week ago"),
    row("Prices rose two months ago.", .past, "2021-12", text: "two months ago"),
    row("Prices rose two years ago.", .past, "2020", text: "two years ago"),
    row("The dam was built 23 years ago.", .past, "1999", text: "23 years ago"),
    row("Results are due three weeks from now.", .future, "2022-03-07", text: "three weeks from now"),
    row("Talks stalled last week.", .past, "2022-02-07", "2022-02-13", text: "last week"),
    row("Talks resume next week.", .future, "2022-02-21", "2022-02-27", text: "next week"),
    row("Talks are held this week.", .present, "2022-02-14", "2022-02-20", text: "this week"),
    row("Protests spread last weekend.", .past, "2022-02-12", "2022-02-13", text: "last weekend"),
]

private let negatives: [String] = [
    "The loan will be repaid in 23 years.",
    "The pipeline is 1,100 km long.",
    "The deal is worth $2.5 billion.",
    "They counted 23 and 42 of them, then 7.",
    "The 2015 figures were revised.",
    "He scored 2015 points.",
    "The talks were on February 30.",
    "The talks were on April 31, 2021.",
    "The deal was signed on February 29, 2021.",
    "Prices may rise and troops march on.",
    "February was cold.",
    "The population grew from 2000 to 3000 people.",
    "Inflation doubled over the last year.",
    "Black Friday sales were strong.",
    "It was the 23rd anniversary.",
    "Turnout was 15% in 2150 districts.",
    "A 10km race and 5G masts.",
]

@Suite("Temporal expressions: the date grammar")
struct DateGrammarTests {
    @Test("Each expression is found once and resolved", arguments: table)
    func resolves(_ row: DateGrammarCase) throws {
        let matches = DateGrammar.matches(in: row.sentence, published: day(row.published), tense: row.tense)
        try #require(matches.count == 1, "\(matches.map(\.date))")
        let match = matches[0]
        #expect(
            match.date
                == EventDate(start: row.start, end: row.end, precision: row.precision, text: row.text)
        )
        #expect(String(row.sentence[match.range]) == row.text)
    }

    @Test("Numbers, quantities, durations and impossible days are not dates", arguments: negatives)
    func rejects(_ sentence: String) {
        for tense in [Tense.past, .present, .future] {
            let matches = DateGrammar.matches(in: sentence, published: monday, tense: tense)
            #expect(matches.isEmpty, "\(tense): \(matches.map(\.date))")
        }
    }

    @Test("Several expressions are returned left to right, without overlapping")
    func several() {
        let sentence =
            "Between February 23 and 24, troops massed; on Monday they left, in 2015 and 2018 they came back, "
            + "and yesterday they met."
        let matches = DateGrammar.matches(in: sentence, published: monday, tense: .past)
        #expect(
            matches.map(\.date.text) == [
                "Between February 23 and 24", "Monday", "2015", "2018", "yesterday",
            ]
        )
        #expect(matches.map(\.date.start) == ["2021-02-23", "2022-02-14", "2015", "2018", "2022-02-13"])
        for (earlier, later) in zip(matches, matches.dropFirst()) {
            #expect(earlier.range.upperBound <= later.range.lowerBound)
        }
    }

    @Test("Month names: full, abbreviated, with a period, in any case; May and March only capitalised")
    func monthNames() {
        for (text, month) in [
            ("january", "01"), ("Feb", "02"), ("Feb.", "02"), ("MARCH", "03"), ("Apr.", "04"), ("May", "05"),
            ("june", "06"), ("Jul", "07"), ("Aug.", "08"), ("Sept.", "09"), ("sep", "09"), ("Oct", "10"),
            ("nov.", "11"), ("DECEMBER", "12"),
        ] {
            let matches = DateGrammar.matches(in: "It ended \(text) 3, 2020.", published: monday, tense: .past)
            #expect(matches.map(\.date.start) == ["2020-\(month)-03"], "\(text)")
            #expect(matches.first?.date.text == "\(text) 3, 2020")
        }
        #expect(DateGrammar.matches(in: "It may 3 times fail.", published: monday, tense: .past).isEmpty)
        #expect(DateGrammar.matches(in: "They march 5 km.", published: monday, tense: .past).isEmpty)
    }

    @Test("Weekdays and day numbers follow the proleptic Gregorian calendar")
    func calendar() {
        #expect(CivilCalendar.weekday(CivilCalendar.days(year: 2022, month: 2, day: 14)) == 0)  // Monday
        #expect(CivilCalendar.weekday(CivilCalendar.days(year: 1970, month: 1, day: 1)) == 3)  // Thursday
        #expect(CivilCalendar.weekday(CivilCalendar.days(year: 2000, month: 1, day: 1)) == 5)  // Saturday
        #expect(CivilCalendar.weekday(CivilCalendar.days(year: 1900, month: 3, day: 1)) == 3)  // Thursday
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilCalendar.civil(days)
            #expect(CivilCalendar.days(year: y, month: m, day: d) == days)
            let core = PublicationDate(secondsSince1970: Int64(days) * 86_400, source: .commandLine)
            #expect((core.year, core.month, core.day) == (y, m, d))
        }
    }

    @Test("A 200 KB sentence of words without dates yields nothing, and a date at its end is still found")
    func longSentence() throws {
        let words = [
            "the", "troops", "may", "march", "in", "23", "years", "over", "the", "last", "year", "1,100", "km",
            "for", "2.5", "billion", "from", "2000", "to", "3000", "people", "and", "42", "of", "them",
        ]
        var sentence = ""
        var index = 0
        while sentence.utf8.count < 200_000 {
            sentence += words[index % words.count] + " "
            index += 1
        }
        #expect(DateGrammar.matches(in: sentence, published: monday, tense: .past).isEmpty)

        let dated = sentence + "on February 23"
        let matches = DateGrammar.matches(in: dated, published: monday, tense: .future)
        try #require(matches.count == 1)
        #expect(
            matches[0].date == EventDate(start: "2022-02-23", end: "2022-02-23", precision: "day", text: "February 23")
        )
        #expect(matches[0].range.upperBound == dated.endIndex)

        // A long list of days after a month is read up to a bounded number of tokens, not backtracked over.
        let list = "February 1" + String(repeating: ", 1", count: 50_000)
        #expect(DateGrammar.matches(in: list, published: monday, tense: .future).map(\.date.text) == ["February 1"])
    }
}
