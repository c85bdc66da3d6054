import GleanerCore

extension EventExtractor {
    /// When the main event happened: its own event's date, else the first date that can say so in the event's
    /// sentence, else in the lead, else the first day the article names in the week before publication (news
    /// reports what happened in the last days), else the publication day and the day before.
    ///
    /// A week or a month that is over is then narrowed to the first day inside it that the article names: a lead
    /// sums up ("installed the last interceptor last week") and the body specifies ("on Thursday, Nov. 2").
    ///
    /// A date can say so when it names an interval (not a duration, a set or "now"), and it is not
    /// - after the publication day, unless the event is planned ("must pay by November 2018" is a deadline, not
    ///   when the bill came);
    /// - the date of the report ("police said Wednesday": the ship struck the bridge the evening before);
    /// - in a photo caption ("… in London, May 5, 2016. REUTERS/…": when the picture was taken);
    /// - a year or more before publication (background: "in late 2011");
    /// - in a clause of "since" ("since it disclosed a breach in September"): where a state began; or of
    ///   "despite" or "although": a concession; or in a sentence that opens with "Since" (it sums up a span);
    /// - a span longer than a month (`isTelling(_:)`): a year, a decade, a quarter or a season.
    func mainEventDate(
        own: EventDate?,
        of article: Article,
        times: [TemporalExpression],
        lead: [Sentence],
        captions: Set<Int>,
        eventSentence: Sentence,
        planned: Bool
    ) -> EventDate? {
        let anchor = TemporalExpression.Anchor(article.published).rawValue
        let published = article.published.description
        let publishedDay = CivilCalendar.days(
            year: article.published.year,
            month: article.published.month,
            day: article.published.day
        )
        // Each lead sentence's offsets and whether it is a caption (`captions(in:)`), worked out once.
        let sentences = lead.indices.map { (lead[$0], lead[$0].offsets(in: article.text), captions.contains($0)) }
        func date(_ time: TemporalExpression, background: Bool) -> EventDate? {
            guard time.type == .date || time.type == .time,
                let date = EventDate(timexValue: time.value, text: time.text, anchor: anchor)
            else { return nil }
            if !planned, Self.isAfter(date.start, published) { return nil }
            if !isTelling(date) { return nil }
            if background, let end = Self.day(date.end, last: true), publishedDay - end > 365 { return nil }
            if let (sentence, offsets, isCaption) = sentences.first(where: {
                time.offset >= $0.1.start && time.offset < $0.1.end
            }) {
                if isCaption { return nil }
                // "Since Kim took power in 2011, only five launches have taken place in the October-December
                // quarter": a sentence framed by "since" sums up a span.
                if sentence.text.prefix(6).lowercased() == "since " { return nil }
                // "said on": the words right before the date, read from a short stretch of text.
                let utf8 = article.text.utf8
                var start = utf8.index(utf8.startIndex, offsetBy: max(offsets.start, time.offset - 40))
                while start < utf8.endIndex, utf8[start] & 0xC0 == 0x80 { start = utf8.index(after: start) }
                let end = utf8.index(utf8.startIndex, offsetBy: time.offset)
                let before = CharacterReader(article.text[start..<end])
                if Self.datesTheReport(before, before: before.count) { return nil }
                // "since it disclosed a breach in September", "since 2011": where a state began, not the news;
                // "despite strong sales in the third quarter": a concession, the background of the news.
                var clauseStart = utf8.index(utf8.startIndex, offsetBy: max(offsets.start, time.offset - 80))
                while clauseStart < utf8.endIndex, utf8[clauseStart] & 0xC0 == 0x80 {
                    clauseStart = utf8.index(after: clauseStart)
                }
                // "must pay by November", "until Friday": a deadline or a limit, not when it happened.
                if Self.endsWithDeadline(article.text[start..<end])
                    || Self.opensBackgroundClause(article.text[clauseStart..<end])
                {
                    return nil
                }
            }
            return date
        }
        let (eventStart, eventEnd) = eventSentence.offsets(in: article.text)
        let leadEnd = sentences.last?.1.end ?? 0
        // Each place is read only when the one before it has no date.
        let found =
            own.flatMap { isTelling($0) ? $0 : nil }
            ?? times.lazy.filter({ $0.offset >= eventStart && $0.offset < eventEnd })
            .compactMap({ date($0, background: true) }).first
            ?? times.lazy.filter({ $0.offset < leadEnd }).compactMap({ date($0, background: true) }).first
            ?? times.lazy.compactMap { time -> EventDate? in
                guard let found = date(time, background: false), found.precision == "day",
                    let day = Self.day(found.start, last: false), (0...7).contains(publishedDay - day)
                else { return nil }
                return found
            }.first
        // Only a whole week or month that is over: a day named in one still running ("this week") is as often
        // the day of the report, and two days named together ("February 23-24") are already precise.
        guard let found, let first = Self.day(found.start, last: false),
            let last = Self.day(found.end, last: true), last < publishedDay,
            found.precision == "month" || found.precision == "day" && last - first == 6
        else { return found }
        return times.lazy.compactMap { time -> EventDate? in
            guard let day = date(time, background: false), day.precision == "day", day.start == day.end,
                let number = Self.day(day.start, last: false), (first...last).contains(number)
            else { return nil }
            return day
        }.first ?? found
    }

