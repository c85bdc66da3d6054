import Testing

@testable import GleanerCore

@Suite("Parsing .txt, .json and .jsonl articles")
struct ArticleParserTests {
    let parser = ArticleParser()
    /// 2026-11-20T00:00:00Z, used as the file's modification time.
    let mtime: Int64 = 1_795_132_800

    func parseText(_ text: String, name: String = "a.txt") throws -> Article {
        let parsed = try parser.parse(Array(text.utf8), fileName: name, modificationTime: mtime)
        #expect(parsed.articles.count == 1)
        return parsed.articles[0]
    }

    @Test("A header block gives title, date, source and URL, and is not part of the text")
    func headerBlock() throws {
        let article = try parseText(
            """
            Title: Pakistan, Russia sign pipeline deal
            Date: Fri, 28 May 2021 10:00:00 +0000
            Source: dawn.com
            URL: https://example.org/a

            Body text here.
            """
        )
        #expect(article.title == "Pakistan, Russia sign pipeline deal")
        #expect(article.published.description == "2021-05-28")
        #expect(article.published.source == .header)
        #expect(article.source == "dawn.com")
        #expect(article.url == "https://example.org/a")
        #expect(article.text == "Body text here.")
    }

    @Test("A colon in the first sentence is not mistaken for a header")
    func notAHeader() throws {
        let article = try parseText("Note: this is the article.\nMore text.\n")
        #expect(article.text.hasPrefix("Note: this is the article."))
        #expect(article.published.source == .fileModificationTime)
    }

    @Test("A dateline gives the publication date and place; the marker leaves the text")
    func dateline() throws {
        let article = try parser.parse(
            try Samples.bytes("001_b20ecadf7b6855e0.txt"),
            fileName: "001_b20ecadf7b6855e0.txt",
            modificationTime: mtime
        ).articles[0]
        #expect(article.published == PublicationDate(year: 2022, month: 1, day: 24, source: .dateline))
        #expect(article.datelinePlace == "ISLAMABAD")
        #expect(article.text.hasPrefix("ISLAMABAD: Pakistan and Russia"))
    }

    @Test("Without a date in the article, the file's modification time is the publication date")
    func mtimeFallback() throws {
        let article = try parseText("Just a body.\n")
        #expect(article.published == PublicationDate(year: 2026, month: 11, day: 20, source: .fileModificationTime))
    }

    @Test("A title line followed by a blank line is the title (sample 004)")
    func titleLine() throws {
        let article = try parser.parse(
            try Samples.bytes("004_c26f9b7254532b7b.txt"),
            fileName: "004.txt",
            modificationTime: mtime
        ).articles[0]
        #expect(article.title == "Imran becomes first Pakistan leader to visit Russia in over two decades")
        #expect(article.text.hasPrefix("ISLAMABAD: Imran Khan will become"))
    }

    @Test("A headline repeated as the second line is the title, kept once (sample 003)")
    func repeatedHeadline() throws {
        let article = try parser.parse(
            try Samples.bytes("003_557577a84b5494f5.txt"),
            fileName: "003.txt",
            modificationTime: mtime
        ).articles[0]
        #expect(article.title?.hasPrefix("Pakistani Prime Minister Imran Khan is expected to visit Russia") == true)
        #expect(!article.text.hasPrefix("Pakistani Prime Minister"))
    }

    @Test("A first sentence ending in a period is body text, not a title (sample 000)")
    func sentenceIsNotTitle() throws {
        let article = try parser.parse(
            try Samples.bytes("000_805850cd11d2c22d.txt"),
            fileName: "000.txt",
            modificationTime: mtime
        ).articles[0]
        #expect(article.title == nil)
        #expect(article.text.hasPrefix("Putin was scheduled to visit Pakistan"))
    }

    @Test("All five samples parse into one article each with text")
    func samples() throws {
        #expect(Samples.names.count == 5)
        for name in Samples.names {
            let parsed = try parser.parse(try Samples.bytes(name), fileName: name, modificationTime: mtime)
            #expect(parsed.articles.count == 1)
            #expect(parsed.articles[0].text.count > 1_000)
        }
    }

    @Test("Windows line endings are handled")
    func crlf() throws {
        let article = try parseText("Headline here\r\n\r\nBody line one.\r\nBody line two.\r\n")
        #expect(article.title == "Headline here")
        #expect(article.text == "Body line one.\nBody line two.")
    }

