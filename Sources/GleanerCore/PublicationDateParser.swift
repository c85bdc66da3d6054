/// Reads the date strings that crawlers, feeds and headers write, strictly: the whole string (surrounding white
/// space aside) must have one of these shapes, or it is not a date.
///
/// | shape | examples |
/// |---|---|
/// | ISO 8601 day, optionally a time after `T` or a space, optionally a zone | `2017-05-31`, `2017-05-31T09:00:00Z`, `2017-05-31 09:00:00`, `2017-05-31T09:00:00.250+02:00` |
/// | year/month/day | `2017/05/31` |
/// | day.month.year | `31.05.2017` |
/// | month/day/year, or day/month/year when the first number is over 12 | `05/31/2017`, `31/05/2017` |
/// | RFC 2822 and written-out days (English month names, optional weekday) | `Wed, 31 May 2017 09:00:00 GMT`, `31 May 2017`, `May 31, 2017`, `Sept. 3rd, 2021` |
/// | seconds (10 digits) or milliseconds (13 digits) since 1970 | `1496221200`, `1496221200000` |
///
/// Any of the written forms may be followed by a time (`09:00`, `09:00:00`, `9:00 PM`) and a zone (`Z`, `+02:00`,
/// `-0500`, `GMT`, `UTC`, `EST` …).
///
/// - Only the calendar day is kept. A time with a zone is converted to UTC first (`2017-05-31T01:00:00+02:00` is
///   2017-05-30); a time without a zone is taken as written (the day written is the day kept). Seconds since
///   1970 give their UTC day.
/// - `05/06/2017`, where both numbers could be the month, is read in US order, month first: 6 May 2017.
/// - Relative phrases (`yesterday afternoon`), partial dates (`May 2017`) and anything else give `nil`; so does a
///   day that does not exist (`2017-02-30`).
public enum PublicationDateParser {
    /// The day named by `text`, or `nil` when it is not a date in one of the shapes above.
    public static func parse(_ text: String, source: PublicationDate.Source) -> PublicationDate? {
        let trimmed = text.trimmingWhitespace()
        // The longest shape ("Wednesday, September 30th, 2017 12:00:00.000000 PM +02:00") is well under this.
        guard !trimmed.isEmpty, trimmed.utf8.count <= 80 else { return nil }
        var cursor = Cursor(Array(trimmed.utf8))
        if cursor.bytes.allSatisfy(Cursor.isDigit) {
            return epoch(digits: cursor.bytes, source: source)
        }
        guard let day = calendarDay(&cursor) else { return nil }
        var time: TimeOfDay?
        if !cursor.atEnd {
            guard let parsed = timeOfDay(&cursor, afterISODay: day.isISO), cursor.atEnd else { return nil }
            time = parsed
        }
        guard PublicationDate.isValid(year: day.year, month: day.month, day: day.day) else { return nil }
        guard let time, let offset = time.zoneOffset else {
            return PublicationDate(year: day.year, month: day.month, day: day.day, source: source)
        }
        let local = PublicationDate(year: day.year, month: day.month, day: day.day, source: source)
        let seconds = Int64(local.daysSince1970) * 86_400 + Int64(time.secondsIntoDay) - Int64(offset)
        let utc = PublicationDate(secondsSince1970: seconds, source: source)
        return PublicationDate.isValid(year: utc.year, month: utc.month, day: utc.day) ? utc : nil
    }

    /// The UTC day of a count since 1970 written as a JSON number: seconds when its integer part has 10 digits,
    /// milliseconds when it has 13 (a fraction is allowed and ignored); `nil` otherwise.
    public static func parse(secondsOrMilliseconds number: Double, source: PublicationDate.Source) -> PublicationDate? {
        guard number.isFinite, number >= 0, number < 1e13 else { return nil }
        return epoch(digits: Array(String(Int64(number.rounded(.down))).utf8), source: source)
    }

    /// Ten digits are seconds since 1970, thirteen are milliseconds.
    static func epoch(digits: [UInt8], source: PublicationDate.Source) -> PublicationDate? {
        guard digits.count == 10 || digits.count == 13,
            let value = Int64(String(decoding: digits, as: UTF8.self))
        else { return nil }
        return PublicationDate(secondsSince1970: digits.count == 13 ? value / 1_000 : value, source: source)
    }

    /// A calendar day as written, not yet checked to exist.
    struct CalendarDay {
        var year: Int
        var month: Int
        var day: Int
        /// `YYYY-MM-DD`, which a `T` may join to its time.
        var isISO: Bool
    }

