/// Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01) and month ordinals
/// (`year × 12 + month − 1`), after Howard Hinnant's `days_from_civil` / `civil_from_days`.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `day` can be a day of `month` in some year (February 29 can, February 30 cannot).
    static func isPossible(month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= (month == 2 ? 29 : daysInMonth(year: 2001, month: month))
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1
            && day <= daysInMonth(year: year, month: month)
    }

    /// Days since 1970-01-01 of `year-month-day`.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12  // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar day of a day number.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ days: Int) -> Int {
        ((days + 3) % 7 + 7) % 7
    }

    /// `year × 12 + month − 1`.
    static func monthOrdinal(year: Int, month: Int) -> Int {
        year * 12 + month - 1
    }

    static func yearMonth(_ ordinal: Int) -> (year: Int, month: Int) {
        let year = ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12
        return (year, ordinal - year * 12 + 1)
    }
}
