/// The rules TimeML adds to event dating: references (`now`, `recently`), durations (`two weeks`, `the past
/// five years`, `a five-year low`), sets (`daily`, `every week`, `twice a year`), quarters and halves (`the third
/// quarter`, `third-quarter`, `Q3 2013`), seasons (`last fall`), clock times (`3:30 p.m.`, `noon`), holidays
/// (`Christmas`, `Thanksgiving`) and `fiscal 1989`, `year-earlier`. Each looks a bounded number of tokens ahead.
extension DateScanner {
    /// The longest TimeML-only expression at `index`.
    func timexExpression(at index: Int) -> Found? {
        var best: Found?
        func consider(_ candidate: Found?) { Self.keepLongest(candidate, startingAt: index, in: &best) }
        consider(reference(at: index))
        consider(quarter(at: index))
        consider(duration(at: index))
        consider(recurrence(at: index))
        consider(season(at: index))
        consider(clockTime(at: index))
        consider(holiday(at: index))
        consider(yearAdjective(at: index))
        consider(spelledYear(at: index))
        return best
    }

    /// Words TimeML-only expressions begin with, for `DateScanner.starters`.
    static let timexStarters: Set<DateWord> = [
        .now, .currently, .current, .presently, .nowadays, .recently, .recent, .lately, .previously,
        .formerly, .future, .soon, .past, .these, .daily, .weekly, .monthly, .annually, .yearly, .hourly,
        .quarterly, .every, .each, .several, .few, .many, .some, .couple, .first, .second, .third,
        .fourth, .final, .latest, .previous, .coming, .following, .quarter, .half, .fiscal, .spring,
        .summer, .fall, .autumn, .winter, .noon, .midnight, .christmas, .thanksgiving, .new, .year,
        .years, .month, .months, .week, .weeks, .day, .days, .hours, .hour, .minutes, .minute, .seconds,
        .decade, .decades, .century, .centuries, .per, .q1, .q2, .q3, .q4, .same,
        .nineteen, .twenties, .thirties, .forties, .fifties, .sixties, .seventies, .eighties,
        .nineties, .midday, .near, .short, .long, .someday, .soon,
        // Not starters themselves, but a "the", "this" or "last" before them starts one.
        .morning, .afternoon, .evening, .night, .weekend, .full, .present,
    ]

    // MARK: - References