    /// The day part of every shape but seconds since 1970.
    static func calendarDay(_ cursor: inout Cursor) -> CalendarDay? {
        if let first = cursor.number(maxDigits: 4) {
            if first.digits == 4 {
                // 2017-05-31, 2017/05/31
                guard let separator = cursor.take(oneOf: [UInt8(ascii: "-"), UInt8(ascii: "/")]),
                    let month = cursor.number(maxDigits: 2), cursor.take(separator),
                    let day = cursor.number(maxDigits: 2)
                else { return nil }
                return CalendarDay(year: first.value, month: month.value, day: day.value, isISO: separator == 0x2D)
            }
            guard first.digits <= 2 else { return nil }
            if cursor.take(UInt8(ascii: ".")) {
                // 31.05.2017
                guard let month = cursor.number(maxDigits: 2), cursor.take(UInt8(ascii: ".")),
                    let year = cursor.number(maxDigits: 4), year.digits == 4
                else { return nil }
                return CalendarDay(year: year.value, month: month.value, day: first.value, isISO: false)
            }
            if cursor.take(UInt8(ascii: "/")) {
                // 05/31/2017 (US), 31/05/2017 (the first number cannot be a month)
                guard let second = cursor.number(maxDigits: 2), cursor.take(UInt8(ascii: "/")),
                    let year = cursor.number(maxDigits: 4), year.digits == 4
                else { return nil }
                return first.value > 12
                    ? CalendarDay(year: year.value, month: second.value, day: first.value, isISO: false)
                    : CalendarDay(year: year.value, month: first.value, day: second.value, isISO: false)
            }
            // 31 May 2017
            _ = cursor.ordinalSuffix()
            guard cursor.skipSpaces(), let month = monthWord(&cursor) else { return nil }
            _ = cursor.take(UInt8(ascii: ","))
            guard cursor.skipSpaces(), let year = cursor.number(maxDigits: 4), year.digits == 4 else { return nil }
            return CalendarDay(year: year.value, month: month, day: first.value, isISO: false)
        }
        let start = cursor.index
        guard let word = cursor.word() else { return nil }
        if weekdays.contains(where: { $0 == word || $0.prefix(3) == word }) {
            // Wed, 31 May 2017 … / Wednesday, May 31, 2017
            _ = cursor.take(UInt8(ascii: ","))
            guard cursor.skipSpaces(),
                cursor.peek.map(Cursor.isDigit) == true || cursor.peek.map(Cursor.isLetter) == true
            else { return nil }
            if cursor.peek.map(Cursor.isDigit) == true { return calendarDay(&cursor) }
        } else {
            cursor.index = start
        }
        // May 31, 2017
        guard let month = monthWord(&cursor), cursor.skipSpaces(), let day = cursor.number(maxDigits: 2) else {
            return nil
        }
        _ = cursor.ordinalSuffix()
        _ = cursor.take(UInt8(ascii: ","))
        guard cursor.skipSpaces(), let year = cursor.number(maxDigits: 4), year.digits == 4 else { return nil }
        return CalendarDay(year: year.value, month: month, day: day.value, isISO: false)
    }

    /// A month name or abbreviation, with an optional period (`Sept.`).
    static func monthWord(_ cursor: inout Cursor) -> Int? {
        let start = cursor.index
        guard let word = cursor.word(), let month = monthNumber(Substring(word)) else {
            cursor.index = start
            return nil
        }
        _ = cursor.take(UInt8(ascii: "."))
        return month
    }

    /// A time of day and its zone, if any, as written after a day.
    struct TimeOfDay {
        var secondsIntoDay: Int
        /// Seconds east of UTC, when the zone is given.
        var zoneOffset: Int?
    }

    /// `T09:00:00Z`, ` 09:00:00 +0200`, ` 9:00 PM`, ` 09:00 GMT`: a separator, a time, an optional zone.
    static func timeOfDay(_ cursor: inout Cursor, afterISODay: Bool) -> TimeOfDay? {
        let joined = afterISODay && cursor.take(oneOf: [UInt8(ascii: "T"), UInt8(ascii: "t")]) != nil
        guard joined || cursor.skipSpaces(), var hour = cursor.number(maxDigits: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.number(maxDigits: 2), minute.digits == 2, minute.value < 60
        else { return nil }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.number(maxDigits: 2), value.digits == 2, value.value <= 60 else { return nil }
            second = min(value.value, 59)
            if cursor.take(oneOf: [UInt8(ascii: "."), UInt8(ascii: ",")]) != nil {
                guard cursor.number(maxDigits: 9) != nil else { return nil }
            }
        }
        _ = cursor.skipSpaces()
        let afterTime = cursor.index
        if let word = cursor.word(), word == "am" || word == "pm" {
            guard (1...12).contains(hour.value) else { return nil }
            hour.value = hour.value % 12 + (word == "pm" ? 12 : 0)
            _ = cursor.skipSpaces()
        } else {
            cursor.index = afterTime
        }
        var zoneOffset: Int?
        if !cursor.atEnd {
            guard let offset = zone(&cursor) else { return nil }
            zoneOffset = offset
        }
        guard hour.value < 24 else { return nil }
        return TimeOfDay(secondsIntoDay: hour.value * 3_600 + minute.value * 60 + second, zoneOffset: zoneOffset)
    }

    /// `Z`, `+02:00`, `+0200`, `+02`, or a zone name (`GMT`, `UTC`, `EST` …): seconds east of UTC.
    static func zone(_ cursor: inout Cursor) -> Int? {
        if let sign = cursor.take(oneOf: [UInt8(ascii: "+"), UInt8(ascii: "-")]) {
            guard let first = cursor.number(maxDigits: 4) else { return nil }
            var hours = first.value
            var minutes = 0
            switch first.digits {
            case 4:
                hours = first.value / 100
                minutes = first.value % 100
            case 2:
                if cursor.take(UInt8(ascii: ":")) {
                    guard let value = cursor.number(maxDigits: 2), value.digits == 2 else { return nil }
                    minutes = value.value
                }
            default:
                return nil
            }
            guard hours <= 14, minutes < 60 else { return nil }
            return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3_600 + minutes * 60)
        }
        guard let word = cursor.word(), let hours = zoneNames[word] else { return nil }
        return hours * 3_600
    }

    /// Zone names RFC 2822 allows, and `UTC`, with their offsets in hours.
    static let zoneNames: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7,
    ]

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// 1...12 for an English month name or its three-letter (or `Sept`) abbreviation.
    public static func monthNumber(_ word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (index, name) in full.enumerated() where name == lower || monthNames[index] == lower {
            return index + 1
        }
        return lower == "sept" ? 9 : nil
    }
}
