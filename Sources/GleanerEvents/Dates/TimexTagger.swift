import GleanerCore

/// Finds every temporal expression of an article and normalises it to a TimeML TIMEX3 value against the
/// publication date, as HeidelTime does in news mode: explicit dates as written; relative and underspecified
/// ones ("in April", "Friday", "last week", "the third quarter") against the publication day and the tense of
/// the words nearest to them; durations, sets, clock times and vague references (`PRESENT_REF` …) as TimeML
/// writes them. The same grammar (`DateScanner`) dates events.
public enum TimexTagger {
    /// The temporal expressions of `text`, in text order, each with its UTF-8 offset and length in `text`.
    public static func expressions(in text: String, published: PublicationDate) -> [TemporalExpression] {
        let anchor = TemporalExpression.Anchor(published)
        var expressions: [TemporalExpression] = []
        for sentence in SentenceSplitter.sentences(text) {
            let sentenceText = String(sentence.text)
            let tokens = DateTokenizer.tokenize(sentenceText)
            guard !tokens.isEmpty else { continue }
            let base = sentence.offsets(in: text).start
            let markers = TenseMarkers(tokens)
            var scanners: [Tense: DateScanner] = [:]
            var index = 0
            var previousEnd = -1
            while index < tokens.count {
                let tense = markers.tense(near: index)
                let scanner =
                    scanners[tense]
                    ?? DateScanner(tokens: tokens, published: published, tense: tense, bareDates: true)
                scanners[tense] = scanner
                guard let found = scanner.longest(at: index, previousEnd: previousEnd),
                    let timex = timex(of: found, startingAt: index, tokens: tokens)
                else {
                    index += 1
                    continue
                }
                let range = tokens[index].range.lowerBound..<tokens[found.end - 1].range.upperBound
                let start = sentenceText.utf8.distance(from: sentenceText.startIndex, to: range.lowerBound)
                let length = sentenceText.utf8.distance(from: range.lowerBound, to: range.upperBound)
                expressions.append(
                    TemporalExpression(
                        text: String(sentenceText[range]),
                        offset: base + start,
                        length: length,
                        type: timex.type,
                        value: timex.value,
                        anchor: anchor
                    )
                )
                index = found.end
                previousEnd = found.end
            }
        }
        return expressions
    }

    /// The TIMEX3 of a match: its own, or the value of the interval it names. A single day named with a part of
    /// the day ("Friday night", "this morning", "tonight") is a TIME such as `2013-03-22TNI`.
    static func timex(of found: DateScanner.Found, startingAt index: Int, tokens: [DateToken]) -> Timex? {
        if let timex = found.timex { return timex }
        guard let span = found.span, let value = Timex.value(of: span) else { return nil }
        if span.precision == .day, span.start == span.end {
            let last = tokens[found.end - 1].lower
            let part: String? =
                switch last {
                case "morning": "MO"
                case "afternoon": "AF"
                case "evening": "EV"
                case "night", "tonight", "overnight": "NI"
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
    private var marks: [(index: Int, tense: Tense)] = []

    init(_ tokens: [DateToken]) {
        for (index, token) in tokens.enumerated() where token.kind == .word {
            let word = token.lower
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            switch word {
            case "will", "shall", "would", "next", "upcoming", "tomorrow", "ll": marks.append((index, .future))
            case "going", "expected", "scheduled", "due", "set", "plans", "planned", "plan", "intends":
                if next == "to" { marks.append((index, .future)) }
            case "was", "were", "had", "did", "said", "ago", "yesterday", "last", "told", "earlier":
                marks.append((index, .past))
            case "is", "are", "has", "have", "says", "say", "now", "today":
                marks.append((index, .present))
            default:
                if word.utf8.count >= 5, word.hasSuffix("ed"), !word.hasSuffix("eed"), next != "to" {
                    marks.append((index, .past))
                }
            }
        }
    }

    /// The tense of the marker nearest to token `index` (before it on a tie), or past.
    func tense(near index: Int) -> Tense {
        var best: (distance: Int, tense: Tense)?
        for mark in marks {
            let distance = abs(mark.index - index) * 2 + (mark.index > index ? 1 : 0)
            if best == nil || distance < best!.distance { best = (distance, mark.tense) }
        }
        return best?.tense ?? .past
    }
}
