import Testing

@testable import GleanerCore

@Suite("Publication dates in every form crawlers write, and nothing else")
struct PublicationDateParserTests {
    func day(_ text: String) -> String? {
        PublicationDateParser.parse(text, source: .json)?.description
    }

    @Test(
        "ISO 8601 with or without a time, a T and a zone",
        arguments: [
            ("2017-05-31", "2017-05-31"),
            ("2017-05-31T09:00:00Z", "2017-05-31"),
            ("2017-05-31T09:00:00+02:00", "2017-05-31"),
            ("2017-05-31T09:00:00.123456", "2017-05-31"),
            ("2017-05-31T09:00:00.000Z", "2017-05-31"),
            ("2017-05-31T09:00", "2017-05-31"),
            ("2017-05-31 09:00:00", "2017-05-31"),
            ("2017-05-31 09:00:00 +0000", "2017-05-31"),
            ("2017-05-31t09:00:00z", "2017-05-31"),
            ("  2017-05-31  ", "2017-05-31"),
        ]
    )
    func iso(text: String, expected: String) {
        #expect(day(text) == expected)
    }

    @Test(
        "A time with a zone is converted to UTC before the day is kept; a time without one is taken as written",
        arguments: [
            ("2017-05-31T01:00:00+02:00", "2017-05-30"),
            ("2017-05-31T23:30:00-05:00", "2017-06-01"),
            ("2017-05-31T23:30:00-0500", "2017-06-01"),
            ("2017-05-31T23:30:00-05", "2017-06-01"),
            ("2017-12-31T23:00:00-02:00", "2018-01-01"),
            ("2017-05-31T01:00:00", "2017-05-31"),
            ("2017-05-31 23:30:00", "2017-05-31"),
            ("Wed, 31 May 2017 23:30:00 EST", "2017-06-01"),
        ]
    )
    func zones(text: String, expected: String) {
        #expect(day(text) == expected)
    }

    @Test(
        "Seconds (10 digits) and milliseconds (13 digits) since 1970, as digit strings",
        arguments: [
            ("1496221200", "2017-05-31"),
            ("1496221200000", "2017-05-31"),
            ("1000000000", "2001-09-09"),
        ]
    )
    func epochStrings(text: String, expected: String) {
        #expect(day(text) == expected)
    }

    @Test("Seconds and milliseconds since 1970 as JSON numbers, fractions ignored; other counts are not dates")
    func epochNumbers() {
        func parse(_ number: Double) -> String? {
            PublicationDateParser.parse(secondsOrMilliseconds: number, source: .json)?.description
        }
        #expect(parse(1_496_221_200) == "2017-05-31")
        #expect(parse(1_496_221_200_000) == "2017-05-31")
        #expect(parse(1_496_221_200.75) == "2017-05-31")
        #expect(parse(149_622_120) == nil)
        #expect(parse(14_962_212_000) == nil)
        #expect(parse(-1_496_221_200) == nil)
        #expect(parse(.nan) == nil)
        #expect(parse(.infinity) == nil)
        #expect(PublicationDateParser.parse(secondsOrMilliseconds: 1_496_221_200, source: .json)?.source == .json)
    }

    @Test(
        "RFC 2822 and days written with English month names",
        arguments: [
            ("Wed, 31 May 2017 09:00:00 GMT", "2017-05-31"),
            ("Wed, 31 May 2017 09:00:00 +0000", "2017-05-31"),
            ("31 May 2017 09:00 UTC", "2017-05-31"),
            ("Wednesday, May 31, 2017", "2017-05-31"),
            ("May 31, 2017", "2017-05-31"),
            ("May 31 2017", "2017-05-31"),
            ("May 31st, 2017", "2017-05-31"),
            ("May 31, 2017 9:00 PM", "2017-05-31"),
            ("31 May 2017", "2017-05-31"),
            ("31 may 2017", "2017-05-31"),
            ("3rd Sept. 2021", "2021-09-03"),
            ("Sept 3, 2021", "2021-09-03"),
            ("December 1, 2017", "2017-12-01"),
        ]
    )
    func written(text: String, expected: String) {
        #expect(day(text) == expected)
    }

    @Test(
        "Numeric days: year/month/day, day.month.year, and month/day/year unless the first number is over 12",
        arguments: [
            ("2017/05/31", "2017-05-31"),
            ("31.05.2017", "2017-05-31"),
            ("1.6.2017", "2017-06-01"),
            ("31.05.2017 09:00", "2017-05-31"),
            ("05/31/2017", "2017-05-31"),
            ("31/05/2017", "2017-05-31"),
            // Both could be the month: US order, month first.
            ("05/06/2017", "2017-05-06"),
            ("12/11/2017 10:00:00", "2017-12-11"),
        ]
    )
    func numeric(text: String, expected: String) {
        #expect(day(text) == expected)
    }

    @Test(
        "Garbage, relative phrases, partial dates and days that do not exist are not dates",
        arguments: [
            "yesterday afternoon", "soon", "", "   ", "None", "2 hours ago", "May 2017", "2017", "2017-05",
            "2017-02-30", "2017-13-01", "31/31/2017", "13/45/2022", "00/10/2017", "2017-05-31 25:00",
            "2017-05-31T09:61:00", "2017-05-31T09:00:00+15:00", "2017-05-31 09:00:00 Mars time", "published 2017-05-31",
            "2017-05-31 and more", "149622120", "14962212000", "Wed, 31 Foo 2017", "Friday", "0000-01-01",
            "31.05.17", "20170531", "2017-05-31T", "13:00 PM 2017-05-31", "May 31, 2017 13:00 PM",
            "9999-12-31T23:00:00-05:00",
        ]
    )
    func notDates(text: String) {
        #expect(day(text) == nil)
    }

    @Test("The parsed day carries the source it was asked for")
    func source() {
        #expect(PublicationDateParser.parse("2017-05-31", source: .header)?.source == .header)
        #expect(PublicationDateParser.parse("1496221200", source: .download)?.source == .download)
    }

    @Test("Days since 1970 are the inverse of a day's seconds since 1970")
    func daysSince1970() {
        for seconds: Int64 in [0, -1, 86_399, 86_400, 951_782_400, 1_496_221_200, -62_135_596_800, 253_402_300_799] {
            let day = PublicationDate(secondsSince1970: seconds, source: .json)
            let floored = seconds / 86_400 - (seconds % 86_400 < 0 ? 1 : 0)
            #expect(Int64(day.daysSince1970) == floored, "\(seconds)")
        }
    }

    @Test("A day before 1900 or more than a day after the reference day is implausible")
    func plausibility() {
        let reference = PublicationDate(year: 2017, month: 6, day: 1, source: .download)
        func problem(_ text: String) -> String? {
            PublicationDateParser.parse(text, source: .json)!.implausibility(
                reference: reference,
                referenceName: "date_download"
            )
        }
        #expect(problem("2017-06-01") == nil)
        #expect(problem("2017-06-02") == nil)
        #expect(problem("1900-01-01") == nil)
        #expect(problem("2017-06-03") == "is more than a day after date_download (2017-06-01)")
        #expect(problem("1899-12-31") == "is before 1900")
    }
}
