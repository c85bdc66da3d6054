import Foundation
import GRDB
import PropertyBased
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One step of a model run against the real daemon.
enum SpoolOperation: Sendable, Hashable, CustomStringConvertible {
    /// A new article, written in place (create, write, close), as `cp` does.
    case copy
    /// A new article, written under a temporary name in the inbox and renamed, as `mv` of a finished file does.
    case rename
    /// The content of an earlier article, under a new name: an exact duplicate of it.
    case duplicate(pick: Int)
    /// A file that must be quarantined.
    case bad(BadKind)
    /// A new article deleted right after it was dropped.
    case dropAndDelete
    /// `kill -9`, then a new daemon on the same spool.
    case killAndRestart
    /// A restart with the inotify reader paused, enough churn to overflow its queue, then `count` articles.
    case overflowBurst(count: Int)
    /// `count` new articles, as fast as they can be written.
    case burst(count: Int)
    /// SIGHUP: the daemon re-reads its configuration.
    case hangUp
    /// A restart with `crash-at=POINT:N` armed: the daemon kills itself there, and is restarted by the next
    /// operation, as systemd would.
    case crashAt(point: String, count: Int)
    /// Nothing for a while, so the daemon catches up (or not).
    case pause(milliseconds: Int)

    enum BadKind: String, Sendable, Hashable, CaseIterable {
        case binary, empty, undecodable

        var bytes: [UInt8] {
            switch self {
            case .binary: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
            case .empty: []
            case .undecodable: Array("Not UTF-8 and undefined in Windows-1252: ".utf8) + [0x81, 0x8D]
            }
        }
    }

    var description: String {
        switch self {
        case .copy: "copy"
        case .rename: "rename"
        case .duplicate(let pick): "duplicate(\(pick))"
        case .bad(let kind): "bad(\(kind.rawValue))"
        case .dropAndDelete: "dropAndDelete"
        case .killAndRestart: "killAndRestart"
        case .overflowBurst(let count): "overflowBurst(\(count))"
        case .burst(let count): "burst(\(count))"
        case .hangUp: "hangUp"
        case .crashAt(let point, let count): "crashAt(\(point):\(count))"
        case .pause(let milliseconds): "pause(\(milliseconds))"
        }
    }

    /// An operation from a number in 0..<100_000: the last two digits choose the kind (by weight), the rest its
    /// parameter.
    init(code: Int) {
        let (parameter, kind) = code.quotientAndRemainder(dividingBy: 100)
        switch kind {
        case 0..<20: self = .copy
        case 20..<40: self = .rename
        case 40..<52: self = .duplicate(pick: parameter)
        case 52..<62: self = .bad(BadKind.allCases[parameter % 3])
        case 62..<70: self = .dropAndDelete
        case 70..<76: self = .killAndRestart
        case 76..<78: self = .overflowBurst(count: 5 + parameter % 20)
        case 78..<86: self = .burst(count: 5 + parameter % 15)
        case 86..<90: self = .hangUp
        case 90..<95: self = .crashAt(point: Self.crashPoints[parameter % 5], count: 1 + parameter / 5 % 4)
        default: self = .pause(milliseconds: parameter % 200)
        }
    }

    /// The daemon's crash points (`GLEANER_TEST_FAULTS=crash-at=POINT`).
    static let crashPoints = ["after-read", "after-parse", "in-transaction", "after-commit", "during-move"]

    /// Sequences of `count` operations.
    static func sequences(of count: Int) -> Generator<[SpoolOperation], some SendableSequenceType> {
        Gen.int(in: 0...99_999).array(of: count).map { codes in codes.map(SpoolOperation.init(code:)) }
    }
}

/// What was dropped into the inbox, and what the daemon must have made of it.
struct SpoolModel {
    enum Expectation: Equatable {
        /// Ingested, alone or as an exact duplicate of the first file recorded with the same content (`group`).
        case article(group: Int)
        /// Quarantined with this reason code.
        case quarantined(reason: String)
        /// Deleted right after the drop: either ingested as a whole (`group`) or never seen.
        case deleted(group: Int)
    }

    struct Drop {
        var name: String
        var expectation: Expectation
    }

    var drops: [Drop] = []
    /// Content groups, by number: the bytes every article of the group holds.
    var contents: [[UInt8]] = []
    /// Groups that have a surviving file, to draw duplicates from.
    var survivingGroups: [Int] = []

    mutating func newGroup(_ label: String) -> Int {
        contents.append(Array(distinctText(10_000 + contents.count, label).utf8))
        return contents.count - 1
    }

