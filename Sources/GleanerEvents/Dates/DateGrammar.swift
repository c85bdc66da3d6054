import GleanerCore

/// One temporal expression found in a sentence, resolved.
public struct TemporalMatch: Sendable, Hashable {
    /// Where the expression is, in the sentence passed to `DateGrammar.matches`.
    public var range: Range<String.Index>
    /// The resolved interval; `text` is the words matched, as written.
    public var date: EventDate

    public init(range: Range<String.Index>, date: EventDate) {
        self.range = range
        self.date = date
    }
}

/// The temporal-expression grammar used to date events, in the style of HeidelTime's news mode: explicit dates
/// are read as written, and underspecified or relative ones ("in April", "on Monday", "last week", "two weeks ago")
/// are resolved against the article's publication day and the tense of the sentence.
///
/// Shapes understood (`Month` is a full or three-letter name, `Sept`, with an optional period after an
/// abbreviation, any case except that `May`, `March` and `Mar` must be capitalised; `Day` is 1–31, optionally
/// ordinal; `Year` is four digits, 1800–2100 after a month, 1900–2100 on its own):
///
/// - Days: `Month Day`, `Day Month`, `the Dayth of Month`, each with an optional `, Year`, `Year`,
///   `(of) last/this/next year`; `Weekday, …` before any of them; ISO `YYYY-MM-DD`.
/// - Day ranges: `Month Day-Day`, `Month Day to/through/until Day`, `Month Day and Day`, `Month Day, Day and Day`,
///   `Day-Day Month`, `the 23rd and 24th of Month`, `Month Day to Month Day`, `Day Month - Day Month`, optionally
///   introduced by `from` (with to/through/until/-) or `between` (with and/-).
/// - Months: `Month Year`, `Month, Year`, `Month of Year`, `Month last/this/next year`; a bare `Month` only after
///   in/since/of/by/until/till/from/for/during/before/after/through/throughout/between or a modifier;
///   `last/this/next Month`; ranges `from Month to Month`, `between Month and Month`. After `and`/`or` that follows
///   a match, a bare month or year needs no other context ("in 2015 and 2018").
/// - Years: a bare `Year` only after in/since/of/by/until/till/from/during/before/after/through/throughout/between/
///   year or a modifier; `Year-Year`, `Year-YY`, `from Year to Year`, `between Year and Year`; decades
///   `(the) (early/mid/late) 1990s` (1990–1999).
/// - Relative: `yesterday`, `today`, `tonight`, `tomorrow` (optionally + morning/afternoon/evening/night),
///   `the day before yesterday`, `the day after tomorrow`, `this morning/afternoon/evening`, `last night`;
///   `last/this/next week` (Monday–Sunday), `… weekend` (Saturday–Sunday), `… month`, `… year`;
///   `this past …`, `this coming …`; `N days/weeks/months/years/decades ago` and `… from now`, N in digits or words.
/// - Weekdays: `Monday` (by tense), `last/this/next Monday`, optionally + morning/afternoon/evening/night.
/// - Modifiers, kept in the text but not narrowing the interval: `early/mid/late …`, `mid-…`,
///   `earlier/later this/next/last …` and `earlier/later today`, `(the) end/beginning/start/middle of …`.
///
/// Prepositions before an expression ("in", "on", "since") are context, not part of the match; `from`/`between`
/// are part of a range they introduce, and `the` is part of `the 23rd of February` and `the 1990s`.
/// Durations ("in 23 years", "for two weeks", "over the last year") are not dates and are not matched.
public enum DateGrammar {
    /// Every temporal expression in `sentence` (left to right, non-overlapping, longest match wins),
    /// resolved against the article's publication day and the tense of the sentence.
    ///
    /// Without a year, a day or month is placed by tense: future → the next one on or after publication,
    /// past → the most recent one on or before publication, present → the nearest. A bare weekday is placed
    /// strictly before (past) or strictly after (future) the publication day, or nearest (present, today included).
    /// Runs in time linear in the length of the sentence.
    public static func matches(in sentence: String, published: PublicationDate, tense: Tense) -> [TemporalMatch] {
        matches(in: sentence, tokens: DateTokenizer.tokenize(sentence), published: published, tense: tense)
    }

    /// `matches(in:published:tense:)` with the sentence already tokenised (`DateTokenizer.tokenize(sentence)`),
    /// for a sentence read in more than one tense.
    static func matches(
        in sentence: String,
        tokens: [DateToken],
        published: PublicationDate,
        tense: Tense
    ) -> [TemporalMatch] {
        guard !tokens.isEmpty else { return [] }
        let scanner = DateScanner(tokens: tokens, published: published, tense: tense)
        var results: [TemporalMatch] = []
        var index = 0
        var previousEnd = -1
        while index < tokens.count {
            guard DateScanner.mayStart(at: index, in: tokens),
                let found = scanner.longest(at: index, previousEnd: previousEnd)
            else {
                index += 1
                continue
            }
            // A duration, a set or a vague reference ("now", "for two weeks") dates no event, but its words are
            // taken: "the past two months" holds no "month" of its own.
            guard let date = found.span?.eventDate(text: "") else {
                index = found.end
                previousEnd = found.end
                continue
            }
            let range = DateToken.indices(
                of: tokens[index].range.lowerBound..<tokens[found.end - 1].range.upperBound,
                in: sentence
            )
            var resolved = date
            resolved.text = String(sentence[range])
            results.append(TemporalMatch(range: range, date: resolved))
            index = found.end
            previousEnd = found.end
        }
        return results
    }
}

/// A resolved interval: day numbers (days since 1970-01-01), month ordinals (`year × 12 + month − 1`) or years.
struct DateSpan: Hashable {
    enum Precision: String {
        case day, month, year
    }

    var precision: Precision
    var start: Int
    var end: Int

    static func day(_ start: Int, _ end: Int? = nil) -> Self { .init(precision: .day, start: start, end: end ?? start) }
    static func month(_ start: Int, _ end: Int? = nil) -> Self {
        .init(precision: .month, start: start, end: end ?? start)
    }
    static func year(_ start: Int, _ end: Int? = nil) -> Self {
        .init(precision: .year, start: start, end: end ?? start)
    }

    /// `nil` when the interval is reversed or falls outside years 1–9999.
    func eventDate(text: String) -> EventDate? {
        guard start <= end, let first = format(start), let last = format(end) else { return nil }
        return EventDate(start: first, end: last, precision: precision.rawValue, text: text)
    }

    /// Whether `eventDate` gives a date: the interval is in order and within years 1–9999.
    var isUsable: Bool {
        start <= end && isInYearRange(start) && isInYearRange(end)
    }

    /// Whether a day number, month ordinal or year (as `precision` says) falls in years 1–9999.
    private func isInYearRange(_ value: Int) -> Bool {
        switch precision {
        case .day: (1...9999).contains(CivilCalendar.civil(value).year)
        case .month: (1...9999).contains(CivilCalendar.yearMonth(value).year)
        case .year: (1...9999).contains(value)
        }
    }

    private func format(_ value: Int) -> String? {
        guard isInYearRange(value) else { return nil }
        switch precision {
        case .day: return Timex.day(value)
        case .month: return Timex.month(value)
        case .year: return Timex.pad(value, 4)
        }
    }
}
