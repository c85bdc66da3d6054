import GleanerCore

/// The grammar of `DateGrammar` over a tokenised sentence. Every rule looks at most a bounded number of tokens
/// ahead of where it starts (lists of days are capped), so scanning a sentence is linear in its length.
struct DateScanner {
    enum Separator: Equatable {
        /// `-`, `–`, `—`.
        case dash
        /// to, through, thru, until, till.
        case to
        /// and.
        case and
    }

    /// A match ending before token `end`.
    struct Found {
        var end: Int
        /// The interval it names, when it names one (a date can date an event; a duration or a set cannot).
        var span: DateSpan?
        /// Set when the match is a range, so that `from`/`between` can check their partner word.
        var separator: Separator?
        /// Its TIMEX3 normalisation when `span` does not say it all (a week, a quarter, a duration …).
        var timex: Timex?

        init(end: Int, span: DateSpan?, separator: Separator? = nil, timex: Timex? = nil) {
            self.end = end
            self.span = span
            self.separator = separator
            self.timex = timex
        }

        /// Whether the match gives a date or a TIMEX3 value.
        var isUsable: Bool { span.map(\.isUsable) ?? (timex != nil) }
    }

    /// A year as written: `2021`, or `last year` (−1), `this year` (0), `next year` (+1).
    enum YearSpec {
        case absolute(Int)
        case relative(Int)
    }

    /// Which rules `expression(at:…)` may use.
    struct Rules: OptionSet {
        let rawValue: Int
        static let days = Self(rawValue: 1 << 0)
        static let months = Self(rawValue: 1 << 1)
        static let years = Self(rawValue: 1 << 2)
        static let decades = Self(rawValue: 1 << 3)
        static let deictic = Self(rawValue: 1 << 4)
        static let relative = Self(rawValue: 1 << 5)
        static let ago = Self(rawValue: 1 << 6)
        static let weekdays = Self(rawValue: 1 << 7)
        static let iso = Self(rawValue: 1 << 8)
        static let all = Self(rawValue: (1 << 9) - 1)
    }

    let tokens: [DateToken]
    /// The publication day as a day number, its year and its month ordinal.
    let today: Int
    let year: Int
    let monthOrdinal: Int
    let tense: Tense
    /// Whether a bare year ("1988 earnings") or a bare capitalised month ("January was cold") is read as a date
    /// without a preposition before it, as TimeML annotates them. Event dating keeps the stricter reading.
    let bareDates: Bool

    init(tokens: [DateToken], published: PublicationDate, tense: Tense, bareDates: Bool = false) {
        self.tokens = tokens
        self.tense = tense
        self.bareDates = bareDates
        // An impossible publication date (which the core never produces) is clamped rather than trapped on.
        let year = min(max(published.year, 1), 9999)
        let month = min(max(published.month, 1), 12)
        let day = min(max(published.day, 1), CivilCalendar.daysInMonth(year: year, month: month))
        self.year = year
        self.monthOrdinal = CivilCalendar.monthOrdinal(year: year, month: month)
        self.today = CivilCalendar.days(year: year, month: month, day: day)
    }

    // MARK: - Entry point

    /// The longest expression starting at token `index`. `previousEnd` is where the previous match ended, so that
    /// "in 2015 and 2018" and "in April or May" read the second year or month too.
    func longest(at index: Int, previousEnd: Int) -> Found? {
        switch tokens[index].kind {
        case .word:
            guard tokens[index].month != 0 || tokens[index].startsExpression else { return nil }
        case .number, .ordinal, .decade: break
        case .otherNumber, .symbol: return nil
        }
        var best: Found?
        // TimeML's durations, sets, references, quarters and clock times date no event: event dating skips them.
        if bareDates { Self.keepLongest(timexExpression(at: index), startingAt: index, in: &best) }
        Self.keepLongest(ranged(at: index), startingAt: index, in: &best)
        Self.keepLongest(modified(at: index), startingAt: index, in: &best)
        Self.keepLongest(
            expression(
                at: index,
                monthContext: hasContext(index, previousEnd: previousEnd, forYear: false)
                    || (bareDates && tokens[index].capitalized && tokens[index].word != .may),
                yearContext: hasContext(index, previousEnd: previousEnd, forYear: true) || bareDates,
                rules: .all
            ),
            startingAt: index,
            in: &best
        )
        return best
    }

