import Foundation
import GleanerCore
import GleanerEvents
import Testing

@testable import GleanerStore

@Suite("Export: rows streamed from the store, encoded as CSV, JSON Lines and GDELT")
final class ExportStoreTests {
    /// The test's files go with it.
    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

    let path =
        FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-export-\(UUID().uuidString)").path
        + "/gleaner.sqlite"
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())

    func item(_ article: Article, inode: UInt64, store: ArticleStore, extract: Bool = false) -> IngestItem {
        .file(article, inode: inode, store: store, extractor: extract ? Self.extractor : nil)
    }

    static let awkward = "Khan said: \"we will go\", then left.\r\nSecond line,\nthird line \"quoted\""

    func rows(_ table: ExportTable, since: String? = nil, store: ArticleStore) throws -> [[ExportValue]] {
        var rows: [[ExportValue]] = []
        try store.export(table, since: since) { rows.append($0) }
        return rows
    }

    @Test("CSV quotes commas, quotes, CR and LF, doubles quotes, and parses back to the same fields")
    func csvRoundTrip() throws {
        let fields: [String?] = ["plain", Self.awkward, nil, "a,b", "", "say \"hi\"", "line\nbreak", "ünïcode"]
        let record = CSVRecord.encode(fields)
        #expect(record.hasSuffix("\r\n"))
        #expect(record.contains("\"say \"\"hi\"\"\""))
        let parsed = try #require(CSVParser.parse(record).first)
        #expect(parsed == fields.map { $0 ?? "" })
    }

    @Test("Articles export: header, one row per article, the text with its line breaks, --since")
    func articlesCSV() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit([
            item(
                Article(
                    title: "Talks, at last",
                    text: Self.awkward,
                    published: PublicationDate(year: 2022, month: 2, day: 1, source: .header),
                    url: "https://example.com/a?b=1,2"
                ),
                inode: 1,
                store: store
            ),
            item(
                Article(
                    title: "Later",
                    text: "Another article entirely, about a harbour.",
                    published: PublicationDate(year: 2022, month: 3, day: 1, source: .header)
                ),
                inode: 2,
                store: store
            ),
        ])
        let encoder = ExportEncoder(table: .articles, format: .csv)
        var output = ExportFormat.csv.header(for: .articles)
        for row in try rows(.articles, store: store) { encoder.append(row, to: &output) }
        let records = CSVParser.parse(output)
        #expect(records.count == 3)
        #expect(records[0] == ExportTable.articles.columnNames)
        let text = try #require(records[0].firstIndex(of: "text"))
        let title = try #require(records[0].firstIndex(of: "title"))
        #expect(records[1][text] == Self.awkward)
        #expect(records[1][title] == "Talks, at last")
        #expect(records.allSatisfy { $0.count == ExportTable.articles.columns.count })
        #expect(try rows(.articles, since: "2022-02-15", store: store).count == 1)
    }

    @Test("JSON Lines: every column a key on every line, null when empty, JSON columns embedded")
    func jsonLines() throws {
        let store = try ArticleStore(path: path)
        _ = try store.commit([
            item(
                Article(
                    title: nil,
                    text: Self.awkward,
                    published: PublicationDate(year: 2022, month: 2, day: 1, source: .header),
                    warnings: ["title: 42 is a number, not text; ignored"]
                ),
                inode: 1,
                store: store
            )
        ])
        let encoder = ExportEncoder(table: .articles, format: .jsonl)
        var output = ""
        for row in try rows(.articles, store: store) { encoder.append(row, to: &output) }
        let lines = output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8), options: .fragmentsAllowed) as? [String: Any]
        )
        #expect(Set(object.keys) == Set(ExportTable.articles.columnNames))
        #expect(object["title"] is NSNull)
        #expect(object["url"] is NSNull)
        #expect(object["text"] as? String == Self.awkward)
        #expect(object["warnings"] as? [String] == ["title: 42 is a number, not text; ignored"])
    }

    @Test("JSON strings escape quotes, backslashes and control characters, and keep the rest as it is")
    func jsonStrings() throws {
        for text in ["", "plain", "tab\there", "a\u{1}b\u{1F}c", "ünï \"quoted\" \\ back", "end\n", "\r\n😀"] {
            var encoded = ""
            JSONLinesRecord.appendString(text, to: &encoded)
            let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: .fragmentsAllowed)
            #expect(decoded as? String == text, "\(encoded)")
        }
    }

    @Test("Duplicates export: one row per copy with its canonical")
    func duplicates() throws {
        let store = try ArticleStore(path: path)
        let text = "The central bank raised interest rates by half a point to curb inflation on Thursday."
        let published = PublicationDate(year: 2022, month: 2, day: 1, source: .header)
        let results = try store.commit([
            item(Article(title: "Rates", text: text, published: published), inode: 1, store: store),
            item(Article(title: "Rates again", text: text + " ", published: published), inode: 2, store: store),
        ])
        let rows = try rows(.duplicates, store: store)
        #expect(rows.count == 1)
        let columns = ExportTable.duplicates.columnNames
        #expect(rows[0][columns.firstIndex(of: "id")!] == .integer(results[1].articles[0].id))
        #expect(rows[0][columns.firstIndex(of: "duplicate_of")!] == .integer(results[0].articles[0].id))
        #expect(rows[0][columns.firstIndex(of: "kind")!] == .text("exact"))
        #expect(rows[0][columns.firstIndex(of: "canonical_title")!] == .text("Rates"))
    }

    @Test("Stories export: one row per article of a story, a copy in its canonical article's story, --since")
    func stories() throws {
        let store = try ArticleStore(path: path)
        let text = "The central bank raised interest rates by half a point to curb inflation on Thursday."
        let results = try store.commit([
            item(
                Article(
                    title: "Rates",
                    text: text,
                    published: PublicationDate(year: 2022, month: 2, day: 1, source: .json)
                ),
                inode: 1,
                store: store
            ),
            item(
                Article(
                    title: "Rates again",
                    text: text + " ",
                    published: PublicationDate(year: 2022, month: 2, day: 2, source: .json)
                ),
                inode: 2,
                store: store
            ),
            item(
                Article(
                    title: "Floods in Marwick",
                    text: "Heavy rain flooded the Marwick valley and cut off twelve villages.",
                    published: PublicationDate(year: 2022, month: 5, day: 1, source: .json)
                ),
                inode: 3,
                store: store
            ),
        ])
        let rows = try rows(.stories, store: store)
        #expect(rows.count == 3)
        let columns = ExportTable.stories.columnNames
        let story = columns.firstIndex(of: "story")!
        let article = columns.firstIndex(of: "article_id")!
        #expect(rows[0][story] == rows[1][story])
        #expect(rows[0][story] != rows[2][story])
        #expect(rows[1][article] == .integer(results[1].articles[0].id))
        #expect(rows[1][columns.firstIndex(of: "duplicate_of")!] == .integer(results[0].articles[0].id))
        #expect(try self.rows(.stories, since: "2022-03-01", store: store).count == 1)
    }

    @Test("GDELT: 61 tab-separated columns in GDELT 2.0 order, filled from the merged event")
    func gdelt() throws {
        let store = try ArticleStore(path: path)
        let article = Article(
            title: "Khan to visit Moscow",
            text: """
                Pakistani Prime Minister Imran Khan will visit Russia on February 23-24, the Foreign Office said \
                on Monday. Khan will hold talks with President Vladimir Putin in Moscow.
                """,
            published: PublicationDate(year: 2022, month: 2, day: 14, source: .header),
            url: "https://example.com/khan"
        )
        _ = try store.commit([item(article, inode: 1, store: store, extract: true)])
        #expect(GDELTEvent.columns.count == 61)
        #expect(GDELTEvent.columns.first == "GLOBALEVENTID")
        #expect(GDELTEvent.columns[26] == "EventCode")
        #expect(GDELTEvent.columns.last == "SOURCEURL")
        let encoder = ExportEncoder(table: .events, format: .gdelt)
        var output = ""
        for row in try rows(.events, store: store) { encoder.append(row, to: &output) }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty)
        let records = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(records.allSatisfy { $0.count == 61 })
        let field = { (record: [String], name: String) in record[GDELTEvent.columns.firstIndex(of: name)!] }
        // "will visit" is an intent to meet (036) in February, from the article of 14 February.
        let events = try store.events()
        let event = try #require(events.first { $0.actor?.name == "Imran Khan" && $0.target?.name == "Russia" })
        let visit = try #require(records.first { field($0, "GLOBALEVENTID") == String(event.id) })
        #expect(field(visit, "EventCode") == event.cameo)
        #expect(field(visit, "EventBaseCode") == String(event.cameo.prefix(3)))
        #expect(field(visit, "EventRootCode") == event.root)
        #expect(field(visit, "QuadClass") == String(event.quadClass))
        #expect(field(visit, "SQLDATE") == "20220223")
        #expect(field(visit, "MonthYear") == "202202")
        #expect(field(visit, "Year") == "2022")
        #expect(field(visit, "FractionDate") == "2022.1479")
        #expect(field(visit, "Actor1Name") == "IMRAN KHAN")
        #expect(field(visit, "Actor1CountryCode") == "PAK")
        #expect(field(visit, "Actor2CountryCode") == "RUS")
        #expect(field(visit, "NumArticles") == "1")
        #expect(field(visit, "SOURCEURL") == "https://example.com/khan")
        #expect(field(visit, "DATEADDED").count == 14)
        #expect(field(visit, "GoldsteinScale") == "")
        // An event without a date of its own (the talks with Putin) is dated by the article that reported it.
        let undated = try #require(events.first { $0.date == nil })
        let talks = try #require(records.first { field($0, "GLOBALEVENTID") == String(undated.id) })
        #expect(field(talks, "SQLDATE") == "20220214")
        #expect(!ExportFormat.gdelt.supports(.articles))
    }

    @Test("FractionDate and day checks follow GDELT's arithmetic")
    func fractionDate() {
        #expect(GDELTEvent.fractionDate("2019-01-25") == "2019.0685")
        #expect(GDELTEvent.fractionDate("2021-12-31") == "2021.9999")
        #expect(GDELTEvent.isDay("2022-02-23"))
        #expect(!GDELTEvent.isDay("2022-02"))
        #expect(GDELTEvent.timestamp("2026-11-22T18:16:43.807Z") == "20261122181643")
    }
}

/// A small RFC 4180 reader, to check what the writer produced (quoted fields, doubled quotes, CRLF).
enum CSVParser {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
