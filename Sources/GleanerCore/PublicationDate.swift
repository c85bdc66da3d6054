/// The day an article was published, and where Gleaner learnt it.
public struct PublicationDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Where a publication date came from, from most to least trustworthy.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A `Date:` line in the header block of a `.txt` file.
        case header
        /// A dateline such as ` date 2022-01-24 ISLAMABAD: …` at the start of the text.
        case dateline
        /// The publication date of a JSON article (`date_publish`, `publish_date`, `date` or `published`).
        case json
        /// `date_download` of a JSON article: when the crawler fetched it, used when it states no publication date.
        case download
        /// `date_modify` of a JSON article: when the page last changed, used when neither of the above is known.
        case modified
        /// `--published` given on the command line.
        case commandLine = "command-line"
        /// Estimated from the article's text, when the file's modification time contradicts it (an archive
        /// backfill): the latest dates it reports, the years it speaks of as future, weekday/date pairs.
        case inferred
        /// The file's modification time, used when the article itself carries no date.
        case fileModificationTime = "mtime"
    }

    /// How much of the date is known: an inferred date may be known to the year or the month only.
    public enum Precision: String, Sendable, Hashable, Codable {
        case day, month, year
    }

    /// The day relative expressions are resolved against; with a coarser ``precision``, a representative day of
    /// the period (the latest day the evidence allows).
    public var year: Int
    public var month: Int
    public var day: Int
    public var source: Source
    public var precision: Precision

    public init(year: Int, month: Int, day: Int, source: Source, precision: Precision = .day) {
        self.year = year
        self.month = month
        self.day = day
        self.source = source
        self.precision = precision
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only the month or the year is known.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        switch precision {
        case .day: return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        case .month: return "\(pad(year, 4))-\(pad(month, 2))"
        case .year: return pad(year, 4)
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Seconds since 1970 of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the moments whose day is a valid
    /// publication day.
    static let validSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// The UTC calendar day of a moment given as seconds since 1970-01-01 (days-from-civil, Howard Hinnant).
    /// Exact for any 64-bit count (the year may then fall outside 1–9999; see `validSeconds`), and never traps.
    public init(secondsSince1970 seconds: Int64, source: Source) {
        // Rounded down, without `seconds - 86_399`, which overflows near Int64.min.
        let days = seconds / 86_400 - (seconds % 86_400 < 0 ? 1 : 0)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(
            year: Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)),
            month: Int(month),
            day: Int(day),
            source: source
        )
    }

    /// Days from 1970-01-01 to this day (negative before it): the inverse of ``init(secondsSince1970:source:)``
    /// (days-from-civil, Howard Hinnant).
    public var daysSince1970: Int {
        let year = month <= 2 ? self.year - 1 : self.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `year-month-day` names a real calendar day.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