    /// Whether the last word (run of letters) of `text` is one of `deadlineWords`.
    static func endsWithDeadline(_ text: Substring) -> Bool {
        words(of: text).last.map(deadlineWords.contains) ?? false
    }

    /// Whether the clause that ends `text` (its last non-empty stretch between commas, semicolons, colons and
    /// opening brackets) holds one of `backgroundingWords`.
    static func opensBackgroundClause(_ text: Substring) -> Bool {
        // ASCII text is split by its bytes, each a character.
        let clause =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.utf8.split(whereSeparator: { ",;:(".utf8.contains($0) }).last.map(Substring.init) ?? ""
            : text.split(whereSeparator: { ",;:(".contains($0) }).last ?? ""
        return words(of: clause).contains(where: backgroundingWords.contains)
    }

    /// The runs of letters of `text`, lower-cased: read from the bytes when it is ASCII.
    static func words(of text: Substring) -> [String] {
        asciiWords(text.utf8) ?? text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
    }

    /// The runs of letters of ASCII `text`, lower-cased; nil when `text` is not ASCII. For ASCII text, a letter
    /// is A–Z or a–z.
    static func asciiWords(_ text: Substring.UTF8View) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text {
            guard byte < 0x80 else { return nil }
            if byte | 0x20 &- 0x61 < 26 {
                word.append(byte | 0x20)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Whether `date` can say when the news happened: a day, a week or a month, not a longer span. A year that
    /// holds the publication day ("this year") says nothing a reader does not know; another year ("in 2013",
    /// "a year ago"), a decade, a quarter or a season dates the background of the news or the period a report
    /// covers ("record sales in the third quarter"), not the news itself.
    func isTelling(_ date: EventDate) -> Bool {
        switch date.precision {
        case "year": false
        case "month": date.start == date.end
        default: true
        }
    }

    /// Words that open a clause whose dates are background: where a state began, or a concession.
    static let backgroundingWords: Set<String> = ["since", "despite", "although", "though"]

    /// Words before a date that make it a deadline or a limit.
    static let deadlineWords: Set<String> = ["by", "until", "till", "before"]

    /// Whether the date `value` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) begins after the period `published` names.
    static func isAfter(_ value: String, _ published: String) -> Bool {
        let length = min(value.count, published.count)
        return value.prefix(length) > published.prefix(length)
    }

    /// The day number of `YYYY-MM-DD`, or of the first (or `last`) day of `YYYY-MM` or `YYYY`.
    static func day(_ value: String, last: Bool) -> Int? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, (1...9999).contains(year) else { return nil }
        let month = parts.count > 1 ? parts[1] : (last ? 12 : 1)
        guard (1...12).contains(month) else { return nil }
        let day = parts.count > 2 ? parts[2] : (last ? CivilCalendar.daysInMonth(year: year, month: month) : 1)
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// The positions of the photo captions among `sentences`: a sentence that carries a credit, or is followed
    /// by one in brackets ("… on Capitol Hill. (Photo by …)").
    static func captions(in sentences: [Sentence]) -> Set<Int> {
        Set(
            sentences.indices.filter { index in
                isCaption(sentences[index].text)
                    || index + 1 < sentences.count && sentences[index + 1].text.hasPrefix("(")
                        && isCaption(sentences[index + 1].text)
            }
        )
    }

    /// Whether a sentence is a photo caption: it carries a picture agency's credit (looked for in its first
    /// 1,000 characters: a caption is short).
    static func isCaption(_ sentence: Substring) -> Bool {
        // A byte-wise search: Foundation's `contains` costs more than the rest of the main event.
        let head = sentence.utf8.prefix(1_000)
        return head.withContiguousStorageIfAvailable(holdsCaptionCredit)
            ?? Array(head).withUnsafeBufferPointer(holdsCaptionCredit)
    }

    /// Whether the UTF-8 `bytes` hold one of `captionCredits`.
    /// One pass over the bytes: the credits are tried only where a byte starts one.
    static func holdsCaptionCredit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (credits, starts) = (captionCreditBytes, captionCreditFirstBytes)
        for start in bytes.indices where starts[Int(bytes[start])] {
            credit: for credit in credits where credit[0] == bytes[start] && start + credit.count <= bytes.count {
                for offset in 1..<credit.count where bytes[start + offset] != credit[offset] { continue credit }
                return true
            }
        }
        return false
    }

    static let captionCreditBytes = captionCredits.map { Array($0.utf8) }
    /// By byte value: whether a credit starts with that byte.
    static let captionCreditFirstBytes = (0..<256).map { byte in captionCreditBytes.contains { Int($0[0]) == byte } }

    /// Credits that end or begin a photo caption in wire copy.
    static let captionCredits = [
        "REUTERS/", "(Photo", "Photo by", "Photo:", "Getty Images", "AP Photo", "AFP PHOTO", "AFP Photo", "/AFP",
        "FILE PHOTO", "File photo", "EPA/", "(Image",
    ]
}
