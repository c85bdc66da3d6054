import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("The command line: export")
struct ExportCommandTests {
    @Test("export --output writes RFC 4180 CSV with a header; jsonl has every key on every line")
    func exportFormats() throws {
        let harness = try ingestedSamples()
        let file = harness.root + "/articles.csv"
        let csv = try runGleaner([
            "export", "articles", "--format", "csv", "--output", file, "--config", harness.configPath,
        ])
        #expect(csv.status == 0, "\(csv.error)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("id,file,line,title,published,"))
        #expect(text.hasSuffix("\r\n"))
        let records = parseCSV(text)
        #expect(records.count == 6)
        #expect(records.allSatisfy { $0.count == records[0].count })

        let jsonl = try runGleaner(["export", "events", "--format", "jsonl", "--config", harness.configPath])
        #expect(jsonl.status == 0, "\(jsonl.error)")
        let lines = jsonl.output.split(separator: "\n")
        #expect(!lines.isEmpty)
        let keySets = try lines.map { line in
            Set(try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).keys)
        }
        #expect(Set(keySets).count == 1)
        #expect(keySets.first?.contains("source_url") == true)

        let gdelt = try runGleaner(["export", "events", "--format", "gdelt", "--config", harness.configPath])
        #expect(gdelt.status == 0, "\(gdelt.error)")
        let columns = gdelt.output.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).count
        }
        #expect(!columns.isEmpty)
        #expect(columns.allSatisfy { $0 == 61 })
    }

    @Test("Bad export arguments are usage errors that say what failed and what to do")
    func exportErrors() throws {
        let harness = try ingestedSamples()
        let cases: [([String], String)] = [
            (["export", "topics", "--format", "csv"], "unknown kind topics: export one of articles, events, stories"),
            (["export", "articles", "--format", "xml"], "unknown format xml: use --format csv, jsonl, gdelt"),
            (["export", "articles", "--format", "gdelt"], "exports events only; use csv or jsonl"),
            (["export", "articles", "--format", "csv", "--since", "2022-13-01"], "--since takes a date"),
            (
                ["export", "articles", "--format", "csv", "--output", harness.root + "/no/such/dir/out.csv"],
                "cannot create " + harness.root + "/no/such/dir/out.csv"
            ),
        ]
        for (arguments, message) in cases {
            let run = try runGleaner(arguments + ["--config", harness.configPath])
            #expect(run.status == 64, "\(arguments)")
            #expect(run.error.contains(message), "\(arguments): \(run.error)")
        }
    }

    @Test("An export into a pipe whose reader leaves after one line (| head -1) exits 0, quietly")
    func closedPipe() throws {
        let harness = try DaemonHarness()
        let source = harness.root + "/source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        // 300 KiB of CSV, far more than a pipe holds, so the writer is still writing when the reader leaves.
        let body = String(repeating: distinctText(7, "harbour") + "\n", count: 60)
        for index in 0..<60 {
            try ("Title: Report \(index)\nDate: 2022-02-01\n\n" + distinctText(index, "pipe") + "\n" + body)
                .write(toFile: source + "/\(index).txt", atomically: true, encoding: .utf8)
        }
        try #require(try runGleaner(["ingest", "--config", harness.configPath, source]).status == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonHarness.binary)
        process.arguments = ["export", "articles", "--format", "csv", "--config", harness.configPath]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        var firstLine: [UInt8] = []
        var byte: UInt8 = 0
        while read(output.fileHandleForReading.fileDescriptor, &byte, 1) == 1, byte != 10 { firstLine.append(byte) }
        try output.fileHandleForReading.close()
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(String(decoding: firstLine, as: UTF8.self).hasPrefix("id,file,"))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(errorText.isEmpty)
    }

    /// RFC 4180 records: quoted fields, doubled quotes, CRLF between records.
    func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"", scalars.first == "\"" {
                    field.unicodeScalars.append("\"")
                    scalars.removeFirst()
                } else if scalar == "\"" {
                    quoted = false
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