    @Test("A file with no words is rejected as no-text")
    func noText() {
        #expect(throws: Rejection(.noText, "the file has no words")) {
            try parser.parse(Array("  \n 123 --- \n".utf8), fileName: "a.txt", modificationTime: mtime)
        }
    }

    @Test("Unknown extensions are rejected as unsupported types")
    func unsupported() {
        #expect(throws: Rejection.self) {
            try parser.parse(Array("text".utf8), fileName: "a.docx", modificationTime: mtime)
        }
        #expect(ArticleFormat(fileName: "A.TXT") == .text)
        #expect(ArticleFormat(fileName: "feed.jsonl") == .jsonLines)
        #expect(ArticleFormat(fileName: ".txt") == nil)
        #expect(ArticleFormat(fileName: "README") == nil)
    }

    @Test("A news-please JSON object is read, maintext first, text as fallback")
    func json() throws {
        let json = """
            {"title": "T", "maintext": "Main body.", "text": "ignored", "date_publish": "2022-02-05 10:21:00",
             "url": "https://x.org/1", "source_domain": "x.org", "language": "EN"}
            """
        let article = try parser.parse(Array(json.utf8), fileName: "a.json", modificationTime: mtime).articles[0]
        #expect(article.title == "T")
        #expect(article.text == "Main body.")
        #expect(article.published == PublicationDate(year: 2022, month: 2, day: 5, source: .json))
        #expect(article.source == "x.org")
        #expect(article.language == "en")
        let fallback = try parser.parse(
            Array(#"{"text": "Only text.", "date_publish": null}"#.utf8),
            fileName: "b.json",
            modificationTime: mtime
        ).articles[0]
        #expect(fallback.text == "Only text.")
        #expect(fallback.published.source == .fileModificationTime)
    }

    @Test(
        "JSON that is not an article is rejected with a reason that names the problem",
        arguments: [
            (#"{"title": "T", "maintext": "#, RejectionReason.malformedJSON, "not valid JSON"),
            (#"[{"maintext": "a"}]"#, .malformedJSON, ".jsonl"),
            (#"{"maintext": 42}"#, .noText, "(\"maintext\" is a number)"),
            (#"{"title": "only a title"}"#, .noText, "maintext"),
            ("42", .malformedJSON, "expected one JSON object, found a number"),
            (#""an article as a string""#, .malformedJSON, "expected one JSON object, found a string"),
            ("null", .malformedJSON, "expected one JSON object, found null"),
        ]
    )
    func badJSON(json: String, reason: RejectionReason, mentions: String) {
        do {
            _ = try parser.parse(Array(json.utf8), fileName: "a.json", modificationTime: mtime)
            Issue.record("expected a rejection")
        } catch {
            #expect(error.reason == reason)
            #expect(error.detail.contains(mentions), "\(error.detail)")
        }
    }

    @Test("An escaped NUL or control character in a JSON string is dropped, the text after it kept")
    func escapedControlCharacters() throws {
        let json = #"{"title": "A\u0000B", "maintext": "Before \u0000after,\u001b[31m red.\nNext line."}"#
        let article = try parser.parse(Array(json.utf8), fileName: "a.json", modificationTime: mtime).articles[0]
        #expect(article.title == "AB")
        #expect(article.text == "Before after,[31m red.\nNext line.")
    }

    @Test("JSON Lines: each line is an article, a bad line is reported with its number and spoils nothing")
    func jsonLines() throws {
        let lines = """
            {"title": "One", "maintext": "First article."}
            {"title": "Two", "maintext": 
            {"title": "Three", "maintext": "Third article."}

            """
        let parsed = try parser.parse(Array(lines.utf8), fileName: "feed.jsonl", modificationTime: mtime)
        #expect(parsed.articles.map(\.title) == ["One", "Three"])
        #expect(parsed.articles.map(\.line) == [1, 3])
        #expect(parsed.rejectedLines.count == 1)
        #expect(parsed.rejectedLines.first?.line == 2)
        #expect(parsed.rejectedLines.first?.rejection.reason == .malformedJSON)
    }

    @Test("A JSON Lines file with no good line is rejected, naming the first bad line")
    func jsonLinesAllBad() {
        do {
            _ = try parser.parse(Array("nope\n{}\n".utf8), fileName: "f.jsonl", modificationTime: mtime)
            Issue.record("expected a rejection")
        } catch {
            #expect(error.detail.contains("line 1"))
            #expect(error.detail.contains("1 more bad lines"))
        }
    }

    @Test("Files over the size limit are rejected before parsing")
    func tooLarge() {
        let small = ArticleParser(maximumFileSize: 10)
        #expect(throws: Rejection.self) {
            try small.parse(Array("more than ten bytes".utf8), fileName: "a.txt", modificationTime: 0)
        }
    }
}

@Suite("Line splitting")
struct LineSplittingTests {
    @Test(
        "LF, CR LF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR all end a line",
        arguments: [
            ("a\nb", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("a\rb", ["a", "b"]), ("a\u{85}b", ["a", "b"]),
            ("a\u{2028}b\u{2029}c", ["a", "b", "c"]), ("a\n\nb\n", ["a", "", "b", ""]), ("", [""]),
            ("é\r\n\r\nü", ["é", "", "ü"]), ("\r", ["", ""]),
        ]
    )
    func lines(text: String, expected: [String]) {
        #expect(TextArticleReader.normalizedLines(text) == expected)
    }
}
