import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension DaemonHarness {
    /// Opens the database read-only, as `gleaner status` does, while the daemon may be writing it.
    func readOnlyDatabase() throws -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabasePool(path: database, configuration: configuration)
    }

    /// Every file record, oldest first; empty when there is no database yet.
    func fileRecords() -> [FileRecord] {
        guard let pool = try? readOnlyDatabase() else { return [] }
        let rows =
            (try? pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, name, outcome, reason, detail, sha256 FROM files ORDER BY id")
            }) ?? []
        return rows.map { row in
            FileRecord(
                id: row["id"],
                name: row["name"],
                outcome: row["outcome"],
                reason: row["reason"],
                detail: row["detail"],
                sha256: row["sha256"]
            )
        }
    }

    /// Every rejected JSON Lines line with the name of its file, in file and line order.
    func rejectedLineRecords() throws -> [(file: String, line: Int, reason: String, detail: String)] {
        try readOnlyDatabase().read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.name, r.line, r.reason, r.detail FROM rejected_lines r JOIN files f ON f.id = r.file_id
                    ORDER BY r.file_id, r.line
                    """
            ).map { (file: $0["name"], line: $0["line"], reason: $0["reason"], detail: $0["detail"]) }
        }
    }

    /// The stored text of every article from the file recorded under `name`.
    func articleTexts(file name: String) throws -> [String] {
        try readOnlyDatabase().read { db in
            try String.fetchAll(
                db,
                sql: "SELECT a.text FROM articles a JOIN files f ON f.id = a.file_id WHERE f.name = ? ORDER BY a.id",
                arguments: [name]
            )
        }
    }

    /// Whether `marker` occurs anywhere in the database's files (main file, write-ahead log and shared memory),
    /// whatever table or page it would be in.
    func databaseFilesContain(_ marker: String) -> Bool {
        let needle = Data(marker.utf8)
        return [database, database + "-wal", database + "-shm"].contains { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path)))?.range(of: needle) != nil
        }
    }

    /// A line of the daemon's `/proc/<pid>/status` in kilobytes (`VmHWM`: peak resident set size).
    func statusKilobytes(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
        return Int(line.dropFirst(key.count + 1).split(whereSeparator: \.isWhitespace).first ?? "")
    }

    /// CPU time (user + system) the daemon has used so far, in seconds, from `/proc/<pid>/stat`.
    /// Stops the daemon with SIGSTOP and waits until every one of its threads is stopped: kill(2) returns before
    /// the signal has taken effect, and a thread still running may act in between (re-create its inbox).
    func suspend(timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) {
        signal(SIGSTOP)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            let states = threads.compactMap { thread -> Character? in
                guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/stat", encoding: .utf8),
                    let close = text.lastIndex(of: ")")
                else { return nil }
                return text[text.index(after: close)...].split(separator: " ").first?.first
            }
            if !states.isEmpty, states.allSatisfy({ $0 == "T" || $0 == "t" }) { return }
            usleep(1_000)
        }
        Issue.record("the daemon did not stop within \(timeout) s", sourceLocation: sourceLocation)
    }

    func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Writes `bytes` to `name` in `directory`, where the name is raw bytes (it may be invalid UTF-8).
    func writeRawName(_ name: [UInt8], in directory: String, _ bytes: [UInt8]) throws {
        let path = Array(directory.utf8) + [0x2F] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
            }
        }
        guard descriptor >= 0 else { throw HarnessError("open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw HarnessError("short write")
        }
    }

    /// Prepares a file outside the inbox with `prepare(path)`, then renames it in as `name`, so the daemon never
    /// sees it half made.
    func stageAndRename(_ name: String, _ prepare: (String) throws -> Void) throws {
        let staging = root + "/staging-" + name
        guard FileManager.default.createFile(atPath: staging, contents: nil) else {
            throw HarnessError("cannot create \(staging)")
        }
        try prepare(staging)
        guard rename(staging, inbox + "/" + name) == 0 else {
            throw HarnessError("rename \(staging): \(String(cString: strerror(errno)))")
        }
    }
}
