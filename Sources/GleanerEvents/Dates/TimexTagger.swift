import GleanerCore

/// Finds every temporal expression of an article and normalises it to a TimeML TIMEX3 value against the
/// publication date, as HeidelTime does in news mode: explicit dates as written; relative and underspecified
/// ones ("in April", "Friday", "last week", "the third quarter") against the publication day and the tense of
/// the words nearest to them; durations, sets, clock times and vague references (`PRESENT_REF` …) as TimeML
/// writes them. The same grammar (`DateScanner`) dates events.
public enum TimexTagger {
    /// The temporal expressions of `text`, in text order, each with its UTF-8 offset and length in `text`.
    public static func expressions(in text: String, published: PublicationDate) -> [TemporalExpression] {
        expressions(in: AnalysedText(text), published: published)
    }

    /// `expressions(in:published:)` of a text already split into sentences and tokenised.
    public static func expressions(in text: AnalysedText, published: PublicationDate) -> [TemporalExpression] {
        tagged(in: text, published: published).map(\.expression)
    }

    /// An expression with what the tagger knew when it normalised it.
    struct Tagged {
        var expression: TemporalExpression
        /// The tense it was read in.
        var tense: Tense
        /// The tense of the nearest tense word anywhere in its sentence.
        var sentenceTense: Tense
        /// The four-digit year written in it (`2015`, `March 3, 2017`), if any: an explicit date.
        var writtenYear: Int?
        /// A weekday written before a day without a year ("Monday, January 24"), 0 = Monday.
        var weekday: Int?
    }

    static func tagged(in text: AnalysedText, published: PublicationDate) -> [Tagged] {
        let anchor = TemporalExpression.Anchor(published)
        var expressions: [Tagged] = []
        // The last quarter the article named ("the third quarter"): "a year earlier" then means that quarter a
        // year before, as results are compared period with period.
        var reportingQuarter: (year: Int, quarter: Int)?
        for position in text.sentences.indices {
            let sentenceText = text.sentenceTexts[position]
            let sentenceTokens = text.dateTokens[position]
            let base = text.offsets[position].start
            // A run-on without punctuation is read in stretches of `runOn` tokens, so its cost stays linear.
            for chunk in stride(from: 0, to: sentenceTokens.count, by: Self.runOn) {
                let tokens =
                    sentenceTokens.count <= Self.runOn
                    ? sentenceTokens : Array(sentenceTokens[chunk..<min(sentenceTokens.count, chunk + Self.runOn)])
                // Worked out only for a sentence with a word that may start an expression (most have none).
                var markers: TenseMarkers?
                var probe: DateScanner?
                var index = 0
                var previousEnd = -1
                while index < tokens.count {
                    // Most words can start no expression: skip them before anything is computed for them.
                    if !DateScanner.mayStart(at: index, in: tokens) {
                        index += 1
                        continue
                    }
                    // Whether anything matches here does not depend on the tense: look first, in the present.
                    if probe == nil {
                        probe = DateScanner(tokens: tokens, published: published, tense: .present, bareDates: true)
                    }
                    guard let presentMatch = probe!.longest(at: index, previousEnd: previousEnd) else {
                        index += 1
                        continue
                    }
                    // A weekday takes the tense of the nearest verb in its sentence; a date, of the words next to it.
                    let isWeekday =
                        DateScanner.weekdayNumber(of: tokens[index].word) != nil
                        || tokens[index].word == .the && index + 1 < tokens.count
                            && tokens[index + 1].word == .weekend
                    if markers == nil { markers = TenseMarkers(tokens) }
                    let tense = markers!.tense(near: index, within: isWeekday ? tokens.count : TenseMarkers.window)
                    // In the present, the probe's match is the match.
                    let match =
                        tense == .present
                        ? presentMatch
                        : DateScanner(tokens: tokens, published: published, tense: tense, bareDates: true)
                            .longest(at: index, previousEnd: previousEnd)
                    guard let found = match,
                        var timex = timex(of: found, startingAt: index, tokens: tokens)
                    else {
                        index += 1
                        continue
                    }
                    if let quarter = Self.quarter(timex) {
                        let words = tokens[index..<found.end].filter { $0.kind == .word }.map(\.word)
                        if let reporting = reportingQuarter, Self.isBareQuarter(words) {
                            // "the quarter", "this quarter", "the latest period": the one the article reports on.
                            timex.value = "\(Timex.pad(reporting.year, 4))-Q\(reporting.quarter)"
                        } else if !words.contains(where: {
                            [.ago, .earlier, .last, .previous, .next].contains($0)
                        }) {
                            reportingQuarter = quarter
                        }
                    } else if let quarter = reportingQuarter, Self.isYearBack(tokens[index..<found.end]),
                        timex.value == Timex.pad(published.year - 1, 4)
                    {
                        timex.value = "\(Timex.pad(quarter.year - 1, 4))-Q\(quarter.quarter)"
                    }
                    // "nearly four years", "more than an hour", "around 7:15 p.m.": the approximation is part of it.
                    let first =
                        Self.approximationStart(before: index, in: tokens, after: previousEnd, for: timex) ?? index
                    for (part, value) in Self.parts(of: found, from: first, timex: timex, tokens: tokens) {
                        // UTF-8 offsets in the sentence.
                        let start = tokens[part.lowerBound].range.lowerBound
                        let end = tokens[part.upperBound - 1].range.upperBound
                        let range = DateToken.indices(of: start..<end, in: sentenceText)
                        let year = tokens[part].first { $0.kind == .number && $0.digits == 4 }?.value
                        let weekday =
                            year == nil && tokens[part].contains { $0.month != 0 }
                            ? tokens[part].first.flatMap { DateScanner.weekdayNumber(of: $0.word) } : nil
                        expressions.append(
                            Tagged(
                                expression: TemporalExpression(
                                    text: String(sentenceText[range]),
                                    offset: base + start,
                                    length: end - start,
                                    type: value.type,
                                    value: value.value,
                                    anchor: anchor
                                ),
                                tense: tense,
                                sentenceTense: markers!.tense(near: index, within: tokens.count),
                                writtenYear: year.flatMap { (1800...2100).contains($0) ? $0 : nil },
                                weekday: weekday
                            )
                        )
                    }
                    index = found.end
                    previousEnd = found.end
                }
            }
        }
        return expressions
    }

