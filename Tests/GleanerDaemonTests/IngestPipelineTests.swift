import Foundation
import GRDB
import GleanerStore
import Logging
import Testing

@testable import GleanerDaemon

@Suite("The ingest pipeline reads the next batch's first files while a batch is stored")
struct IngestPipelineTests {
    let root: String
    let inbox: String

    init() throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-pipeline-\(UUID().uuidString)")
            .path
        inbox = root + "/inbox"
        for directory in [inbox, root + "/processed", root + "/failed"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    func pipeline() throws -> IngestPipeline {
        IngestPipeline(
            store: try ArticleStore(path: root + "/gleaner.sqlite"),
            maximumFileSize: 1 << 20,
            disposal: .move(processed: root + "/processed", failed: root + "/failed"),
            logger: Logger(label: "test")
        )
    }

    /// Drops `count` distinct articles and returns their names in drop order.
    func drop(_ count: Int) throws -> [String] {
        try (0..<count).map { number in
            let name = String(format: "article-%03d.json", number)
            let text = "Report \(number): the harbour of town \(number) reopened after repairs to pier \(number * 7)."
            try Data(#"{"title": "Harbour \#(number) reopens", "maintext": "\#(text)"}"#.utf8)
                .write(to: URL(fileURLWithPath: inbox + "/" + name))
            return name
        }
    }

    func storedArticles(_ pipeline: IngestPipeline) throws -> Int {
        try DatabaseQueue(path: root + "/gleaner.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
        }
    }

    @Test("A batch out of time reads its first untaken files ahead; the next batch stores them; each file once")
    func readAhead() throws {
        let pipeline = try pipeline()
        var names = try drop(100)
        var committed: [String] = []
        var batches = 0
        while !names.isEmpty {
            let ahead = pipeline.readAhead.heldNames
            let report = try pipeline.process(names, in: inbox, timeBudget: 0.000_001)
            batches += 1
            if let ahead {
                // The batch stored exactly the chunk read ahead for it: its budget was spent before it took more.
                #expect(report.committed.map(\.name) == ahead)
            }
            committed += report.committed.map(\.name)
            #expect(report.committed.allSatisfy { $0.destination != nil })
            #expect(pipeline.readAhead.heldNames == (report.untaken.isEmpty ? nil : Array(report.untaken.prefix(32))))
            names = report.untaken
        }
        #expect(batches == 4)
        #expect(committed == (0..<100).map { String(format: "article-%03d.json", $0) })
        #expect(try storedArticles(pipeline) == 100)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
    }

    @Test("A chunk read ahead is dropped when the next batch starts otherwise; its files are read again")
    func readAheadDropped() throws {
        let pipeline = try pipeline()
        let names = try drop(70)
        let first = try pipeline.process(names, in: inbox, timeBudget: 0.000_001)
        #expect(first.committed.count == 32)
        #expect(pipeline.readAhead.heldNames?.count == 32)
        let second = try pipeline.process(first.untaken.reversed(), in: inbox)
        #expect(pipeline.readAhead.heldNames == nil)
        #expect(Set(second.committed.map(\.name)) == Set(first.untaken))
        #expect(try storedArticles(pipeline) == 70)
    }

    @Test("A file rewritten after it was read ahead is stored as it was read and stays in the inbox to be taken again")
    func changedAfterReadAhead() throws {
        let pipeline = try pipeline()
        let names = try drop(40)
        let first = try pipeline.process(names, in: inbox, timeBudget: 0.000_001)
        let ahead = try #require(pipeline.readAhead.heldNames)
        let rewritten = inbox + "/" + ahead[0]
        let handle = try #require(FileHandle(forWritingAtPath: rewritten))
        handle.seekToEndOfFile()
        handle.write(Data(" ".utf8))
        try handle.close()
        let second = try pipeline.process(first.untaken, in: inbox)
        #expect(second.changing == [ahead[0]])
        #expect(FileManager.default.fileExists(atPath: rewritten))
        #expect(second.committed.count == 8)
    }
}
