import GleanerCore
import GleanerEvents

/// What must hold for any text given to the date parsers and the event extractor: checked by the
/// `FuzzDateGrammar` libFuzzer target on every input, and by the tests that replay its seeds and regressions.
///
/// An input's first byte picks the tense, the next two the publication day (1900-01-01 plus up to 65,535 days,
/// so up to 2079), and the rest is the text (invalid UTF-8 repaired).
public enum DateGrammarChecks {
    /// The extractor with the bundled lexicon, built once (it takes a moment).
    static let extractor: EventExtractor? = (try? Lexicon.bundled()).map { EventExtractor(lexicon: $0) }

    /// Every broken invariant for `bytes`, as sentences; empty when all hold.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        let tense: Tense = [.past, .present, .future][Int(bytes.first ?? 0) % 3]
        let offset = bytes.count >= 3 ? Int64(bytes[1]) << 8 | Int64(bytes[2]) : 0
        let published = PublicationDate(secondsSince1970: (offset - 25_567) * 86_400, source: .header)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        var problems: [String] = []

        for candidate in [text, String(text.prefix(64))] {
            if let day = PublicationDateParser.parse(candidate, source: .header),
                !PublicationDate.isValid(year: day.year, month: day.month, day: day.day)
            {
                problems.append("PublicationDateParser: \(day) is not a calendar day")
            }
        }

        // The same bytes as a file's modification time, the publication day of an article that has no date.
        if bytes.count >= 11 {
            let mtime = bytes[3..<11].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            // Any count of seconds converts without a trap (the parser then clamps it to a real day).
            _ = PublicationDate(secondsSince1970: mtime, source: .fileModificationTime)
            if let day = try? ArticleParser().parse(Array("Words.".utf8), fileName: "a.txt", modificationTime: mtime)
                .articles.first?.published, !PublicationDate.isValid(year: day.year, month: day.month, day: day.day)
            {
                problems.append("modification time \(mtime) gives \(day), not a calendar day")
            }
        }

        var previousEnd = text.startIndex
        for match in DateGrammar.matches(in: text, published: published, tense: tense) {
            if match.range.lowerBound < previousEnd { problems.append("DateGrammar: overlapping or unordered matches") }
            if match.range.isEmpty { problems.append("DateGrammar: empty match") }
            previousEnd = match.range.upperBound
            if match.date.text != String(text[match.range]) {
                problems.append("DateGrammar: text \(match.date.text) is not the matched words")
            }
            problems += dateViolations(match.date).map { "DateGrammar: \($0)" }
        }

        // Temporal expressions: in order, inside the text, their words exactly, with a TIMEX3 value.
        let bytesOfText = Array(text.utf8)
        var previousTimeEnd = 0
        for time in TimexTagger.expressions(in: text, published: published) {
            let end = time.offset + time.length
            guard time.offset >= previousTimeEnd, time.length > 0, end <= bytesOfText.count else {
                problems.append("TimexTagger: \(time.offset)+\(time.length) out of order or outside the text")
                continue
            }
            previousTimeEnd = end
            if String(decoding: bytesOfText[time.offset..<end], as: UTF8.self) != time.text {
                problems.append("TimexTagger: text \(time.text) is not the bytes at its offset")
            }
            if time.value.isEmpty { problems.append("TimexTagger: empty value for \(time.text)") }
        }
        // An inferred publication date is a real day, never after the guess it replaces, and says why.
        let guess = PublicationDate(
            year: published.year,
            month: published.month,
            day: published.day,
            source: .fileModificationTime
        )
        if let inference = PublicationDateInference.infer(text: text, guess: guess) {
            let day = inference.date
            if !PublicationDate.isValid(year: day.year, month: day.month, day: day.day) {
                problems.append("inference: \(day) is not a calendar day")
            }
            if !(day < guess) { problems.append("inference: \(day) is not before the guess \(guess)") }
            if day.source != .inferred || inference.evidence.isEmpty {
                problems.append("inference: no source or evidence")
            }
        }

        guard let extractor else { return problems + ["the bundled lexicon does not load"] }
        let article = Article(title: nil, text: text, published: published)
        let length = text.utf8.count
        for event in extractor.extract(from: article) {
            if !(0...event.sentenceEnd).contains(event.sentenceStart) || event.sentenceEnd > length {
                problems.append("event: sentence \(event.sentenceStart)..<\(event.sentenceEnd) outside 0..<\(length)")
            }
            if !(1...4).contains(event.quadClass) { problems.append("event: quad class \(event.quadClass)") }
            if !(0...1).contains(event.confidence) { problems.append("event: confidence \(event.confidence)") }
            if !event.cameo.hasPrefix(event.root) { problems.append("event: code \(event.cameo), root \(event.root)") }
            if event.sentence.isEmpty || event.trigger.isEmpty { problems.append("event: empty sentence or trigger") }
            if let date = event.date { problems += dateViolations(date).map { "event: \($0)" } }
        }
        return problems
    }

    /// An interval's ends are well-formed for its precision, real, in years 1–9999, and in order.
    static func dateViolations(_ date: EventDate) -> [String] {
        let parts = [date.start, date.end].map { $0.split(separator: "-", omittingEmptySubsequences: false) }
        let expected: Int
        switch date.precision {
        case "day": expected = 3
        case "month": expected = 2
        case "year": expected = 1
        default: return ["unknown precision \(date.precision)"]
        }
        var problems: [String] = []
        for (end, fields) in zip([date.start, date.end], parts) {
            let numbers = fields.map { Int($0) }
            let widths = [4, 2, 2].prefix(expected)
            guard fields.count == expected, zip(fields, widths).allSatisfy({ $0.count == $1 }),
                numbers.allSatisfy({ $0 != nil })
            else {
                problems.append("\(end) is not a \(date.precision)")
                continue
            }
            let valid = PublicationDate.isValid(
                year: numbers[0]!,
                month: expected > 1 ? numbers[1]! : 1,
                day: expected > 2 ? numbers[2]! : 1
            )
            if !valid { problems.append("\(end) is not a real \(date.precision)") }
        }
        if date.start > date.end { problems.append("\(date.start) after \(date.end)") }
        if date.text.isEmpty { problems.append("no words for \(date.start)") }
        return problems
    }
}
