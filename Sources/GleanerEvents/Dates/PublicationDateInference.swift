import GleanerCore

/// Checks a publication date guessed from the file's modification time against the article's text, and when
/// the text contradicts it, estimates the date from the text with only the precision the evidence supports.
///
/// The modification time is a fair guess for a live feed and a wrong one for an archive backfill. The text
/// contradicts it when
/// - it speaks in the future of a year already past at that time ("the groundbreaking is foreseen … in early
///   2022" in a file modified in 2026),
/// - every year it names is at least two years older, or
/// - a weekday and a date it pairs ("Monday, January 24") do not fall together in that year.
///
/// The estimate: a weekday/date pair names its year exactly (the latest such year up to the modification time),
/// and the article is then placed in that month; else the soonest year spoken of as future is taken as the year
/// after publication (writers call their own year "this year"), unless a year it reports as past is later; else
/// the latest year the article names, to the month when it names one in that year.
/// Relative expressions are then resolved against the end of that month, or the middle of that year (or a later
/// day the article reports in it).
public enum PublicationDateInference {
    /// An estimated publication date and the evidence for it, in words.
    public struct Inference: Sendable, Hashable {
        public var date: PublicationDate
        public var evidence: String
    }

    /// `nil` when the date is not a modification time, or when the text does not contradict it.
    public static func infer(text: String, guess: PublicationDate) -> Inference? {
        guard guess.source == .fileModificationTime else { return nil }
        return infer(from: TimexTagger.tagged(in: AnalysedText(text), published: guess), guess: guess)
    }

    /// `infer(text:guess:)` from the text's expressions as the tagger read them against `guess`.
    static func infer(from tagged: [TimexTagger.Tagged], guess: PublicationDate) -> Inference? {
        guard guess.source == .fileModificationTime else { return nil }
        let explicit = tagged.filter {
            $0.writtenYear != nil && ($0.expression.type == .date || $0.expression.type == .time)
        }
        let future = explicit.filter { $0.sentenceTense == .future }
        let stated = explicit.filter { $0.sentenceTense != .future }
        // Weekday/date pairs: the latest year, up to the guess, in which the date falls on that weekday.
        var pairs: [(day: Int, text: String)] = []
        for item in tagged {
            guard let weekday = item.weekday, let (_, month, day) = Self.day(item.expression.value) else { continue }
            for year in stride(from: guess.year, through: guess.year - 27, by: -1)
            where CivilCalendar.isValid(year: year, month: month, day: day) {
                let days = CivilCalendar.days(year: year, month: month, day: day)
                if CivilCalendar.weekday(days) == weekday {
                    pairs.append((days, item.expression.text))
                    break
                }
            }
        }

        var reasons: [String] = []
        if let past = future.filter({ $0.writtenYear! < guess.year }).min(by: { $0.writtenYear! < $1.writtenYear! }) {
            reasons.append("it speaks of \(past.writtenYear!) as future (\"\(past.expression.text)\")")
        }
        if let latest = explicit.map({ $0.writtenYear! }).max(), latest <= guess.year - 2 {
            reasons.append("the latest year it names is \(latest)")
        }
        if let pair = pairs.last, CivilCalendar.civil(pair.day).year != guess.year {
            reasons.append("\"\(pair.text)\" falls on that weekday in \(CivilCalendar.civil(pair.day).year)")
        }
        guard !reasons.isEmpty else { return nil }

        let lower = stated.map { $0.writtenYear! }.max()
        let date: PublicationDate
        if let pair = pairs.max(by: { $0.day < $1.day }) {
            let (year, month, day) = CivilCalendar.civil(pair.day)
            date = PublicationDate(year: year, month: month, day: day, source: .inferred, precision: .month)
        } else if let soonest = future.map({ $0.writtenYear! }).min() {
            let year = max(lower ?? .min, soonest - 1)
            date = latestDay(of: year, stated: stated, precision: .year)
        } else if let lower {
            let months = stated.filter { $0.writtenYear == lower }.compactMap { Self.month($0.expression.value) }
            date = latestDay(of: lower, stated: stated, precision: months.isEmpty ? .year : .month)
        } else {
            return nil
        }
        // The text can only move the date back from the modification time.
        guard date < guess else { return nil }
        let bounded = date
        return Inference(
            date: bounded,
            evidence: "publication date inferred as \(bounded) from the text: the file's modification time \(guess) "
                + "is contradicted, as " + reasons.joined(separator: "; ")
        )
    }

    /// The day relative expressions are resolved against in `year`: the last day of the latest month named in it
    /// (for month precision), or the middle of the year.
    static func latestDay(
        of year: Int,
        stated: [TimexTagger.Tagged],
        precision: PublicationDate.Precision
    )
        -> PublicationDate
    {
        if precision == .month {
            let month = stated.filter { $0.writtenYear == year }.compactMap { Self.month($0.expression.value) }.max()!
            return PublicationDate(
                year: year,
                month: month,
                day: CivilCalendar.daysInMonth(year: year, month: month),
                source: .inferred,
                precision: .month
            )
        }
        // Known to the year only: the middle of the year, or the latest day it reports in that year if later,
        // so that "in April" and "last month" lean neither way.
        let reported =
            stated.filter { $0.writtenYear == year }.compactMap { Self.day($0.expression.value) }
            .filter { $0.0 == year }.map { $0.1 * 100 + $0.2 }.max() ?? 0
        let monthDay = max(reported, 701)
        let (month, day) = (monthDay / 100, monthDay % 100)
        return PublicationDate(year: year, month: month, day: day, source: .inferred, precision: .year)
    }

    /// Year, month and day of a `YYYY-MM-DD…` value.
    static func day(_ value: String) -> (Int, Int, Int)? {
        let parts = value.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    /// The month of a `YYYY-MM…` value.
    static func month(_ value: String) -> Int? {
        let parts = value.split(separator: "-")
        guard parts.count >= 2, parts[0].count == 4, let month = Int(parts[1].prefix(2)), (1...12).contains(month)
        else { return nil }
        return month
    }
}
