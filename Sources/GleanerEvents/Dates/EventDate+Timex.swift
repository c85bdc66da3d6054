import GleanerCore

extension EventDate {
    /// The interval a TIMEX3 `DATE` or `TIME` value names, as an event date: `2017`, `2017-11`, `2017-11-26`,
    /// `2017-11-26TMO` (the day), `2017-W45` (Monday to Sunday), `2017-W45-WE` (Saturday and Sunday), `2017-Q3`
    /// (July to September), `2017-H1`, seasons (`2017-SU`: June to August, `2017-WI`: December to February of
    /// the next year), decades (`201`: 2010–2019). `nil` for what names no interval (`PRESENT_REF`, `XXXX-WI`,
    /// durations).
    public init?(timexValue value: String, text: String, anchor: String) {
        if let plain = Self.plainPrecision(value) {
            guard let precision = plain else { return nil }
            self.init(start: value, end: value, precision: precision, text: text, anchor: anchor)
            return
        }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.allSatisfy(\.isNumber) else { return nil }
        func pad(_ number: Int, _ width: Int) -> String { Timex.pad(number, width) }
        func days(_ start: Int, _ end: Int) -> (String, String, String) {
            (Timex.day(start), Timex.day(end), "day")
        }
        func months(_ year: Int, _ first: Int, _ count: Int) -> (String, String, String) {
            let start = CivilCalendar.monthOrdinal(year: year, month: first)
            return (Timex.month(start), Timex.month(start + count - 1), "month")
        }
        var interval: (start: String, end: String, precision: String)?
        switch (first.count, parts.count) {
        case (3, 1):
            guard let decade = Int(first) else { return nil }
            interval = (pad(decade * 10, 4), pad(decade * 10 + 9, 4), "year")
        case (4, 1):
            interval = (first, first, "year")
        case (4, _):
            guard let year = Int(first), (1...9999).contains(year) else { return nil }
            let second = parts[1]
            if let month = Int(second), second.count == 2, (1...12).contains(month) {
                guard parts.count > 2 else {
                    interval = (pad(year, 4) + "-" + second, pad(year, 4) + "-" + second, "month")
                    break
                }
                // A day, with or without a time of day after its "T".
                let dayPart = parts[2].prefix { $0.isNumber }
                guard let day = Int(dayPart), CivilCalendar.isValid(year: year, month: month, day: day) else {
                    return nil
                }
                let number = CivilCalendar.days(year: year, month: month, day: day)
                interval = days(number, number)
            } else if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
                // ISO weeks: week 1 holds January 4th; weeks start on Monday.
                let january4 = CivilCalendar.days(year: year, month: 1, day: 4)
                let monday = january4 - CivilCalendar.weekday(january4) + (week - 1) * 7
                interval = parts.count > 2 && parts[2] == "WE" ? days(monday + 5, monday + 6) : days(monday, monday + 6)
            } else if second.count == 2, let half = Int(second.dropFirst()) {
                switch second.first {
                case "Q" where (1...4).contains(half): interval = months(year, (half - 1) * 3 + 1, 3)
                case "H" where (1...2).contains(half): interval = months(year, (half - 1) * 6 + 1, 6)
                default: return nil
                }
            } else {
                switch second {
                case "SP": interval = months(year, 3, 3)
                case "SU": interval = months(year, 6, 3)
                case "FA": interval = months(year, 9, 3)
                case "WI": interval = months(year, 12, 3)
                default: return nil
                }
            }
        default:
            return nil
        }
        guard let interval else { return nil }
        self.init(start: interval.start, end: interval.end, precision: interval.precision, text: text, anchor: anchor)
    }

    /// For a value that is a year, a month or a day in digits (`2017`, `2017-11`, `2017-11-26`), the precision of
    /// the interval it names, itself from start to end (nil when it names none: month 13, November 31, year 0),
    /// read from its bytes; `.none` for any other value.
    private static func plainPrecision(_ value: String) -> String?? {
        let count = value.utf8.count
        guard count == 4 || count == 7 || count == 10 else { return .none }
        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
            func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
            func number(_ range: Range<Int>) -> Int {
                bytes[range].reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
            }
            guard bytes[0..<4].allSatisfy(isDigit) else { return .none }
            if count == 4 { return "year" }
            guard bytes[4] == UInt8(ascii: "-"), isDigit(bytes[5]), isDigit(bytes[6]) else { return .none }
            let year = number(0..<4)
            let month = number(5..<7)
            guard year >= 1, (1...12).contains(month) else { return .some(nil) }
            if count == 7 { return "month" }
            guard bytes[7] == UInt8(ascii: "-"), isDigit(bytes[8]), isDigit(bytes[9]) else { return .none }
            return CivilCalendar.isValid(year: year, month: month, day: number(8..<10)) ? "day" : .some(nil)
        }
        return value.utf8.withContiguousStorageIfAvailable(read) ?? .none
    }
}
