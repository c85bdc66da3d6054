/// A TimeML TIMEX3 normalisation: what kind of temporal expression it is, and its value.
///
/// Values follow TimeML: `2013-03-22`, `2013-03`, `2013`, `201` (a decade), `19` (a century), `2013-W11`,
/// `2013-W11-WE`, `2013-Q1`, `2013-SU`, `2013-03-22T14:30`, `2013-03-22TEV`, `PRESENT_REF`, `PAST_REF`,
/// `FUTURE_REF`; durations `P3D`, `P10Y`, `PT2H`, `PXY` (an unknown number of years); sets `P1W` ("every week"),
/// `XXXX-WXX-1` ("every Monday").
public struct Timex: Sendable, Hashable {
    /// The TIMEX3 `type`.
    public enum Kind: String, Sendable, Hashable, Codable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    public var type: Kind
    public var value: String

    public init(_ type: Kind, _ value: String) {
        self.type = type
        self.value = value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `YYYY-MM-DD` of a day number.
    static func day(_ days: Int) -> String {
        let (year, month, day) = CivilCalendar.civil(days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-MM` of a month ordinal.
    static func month(_ ordinal: Int) -> String {
        let (year, month) = CivilCalendar.yearMonth(ordinal)
        return "\(pad(year, 4))-\(pad(month, 2))"
    }

    /// The ISO 8601 week holding a day: `2013-W11` (weeks start on Monday; week 1 holds the year's first Thursday).
    static func week(of days: Int) -> String {
        let thursday = days - CivilCalendar.weekday(days) + 3
        let year = CivilCalendar.civil(thursday).year
        let number = (thursday - CivilCalendar.days(year: year, month: 1, day: 1)) / 7 + 1
        return "\(pad(year, 4))-W\(pad(number, 2))"
    }

    /// The value of a resolved interval: a day, a month or a year; a decade (`1990`–`1999`) is `199`; a longer
    /// range is named by its start.
    static func value(of span: DateSpan) -> String? {
        guard span.isUsable else { return nil }
        switch span.precision {
        case .day: return day(span.start)
        case .month: return month(span.start)
        case .year:
            if span.start % 10 == 0, span.end == span.start + 9 { return pad(span.start / 10, 3) }
            return pad(span.start, 4)
        }
    }
}