    mutating func nextName(_ stem: String) -> String { "m\(drops.count)-\(stem).txt" }
}

/// Runs operations against a daemon and checks the outcome against the model.
struct SpoolModelRun {
    let daemon: DaemonHarness
    var model = SpoolModel()
    /// `/proc/sys/fs/inotify/max_queued_events`.
    let queueLimit: Int = {
        let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
        return Int(text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16_384
    }()

    init() throws {
        daemon = try DaemonHarness(configuration: ["RescanInterval=1h"])
        try daemon.start()
        daemon.waitForReady()
    }

    /// Daemons started, and how many of them killed themselves at an armed crash point.
    var starts = 1
    var selfCrashes = 0

    /// Restarts the daemon if it has died (at an armed crash point), as systemd's `Restart=` would.
    mutating func restartIfDead() throws {
        guard daemon.process?.isRunning == false else { return }
        selfCrashes += 1
        try restart()
    }

    mutating func restart(environment: [String: String] = [:]) throws {
        if daemon.process?.isRunning == true {
            daemon.signal(SIGKILL)
            daemon.waitForExit()
        }
        try daemon.start(environment: environment)
        starts += 1
        // READY, or death at an armed crash point before it: the start-up scan ingests what the inbox holds first.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let ready = daemon.notify.all.dropFirst(daemon.notifyMark).contains {
                $0.split(separator: "\n").contains("READY=1")
            }
            if ready || daemon.process?.isRunning == false { return }
            usleep(20_000)
        }
        Issue.record("no READY=1 within 30 s; daemon log tail:\n\(daemon.log.suffix(15).joined(separator: "\n"))")
    }

    mutating func apply(_ operation: SpoolOperation) throws {
        try restartIfDead()
        switch operation {
        case .copy, .rename:
            let group = model.newGroup("written by \(operation)")
            let name = model.nextName(operation.description)
            try daemon.drop(name, model.contents[group], via: operation == .copy ? .copy : .rename)
            model.drops.append(.init(name: name, expectation: .article(group: group)))
            model.survivingGroups.append(group)
        case .duplicate(let pick):
            guard !model.survivingGroups.isEmpty else { return try apply(.copy) }
            let group = model.survivingGroups[pick % model.survivingGroups.count]
            let name = model.nextName("duplicate")
            try daemon.drop(name, model.contents[group], via: pick % 2 == 0 ? .copy : .rename)
            model.drops.append(.init(name: name, expectation: .article(group: group)))
        case .bad(let kind):
            let name = model.nextName(kind.rawValue)
            try daemon.drop(name, kind.bytes)
            model.drops.append(.init(name: name, expectation: .quarantined(reason: kind.rawValue)))
        case .dropAndDelete:
            let group = model.newGroup("deleted at once")
            let name = model.nextName("deleted")
            try daemon.drop(name, model.contents[group])
            unlink(daemon.inbox + "/" + name)
            model.drops.append(.init(name: name, expectation: .deleted(group: group)))
        case .killAndRestart:
            try restart()
        case .crashAt(let point, let count):
            try restart(environment: ["GLEANER_TEST_FAULTS": "crash-at=\(point):\(count)"])
        case .overflowBurst(let count):
            // The reader stays paused long enough for the churn below to fill the queue on a busy machine
            // (1.5 s was too short while two builds ran; SpoolTests' overflow test missed with 3 s beside other suites).
            try restart(environment: ["GLEANER_TEST_FAULTS": "pause-reader=6"])
            for index in 0..<(queueLimit / 3 + 100) {
                let path = daemon.inbox + "/churn-\(index).tmp"
                close(open(path, O_CREAT | O_WRONLY, 0o644))
                unlink(path)
            }
            for _ in 0..<count { try apply(.copy) }
        case .burst(let count):
            for index in 0..<count { try apply(index % 2 == 0 ? .copy : .rename) }
        case .hangUp:
            daemon.signal(SIGHUP)
        case .pause(let milliseconds):
            usleep(UInt32(milliseconds) * 1_000)
        }
    }

    /// Waits until the inbox is empty and every file that was not deleted has a record, restarting the daemon
    /// (without faults) whenever it kills itself at an armed crash point.
    mutating func waitForQuiet(timeout: Double) throws -> Bool {
        let expected = Set(model.drops.filter { if case .deleted = $0.expectation { false } else { true } }.map(\.name))
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if daemon.process?.isRunning == false {
                selfCrashes += 1
                try restart()
            }
            if daemon.contents(of: daemon.inbox).isEmpty
                && expected.isSubset(of: Set(daemon.fileRecords().map(\.name)))
            {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    /// An article row: its id, its file's record id, and the canonical it copies.
    struct ArticleRow: Equatable {
        var id: Int64
        var fileID: Int64
        var duplicateOf: Int64?
        var kind: String?
    }

    func articleRows() throws -> [ArticleRow] {
        try daemon.readOnlyDatabase().read { db in
            try Row.fetchAll(db, sql: "SELECT id, file_id, duplicate_of, kind FROM articles ORDER BY id").map {
                ArticleRow(id: $0["id"], fileID: $0["file_id"], duplicateOf: $0["duplicate_of"], kind: $0["kind"])
            }
        }
    }

    /// Every way the daemon's database and directories disagree with the model, as sentences.
    func discrepancies() throws -> [String] {
        var problems: [String] = []
        let records = daemon.fileRecords()
        let articles = try articleRows()
        let processed = Set(daemon.contents(of: daemon.processed))
        let failed = Set(daemon.contents(of: daemon.failed))
        let inbox = daemon.contents(of: daemon.inbox)
        if !inbox.isEmpty { problems.append("left in the inbox: \(inbox)") }
        let recordsByName = Dictionary(grouping: records, by: \.name)
        let articlesByFile = Dictionary(grouping: articles, by: \.fileID)
        let known = Set(model.drops.map(\.name))
        for record in records where !known.contains(record.name) {
            problems.append("a record for \(record.name), which was never dropped")
        }
        for extra in processed.union(failed).subtracting(known) { problems.append("\(extra) was never dropped") }
        if let mismatch = try daemon.store().integrityCheck().first(where: { $0 != "ok" }) {
            problems.append("integrity check: \(mismatch)")
        }

        // Each content group's records: the first holds the canonical article, the others exact copies of it.
        var groups: [Int: [(name: String, record: FileRecord, article: ArticleRow)]] = [:]
        for drop in model.drops {
            let mine = recordsByName[drop.name] ?? []
            if mine.count > 1 { problems.append("\(drop.name): \(mine.count) records") }
            guard let record = mine.first else {
                switch drop.expectation {
                case .deleted:
                    if processed.contains(drop.name) || failed.contains(drop.name) {
                        problems.append("\(drop.name): deleted, kept without a record")
                    }
                default: problems.append("\(drop.name): no record")
                }
                continue
            }
            let rows = articlesByFile[record.id] ?? []
            switch drop.expectation {
            case .quarantined(let reason):
                if record.outcome != "failed" || record.reason != reason {
                    problems.append("\(drop.name): \(record.outcome) \(record.reason ?? ""), expected failed \(reason)")
                }
                if !rows.isEmpty { problems.append("\(drop.name): quarantined with \(rows.count) articles") }
                if !failed.contains(drop.name) || processed.contains(drop.name) {
                    problems.append("\(drop.name): quarantined but not (only) in failed")
                }
            case .article(let group), .deleted(let group):
                guard rows.count == 1, let row = rows.first else {
                    problems.append(
                        "\(drop.name): \(record.outcome) \(record.reason ?? "") with \(rows.count) articles"
                    )
                    continue
                }
                if failed.contains(drop.name) { problems.append("\(drop.name): an article kept in failed") }
                if case .article = drop.expectation, !processed.contains(drop.name) {
                    problems.append("\(drop.name): \(record.outcome) but not in processed")
                }
                groups[group, default: []].append((drop.name, record, row))
            }
        }
        for members in groups.values {
            let sorted = members.sorted { $0.record.id < $1.record.id }
            let first = sorted[0]
            if first.record.outcome != "ingested" || first.article.duplicateOf != nil {
                problems.append("\(first.name): \(first.record.outcome), expected the canonical of its content")
            }
            for copy in sorted.dropFirst()
            where copy.record.outcome != "duplicate" || copy.article.duplicateOf != first.article.id
                || copy.article.kind != "exact"
            {
                problems.append(
                    "\(copy.name): \(copy.record.outcome) of \(copy.article.duplicateOf.map(String.init) ?? "nothing") "
                        + "(\(copy.article.kind ?? "-")), expected an exact duplicate of article \(first.article.id)"
                )
            }
        }
        let articleRecords = records.filter { $0.outcome != "failed" }.count
        if articles.count != articleRecords {
            problems.append("\(articles.count) articles for \(articleRecords) ingested or duplicate records")
        }
        return problems
    }
}
