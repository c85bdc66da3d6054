import GleanerCore

/// What must hold for any bytes given to the article parser, whatever they are: checked by the
/// `FuzzArticleParser` libFuzzer target on every input, and by the tests that replay its seeds and regressions.
public enum ArticleParserChecks {
    /// The file names each input is parsed under: one per format, and one the parser must refuse.
    static let fileNames = ["fuzz.txt", "fuzz.json", "fuzz.jsonl", "fuzz.bin"]

    /// The reasons a parse can give; the others (links, permissions, internal errors) belong to the spool.
    static let parserReasons: Set<RejectionReason> = [
        .empty, .binary, .undecodable, .tooLarge, .malformedJSON, .noText, .unsupportedType,
    ]

    /// Every broken invariant for `bytes`, as sentences; empty when all hold.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        var problems = decoderViolations(bytes)
        // A small limit as well as the default, so that the size check is exercised too.
        for parser in [ArticleParser(), ArticleParser(maximumFileSize: 4_096)] {
            for name in fileNames {
                problems += parseViolations(bytes, fileName: name, parser: parser).map { "\(name): \($0)" }
            }
        }
        return problems
    }

    /// The decoder: text out is valid Unicode with no NUL or stray control character, never empty, the same
    /// twice, and valid UTF-8 without control bytes comes out unchanged.
    static func decoderViolations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let first = Result { () throws(Rejection) in try ArticleTextDecoder.decode(bytes) }
        let second = Result { () throws(Rejection) in try ArticleTextDecoder.decode(bytes) }
        if first != second { problems.append("decoder: two decodes of the same bytes differ") }
        switch first {
        case .success(let text):
            if text.isEmpty { problems.append("decoder: returned empty text instead of rejecting") }
            if String(validating: Array(text.utf8), as: UTF8.self) != text {
                problems.append("decoder: output is not valid UTF-8")
            }
            if let bad = text.unicodeScalars.first(where: isForbiddenControl) {
                problems.append("decoder: output holds control character U+\(hex(bad.value))")
            }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let utf8 = String(validating: body, as: UTF8.self),
                !utf8.unicodeScalars.contains(where: isForbiddenControl),
                !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]), text != utf8
            {
                problems.append("decoder: valid UTF-8 without control bytes was changed")
            }
        case .failure(let rejection):
            if ![.empty, .binary, .undecodable].contains(rejection.reason) {
                problems.append("decoder: unexpected reason \(rejection.reason.rawValue)")
            }
            if rejection.detail.isEmpty { problems.append("decoder: rejection without detail") }
        }
        return problems
    }

    /// One parse: the same result twice; articles with words, trimmed, without control characters (warnings
    /// included), with a real publication day; JSON Lines line numbers in range and each line either an article or rejected, once.
    static func parseViolations(_ bytes: [UInt8], fileName: String, parser: ArticleParser) -> [String] {
        let mtime: Int64 = 1_700_000_000
        let first = Result { () throws(Rejection) in
            try parser.parse(bytes, fileName: fileName, modificationTime: mtime)
        }
        let second = Result { () throws(Rejection) in
            try parser.parse(bytes, fileName: fileName, modificationTime: mtime)
        }
        var problems: [String] = []
        if first != second { problems.append("two parses of the same bytes differ") }
        let parsed: ParsedFile
        switch first {
        case .failure(let rejection):
            if !parserReasons.contains(rejection.reason) {
                problems.append("unexpected reason \(rejection.reason.rawValue)")
            }
            if rejection.detail.isEmpty { problems.append("rejection without detail") }
            if ArticleFormat(fileName: fileName) == nil, rejection.reason != .unsupportedType {
                problems.append("unsupported name rejected as \(rejection.reason.rawValue)")
            }
            if bytes.count > parser.maximumFileSize, ArticleFormat(fileName: fileName) != nil,
                rejection.reason != .tooLarge
            {
                problems.append("\(bytes.count) bytes over the limit rejected as \(rejection.reason.rawValue)")
            }
            return problems
        case .success(let value):
            parsed = value
        }
        let format = ArticleFormat(fileName: fileName)
        if format == nil { problems.append("a file of unsupported type was parsed") }
        if bytes.count > parser.maximumFileSize { problems.append("a file over the size limit was parsed") }
        if parsed.articles.isEmpty { problems.append("parsed without any article") }
        if format != .jsonLines, parsed.articles.count != 1 || !parsed.rejectedLines.isEmpty {
            problems.append("\(parsed.articles.count) articles, \(parsed.rejectedLines.count) rejected lines")
        }
        for (index, article) in parsed.articles.enumerated() {
            problems += articleViolations(article).map { "article \(index): \($0)" }
        }
        if format == .jsonLines {
            let articleLines = parsed.articles.compactMap(\.line)
            let rejectedLines = parsed.rejectedLines.map(\.line)
            let all = articleLines + rejectedLines
            if articleLines.count != parsed.articles.count { problems.append("a JSON Lines article without a line") }
            if Set(all).count != all.count { problems.append("a line counted twice: \(all.sorted())") }
            if articleLines != articleLines.sorted() || rejectedLines != rejectedLines.sorted() {
                problems.append("lines out of order")
            }
            if let last = all.max(), last > bytes.count + 1 { problems.append("line \(last) beyond the file") }
            if all.contains(where: { $0 < 1 }) { problems.append("a line number below 1") }
            for line in parsed.rejectedLines where line.rejection.detail.isEmpty {
                problems.append("line \(line.line) rejected without detail")
            }
        } else if parsed.articles.contains(where: { $0.line != nil }) {
            problems.append("a line number outside JSON Lines")
        }
        return problems
    }

    static func articleViolations(_ article: Article) -> [String] {
        var problems: [String] = []
        if !article.text.contains(where: \.isLetter) { problems.append("text without a letter") }
        if article.text != article.text.trimmingWhitespace() { problems.append("text not trimmed") }
        if article.title == "" { problems.append("empty title instead of none") }
        let fields: [(String, String?)] = [
            ("text", article.text), ("title", article.title), ("url", article.url), ("source", article.source),
            ("language", article.language), ("dateline place", article.datelinePlace),
        ]
        for (name, value) in fields {
            if let bad = value?.unicodeScalars.first(where: isForbiddenControl) {
                problems.append("\(name) holds control character U+\(hex(bad.value))")
            }
        }
        // Warnings go into one log line and the journal: one line each, no control characters at all.
        for warning in article.warnings {
            if warning.isEmpty { problems.append("an empty warning") }
            if let bad = warning.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problems.append("a warning holds control character U+\(hex(bad.value))")
            }
        }
        let day = article.published
        if !PublicationDate.isValid(year: day.year, month: day.month, day: day.day) {
            problems.append("publication day \(day) is not a calendar day")
        }
        return problems
    }

    /// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL: what the
    /// decoder removes (a NUL would cut the text short in SQLite).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && !(0x09...0x0D).contains(scalar.value) || scalar.value == 0x7F
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