    /// A range ("from Aug. 26 to Oct. 20", "between 1994 and 1997", "1994-97") is two expressions in TimeML, one
    /// for each end, without the `from`/`between` and the separator; an end that is only a day number ("February
    /// 23-24") is an expression of its own too (`24`). Anything else is one expression.
    static func parts(
        of found: DateScanner.Found,
        from first: Int,
        timex: Timex,
        tokens: [DateToken]
    ) -> [(Range<Int>, Timex)] {
        guard found.separator != nil, found.timex == nil, let span = found.span, span.start < span.end else {
            return [(first..<found.end, timex)]
        }
        var start = first
        if tokens[start].kind == .word, tokens[start].word == .from || tokens[start].word == .between {
            start += 1
        }
        let separators: [DateWord] = [.to, .through, .thru, .until, .till, .and]
        func isSeparator(_ token: DateToken) -> Bool {
            token.kind == .symbol && token.symbol == "-" || separators.contains(token.word)
        }
        guard let separator = (start..<found.end).first(where: { isSeparator(tokens[$0]) }),
            separator > start, separator + 1 < found.end,
            let head = Timex.value(of: DateSpan(precision: span.precision, start: span.start, end: span.start)),
            let tail = Timex.value(of: DateSpan(precision: span.precision, start: span.end, end: span.end))
        else { return [(first..<found.end, timex)] }
        var result = [(start..<separator, Timex(.date, head))]
        result.append(((separator + 1)..<found.end, Timex(.date, tail)))
        return result
    }

    /// The longest stretch of tokens read as one sentence.
    static let runOn = 400

    /// Year and quarter of a quarter's value (`2013-Q3`).
    static func quarter(_ timex: Timex) -> (year: Int, quarter: Int)? {
        // Most values are no quarter, and most of those are told apart by their length, before any array is made.
        guard timex.type == .date, timex.value.utf8.count == 7 else { return nil }
        let value = Array(timex.value.utf8)
        guard value[4] == UInt8(ascii: "-"), value[5] == UInt8(ascii: "Q"),
            let year = Int(timex.value.prefix(4)), let quarter = Int(timex.value.suffix(1))
        else { return nil }
        return (year, quarter)
    }