    /// Keeps `candidate` in `best` when it is usable, covers the token at `index` and ends later than `best`:
    /// how every rule set picks its longest match.
    static func keepLongest(_ candidate: Found?, startingAt index: Int, in best: inout Found?) {
        guard let candidate, candidate.end > index, candidate.isUsable else { return }
        if best == nil || candidate.end > best!.end { best = candidate }
    }

    /// Whether an expression may begin at token `index`: a month, a number or a starter word, and a determiner
    /// ("the", "last", "from" …) only before a word that can go on with one. Most tokens fail this, and the
    /// rules are not tried for them.
    static func mayStart(at index: Int, in tokens: [DateToken]) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .otherNumber, .symbol: return false
        case .number, .ordinal, .decade: return true
        case .word:
            guard token.month != 0 || token.startsExpression else { return false }
            guard token.month == 0, Self.isDeterminer(token.word) else { return true }
            guard index + 1 < tokens.count else { return false }
            let next = tokens[index + 1]
            return next.kind != .word || next.month != 0 || next.startsExpression
        }
    }

    /// Whether `word` starts an expression only before another word of one ("the third quarter", "last week").
    static func isDeterminer(_ word: DateWord) -> Bool {
        switch word {
        case .the, .a, .an, .this, .last, .next, .from, .between, .these, .each, .every, .per, .same: true
        default: false
        }
    }

    /// The longest expression at `index` among `rules`.
    func expression(
        at index: Int,
        monthContext: Bool,
        yearContext: Bool,
        between: Bool = false,
        rules: Rules
    ) -> Found? {
        guard index < tokens.count else { return nil }
        var best: Found?
        func consider(_ candidate: Found?) { Self.keepLongest(candidate, startingAt: index, in: &best) }
        if rules.contains(.days) {
            consider(dayExpression(at: index, between: between))
            consider(weekdayDate(at: index))
        }
        if rules.contains(.months) { consider(monthExpression(at: index, context: monthContext, between: between)) }
        if rules.contains(.years) { consider(yearExpression(at: index, context: yearContext, between: between)) }
        if rules.contains(.decades) { consider(decade(at: index)) }
        if rules.contains(.deictic) { consider(deictic(at: index)) }
        if rules.contains(.relative) { consider(relative(at: index)) }
        if rules.contains(.ago) { consider(ago(at: index)) }
        if rules.contains(.weekdays) { consider(weekday(at: index)) }
        if rules.contains(.iso) { consider(iso(at: index)) }
        return best
    }

    // MARK: - Token helpers

    /// Words an expression can begin with (month names aside): a quick filter for most words, applied by
    /// `DateTokenizer` as `DateToken.startsExpression`.
    static let starters: Set<DateWord> = Set([
        .from, .between, .early, .late, .mid, .earlier, .later, .the, .end, .beginning, .start, .middle,
        .today, .tonight, .yesterday, .tomorrow, .this, .last, .next, .a, .an, .one, .two, .three, .four,
        .five, .six, .seven, .eight, .nine, .ten, .eleven, .twelve, .thirteen, .fourteen, .fifteen,
        .sixteen, .seventeen, .eighteen, .nineteen, .twenty, .thirty, .forty, .fifty, .sixty, .seventy,
        .eighty, .ninety, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
    ]).union(timexStarters)

    /// The word at `index` (`unnamed` when there is none there, or not one the grammar names).
    func word(_ index: Int) -> DateWord {
        index >= 0 && index < tokens.count ? tokens[index].word : .unnamed
    }

    func isWord(_ index: Int, _ word: DateWord) -> Bool {
        self.word(index) == word
    }

    func isSymbol(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol && tokens[index].symbol == symbol
    }

    /// Whether a bare month (or year) at `index` reads as a date: "in April", "since 2015".
    func hasContext(_ index: Int, previousEnd: Int, forYear: Bool) -> Bool {
        switch word(index - 1) {
        case .in, .since, .of, .by, .until, .till, .from, .during, .before, .after, .through, .throughout,
            .between:
            return true
        case .for: return !forYear
        case .year: return forYear
        case .and, .or: return previousEnd == index - 1
        default: return false
        }
    }

    /// Words that make the number before them a quantity: "23 years", "2015 people".
    func isUnit(_ index: Int) -> Bool {
        if isSymbol(index, "%") { return true }
        switch word(index) {
        case .percent, .per, .people, .persons, .km, .kilometres, .kilometers, .miles, .metres, .meters,
            .years, .months, .weeks, .days, .hours, .minutes, .seconds, .million, .billion, .trillion,
            .thousand, .hundred, .times, .tonnes, .tons, .dollars, .euros, .points, .troops, .soldiers,
            .cents, .votes, .cases, .deaths:
            return true
        default: return false
        }
    }

    /// A month name at `index` (and the period after an abbreviation). `May`, `March` and `Mar` must be capitalised.
    func month(at index: Int) -> (month: Int, next: Int)? {
        guard index < tokens.count, tokens[index].kind == .word, tokens[index].month != 0 else { return nil }
        let token = tokens[index]
        let abbreviated: Bool
        switch token.word {
        case .may, .march, .mar:
            guard token.capitalized else { return nil }
            abbreviated = token.word == .mar
        case .jan, .feb, .apr, .jun, .jul, .aug, .sep, .sept, .oct, .nov, .dec: abbreviated = true
        default: abbreviated = false
        }
        if abbreviated, isSymbol(index + 1, "."), !tokens[index + 1].spaced { return (token.month, index + 2) }
        // "Jan Kavan": an abbreviation without its period before a capitalised word is a name.
        if abbreviated, index + 1 < tokens.count, tokens[index + 1].kind == .word, tokens[index + 1].capitalized {
            return nil
        }
        return (token.month, index + 1)
    }

    /// A day of the month, 1–31, plain or ordinal, not followed by a unit.
    func day(at index: Int) -> (day: Int, ordinal: Bool, next: Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard token.kind == .number || token.kind == .ordinal, token.digits <= 2, (1...31).contains(token.value),
            !isUnit(index + 1)
        else { return nil }
        return (token.value, token.kind == .ordinal, index + 1)
    }

    /// A four-digit year from `minimum` to 2100, not followed by a unit.
    func year(at index: Int, from minimum: Int) -> (year: Int, next: Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard token.kind == .number, token.digits == 4, (minimum...2100).contains(token.value), !isUnit(index + 1)
        else { return nil }
        return (token.value, index + 1)
    }

    /// `last` (−1), `this` (0), `next` (+1), `this past` (−1), `this coming` (+1).
    func relativeOffset(at index: Int) -> (offset: Int, next: Int)? {
        switch word(index) {
        case .last: return (-1, index + 1)
        case .next: return (1, index + 1)
        case .this:
            if isWord(index + 1, .past) { return (-1, index + 2) }
            if isWord(index + 1, .coming) { return (1, index + 2) }
            return (0, index + 1)
        default: return nil
        }
    }

    /// The year after a month or day: `, 2021`, `2021`, `of 2021`, `last year`, `of next year`.
    func yearPart(at index: Int) -> (year: YearSpec, next: Int)? {
        let start = isSymbol(index, ",") || isWord(index, .of) ? index + 1 : index
        if let (value, next) = year(at: start, from: 1800) { return (.absolute(value), next) }
        let relativeStart = isWord(index, .of) ? index + 1 : index
        if let (offset, next) = relativeOffset(at: relativeStart), isWord(next, .year) {
            return (.relative(offset), next + 1)
        }
        return nil
    }

    func separator(at index: Int) -> (separator: Separator, next: Int)? {
        if isSymbol(index, "-") { return (.dash, index + 1) }
        switch word(index) {
        case .to, .through, .thru, .until, .till: return (.to, index + 1)
        case .and: return (.and, index + 1)
        default: return nil
        }
    }

    func weekdayNumber(_ index: Int) -> Int? {
        Self.weekdayNumber(of: word(index))
    }

    /// 0 for `monday` … 6 for `sunday`; nil for any other word.
    static func weekdayNumber(of word: DateWord) -> Int? {
        switch word {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        default: nil
        }
    }

    /// Skips "morning", "afternoon", "evening" or "night" after a day.
    func afterPartOfDay(_ index: Int) -> Int {
        switch word(index) {
        case .morning, .afternoon, .evening, .night: index + 1
        default: index
        }
    }

    // MARK: - Resolution

    func resolve(_ spec: YearSpec) -> Int {
        switch spec {
        case .absolute(let value): value
        case .relative(let offset): year + offset
        }
    }

    /// The day number of `month-day` in the year chosen by tense.
    func dayByTense(month: Int, day: Int) -> Int? {
        var best: Int?
        for candidateYear in (year - 8)...(year + 8)
        where CivilCalendar.isValid(year: candidateYear, month: month, day: day) {
            let candidate = CivilCalendar.days(year: candidateYear, month: month, day: day)
            switch tense {
            case .past:
                if candidate <= today, best.map({ candidate > $0 }) ?? true { best = candidate }
            case .future:
                if candidate >= today, best.map({ candidate < $0 }) ?? true { best = candidate }
            case .present:
                if best.map({ abs(candidate - today) < abs($0 - today) }) ?? true { best = candidate }
            }
        }
        return best
    }

    /// The month ordinal of `month` in the year chosen by tense.
    func monthByTense(_ month: Int) -> Int {
        let sameYear = CivilCalendar.monthOrdinal(year: year, month: month)
        let distance = sameYear - monthOrdinal
        switch tense {
        case .past: return distance <= 0 ? sameYear : sameYear - 12
        case .future: return distance >= 0 ? sameYear : sameYear + 12
        case .present: return distance > 6 ? sameYear - 12 : distance < -6 ? sameYear + 12 : sameYear
        }
    }

    /// A day or a range of days; a missing year comes from the other end, or from the tense.
    func resolveDays(_ m1: Int, _ d1: Int, _ spec1: YearSpec?, _ m2: Int, _ d2: Int, _ spec2: YearSpec?) -> DateSpan? {
        let ordered = (m1, d1) <= (m2, d2)
        var y1 = spec1.map(resolve)
        var y2 = spec2.map(resolve)
        switch (y1, y2) {
        case (nil, nil):
            guard let start = dayByTense(month: m1, day: d1) else { return nil }
            let startYear = CivilCalendar.civil(start).year
            y1 = startYear
            y2 = ordered ? startYear : startYear + 1
        case (let first?, nil): y2 = ordered ? first : first + 1
        case (nil, let last?): y1 = ordered ? last : last - 1
        default: break
        }
        guard let y1, let y2, CivilCalendar.isValid(year: y1, month: m1, day: d1),
            CivilCalendar.isValid(year: y2, month: m2, day: d2)
        else { return nil }
        let start = CivilCalendar.days(year: y1, month: m1, day: d1)
        let end = CivilCalendar.days(year: y2, month: m2, day: d2)
        return start <= end ? .day(start, end) : nil
    }

    /// A month or a range of months; a missing year comes from the other end, or from the tense.
    func resolveMonths(_ m1: Int, _ spec1: YearSpec?, _ m2: Int, _ spec2: YearSpec?) -> DateSpan? {
        let ordered = m1 <= m2
        var y1 = spec1.map(resolve)
        var y2 = spec2.map(resolve)
        switch (y1, y2) {
        case (nil, nil):
            let startYear = CivilCalendar.yearMonth(monthByTense(m1)).year
            y1 = startYear
            y2 = ordered ? startYear : startYear + 1
        case (let first?, nil): y2 = ordered ? first : first + 1
        case (nil, let last?): y1 = ordered ? last : last - 1
        default: break
        }
        guard let y1, let y2 else { return nil }
        let start = CivilCalendar.monthOrdinal(year: y1, month: m1)
        let end = CivilCalendar.monthOrdinal(year: y2, month: m2)
        return start <= end ? .month(start, end) : nil
    }

    func found(_ end: Int, _ span: DateSpan?, _ separator: Separator? = nil) -> Found? {
        span.map { Found(end: end, span: $0, separator: separator) }
    }

    /// A match with an explicit TIMEX3 value, and the interval it names if any.
    func found(_ end: Int, _ timex: Timex, span: DateSpan? = nil) -> Found? {
        Found(end: end, span: span, timex: timex)
    }

    // MARK: - Rules

    /// `from … to …` and `between … and …` around days, months or years.
    func ranged(at index: Int) -> Found? {
        let introducer = word(index)
        guard introducer == .from || introducer == .between else { return nil }
        let between = introducer == .between
        guard
            let inner = expression(
                at: index + 1,
                monthContext: true,
                yearContext: true,
                between: between,
                rules: [.days, .months, .years]
            ),
            let separator = inner.separator
        else { return nil }
        if between ? separator == .to : separator == .and { return nil }
        return inner
    }

    /// `early/mid/late …`, `earlier/later …`, `(the) end/beginning/start/middle of …`: the modified expression.
    func modified(at index: Int) -> Found? {
        switch word(index) {
        case .early, .late, .mid:
            let next = isSymbol(index + 1, "-") ? index + 2 : index + 1
            return expression(
                at: next,
                monthContext: true,
                yearContext: true,
                rules: [.months, .years, .decades, .deictic, .relative, .weekdays]
            )
        case .earlier, .later:
            return expression(
                at: index + 1,
                monthContext: false,
                yearContext: false,
                rules: [.deictic, .relative, .weekdays]
            )
        case .the, .end, .beginning, .start, .middle:
            let part = isWord(index, .the) ? index + 1 : index
            switch word(part) {
            case .end, .beginning, .start, .middle: break
            default: return nil
            }
            guard isWord(part + 1, .of) else { return nil }
            if isWord(part + 2, .the), isWord(part + 3, .year) { return found(part + 4, .year(year)) }
            if isWord(part + 2, .the), isWord(part + 3, .month) { return found(part + 4, .month(monthOrdinal)) }
            return expression(
                at: part + 2,
                monthContext: true,
                yearContext: true,
                rules: [.months, .years, .decades, .relative]
            )
        default:
            return nil
        }
    }

    /// `Month Day` or `(the) Day(th) (of) Month`: one day, no year.
    func dayPoint(at index: Int) -> (month: Int, day: Int, next: Int)? {
        if let (month, afterMonth) = month(at: index) {
            guard let (day, _, next) = day(at: afterMonth), CivilCalendar.isPossible(month: month, day: day)
            else { return nil }
            return (month, day, next)
        }
        let the = isWord(index, .the)
        guard let (day, ordinal, afterDay) = day(at: the ? index + 1 : index), ordinal || !the else { return nil }
        let monthIndex = ordinal && isWord(afterDay, .of) ? afterDay + 1 : afterDay
        guard let (month, next) = month(at: monthIndex), CivilCalendar.isPossible(month: month, day: day)
        else { return nil }
        return (month, day, next)
    }

    /// A later day after a separator: `24`, `24th`, `the 24th`.
    func tailDay(at index: Int) -> (day: Int, ordinal: Bool, next: Int)? {
        if isWord(index, .the) {
            guard let found = day(at: index + 1), found.ordinal else { return nil }
            return found
        }
        return day(at: index)
    }

    /// After a first day: `-24`, `to 26`, `and 24`, `, 24 and 25` (at most 12 listed days), increasing.
    func dayTail(at index: Int, first: Int) -> (last: Int, ordinal: Bool, separator: Separator, next: Int)? {
        var cursor = index
        var last = first
        var listed = 0
        while listed < 12, isSymbol(cursor, ","), let found = tailDay(at: cursor + 1), found.day > last {
            last = found.day
            cursor = found.next
            listed += 1
        }
        if listed > 0 {
            if isSymbol(cursor, ","), isWord(cursor + 1, .and) { cursor += 1 }
            guard isWord(cursor, .and), let found = tailDay(at: cursor + 1), found.day > last else { return nil }
            return (found.day, found.ordinal, .and, found.next)
        }
        guard let (separator, next) = separator(at: cursor), let found = tailDay(at: next), found.day > last
        else { return nil }
        return (found.day, found.ordinal, separator, found.next)
    }

    /// Days and ranges of days, with an optional year after them.
    func dayExpression(at index: Int, between: Bool) -> Found? {
        var best: Found?
        func consider(_ candidate: Found?) {
            guard let candidate else { return }
            if best == nil || candidate.end > best!.end { best = candidate }
        }
        func days(_ m1: Int, _ d1: Int, _ m2: Int, _ d2: Int, yearAt next: Int, _ separator: Separator?) -> Found? {
            let year = yearPart(at: next)
            return found(year?.next ?? next, resolveDays(m1, d1, year?.year, m2, d2, year?.year), separator)
        }
        if let (month, afterMonth) = month(at: index) {
            // February 23, February 23-24, February 23 and 24
            if let (first, _, next) = day(at: afterMonth), CivilCalendar.isPossible(month: month, day: first) {
                consider(days(month, first, month, first, yearAt: next, nil))
                if let tail = dayTail(at: next, first: first), CivilCalendar.isPossible(month: month, day: tail.last) {
                    consider(days(month, first, month, tail.last, yearAt: tail.next, tail.separator))
                }
            }
        } else {
            // 23 February, the 23rd of February, 23-24 February, the 23rd and 24th of February
            let the = isWord(index, .the)
            if let (first, ordinal, next) = day(at: the ? index + 1 : index), ordinal || !the {
                var ends = [(last: first, ordinal: ordinal, separator: Separator?.none, next: next)]
                if let tail = dayTail(at: next, first: first) {
                    ends.append((last: tail.last, ordinal: tail.ordinal, separator: tail.separator, next: tail.next))
                }
                for end in ends {
                    let monthIndex = end.ordinal && isWord(end.next, .of) ? end.next + 1 : end.next
                    if let (month, afterMonth) = month(at: monthIndex),
                        CivilCalendar.isPossible(month: month, day: first),
                        CivilCalendar.isPossible(month: month, day: end.last)
                    {
                        consider(days(month, first, month, end.last, yearAt: afterMonth, end.separator))
                    }
                }
            }
        }
        // February 23 to March 2, 23 February - 2 March 2022
        if let first = dayPoint(at: index) {
            let firstYear = yearPart(at: first.next)
            let afterFirst = firstYear?.next ?? first.next
            if let (separator, next) = separator(at: afterFirst), separator != .and || between,
                let last = dayPoint(at: next)
            {
                let lastYear = yearPart(at: last.next)
                consider(
                    found(
                        lastYear?.next ?? last.next,
                        resolveDays(first.month, first.day, firstYear?.year, last.month, last.day, lastYear?.year),
                        separator
                    )
                )
            }
        }
        return best
    }

    /// `Weekday(,) <day expression>`: the date, with the weekday kept in the text.
    func weekdayDate(at index: Int) -> Found? {
        guard weekdayNumber(index) != nil else { return nil }
        let next = isSymbol(index + 1, ",") ? index + 2 : index + 1
        return dayExpression(at: next, between: false)
    }

    /// Months and ranges of months. A bare month needs `context`; one with a year does not.
    func monthExpression(at index: Int, context: Bool, between: Bool) -> Found? {
        guard let (first, afterFirst) = month(at: index) else { return nil }
        var best: Found?
        let firstYear = yearPart(at: afterFirst)
        if firstYear != nil || context {
            best = found(firstYear?.next ?? afterFirst, resolveMonths(first, firstYear?.year, first, firstYear?.year))
        }
        if let (separator, next) = separator(at: firstYear?.next ?? afterFirst), separator != .and || between,
            let (last, afterLast) = month(at: next)
        {
            let lastYear = yearPart(at: afterLast)
            if context || firstYear != nil || lastYear != nil,
                let range = found(
                    lastYear?.next ?? afterLast,
                    resolveMonths(first, firstYear?.year, last, lastYear?.year),
                    separator
                )
            {
                best = range
            }
        }
        return best
    }

    /// Years and ranges of years (`2015-2018`, `2015-16`, `2015 to 2018`); all need `context`.
    func yearExpression(at index: Int, context: Bool, between: Bool) -> Found? {
        guard context, let (first, next) = year(at: index, from: bareDates ? 1800 : 1900) else { return nil }
        if isSymbol(next, "-"), next + 2 < tokens.count, tokens[next + 1].digits == 2, isSymbol(next + 2, "-") {
            return nil  // an ISO date
        }
        if let (separator, afterSeparator) = separator(at: next), separator != .and || between,
            afterSeparator < tokens.count
        {
            if let (last, end) = year(at: afterSeparator, from: 1900) {
                return last > first ? found(end, .year(first, last), separator) : nil
            }
            let token = tokens[afterSeparator]
            if separator == .dash, token.kind == .number, token.digits == 2, !token.spaced,
                !tokens[next].spaced, !isUnit(afterSeparator + 1)
            {
                let last = first / 100 * 100 + token.value
                return last > first ? found(afterSeparator + 1, .year(first, last), separator) : nil
            }
            // "from 2000 to 3000": a quantity, not a year.
            if token.kind == .number || token.kind == .otherNumber { return nil }
        }
        return found(next, .year(first))
    }

    /// `(the) (early/mid/late) 1990s`: the ten years.
    func decade(at index: Int) -> Found? {
        var cursor = isWord(index, .the) ? index + 1 : index
        switch word(cursor) {
        case .early, .mid, .late:
            cursor += isSymbol(cursor + 1, "-") ? 2 : 1
        default: break
        }
        guard cursor < tokens.count, tokens[cursor].kind == .decade, tokens[cursor].value % 10 == 0,
            (1800...2090).contains(tokens[cursor].value)
        else { return nil }
        let first = tokens[cursor].value
        return found(cursor + 1, .year(first, first + 9))
    }

    /// yesterday, today, tonight, tomorrow, the day before yesterday, the day after tomorrow, this morning,
    /// last night.
    func deictic(at index: Int) -> Found? {
        switch word(index) {
        case .today:
            if isWord(index - 1, .usa) { return nil }
            return found(afterPartOfDay(index + 1), .day(today))
        case .tonight: return found(index + 1, .day(today))
        case .yesterday: return found(afterPartOfDay(index + 1), .day(today - 1))
        case .tomorrow: return found(afterPartOfDay(index + 1), .day(today + 1))
        case .the:
            guard isWord(index + 1, .day) else { return nil }
            if isWord(index + 2, .before), isWord(index + 3, .yesterday) { return found(index + 4, .day(today - 2)) }
            if isWord(index + 2, .after), isWord(index + 3, .tomorrow) { return found(index + 4, .day(today + 2)) }
            return nil
        case .this:
            switch word(index + 1) {
            case .morning, .afternoon, .evening: return found(index + 2, .day(today))
            default: return nil
            }
        case .last:
            return isWord(index + 1, .night) ? found(index + 2, .day(today - 1)) : nil
        default:
            return nil
        }
    }

    /// `last/this/next` + week, weekend, month, year, a month name or a weekday.
    func relative(at index: Int) -> Found? {
        guard let (offset, next) = relativeOffset(at: index) else { return nil }
        // "the last year", "a next month": durations or relative to something else.
        if offset != 0, word(index - 1) == .the || word(index - 1) == .a { return nil }
        let monday = today - CivilCalendar.weekday(today)
        switch word(next) {
        case .week:
            let start = monday + 7 * offset
            return found(next + 1, Timex(.date, Timex.week(of: start)), span: .day(start, start + 6))
        case .weekend:
            let start = monday + 7 * offset + 5
            return found(next + 1, Timex(.date, Timex.week(of: start) + "-WE"), span: .day(start, start + 1))
        case .month: return found(next + 1, .month(monthOrdinal + offset))
        case .year: return found(next + 1, .year(year + offset))
        default: break
        }
        if let (month, afterMonth) = month(at: next) {
            var ordinal = CivilCalendar.monthOrdinal(year: year, month: month)
            if offset < 0, ordinal >= monthOrdinal { ordinal -= 12 }
            if offset > 0, ordinal <= monthOrdinal { ordinal += 12 }
            return found(afterMonth, .month(ordinal))
        }
        if let weekday = weekdayNumber(next) {
            let current = CivilCalendar.weekday(today)
            let day: Int
            switch offset {
            case ..<0:
                let back = (current - weekday + 7) % 7
                day = today - (back == 0 ? 7 : back)
            case 0: day = monday + weekday
            default:
                let ahead = (weekday - current + 7) % 7
                day = today + (ahead == 0 ? 7 : ahead)
            }
            return found(afterPartOfDay(next + 1), .day(day))
        }
        return nil
    }

    /// Words that begin a count (`count(at:)`).
    static let countWords: Set<DateWord> = [
        .a, .an, .one, .two, .three, .four, .five, .six, .seven, .eight, .nine, .ten, .eleven, .twelve,
        .thirteen, .fourteen, .fifteen, .sixteen, .seventeen, .eighteen, .nineteen, .twenty, .thirty,
        .forty, .fifty, .sixty, .seventy, .eighty, .ninety,
    ]

    /// A count before a unit: digits, `a`/`an`, one … nineteen, twenty … ninety, `twenty-five`.
    func count(at index: Int) -> (value: Int, next: Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .number { return token.digits <= 4 && token.value >= 1 ? (token.value, index + 1) : nil }
        func units(_ word: DateWord) -> Int? {
            switch word {
            case .one: 1
            case .two: 2
            case .three: 3
            case .four: 4
            case .five: 5
            case .six: 6
            case .seven: 7
            case .eight: 8
            case .nine: 9
            default: nil
            }
        }
        switch word(index) {
        case .a, .an: return (1, index + 1)
        case .ten: return (10, index + 1)
        case .eleven: return (11, index + 1)
        case .twelve: return (12, index + 1)
        case .thirteen: return (13, index + 1)
        case .fourteen: return (14, index + 1)
        case .fifteen: return (15, index + 1)
        case .sixteen: return (16, index + 1)
        case .seventeen: return (17, index + 1)
        case .eighteen: return (18, index + 1)
        case .nineteen: return (19, index + 1)
        default: break
        }
        if let value = units(word(index)) { return (value, index + 1) }
        let tens: Int
        switch word(index) {
        case .twenty: tens = 20
        case .thirty: tens = 30
        case .forty: tens = 40
        case .fifty: tens = 50
        case .sixty: tens = 60
        case .seventy: tens = 70
        case .eighty: tens = 80
        case .ninety: tens = 90
        default: return nil
        }
        if isSymbol(index + 1, "-"), let value = units(word(index + 2)) { return (tens + value, index + 3) }
        return (tens, index + 1)
    }

    /// `N days/weeks/months/years/decades ago` and `… from now`.
    func ago(at index: Int) -> Found? {
        guard let (value, next) = count(at: index) else { return nil }
        let unit = word(next)
        let direction: Int
        let end: Int
        if isWord(next + 1, .ago) || isWord(next + 1, .earlier) && bareDates {
            direction = -1
            end = next + 2
        } else if isWord(next + 1, .from), isWord(next + 2, .now) {
            direction = 1
            end = next + 3

        } else {
            return nil
        }
        let amount = direction * value
        switch unit {
        case .day, .days: return found(end, .day(today + amount))
        case .week, .weeks:
            return found(end, Timex(.date, Timex.week(of: today + 7 * amount)), span: .day(today + 7 * amount))
        case .month, .months: return found(end, .month(monthOrdinal + amount))
        case .year, .years: return found(end, .year(year + amount))
        case .decade, .decades: return found(end, .year(year + 10 * amount))
        default: return nil
        }
    }

    /// A weekday on its own, placed by tense: past → the latest one before publication, future → the first one
    /// after, present → the nearest, publication day included.
    func weekday(at index: Int) -> Found? {
        guard let weekday = weekdayNumber(index) else { return nil }
        switch word(index - 1) {
        case .black, .cyber, .good, .bloody, .super, .ash, .palm, .holy, .easter, .giving: return nil
        default: break
        }
        // Newspapers: "The Sunday Times", "Sunday Telegraph".
        if index + 1 < tokens.count, tokens[index + 1].capitalized {
            switch word(index + 1) {
            case .times, .telegraph, .express, .mail, .mirror, .herald, .post, .tribune: return nil
            default: break
            }
        }
        let current = CivilCalendar.weekday(today)
        let back = (current - weekday + 7) % 7
        let ahead = (weekday - current + 7) % 7
        let day: Int
        switch tense {
        // News names its own day by the weekday: "said Friday" in Friday's paper is that day.
        case .past: day = today - back
        case .future: day = today + (ahead == 0 ? 7 : ahead)
        case .present: day = back <= ahead ? today - back : today + ahead
        }
        return found(afterPartOfDay(index + 1), .day(day))
    }

    /// `YYYY-MM-DD`.
    func iso(at index: Int) -> Found? {
        guard index + 4 < tokens.count, let (value, _) = year(at: index, from: 1800) else { return nil }
        let parts = tokens[(index + 1)...(index + 4)]
        guard parts.allSatisfy({ !$0.spaced }), isSymbol(index + 1, "-"), isSymbol(index + 3, "-"),
            tokens[index + 2].kind == .number, tokens[index + 2].digits == 2,
            tokens[index + 4].kind == .number, tokens[index + 4].digits == 2,
            CivilCalendar.isValid(year: value, month: tokens[index + 2].value, day: tokens[index + 4].value)
        else { return nil }
        return found(
            index + 5,
            .day(CivilCalendar.days(year: value, month: tokens[index + 2].value, day: tokens[index + 4].value))
        )
    }
}
