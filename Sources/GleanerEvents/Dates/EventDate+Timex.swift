import GleanerCore

extension EventDate {
    /// The interval a TIMEX3 `DATE` or `TIME` value names, as an event date: `2017`, `2017-11`, `2017-11-26`,
    /// `2017-11-26TMO` (the day), `2017-W45` (Monday to Sunday), `2017-W45-WE` (Saturday and Sunday), `2017-Q3`
    /// (July to September), `2017-H1`, seasons (`2017-SU`: June to August, `2017-WI`: December to February of
    /// the next year), decades (`201`: 2010–2019). `nil` for what names no interval (`PRESENT_REF`, `XXXX-WI`,
    /// durations).
    public init?(timexValue value: String, text: String, anchor: String) {
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
}