    /// `now`, `currently`, `recently`, `the past`, `the future`, `soon` …: PRESENT_REF, PAST_REF, FUTURE_REF.
    func reference(at index: Int) -> Found? {
        switch word(index) {
        case .now:
            // "now" before "that" still refers to the present; "from now" belongs to a count ("two days from now").
            if isWord(index - 1, .from) { return nil }
            return found(index + 1, Timex(.date, "PRESENT_REF"))
        case .currently, .presently, .nowadays:
            return found(index + 1, Timex(.date, "PRESENT_REF"))
        case .current:
            // An adjective: "the current quarter" is the quarter rule's; "current account" is no time.
            if Self.notPresentNouns.contains(word(index + 1)) { return nil }
            return found(index + 1, Timex(.date, "PRESENT_REF"))
        case .these:
            return isWord(index + 1, .days) ? found(index + 2, Timex(.date, "PRESENT_REF")) : nil
        case .future,
            .coming where !isWord(index - 1, .the):
            // "future quarters", "in coming months": the time to come; "future plans" is no time.
            guard let (_, next) = unit(at: index + 1), isPluralUnit(index + 1) else { return nil }
            return found(next, Timex(.date, "FUTURE_REF"))
        case .a where isWord(index + 1, .later) && isWord(index + 2, .date):
            return found(index + 3, Timex(.date, "FUTURE_REF"))
        case .one where isWord(index + 1, .day):
            // "Islam will one day be …": after a modal, some day in the future.
            guard [.will, .would, .could, .may, .might, .can, .shall].contains(word(index - 1)) else { return nil }
            return found(index + 2, Timex(.date, "FUTURE_REF"))
        case .someday:
            return found(index + 1, Timex(.date, "FUTURE_REF"))
        case .soon:
            // "will soon begin", "may soon seek", "to soon grow": soon in a clause about the future. Not "as soon
            // as", "soon after" (a narrative's own sequence).
            if isWord(index - 1, .as) || isWord(index + 1, .as) || isWord(index + 1, .after)
                || isWord(index + 1, .afterwards) || isWord(index + 1, .thereafter)
            {
                return nil
            }
            let modals: [DateWord] = [.will, .would, .may, .might, .could, .can, .shall, .to, .ll]
            let near = (max(0, index - 4)..<min(tokens.count, index + 3)).contains { modals.contains(word($0)) }
            return near ? found(index + 1, Timex(.date, "FUTURE_REF")) : nil
        case .recently, .lately:
            return found(index + 1, Timex(.date, "PAST_REF"))
        case .recent:
            // "in recent years"; a bare "recent" qualifies a noun ("recent gains") more often than it dates.
            guard let (_, next) = unit(at: index + 1), isPluralUnit(index + 1) else { return nil }
            return found(next, Timex(.date, "PAST_REF"))
        case .the:
            switch word(index + 1) {
            case .past:
                // "the past" on its own; "the past two years" is a duration.
                if count(at: index + 2) != nil || unit(at: index + 2) != nil { return nil }
                return found(index + 2, Timex(.date, "PAST_REF"))
            case .future:
                return found(index + 2, Timex(.date, "FUTURE_REF"))
            case .near, .short, .long:
                // the near future, the near term, the short term, the long term
                guard isWord(index + 2, .future) || isWord(index + 2, .term) else { return nil }
                return found(index + 3, Timex(.date, "FUTURE_REF"))
            case .weekend:
                // The weekend just past in a past-tense sentence, the coming one otherwise.
                let monday = today - CivilCalendar.weekday(today)
                let saturday = tense == .past && today < monday + 5 ? monday - 2 : monday + 5
                return found(
                    index + 2,
                    Timex(.date, Timex.week(of: saturday) + "-WE"),
                    span: .day(saturday, saturday + 1)
                )
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Nouns after which "current" is no time: "current account", "current events", "electric current".
    static let notPresentNouns: Set<DateWord> = [
        .account, .accounts, .affairs, .events, .flow, .flows, .assets, .liabilities, .ratio, .quarter,
        .year, .month, .week, .period, .fiscal,
    ]

    // MARK: - Durations

    /// Whether the unit of time at `index` (`unit(at:)`) is a plural: `years`, not `year`.
    func isPluralUnit(_ index: Int) -> Bool {
        switch word(index) {
        case .seconds, .minutes, .hours, .days, .weeks, .months, .quarters, .years, .decades, .centuries: true
        default: false
        }
    }

    /// A unit of time: its TIMEX3 letter, whether it takes the `T` of times, and how many of it one word is.
    func unit(at index: Int) -> (unit: (letter: String, time: Bool, multiple: Int), next: Int)? {
        switch word(index) {
        case .second, .seconds: return (("S", true, 1), index + 1)
        case .minute, .minutes: return (("M", true, 1), index + 1)
        case .hour, .hours: return (("H", true, 1), index + 1)
        case .day, .days: return (("D", false, 1), index + 1)
        case .week, .weeks: return (("W", false, 1), index + 1)
        case .month, .months: return (("M", false, 1), index + 1)
        case .quarter, .quarters: return (("Q", false, 1), index + 1)
        case .year, .years: return (("Y", false, 1), index + 1)
        case .decade, .decades: return (("Y", false, 10), index + 1)
        case .century, .centuries: return (("Y", false, 100), index + 1)
        default: return nil
        }
    }

    /// `P3D`, `PT2H`, `P10Y`; `PXY` when the count is unknown.
    /// ISO 8601 has no quarters: a quarter is three months. `half` adds half a unit ("2 1/2 years" is
    /// `P2Y6M`, "an hour and a half" `PT1H30M`) where the next smaller unit says it exactly.
    static func durationValue(
        _ amount: Int?,
        _ unit: (letter: String, time: Bool, multiple: Int),
        half: Bool = false
    ) -> String {
        let (letter, multiple) = unit.letter == "Q" && !unit.time ? ("M", 3) : (unit.letter, unit.multiple)
        let number = amount.map { String($0 * multiple) } ?? "X"
        var value = "P" + (unit.time ? "T" : "") + number + letter
        if half, amount != nil, multiple == 1 {
            switch (letter, unit.time) {
            case ("Y", false): value += "6M"
            case ("M", false): value += "15D"
            case ("D", false): value += "T12H"
            case ("H", true): value += "30M"
            case ("M", true): value += "30S"
            default: break
            }
        }
        return value
    }

    /// A count, also `twenty four` (tens and units apart) and `(a) couple of`, with the words that may stand
    /// between it and its unit (`two more weeks`, `an additional year`, `eight trading days`).
    func durationCount(at index: Int) -> (value: Int, next: Int)? {
        var result: (value: Int, next: Int)
        if isWord(index, .couple), isWord(index + 1, .of) {
            result = (2, index + 2)
        } else if isWord(index, .a), isWord(index + 1, .couple), isWord(index + 2, .of) {
            result = (2, index + 3)
        } else {
            guard let (value, next) = count(at: index) else { return nil }
            result = (value, next)
            if value % 10 == 0, value >= 20, value < 100, let (units, after) = count(at: next), units < 10,
                tokens[next].kind == .word, !isWord(next, .a), !isWord(next, .an)
            {
                result = (value + units, after)
            }
        }
        switch word(result.next) {
        case .more, .additional, .further, .straight, .consecutive, .trading, .business, .working, .full:
            if unit(at: result.next + 1) != nil { result.next += 1 }
        default: break
        }
        return result
    }

    /// `two weeks`, `the past five years`, `the first nine months`, `a five-year low` (`five-year`), `several
    /// days`, `a few hours`, `for years`, `the past year`.
    func duration(at index: Int) -> Found? {
        var cursor = index
        let the = isWord(cursor, .the)
        if the { cursor += 1 }
        var qualified = false
        switch word(cursor) {
        case .past, .last, .next, .first, .previous, .coming, .following, .final, .latest, .current, .full,
            .present:
            qualified = true
            cursor += 1
        default: break
        }
        if the, isWord(cursor, .fiscal) { cursor += 1 }
        // A vague count: several days, a few hours, many years, some months.
        var vague = false
        switch word(cursor) {
        case .several, .many, .some, .few:
            vague = true
            cursor += 1
        case .a where isWord(cursor + 1, .few):
            vague = true
            cursor += 2
        default: break
        }
        var amount: Int?
        if !vague, let (value, next) = durationCount(at: cursor),
            tokens[cursor].kind != .number || tokens[cursor].digits < 4
        {
            // "a year" right after a number or "times" is a rate ("twice a year"): the set rule reads it.
            if isWord(cursor, .a) || isWord(cursor, .an), isRateContext(index - 1) { return nil }
            amount = value
            cursor = next
            if isSymbol(cursor, "-"), !tokens[cursor].spaced { cursor += 1 }
        }
        // "2 1/2 years"
        var half = false
        if amount != nil, cursor + 3 < tokens.count, tokens[cursor].kind == .number, tokens[cursor].value == 1,
            isSymbol(cursor + 1, "/"), tokens[cursor + 2].kind == .number, tokens[cursor + 2].value == 2
        {
            half = true
            cursor += 3
        }
        guard var (unit, end) = unit(at: cursor) else { return nil }
        // "a quarter of the shares" is a fraction; "60 Minutes", capitalised inside a sentence, a title.
        if unit.letter == "Q", !vague, isWord(end, .of) { return nil }
        if tokens[cursor].capitalized, cursor > 0, tokens[cursor - 1].kind != .symbol { return nil }
        // "an hour and a half"
        if isWord(end, .and), isWord(end + 1, .a), isWord(end + 2, .half) {
            half = true
            end += 3
        }
        // "several years ago": a count back of unknown length is the past, vaguely.
        if vague, isWord(end, .ago) { return found(end + 1, Timex(.date, "PAST_REF")) }
        // "a second attempt": an ordinal, not a time.
        if isWord(cursor, .second), amount == 1, isWord(cursor - 1, .a) || isWord(cursor - 1, .an) { return nil }
        let plural = isPluralUnit(cursor)
        // A compound after the unit: "decades-long", "day-long" stay durations; "year-ago", "year-end" are not.
        var compound = false
        if isSymbol(end, "-"), !tokens[end].spaced {
            guard isWord(end + 1, .long) else { return nil }
            end += 2
            compound = true
        }
        // An age ("a 6-year-old", "52 years old") is no duration; nor is a fraction ("three-quarters").
        if isWord(end, .old) || isSymbol(end, "-") && isWord(end + 1, .old) { return nil }
        if unit.letter == "Q", !unit.time, amount == nil && !vague || plural && isSymbol(cursor - 1, "-") { return nil }
        // A following "ago", "earlier" or "from now" makes a date (the `ago` rule, which is longer).
        if amount == nil, !vague {
            // No count: "the past year" needs "the" and a qualifier ("last year" is a date), "the year" stands
            // for a year's time; "for years" needs a preposition of duration.
            if the, !plural, let date = thePeriod(word(cursor - 1), unit: word(cursor), end: end) { return date }
            if the, !plural, isWord(cursor - 1, .fiscal),
                let date = thePeriod(word(cursor - 2), unit: word(cursor), end: end)
            {
                return date
            }
            if the, qualified || isWord(cursor, .year) && !plural {
                return found(end, Timex(.duration, Self.durationValue(plural ? nil : 1, unit)))
            }
            // "the weeks ahead", "over the years", "decades-long".
            if the, plural, isWord(end, .ahead) {
                return found(end + 1, Timex(.duration, Self.durationValue(nil, unit)))
            }
            if compound, plural, !the { return found(end, Timex(.duration, Self.durationValue(nil, unit))) }
            // "months of twists and turns", "years of war": a span of unknown length.
            if plural, !the, isWord(end, .of), unit.letter != "Q", index == cursor,
                !(index > 0 && [.number, .otherNumber].contains(tokens[index - 1].kind)),
                ![.early, .late, .small, .wee, .first, .last, .final, .final].contains(word(index - 1))
            {
                return found(end, Timex(.duration, Self.durationValue(nil, unit)))
            }
            let prepositions: [DateWord] =
                the
                ? [.over, .during, .through, .throughout]
                : [.for, .over, .within, .in, .take, .takes, .took, .lasted]
            guard plural, prepositions.contains(word(index - 1)) else { return nil }
            return found(end, Timex(.duration, Self.durationValue(nil, unit)))
        }
        if amount != nil, !qualified, the, !plural { return nil }  // "the one year": not a duration
        return found(end, Timex(.duration, Self.durationValue(vague ? nil : amount, unit, half: half)))
    }

    /// `the past year`, `the last decade`, `the coming month` (TimeML reads them as the calendar period before
    /// or after the publication day) and `the year` (the publication year).
    func thePeriod(_ qualifier: DateWord, unit: DateWord, end: Int) -> Found? {
        let offset: Int
        switch qualifier {
        case .past, .last, .previous: offset = -1
        case .next, .coming: offset = 1
        case .the, .current, .full, .present: offset = 0
        default: return nil
        }
        // Each names a period, but "inflation doubled over the last year" spans it rather than happening at a
        // date: no interval is given, so no event takes it as its date.
        let value: String
        switch unit {
        case .year:
            // "the year ended March 31": a fiscal year, named by its end, is a year's time.
            if offset == 0, isWord(end, .ended) || isWord(end, .ending) {
                return found(end, Timex(.duration, "P1Y"))
            }
            value = Timex.pad(year + offset, 4)
        case .month where offset != 0: value = Timex.month(monthOrdinal + offset)
        case .week where offset != 0:
            value = Timex.week(of: today - CivilCalendar.weekday(today) + 7 * offset)
        case .decade where offset != 0: value = Timex.pad(year / 10 + offset, 3)
        default: return nil
        }
        return found(end, Timex(.date, value))
    }

    /// Words after which `a week`, `per year` is a rate.
    func isRateContext(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        switch tokens[index].kind {
        case .number, .otherNumber: return true
        case .word:
            switch tokens[index].word {
            case .times, .once, .twice, .thrice, .percent, .cents, .dollars, .pounds, .euros, .hours,
                .miles, .barrels, .tons, .tonnes, .units, .million, .billion:
                return true
            default: return false
            }
        default: return false
        }
    }

    // MARK: - Sets

    /// `daily`, `weekly`, `every week`, `each Monday`, `every two years`, `twice a year` (`a year`), `per day`.
    func recurrence(at index: Int) -> Found? {
        switch word(index) {
        case .daily: return found(index + 1, Timex(.set, "P1D"))
        case .weekly: return found(index + 1, Timex(.set, "P1W"))
        case .monthly: return found(index + 1, Timex(.set, "P1M"))
        case .yearly: return found(index + 1, Timex(.set, "P1Y"))
        case .hourly: return found(index + 1, Timex(.set, "PT1H"))
        case .every, .each:
            var cursor = index + 1
            if isWord(cursor, .other) {
                if let (unit, end) = unit(at: cursor + 1) {
                    return found(end, Timex(.set, Self.durationValue(2, unit)))
                }
                return nil
            }
            if let weekday = weekdayNumber(cursor) {
                return found(afterPartOfDay(cursor + 1), Timex(.set, "XXXX-WXX-\(weekday + 1)"))
            }
            if let code = seasonCode(word(cursor)) { return found(cursor + 1, Timex(.set, "XXXX-\(code)")) }
            switch word(cursor) {
            case .morning: return found(cursor + 1, Timex(.set, "XXXX-XX-XXTMO"))
            case .afternoon: return found(cursor + 1, Timex(.set, "XXXX-XX-XXTAF"))
            case .evening: return found(cursor + 1, Timex(.set, "XXXX-XX-XXTEV"))
            case .night: return found(cursor + 1, Timex(.set, "XXXX-XX-XXTNI"))
            default: break
            }
            var amount = 1
            if let (value, next) = durationCount(at: cursor), !isWord(cursor, .a) {
                amount = value
                cursor = next
            }
            guard let (unit, end) = unit(at: cursor) else { return nil }
            return found(end, Timex(.set, Self.durationValue(amount, unit)))
        case .a, .an, .per:
            guard isRateContext(index - 1), let (unit, end) = unit(at: index + 1),
                !isPluralUnit(index + 1)
            else { return nil }
            return found(end, Timex(.set, Self.durationValue(1, unit)))
        default:
            return nil
        }
    }

    // MARK: - Quarters and halves

    /// An ordinal quarter or half: first … fourth, 1st … 4th, final.
    func quarterOrdinal(at index: Int) -> Int? {
        guard index >= 0, index < tokens.count else { return nil }
        if tokens[index].kind == .ordinal { return (1...4).contains(tokens[index].value) ? tokens[index].value : nil }
        switch word(index) {
        case .first: return 1
        case .second: return 2
        case .third: return 3
        case .fourth, .final: return 4
        default: return nil
        }
    }

    /// `(the) third quarter (of 2013 / 2013)`, `third-quarter`, `the fiscal first quarter`, `this year's third
    /// quarter`, `the first half`, `Q3 2013`, `the latest quarter`, `last quarter`, `the year-ago quarter`.
    func quarter(at index: Int) -> Found? {
        var cursor = index
        var yearSpec: YearSpec?
        // this year's …, last year's …
        if let (offset, next) = relativeOffset(at: cursor), isWord(next, .year), isSymbol(next + 1, "'"),
            isWord(next + 2, .s)
        {
            yearSpec = .relative(offset)
            cursor = next + 3
        } else if let (value, next) = year(at: cursor, from: 1900), isSymbol(next, "'"), isWord(next + 1, .s) {
            yearSpec = .absolute(value)
            cursor = next + 2
        }
        let the = isWord(cursor, .the)
        if the { cursor += 1 }
        // the 1988 second quarter
        if the, yearSpec == nil, let (value, next) = year(at: cursor, from: 1900), quarterOrdinal(at: next) != nil {
            yearSpec = .absolute(value)
            cursor = next
        }
        var relative: Int?
        var ordinal: Int?
        var half = false
        var bare = false
        let named: Int? =
            switch word(cursor) {
            case .q1: 1
            case .q2: 2
            case .q3: 3
            case .q4: 4
            default: nil
            }
        if let number = named {
            ordinal = number
            cursor += 1
        } else {
            if isWord(cursor, .fiscal) { cursor += 1 }
            switch word(cursor) {
            case .latest, .last, .past, .previous, .recent, .most:
                if isWord(cursor, .most), !isWord(cursor + 1, .recent) { return nil }
                relative = -1
                cursor += isWord(cursor, .most) ? 2 : 1
            case .current, .this:
                relative = 0
                cursor += 1
            case .next, .coming:
                relative = 1
                cursor += 1
            case .year:
                guard isSymbol(cursor + 1, "-"), isWord(cursor + 2, .ago) || isWord(cursor + 2, .earlier) else {
                    break
                }
                relative = -4
                cursor += 3
            default:
                if let number = quarterOrdinal(at: cursor) {
                    ordinal = number
                    cursor += 1
                }
            }
            if isWord(cursor, .fiscal) { cursor += 1 }
            if ordinal != nil || relative != nil, isSymbol(cursor, "-") {
                // "the third-quarter results": TimeML tags the adjective without "the".
                if the, ordinal != nil, yearSpec == nil { return nil }
                cursor += 1
            }
            if ordinal == nil, relative == nil, the, isWord(cursor, .quarter) { bare = true }
            switch word(cursor) {
            case .quarter: cursor += 1
            case .half where ordinal != nil && ordinal! <= 2:
                half = true
                cursor += 1
            case .period where relative != nil && relative != 0 && relative != 1 && isWord(index, .the):
                cursor += 1
            default: return nil
            }
        }
        guard ordinal != nil || relative != nil || bare else { return nil }
        if let ordinal, yearSpec == nil, let part = yearPart(at: cursor) {
            yearSpec = part.year
            cursor = part.next
        }
        // The quarter the publication day is in, as `year × 4 + quarter − 1`.
        let current = year * 4 + (CivilCalendar.yearMonth(monthOrdinal).month - 1) / 3
        let number: Int
        if let ordinal, half {
            let year =
                yearSpec.map(resolve)
                ?? (tense == .future ? self.year : (ordinal == 2 && current % 4 < 2 ? self.year - 1 : self.year))
            let first = CivilCalendar.monthOrdinal(year: year, month: ordinal == 1 ? 1 : 7)
            return found(cursor, Timex(.date, "\(Timex.pad(year, 4))-H\(ordinal)"), span: .month(first, first + 5))
        } else if let ordinal {
            if let yearSpec {
                number = resolve(yearSpec) * 4 + ordinal - 1
            } else {
                let sameYear = year * 4 + ordinal - 1
                switch tense {
                case .future: number = sameYear < current ? sameYear + 4 : sameYear
                default: number = sameYear > current ? sameYear - 4 : sameYear
                }
            }
        } else {
            var base = current
            // "the quarter" in a report of results is the one that ended last.
            if relative == -4 || (relative == nil && tense != .future) { base -= 1 }
            if relative == -1 { base -= 1 } else if relative == 1 { base += 1 } else if relative == -4 { base -= 4 }
            number = base
        }
        let quarterYear = number >= 0 ? number / 4 : (number - 3) / 4
        let quarterIndex = number - quarterYear * 4
        let first = CivilCalendar.monthOrdinal(year: quarterYear, month: quarterIndex * 3 + 1)
        return found(
            cursor,
            Timex(.date, "\(Timex.pad(quarterYear, 4))-Q\(quarterIndex + 1)"),
            span: .month(first, first + 2)
        )
    }

    // MARK: - Seasons

    func seasonCode(_ word: DateWord) -> String? {
        switch word {
        case .spring: "SP"
        case .summer: "SU"
        case .fall, .autumn: "FA"
        case .winter: "WI"
        default: nil
        }
    }

    /// `last fall`, `this summer`, `next spring`, `(the) summer of 2013`, `winter 2013`, `in the summer`.
    func season(at index: Int) -> Found? {
        var cursor = index
        var offset: Int?
        if isWord(cursor, .the) { cursor += 1 }
        switch word(cursor) {
        case .early, .late, .mid:
            cursor += isSymbol(cursor + 1, "-") ? 2 : 1
        default: break
        }
        if cursor == index, let (value, next) = relativeOffset(at: cursor) {
            offset = value
            cursor = next
        } else if !isWord(index, .the), let (value, next) = relativeOffset(at: cursor) {
            offset = value
            cursor = next
        }
        guard let code = seasonCode(word(cursor)) else { return nil }
        let seasonEnd = cursor + 1
        let explicit = yearPart(at: seasonEnd)
        // A bare season: "in (the) summer"; never "fall" or "spring" alone (verbs and nouns).
        if offset == nil, explicit == nil {
            guard code == "SU" || code == "WI" || code == "FA" && isWord(cursor, .autumn),
                [.in, .during, .since, .this, .by, .until, .over, .into, .through, .throughout, .of]
                    .contains(word(index - 1))
            else { return nil }
        }
        let start = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][code]!
        let month = CivilCalendar.yearMonth(monthOrdinal).month
        let seasonYear: Int
        if let explicit {
            seasonYear = resolve(explicit.year)
        } else {
            let direction = offset ?? (tense == .past ? -1 : tense == .future ? 1 : 0)
            switch direction {
            case ..<0: seasonYear = start < month ? year : year - 1
            case 0: seasonYear = year
            default: seasonYear = start > month ? year : year + 1
            }
        }
        return found(explicit?.next ?? seasonEnd, Timex(.date, "\(Timex.pad(seasonYear, 4))-\(code)"))
    }

    // MARK: - Clock times

    /// `a.m.`, `am`, `p.m.`, `pm` at `index`: 0 or 12 hours to add, and where it ends.
    func meridiem(at index: Int) -> (add: Int, next: Int)? {
        let first = word(index)
        switch first {
        case .am, .pm:
            return (first == .pm ? 12 : 0, index + 1)
        case .a, .p:
            guard isSymbol(index + 1, "."), isWord(index + 2, .m) else { return nil }
            // The final period, unless it ends the sentence: a capitalised word after it other than a zone or a day.
            var end = index + 3
            if isSymbol(end, ".") {
                let next = end + 1
                if next >= tokens.count || !tokens[next].capitalized || isWeekdayOrDeictic(next)
                    || Self.timeZones.contains(tokens[next].word)
                {
                    end = next
                }
            }
            return (first == .p ? 12 : 0, end)
        default: return nil
        }
    }

    static let timeZones: Set<DateWord> = [
        .est, .edt, .cst, .cdt, .mst, .mdt, .pst, .pdt, .gmt, .utc, .bst, .cet, .cest, .ist, .jst,
    ]

    func isWeekdayOrDeictic(_ index: Int) -> Bool {
        weekdayNumber(index) != nil || [.today, .yesterday, .tomorrow, .tonight].contains(word(index))
    }

    /// `3:30 p.m.`, `10 a.m.`, `15:45`, `noon`, `midnight`, `9 o'clock`, optionally followed by a time zone and a
    /// day (`3 p.m. Friday`, `noon yesterday`): a TIME on that day, or on the publication day.
    func clockTime(at index: Int) -> Found? {
        var hour: Int
        var minute = 0
        var cursor: Int
        switch word(index) {
        case .noon, .midday:
            // "High Noon", a title: a capitalised noon within a sentence.
            if tokens[index].capitalized, index > 0, tokens[index - 1].capitalized { return nil }
            hour = 12
            cursor = index + 1
        case .midnight:
            hour = 24
            cursor = index + 1
        default:
            guard index < tokens.count, tokens[index].kind == .number, tokens[index].digits <= 2,
                (0...24).contains(tokens[index].value)
            else { return nil }
            hour = tokens[index].value
            cursor = index + 1
            var hasMinutes = false
            if isSymbol(cursor, ":"), cursor + 1 < tokens.count, tokens[cursor + 1].kind == .number,
                tokens[cursor + 1].digits == 2, tokens[cursor + 1].value < 60, !tokens[cursor].spaced
            {
                minute = tokens[cursor + 1].value
                cursor += 2
                hasMinutes = true
            }
            if let (add, next) = meridiem(at: cursor), hour >= 1, hour <= 12 {
                hour = hour % 12 + add
                cursor = next
            } else if isWord(cursor, .o), isSymbol(cursor + 1, "'"), isWord(cursor + 2, .clock), hour <= 12 {
                cursor += 3
            } else if !hasMinutes {
                return nil
            }
        }
        if Self.timeZones.contains(word(cursor)) { cursor += 1 }
        // "10:35 a.m. (0735 GMT) Friday": the day may follow a short aside in brackets.
        var afterAside: Int?
        if isSymbol(cursor, "("),
            let close = (cursor + 1..<min(tokens.count, cursor + 6)).first(where: { isSymbol($0, ")") })
        {
            afterAside = close + 1
        }
        if isSymbol(cursor, ","), cursor + 1 < tokens.count, tokens[cursor + 1].month != 0 { cursor += 1 }
        var day = today
        if let afterAside,
            let following = expression(
                at: afterAside,
                monthContext: true,
                yearContext: false,
                rules: [.days, .deictic, .relative, .weekdays]
            ), let span = following.span, span.precision == .day, span.start == span.end
        {
            day = span.start
            cursor = following.end
        } else if let following = expression(
            at: cursor,
            monthContext: true,
            yearContext: false,
            rules: [.days, .deictic, .relative, .weekdays]
        ), let span = following.span, span.precision == .day, span.start == span.end {
            day = span.start
            cursor = following.end
        }
        let clock = hour == 24 ? "24:00" : "\(Timex.pad(hour, 2)):\(Timex.pad(minute, 2))"
        return found(cursor, Timex(.time, "\(Timex.day(day))T\(clock)"), span: .day(day))
    }

    // MARK: - Holidays and adjectives

    /// `Christmas (Day/Eve)`, `New Year's (Day/Eve)`, `Thanksgiving (Day)`, placed by tense.
    func holiday(at index: Int) -> Found? {
        var cursor = index
        var month: Int
        var dayOfMonth: Int?
        switch word(index) {
        case .christmas:
            month = 12
            cursor += 1
            if isWord(cursor, .eve) {
                dayOfMonth = 24
                cursor += 1
            } else {
                dayOfMonth = 25
                if isWord(cursor, .day) { cursor += 1 }
            }
        case .new:
            guard isWord(index + 1, .year), isSymbol(index + 2, "'"), isWord(index + 3, .s) else { return nil }
            cursor = index + 4
            if isWord(cursor, .eve) {
                month = 12
                dayOfMonth = 31
                cursor += 1
            } else {
                guard isWord(cursor, .day) else { return nil }
                month = 1
                dayOfMonth = 1
                cursor += 1
            }
        case .thanksgiving:
            month = 11
            cursor += 1
            if isWord(cursor, .day) { cursor += 1 }
        default:
            return nil
        }
        guard tokens[index].capitalized else { return nil }
        let explicit = yearPart(at: cursor)
        func date(in year: Int) -> Int {
            if let dayOfMonth { return CivilCalendar.days(year: year, month: month, day: dayOfMonth) }
            // The fourth Thursday of November.
            let first = CivilCalendar.days(year: year, month: 11, day: 1)
            return first + (3 - CivilCalendar.weekday(first) + 7) % 7 + 21
        }
        let day: Int
        if let explicit {
            day = date(in: resolve(explicit.year))
        } else {
            let candidates = [date(in: year - 1), date(in: year), date(in: year + 1)]
            switch tense {
            case .past: day = candidates.last { $0 <= today } ?? candidates[0]
            case .future: day = candidates.first { $0 >= today } ?? candidates[2]
            case .present: day = candidates.min { abs($0 - today) < abs($1 - today) }!
            }
        }
        return found(explicit?.next ?? cursor, .day(day))
    }

    /// `nineteen ninety-six` (a year as spoken), `the year two thousand`, `the (early) nineties`, `the 20th
    /// century` (`19`).
    func spelledYear(at index: Int) -> Found? {
        if isWord(index, .nineteen), let (value, next) = count(at: index + 1), tokens[index + 1].kind == .word,
            (10...99).contains(value)
        {
            return found(next, .year(1900 + value))
        }
        if index < tokens.count, tokens[index].kind == .ordinal, (1...30).contains(tokens[index].value),
            isWord(index + 1, .century)
        {
            return found(index + 2, Timex(.date, Timex.pad(tokens[index].value - 1, 2)))
        }
        guard isWord(index, .the) else { return nil }
        var cursor = index + 1
        if isWord(cursor, .year), isWord(cursor + 1, .two), isWord(cursor + 2, .thousand) {
            return found(cursor + 3, .year(2000))
        }
        switch word(cursor) {
        case .early, .mid, .late: cursor += isSymbol(cursor + 1, "-") ? 2 : 1
        default: break
        }
        if let decade = Self.spelledDecades[word(cursor)] {
            let first = 1900 + decade * 10
            return found(cursor + 1, .year(first, first + 9))
        }
        if cursor < tokens.count, tokens[cursor].kind == .ordinal, (1...30).contains(tokens[cursor].value),
            isWord(cursor + 1, .century)
        {
            return found(cursor + 2, Timex(.date, Timex.pad(tokens[cursor].value - 1, 2)))
        }
        return nil
    }

    /// Decades as spoken, by their tens digit in the 1900s.
    static let spelledDecades: [DateWord: Int] = [
        .twenties: 2, .thirties: 3, .forties: 4, .fifties: 5, .sixties: 6, .seventies: 7, .eighties: 8,
        .nineties: 9,
    ]

    /// `fiscal 1989` (the year), `year-earlier`, `year-ago` (the year before publication), `year-end`, `year
    /// end`, `year's end` (the last day of the year: the one past in a past-tense sentence, else this one).
    func yearAdjective(at index: Int) -> Found? {
        if isWord(index, .year) {
            var end: Int?
            if isSymbol(index + 1, "-"), isWord(index + 2, .end) { end = index + 3 }
            if isWord(index + 1, .end) { end = index + 2 }
            if isSymbol(index + 1, "'"), isWord(index + 2, .s), isWord(index + 3, .end) { end = index + 4 }
            if let end {
                let last = CivilCalendar.days(year: tense == .past ? year - 1 : year, month: 12, day: 31)
                return found(end, .day(last))
            }
        }
        switch word(index) {
        case .fiscal:
            guard let (value, next) = year(at: index + 1, from: 1900) else { return nil }
            return found(next, .year(value))
        case .year:
            guard isSymbol(index + 1, "-"), !tokens[index + 1].spaced,
                isWord(index + 2, .ago) || isWord(index + 2, .earlier)
            else { return nil }
            return found(index + 3, .year(year - 1))
        default:
            return nil
        }
    }
}
