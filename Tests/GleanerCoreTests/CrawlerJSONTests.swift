import Foundation
import Testing

@testable import GleanerCore

/// JSON articles as crawlers really write them: a metadata field is never a reason to lose an article.
@Suite("Crawler JSON: odd metadata is ignored with a warning, never a reason to lose the article")
struct CrawlerJSONTests {
    let parser = ArticleParser()
    /// 2026-11-20T00:00:00Z, used as the file's modification time.
    let mtime: Int64 = 1_795_132_800

    func article(_ json: String, name: String = "a.json") throws -> Article {
        let parsed = try parser.parse(Array(json.utf8), fileName: name, modificationTime: mtime)
        #expect(parsed.articles.count == 1)
        return try #require(parsed.articles.first)
    }

    /// A good news-please article whose `date_publish` is `datePublish` (raw JSON), downloaded on 2017-06-01.
    func newsPlease(datePublish: String, download: String = #""2017-06-01 10:00:00""#) -> String {
        """
        {"authors": ["A. Writer"], "date_download": \(download), "date_modify": "None", "date_publish": \(datePublish),
         "description": null, "filename": "x.json", "image_url": "https://example.org/i.jpg", "language": "en",
         "localpath": null, "source_domain": "example.org", "text": "Ministers met in the capital on Wednesday.",
         "title": "Ministers meet", "title_page": null, "title_rss": null, "url": "https://example.org/a"}
        """
    }