    /// `the quarter`, `this quarter`, `the latest quarter`, `the current period`: no ordinal, no year, no shift.
    static func isBareQuarter(_ words: [DateWord]) -> Bool {
        words.allSatisfy {
            [.the, .this, .latest, .current, .quarter, .period, .fiscal, .recent, .most].contains($0)
        }
    }

    /// `a year ago`, `one year earlier`, `year-ago`, `year-earlier`: one year back, no other unit.
    static func isYearBack(_ tokens: ArraySlice<DateToken>) -> Bool {
        let words = tokens.filter { $0.kind == .word }.map(\.word)
        return words.contains(.year) && (words.contains(.ago) || words.contains(.earlier))
            && words.allSatisfy { [.a, .one, .year, .ago, .earlier].contains($0) }
    }

    /// Where an approximation before a duration, a count back or a clock time starts ("nearly", "about",
    /// "more than", "at least", "no more than", "just over" …), when nothing before it was matched.
    static func approximationStart(
        before index: Int,
        in tokens: [DateToken],
        after previousEnd: Int,
        for timex: Timex
    ) -> Int? {
        let counted =
            timex.type == .duration || timex.type == .time || tokens[index].kind == .number
            || DateScanner.countWords.contains(tokens[index].word)
        guard counted, index > 0, index - 1 >= max(previousEnd, 0) else { return nil }
        func word(_ position: Int) -> DateWord {
            position >= max(previousEnd, 0) && position < index ? tokens[position].word : .unnamed
        }
        switch word(index - 1) {
        case .over, .under, .some:
            // "over two years", not "over the past year".
            guard tokens[index].kind == .number || DateScanner.countWords.contains(tokens[index].word),
                tokens[index].word != .a || timex.type == .duration
            else { return nil }
            return index - 1
        case .nearly, .almost, .about, .around, .approximately, .roughly:
            if word(index - 2) == .just || word(index - 2) == .well { return index - 2 }
            return index - 1
        case .than:
            guard [.more, .less, .fewer].contains(word(index - 2)) else { return nil }
            if word(index - 3) == .no { return index - 3 }
            return index - 2
        case .least, .most:
            return word(index - 2) == .at ? index - 2 : nil
        case .to:
            return word(index - 2) == .up ? index - 2 : nil
        default:
            return nil
        }
    }

    /// The TIMEX3 of a match: its own, or the value of the interval it names. A single day named with a part of
    /// the day ("Friday night", "this morning", "tonight") is a TIME such as `2013-03-22TNI`.
    static func timex(of found: DateScanner.Found, startingAt index: Int, tokens: [DateToken]) -> Timex? {
        if let timex = found.timex { return timex }
        guard let span = found.span, let value = Timex.value(of: span) else { return nil }
        if span.precision == .day, span.start == span.end {
            let last = tokens[found.end - 1].word
            let part: String? =
                switch last {
                case .morning: "MO"
                case .afternoon: "AF"
                case .evening: "EV"
                case .night, .tonight, .overnight: "NI"
                default: nil
                }
            if let part { return Timex(.time, value + "T" + part) }
        }
        return Timex(.date, value)
    }
}

/// The words of a sentence that fix its tense, for placing "Friday" or "in April": the nearest one to an
/// expression decides. Future: will, 'll, shall, would, going/expected/scheduled/due/set to, next, upcoming,
/// tomorrow. Past: was, were, had, did, said, ago, yesterday, last, and verbs in -ed. Present: is, are, has, says.
/// Without any, news is read in the past.
struct TenseMarkers {
    /// The markers in token order: where each is, and the tense it gives.
    private var marks: [(index: Int, tense: Tense)] = []
    /// How many tokens the sentence has.
    private var count = 0

    /// What a word says of its clause's tense.
    enum WordClass {
        case future
        /// Future before "to": "expected to", "scheduled to".
        case futureBeforeTo
        /// Past unless it ends the sentence after a comma ("…, the ministry said").
        case attribution
        case past
        /// Past unless after a form of "be" (a passive: "to be held").
        case participle
        case present
    }

