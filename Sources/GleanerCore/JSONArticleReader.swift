import Foundation

/// Reads JSON articles as crawlers write them: news-please (`title`, `maintext`, `date_publish`, `date_download`,
/// `date_modify`, `url`, `source_domain`, `language`), trafilatura (`text`, `title`, `date`, `url`, `hostname`,
/// `source`), newspaper3k (`text`, `title`, `publish_date`, `url`) and plain `{"title", "body"}` or
/// `{"title", "content"}`.
///
/// Only two things make a JSON value not an article: it is not a JSON object, or no body field holds words. Any
/// other field may be missing, `null`, `"None"`, empty, of another type or unreadable: it is then ignored, with a
/// warning on the article when it held something. Unknown keys are ignored.
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

    /// Body fields, in order of precedence: the first that holds words is the text.
    static let bodyKeys = ["maintext", "text", "body", "content"]
    /// Fields stating the publication date, in order of precedence.
    static let publishedKeys = ["date_publish", "publish_date", "date", "published"]
    /// Fields naming the publisher, in order of precedence (else the host of `url`).
    static let sourceKeys = ["source_domain", "hostname", "source"]

    static func article(from value: Any, fallbackDate: PublicationDate, line: Int?) throws(Rejection) -> Article {
        guard let object = value as? [String: Any] else {
            throw Rejection(
                .malformedJSON,
                "expected one JSON object, found \(JSONArticleFields.kind(value))"
                    + (value is [Any] ? "; put one article per line in a .jsonl file" : "")
            )
        }
        var fields = JSONArticleFields(object)
        let text = try body(&fields)
        let title = fields.text("title")
        let url = fields.text("url")
        var source = fields.firstText(sourceKeys).map { JSONArticleFields.host(ofURL: $0) ?? $0 }
        if source == nil, let url { source = JSONArticleFields.host(ofURL: url) }
        let language = fields.text("language")
        let published = publicationDate(&fields, fileModificationTime: fallbackDate)
        return Article(
            title: title?.trimmingWhitespace().nilIfEmpty,
            text: text.trimmingWhitespace(),
            published: published,
            url: url?.trimmingWhitespace().nilIfEmpty,
            source: source?.trimmingWhitespace().nilIfEmpty,
            language: language?.trimmingWhitespace().lowercased().nilIfEmpty,
            line: line,
            warnings: fields.warnings
        )
    }

    /// The first body field that holds words. Body fields of another type before it are warned about; with none
    /// holding words the article has no text.
    static func body(_ fields: inout JSONArticleFields) throws(Rejection) -> String {
        var wrongTypes: [(key: String, value: Any)] = []
        for key in bodyKeys {
            switch fields.value(key) {
            case .absent: continue
            case .text(let text):
                guard text.contains(where: \.isLetter) else { continue }
                for wrong in wrongTypes {
                    fields.warn(wrong.key, wrong.value, "is \(JSONArticleFields.kind(wrong.value)), not text; ignored")
                }
                return text
            case .other(let value):
                wrongTypes.append((key, value))
            }
        }
        let named = bodyKeys.map { "\"\($0)\"" }.joined(separator: ", ")
        let types = wrongTypes.map { "\"\($0.key)\" is \(JSONArticleFields.kind($0.value))" }
        throw Rejection(
            .noText,
            "none of \(named) holds any words" + (types.isEmpty ? "" : " (\(types.joined(separator: ", ")))")
        )
    }

    /// The publication day, down the chain of ``PublicationDate/Candidates``: a stated publication date, then
    /// `date_download`, then `date_modify`, then the file's modification time. A date more than a day after the
    /// download day (or the file's time, without one), or before 1900, is not taken.
    static func publicationDate(
        _ fields: inout JSONArticleFields,
        fileModificationTime: PublicationDate
    ) -> PublicationDate {
        var candidates = PublicationDate.Candidates(fileModificationTime: fileModificationTime)
        let fileTime = "the file's modification time"
        switch fields.day("date_download", source: .download, reference: fileModificationTime, referenceName: fileTime)
        {
        case .success(let day): candidates.downloaded = day
        case .failure(let problem): fields.warnings.append(problem.sentence + "; ignored")
        case nil: break
        }
        let reference = candidates.downloaded ?? fileModificationTime
        let referenceName = candidates.downloaded == nil ? fileTime : "date_download"
        switch fields.day("date_modify", source: .modified, reference: reference, referenceName: referenceName) {
        case .success(let day): candidates.modified = day
        case .failure(let problem): fields.warnings.append(problem.sentence + "; ignored")
        case nil: break
        }
        var statedKey: String?
        var problems: [String] = []
        for key in publishedKeys where candidates.stated == nil {
            switch fields.day(key, source: .json, reference: reference, referenceName: referenceName) {
            case .success(let day):
                candidates.stated = day
                statedKey = key
            case .failure(let problem): problems.append(problem.sentence)
            case nil: break
            }
        }
        let chosen = candidates.chosen
        let used =
            switch chosen.source {
            case .json: statedKey ?? "the publication date"
            case .download: "date_download"
            case .modified: "date_modify"
            default: fileTime
            }
        fields.warnings += problems.map { "\($0); used \(used) (\(chosen))" }
        return chosen
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
