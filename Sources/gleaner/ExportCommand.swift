import ArgumentParser
import Foundation
import GleanerStore

/// `gleaner export KIND --format FORMAT`: articles, events, stories or duplicates as CSV, JSON Lines or GDELT.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write articles, events, stories or duplicates as CSV, JSON Lines or (events) GDELT 2.0 for other tools.",
        discussion: """
            Rows are streamed in id order from one consistent snapshot, in constant memory, while the daemon \
            runs. CSV is RFC 4180 with a header row and CRLF line ends; JSON Lines has every column as a key \
            (null when empty); gdelt is the GDELT 2.0 event table, 61 tab-separated columns without a header. \
            The README lists the columns. A progress bar is shown on a terminal. When the reader of a pipe stops \
            early (| head), the export stops quietly with exit status 0.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("What to export.", valueName: ExportTable.all.map(\.name).joined(separator: "|")))
    var kind: String

    @Option(
        help: ArgumentHelp(
            "csv, jsonl, or gdelt (events only).",
            valueName: ExportFormat.allCases.map(\.rawValue).joined(separator: "|")
        )
    )
    var format: String

    @Option(
        help: """
            Only rows on or after this day, YYYY-MM-DD: articles and duplicates by publication date, events by \
            their date (or the day they were first seen when undated), stories by their last day.
            """
    )
    var since: String?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard let table = ExportTable.named(kind) else {
            throw ValidationError(
                "unknown kind \(kind): export one of \(ExportTable.all.map(\.name).joined(separator: ", "))"
            )
        }
        guard let format = ExportFormat(rawValue: format) else {
            throw ValidationError(
                "unknown format \(format): use --format "
                    + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        guard format.supports(table) else {
            throw ValidationError(
                "--format gdelt is the GDELT event table and exports events only; use csv or jsonl for \(kind)"
            )
        }
        if let since { _ = try parseDay(since, option: "--since") }
    }

    func run() throws {
        let table = ExportTable.named(kind)!
        let encoder = ExportEncoder(table: table, format: ExportFormat(rawValue: format)!)
        let day = try since.map { try parseDay($0, option: "--since") }
        let configuration = try options.configuration()
        let store = try openForReading(configuration.database)
        let sink: OutputSink
        do {
            sink = try output.map { try OutputSink(path: GlobalOptions.absolute($0)) } ?? OutputSink()
        } catch {
            throw ValidationError("\(error)")
        }
        // A bar on standard error only when it is a terminal and the rows do not go to it too.
        let terminal = isatty(STDERR_FILENO) == 1 && (output != nil || isatty(STDOUT_FILENO) == 0)
        var bar: ProgressBar?
        do {
            try sink.append { $0.append(encoder.format.header(for: table)) }
            try store.export(
                table,
                since: day,
                progress: { done, total in
                    if bar == nil { bar = ProgressBar(total: total, unit: "rows", enabled: terminal) }
                    bar?.update(done: done)
                },
                row: { row in try sink.append { encoder.append(row, to: &$0) } }
            )
            try sink.finish()
            bar?.finish()
        } catch OutputSink.Failure.closed {
            // The reader has what it wanted (`| head`): stop quietly, successfully.
            bar?.finish()
            return
        } catch let error as OutputSink.Failure {
            bar?.finish()
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as StoreError {
            bar?.finish()
            throw ValidationError(error.description)
        }
    }
}