    /// What `word` says of its clause's tense, if anything.
    static func wordClass(_ word: DateWord) -> WordClass? {
        switch word {
        case .will, .shall, .would, .next, .upcoming, .tomorrow, .ll: .future
        case .going, .expected, .scheduled, .set, .plans, .planned, .plan, .planning, .intends, .foreseen,
            .anticipated, .slated, .poised:
            .futureBeforeTo
        // "told" is an irregular past (a participle).
        case .said, .added: .attribution
        case .was, .were, .had, .did, .ago, .yesterday, .last, .earlier: .past
        case .is, .are, .has, .have, .says, .say, .now, .today: .present
        default: isIrregularPast(word) ? .participle : nil
        }
    }

    init(_ tokens: [DateToken]) {
        count = tokens.count
        // At most one marker a token: one allocation instead of a few as the markers are found.
        marks.reserveCapacity(tokens.count)
        func previousIsBe(_ index: Int) -> Bool { index > 0 && Self.isFormOfBe(tokens[index - 1].word) }
        for index in tokens.indices where tokens[index].kind == .word {
            let nextIsTo = index + 1 < tokens.count && tokens[index + 1].word == .to
            switch Self.wordClass(tokens[index].word) {
            case .future: marks.append((index, .future))
            case .futureBeforeTo: if nextIsTo { marks.append((index, .future)) }
            case .attribution:
                // "…, the ministry said": a trailing attribution does not give the clause before it its tense.
                let ends = index + 1 == tokens.count || tokens[index + 1].kind == .symbol
                let attribution =
                    ends && tokens[max(0, index - 3)..<index].contains { $0.kind == .symbol && $0.symbol == "," }
                if !attribution { marks.append((index, .past)) }
            case .past: marks.append((index, .past))
            case .participle: if !previousIsBe(index) { marks.append((index, .past)) }
            case .present: marks.append((index, .present))
            case nil:
                // A verb in -ed (not -eed), unless a passive after "be" ("must be returned") or before "to".
                if tokens[index].endsInEd, !nextIsTo, !previousIsBe(index) { marks.append((index, .past)) }
            }
        }
    }

    /// Whether `word` is a form of "be" that makes a participle after it a passive.
    static func isFormOfBe(_ word: DateWord) -> Bool {
        switch word {
        case .be, .been, .being, .is, .are, .am: true
        default: false
        }
    }

    /// Irregular past tenses of common verbs of news (`isIrregularPast`), spelled.
    static let irregularPast: Set<String> = Set(DateWord.allCases.filter(isIrregularPast).map(\.rawValue))

    /// Whether `word` is the irregular past tense of a common verb of news.
    static func isIrregularPast(_ word: DateWord) -> Bool {
        switch word {
        case .met, .told, .went, .came, .took, .gave, .made, .held, .left, .began, .became, .found, .saw,
            .sent, .spent, .brought, .built, .bought, .caught, .fell, .felt, .fought, .got, .heard, .kept,
            .knew, .led, .lost, .meant, .paid, .ran, .rose, .sold, .shot, .sat, .spoke, .stood, .struck,
            .thought, .threw, .won, .wrote, .broke, .chose, .drove, .flew, .grew, .hid, .laid, .shook,
            .sought, .stole, .swept, .swore, .taught, .tore, .withdrew, .arose, .drew, .fled, .slid, .sank,
            .sang, .swam, .forgot, .forgave, .overtook, .undertook, .upheld, .withheld, .wound, .froze:
            true
        default: false
        }
    }

    /// The tense of the marker nearest to token `index` (before it on a tie) within `limit` words; without one,
    /// the present (the nearest reading). The nearest marker on each side is found by binary search in `marks`.
    func tense(near index: Int, within limit: Int) -> Tense {
        guard index < count else { return .present }
        // The first marker at or after `index`; the one at or before it is that one or the one before.
        var low = 0
        var high = marks.count
        while low < high {
            let middle = (low + high) / 2
            if marks[middle].index < index { low = middle + 1 } else { high = middle }
        }
        let after = low < marks.count ? marks[low] : nil
        let before = after?.index == index ? after : low > 0 ? marks[low - 1] : nil
        let beforeDistance = before.map { (index - $0.index) * 2 } ?? Int.max
        let afterDistance = after.map { ($0.index - index) * 2 + 1 } ?? Int.max
        if beforeDistance <= afterDistance, let before, index - before.index <= limit { return before.tense }
        if let after, after.index - index <= limit { return after.tense }
        if let before, index - before.index <= limit { return before.tense }
        return .present
    }

    /// How far from a date (in tokens) its tense marker may be; a weekday looks through its whole sentence.
    static let window = 2
}
