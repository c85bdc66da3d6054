import Foundation

/// Reads news-please-style JSON articles: `title`, `maintext` (or `text`), `date_publish`, `url`,
/// `source_domain`, `language`. Missing optional fields are fine; a field of the wrong type is an error that
/// names the field.
enum JSONArticleReader {
    static func read(object text: String, fallbackDate: PublicationDate) throws(Rejection) -> Article {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw Rejection(.malformedJSON, "not valid JSON (\(describe(error)))")
        }
        return try article(from: value, fallbackDate: fallbackDate, line: nil)
    }

    static func readLines(_ text: String, fallbackDate: PublicationDate) throws(Rejection) -> ParsedFile {
        var articles: [Article] = []
        var rejected: [RejectedLine] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            do throws(Rejection) {
                let value: Any
                do {
                    value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
                } catch {
                    throw Rejection(.malformedJSON, "not valid JSON (\(describe(error)))")
                }
                articles.append(try article(from: value, fallbackDate: fallbackDate, line: lineNumber))
            } catch {
                rejected.append(RejectedLine(line: lineNumber, rejection: error))
            }
        }
        guard !articles.isEmpty else {
            guard let first = rejected.first else { throw Rejection(.empty, "the file has no lines") }
            throw Rejection(
                first.rejection.reason,
                "no line holds an article; line \(first.line): \(first.rejection.detail)"
                    + (rejected.count > 1 ? " (and \(rejected.count - 1) more bad lines)" : "")
            )
        }
        return ParsedFile(articles: articles, rejectedLines: rejected)
    }

    static func article(from value: Any, fallbackDate: PublicationDate, line: Int?) throws(Rejection) -> Article {
        guard let object = value as? [String: Any] else {
            throw Rejection(
                .malformedJSON,
                "expected one JSON object, found \(jsonKind(value))"
                    + (value is [Any] ? "; put one article per line in a .jsonl file" : "")
            )
        }
        let title = try string(object, "title")
        var text = try string(object, "maintext")
        if text == nil { text = try string(object, "text") }
        guard let text, text.contains(where: \.isLetter) else {
            throw Rejection(.noText, "neither \"maintext\" nor \"text\" holds any words")
        }
        var published = fallbackDate
        var date = try string(object, "date_publish")
        if date == nil { date = try string(object, "date") }
        if let date {
            guard let parsed = PublicationDateParser.parse(date, source: .json) else {
                throw Rejection(.malformedJSON, "\"date_publish\" is not a date: \(date.prefix(40))")
            }
            published = parsed
        }
        return Article(
            title: title?.trimmingWhitespace().nilIfEmpty,
            text: text.trimmingWhitespace(),
            published: published,
            url: try string(object, "url"),
            source: try string(object, "source_domain"),
            language: try string(object, "language")?.lowercased(),
            line: line
        )
    }

    static func string(_ object: [String: Any], _ key: String) throws(Rejection) -> String? {
        switch object[key] {
        case nil, is NSNull: return nil
        case let value as String:
            // An escaped control character ("\u0000") is valid JSON, but SQLite would cut the text at a NUL: drop
            // them, as stray control bytes are dropped from text files.
            let isControl = { (scalar: Unicode.Scalar) in
                scalar.value < 0x20 && !(0x09...0x0D).contains(scalar.value) || scalar.value == 0x7F
            }
            return value.unicodeScalars.contains(where: isControl)
                ? ArticleTextDecoder.removingControlCharacters(value) : value
        case let value?: throw Rejection(.malformedJSON, "\"\(key)\" must be a string, found \(jsonKind(value))")
        }
    }

    static func jsonKind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        case is NSNumber: "a number"
        case is String: "a string"
        case is NSNull: "null"
        default: "\(type(of: value))"
        }
    }

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return "\(error)"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
