import ArgumentParser
import Foundation
import GleanerCore
import GleanerDaemon
import GleanerEvents

/// `gleaner extract FILE…`: parsing and event extraction only, without any database. This output is the
/// contract the evaluation uses: keep it stable.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the events of article files without touching any database.",
        discussion: """
            JSON, one object per article: {"file", "title", "published", "published_source", "events": [{"cameo",
            "root", "quad_class", "actor": {"text", "name", "country", "role"}, "target": {…}, "location": {"name",
            "country"}, "date": {"start", "end", "precision", "text"}, "modality", "sentence", "sentence_index",
            "confidence"}], "times": [{"text", "offset", "length", "type", "value", "anchor"}], "main_event": {"who",
            "what", "whom", "cameo", "when", "where", "sentence_index"}}. Absent values are null. Offsets and lengths of times are UTF-8 bytes of the article body as parsed.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Article files (.txt, .json, .jsonl).")
    var files: [String]

    @Option(help: "Publication date to resolve relative dates against (YYYY-MM-DD), instead of the article's own.")
    var published: String?

    @Flag(help: "Print JSON (the default is a readable summary).")
    var json = false

    /// The event record, exactly as documented.
    struct Record: Encodable {
        var cameo: String
        var root: String
        var quadClass: Int
        var actor: EventActor?
        var target: EventActor?
        var location: EventLocation?
        var date: EventDate?
        var modality: String
        var sentence: String
        var sentenceIndex: Int
        var confidence: Double
    }

    struct Report: Encodable {
        var file: String
        var title: String?
        var published: String
        var publishedSource: String
        var events: [Record]
        /// Every temporal expression, in text order, normalised like a TimeML TIMEX3.
        var times: [TemporalExpression]
        /// What the article is about: who did what (to whom), when and where, from its lead.
        var mainEvent: MainEvent?
    }

    func run() throws {
        var override: PublicationDate?
        if let published {
            guard published.count == 10, let day = PublicationDateParser.parse(published, source: .commandLine) else {
                throw ValidationError("--published takes a date as YYYY-MM-DD, got \(published)")
            }
            override = day
        }
        let configuration = try options.configuration()
        let extractor = try configuration.eventExtractor()
        let parser = ArticleParser(maximumFileSize: configuration.maxFileSize)
        var reports: [Report] = []
        var refused: [String] = []
        for file in files.map(GlobalOptions.absolute) {
            guard let data = FileManager.default.contents(atPath: file) else {
                refused.append("cannot read \(file)")
                continue
            }
            let modified =
                (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
                .map { Int64($0.timeIntervalSince1970) } ?? Int64(Date().timeIntervalSince1970)
            let parsed: ParsedFile
            do {
                parsed = try parser.parse(
                    Array(data),
                    fileName: (file as NSString).lastPathComponent,
                    modificationTime: modified
                )
            } catch {
                // The other files are still extracted; the exit status says that one was not.
                refused.append("\(file) is not an article: \(error.description)")
                continue
            }
            for var article in parsed.articles {
                let times: [TemporalExpression]
                let analysed = AnalysedText(article.text)
                if let override {
                    article.published = override
                    times = TimexTagger.expressions(in: analysed, published: override)
                } else {
                    (article, times) = ArticleDating.dated(article, analysed: analysed)
                }
                let (events, mainEvent) = extractor.eventsAndMainEvent(of: article, times: times, analysed: analysed)
                reports.append(
                    Report(
                        file: file,
                        title: article.title,
                        published: article.published.description,
                        publishedSource: article.published.source.rawValue,
                        events: events.map {
                            Record(
                                cameo: $0.cameo,
                                root: $0.root,
                                quadClass: $0.quadClass,
                                actor: $0.actor,
                                target: $0.target,
                                location: $0.location,
                                date: $0.date,
                                modality: $0.modality.rawValue,
                                sentence: $0.sentence,
                                sentenceIndex: $0.sentenceIndex,
                                confidence: $0.confidence
                            )
                        },
                        times: times,
                        mainEvent: mainEvent
                    )
                )
            }
        }
        defer {
            for problem in refused { FileHandle.standardError.write(Data("gleaner extract: \(problem)\n".utf8)) }
        }
        if json {
            try printJSON(reports)
            if !refused.isEmpty { throw ExitCode(1) }
            return
        }
        for report in reports {
            print(
                "\(report.file)  published \(report.published) (\(report.publishedSource))  \(report.events.count) events"
            )
            if let main = report.mainEvent {
                let whom = main.whom.map { " → \($0.name)" } ?? ""
                print(
                    "  main event: \(main.who?.name ?? "?") \(main.what)\(whom), \(main.when?.start ?? "undated"), "
                        + "\(main.where?.name ?? "nowhere named")"
                )
            }
            for event in report.events {
                let date = event.date.map { $0.start == $0.end ? $0.start : "\($0.start)…\($0.end)" } ?? "undated"
                print(
                    "  [\(event.cameo)] \(event.actor?.name ?? "?") → \(event.target?.name ?? "—")  \(date)  "
                        + "\(event.modality)  (sentence \(event.sentenceIndex), confidence \(event.confidence))"
                )
            }
        }
        if !refused.isEmpty { throw ExitCode(1) }
    }
}