    @Test(
        "date_publish as crawlers write it: the day, or the fallback chain with a warning when it held something",
        arguments: [
            (#""None""#, "2017-06-01", PublicationDate.Source.download, nil),
            (#""null""#, "2017-06-01", .download, nil),
            ("null", "2017-06-01", .download, nil),
            (#""""#, "2017-06-01", .download, nil),
            ("1496221200", "2017-05-31", .json, nil),
            ("1496221200000", "2017-05-31", .json, nil),
            (#""1496221200""#, "2017-05-31", .json, nil),
            (#""2017-05-31 09:00:00""#, "2017-05-31", .json, nil),
            (
                #""yesterday afternoon""#, "2017-06-01", .download,
                #"date_publish: "yesterday afternoon" is not a date; used date_download (2017-06-01)"#
            ),
            (
                #""n/a 12 :: 07""#, "2017-06-01", .download,
                #"date_publish: "n/a 12 :: 07" is not a date; used date_download (2017-06-01)"#
            ),
            (
                "true", "2017-06-01", .download,
                "date_publish: true is a boolean, not a date; used date_download (2017-06-01)"
            ),
            (
                "[]", "2017-06-01", .download,
                "date_publish: [] is an array, not a date; used date_download (2017-06-01)"
            ),
            ("42", "2017-06-01", .download, "date_publish: 42 is not a date; used date_download (2017-06-01)"),
            (
                #""2017-06-05""#, "2017-06-01", .download,
                #"date_publish: "2017-06-05" is more than a day after date_download (2017-06-01); used date_download (2017-06-01)"#
            ),
            (#""2017-06-02T20:00:00Z""#, "2017-06-02", .json, nil),
            (
                #""1899-12-31""#, "2017-06-01", .download,
                #"date_publish: "1899-12-31" is before 1900; used date_download (2017-06-01)"#
            ),
        ]
    )
    func datePublish(raw: String, day: String, source: PublicationDate.Source, warning: String?) throws {
        let article = try article(newsPlease(datePublish: raw))
        #expect(article.published.description == day)
        #expect(article.published.source == source)
        #expect(article.warnings == (warning.map { [$0] } ?? []))
        #expect(article.title == "Ministers meet")
        #expect(article.text == "Ministers met in the capital on Wednesday.")
    }

    @Test("Without a publication date: date_download, then date_modify, then the file's modification time")
    func fallbackChain() throws {
        let downloaded = try article(
            #"{"text": "Body words.", "date_publish": null, "date_download": "2017-06-01", "date_modify": "2017-05-30"}"#
        )
        #expect(downloaded.published == PublicationDate(year: 2017, month: 6, day: 1, source: .download))
        let modified = try article(
            #"{"text": "Body words.", "date_publish": null, "date_download": null, "date_modify": "2017-06-03"}"#
        )
        #expect(modified.published == PublicationDate(year: 2017, month: 6, day: 3, source: .modified))
        let fileTime = try article(#"{"text": "Body words.", "date_publish": null, "date_download": null}"#)
        #expect(fileTime.published == PublicationDate(year: 2026, month: 11, day: 20, source: .fileModificationTime))
        #expect([downloaded, modified, fileTime].allSatisfy { $0.warnings.isEmpty })
    }

    @Test("A bad date_download or date_modify is ignored with a warning; the next step of the chain is used")
    func badFallbackDates() throws {
        let article = try article(
            #"{"text": "Body words.", "date_download": "soon", "date_modify": "2099-01-01", "date_publish": "None"}"#
        )
        #expect(article.published == PublicationDate(year: 2026, month: 11, day: 20, source: .fileModificationTime))
        #expect(
            article.warnings == [
                #"date_download: "soon" is not a date; ignored"#,
                #"date_modify: "2099-01-01" is more than a day after the file's modification time (2026-11-20); ignored"#,
            ]
        )
    }

    @Test("Without date_download, a publication date after the file's modification time is refused")
    func futureAgainstFileTime() throws {
        let article = try article(#"{"text": "Body words.", "date_publish": "2030-01-01"}"#)
        #expect(article.published.source == .fileModificationTime)
        #expect(article.warnings.first?.contains("more than a day after the file's modification time") == true)
    }

    @Test("A bad first publication field gives way to the next one (publish_date, date, published)")
    func publicationFieldOrder() throws {
        let article = try article(#"{"text": "Body words.", "date_publish": "soon", "date": "2017-05-31"}"#)
        #expect(article.published == PublicationDate(year: 2017, month: 5, day: 31, source: .json))
        #expect(article.warnings == [#"date_publish: "soon" is not a date; used date (2017-05-31)"#])
    }

    @Test("Text fields of another type are ignored with a warning naming the field and the value")
    func wrongTypes() throws {
        let article = try article(
            """
            {"title": 42, "maintext": "Body words.", "url": ["https://example.org/a"], "source_domain": {"a": 1},
             "language": true, "date_publish": "2017-05-31"}
            """
        )
        #expect(article.title == nil)
        #expect(article.url == nil)
        #expect(article.source == nil)
        #expect(article.language == nil)
        #expect(article.published == PublicationDate(year: 2017, month: 5, day: 31, source: .json))
        #expect(
            article.warnings == [
                "title: 42 is a number, not text; ignored", "url: […] is an array, not text; ignored",
                "source_domain: {…} is an object, not text; ignored", "language: true is a boolean, not text; ignored",
            ]
        )
    }

    @Test("\"None\", \"null\" and empty strings are missing values: no warning, no value")
    func missingSpellings() throws {
        let article = try article(
            #"{"title": "None", "text": "Body words.", "url": "", "source_domain": "null", "language": "  "}"#
        )
        #expect(article.title == nil)
        #expect(article.url == nil)
        #expect(article.source == nil)
        #expect(article.language == nil)
        #expect(article.warnings.isEmpty)
    }

    @Test("Body fields: maintext, text, body, content, the first that holds words")
    func bodyPrecedence() throws {
        #expect(try article(#"{"maintext": "Main.", "text": "Text.", "body": "Body."}"#).text == "Main.")
        #expect(try article(#"{"maintext": "", "text": "Text.", "body": "Body."}"#).text == "Text.")
        #expect(try article(#"{"maintext": "None", "text": "123", "body": "Body."}"#).text == "Body.")
        #expect(try article(#"{"content": " Content. "}"#).text == "Content.")
        let wrongType = try article(#"{"maintext": 3, "text": "Text words."}"#)
        #expect(wrongType.text == "Text words.")
        #expect(wrongType.warnings == ["maintext: 3 is a number, not text; ignored"])
    }

    @Test("A body that is not a string, with no other body holding words, is no text")
    func nonStringBody() {
        do {
            _ = try parser.parse(Array(#"{"title": "T", "text": 5}"#.utf8), fileName: "a.json", modificationTime: mtime)
            Issue.record("expected a rejection")
        } catch {
            #expect(error.reason == .noText)
            #expect(
                error.detail == #"none of "maintext", "text", "body", "content" holds any words ("text" is a number)"#
            )
        }
    }

    @Test("trafilatura: text, title, date, url, hostname, source")
    func trafilatura() throws {
        let article = try article(
            """
            {"title": "Talks resume", "author": "A. Writer", "hostname": "example.org", "date": "2017-05-31",
             "url": "https://example.org/talks", "source": "https://example.org/talks", "source-hostname": "Example",
             "text": "Talks resumed on Wednesday.", "raw_text": null, "comments": "", "language": "en",
             "categories": "", "tags": "", "fingerprint": "abc", "id": null, "license": null, "image": null}
            """
        )
        #expect(article.title == "Talks resume")
        #expect(article.text == "Talks resumed on Wednesday.")
        #expect(article.published == PublicationDate(year: 2017, month: 5, day: 31, source: .json))
        #expect(article.source == "example.org")
        #expect(article.url == "https://example.org/talks")
        #expect(article.warnings.isEmpty)
        // Only `source`, a URL: its host.
        let sourceOnly = try self.article(#"{"text": "Words.", "source": "https://News.Example.com:8080/a?b"}"#)
        #expect(sourceOnly.source == "news.example.com")
    }

    @Test("newspaper3k: text, title, publish_date, authors, url (the url's host is the source)")
    func newspaper() throws {
        let article = try article(
            """
            {"title": "Markets fall", "text": "Markets fell sharply.", "authors": ["A. Writer", "B. Editor"],
             "publish_date": "2017-05-31 09:00:00", "url": "https://www.example.com/markets", "top_image": "",
             "keywords": [], "summary": ""}
            """
        )
        #expect(article.title == "Markets fall")
        #expect(article.published == PublicationDate(year: 2017, month: 5, day: 31, source: .json))
        #expect(article.source == "www.example.com")
        #expect(article.warnings.isEmpty)
    }

    @Test("Plain objects: title with body or content")
    func plain() throws {
        let body = try article(#"{"title": "Plain", "body": "A plain body."}"#)
        #expect(body.title == "Plain")
        #expect(body.text == "A plain body.")
        #expect(body.published.source == .fileModificationTime)
        #expect(try article(#"{"title": "Plain", "content": "Plain content."}"#).text == "Plain content.")
    }

    @Test("A warning shows a long or multi-line value shortened and escaped")
    func renderedValues() throws {
        let long = String(repeating: "x", count: 100)
        let article = try article(#"{"text": "Words.", "date_publish": "line one\nline \"two\"", "date": "\#(long)"}"#)
        #expect(article.warnings.first?.hasPrefix(#"date_publish: "line one\nline \"two\"" is not a date"#) == true)
        #expect(article.warnings.last?.hasPrefix("date: \"" + String(repeating: "x", count: 60) + "…\" is not") == true)
    }

    @Test("JSON Lines with a mix: schemas, odd metadata, no text, not JSON, not an object")
    func jsonLinesMix() throws {
        let lines = """
            \(newsPlease(datePublish: #""yesterday afternoon""#).replacingOccurrences(of: "\n", with: " "))
            {"title": "Trafilatura", "text": "From trafilatura.", "date": "31.05.2017", "hostname": "example.org"}
            {"title": "No body", "text": null}
            not json at all
            ["an", "array"]
            {"title": "Newspaper", "text": "From newspaper.", "publish_date": 1496221200, "authors": []}

            """
        let parsed = try parser.parse(Array(lines.utf8), fileName: "feed.jsonl", modificationTime: mtime)
        #expect(parsed.articles.map(\.line) == [1, 2, 6])
        #expect(parsed.articles.map(\.title) == ["Ministers meet", "Trafilatura", "Newspaper"])
        #expect(parsed.articles.map(\.published.description) == ["2017-06-01", "2017-05-31", "2017-05-31"])
        #expect(parsed.articles.map(\.published.source) == [.download, .json, .json])
        #expect(parsed.articles[0].warnings.count == 1)
        #expect(parsed.articles[1].warnings.isEmpty && parsed.articles[2].warnings.isEmpty)
        #expect(parsed.rejectedLines.map(\.line) == [3, 4, 5])
        #expect(parsed.rejectedLines.map(\.rejection.reason) == [.noText, .malformedJSON, .malformedJSON])
    }

    @Test(
        "Only not-JSON and not-an-object are malformed",
        arguments: [
            (#"{"title": "T", "maintext": "#, "not valid JSON"),
            ("42", "expected one JSON object, found a number"),
            ("true", "expected one JSON object, found a boolean"),
            (#"[{"maintext": "a"}]"#, "found an array; put one article per line in a .jsonl file"),
        ]
    )
    func malformed(json: String, detail: String) {
        do {
            _ = try parser.parse(Array(json.utf8), fileName: "a.json", modificationTime: mtime)
            Issue.record("expected a rejection")
        } catch {
            #expect(error.reason == .malformedJSON)
            #expect(error.detail.contains(detail), "\(error.detail)")
        }
    }

    @Test("A .txt header date that is not a date is ignored with a warning; the dateline or file time is used")
    func textHeaderDate() throws {
        let text = "Title: T\nDate: last Tuesday\n\nBody words here.\n"
        let parsed = try parser.parse(Array(text.utf8), fileName: "a.txt", modificationTime: mtime)
        let article = try #require(parsed.articles.first)
        #expect(article.published.source == .fileModificationTime)
        #expect(
            article.warnings == [#"Date: "last Tuesday" is not a date; used the file's modification time (2026-11-20)"#]
        )
    }

    @Test("URL hosts: scheme, user, port, path and query stripped; anything else is not a URL")
    func hosts() {
        #expect(JSONArticleFields.host(ofURL: "https://user@Example.org:443/a?b#c") == "example.org")
        #expect(JSONArticleFields.host(ofURL: "http://example.org") == "example.org")
        #expect(JSONArticleFields.host(ofURL: "example.org") == nil)
        #expect(JSONArticleFields.host(ofURL: "://example.org") == nil)
        #expect(JSONArticleFields.host(ofURL: "https:///path") == nil)
    }
}
