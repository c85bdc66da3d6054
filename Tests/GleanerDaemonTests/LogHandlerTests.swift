import Logging
import Testing

@testable import GleanerDaemon

#if canImport(Glibc)
import Glibc
#endif

@Suite("Log backends")
struct LogHandlerTests {
    @Test(
        "Metadata keys become journald field names: upper case, [A-Z0-9_], GLEANER_ prefix",
        arguments: [
            ("file", "GLEANER_FILE"), ("sha256", "GLEANER_SHA256"), ("duplicate_of", "GLEANER_DUPLICATE_OF"),
            ("file-id", "GLEANER_FILE_ID"), ("GLEANER_OUTCOME", "GLEANER_OUTCOME"), ("naïve", "GLEANER_NA_VE"),
        ]
    )
    func fieldNames(key: String, field: String) {
        #expect(JournalLogHandler.fieldName(key) == field)
    }

    @Test("JOURNAL_STREAM counts only when it names the device and inode of this process's stderr")
    func journalStreamDetection() {
        var info = stat()
        #expect(fstat(STDERR_FILENO, &info) == 0)
        let matching = "\(info.st_dev):\(info.st_ino)"
        #expect(JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": matching]))
        #expect(
            !JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino + 1)"])
        )
        #expect(!JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "garbage"]))
        #expect(!JournalLogHandler.stderrIsJournal(environment: [:]))
    }

    @Test(
        "Syslog priorities follow swift-log levels",
        arguments: [(Logger.Level.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2)]
    )
    func priorities(level: Logger.Level, priority: Int) {
        #expect(JournalLogHandler.syslogPriority(level) == priority)
    }

    @Test("Stderr values with spaces, quotes or newlines are quoted on one line")
    func stderrQuoting() {
        #expect(StderrLogHandler.quoted("plain") == "plain")
        #expect(StderrLogHandler.quoted("two words") == "\"two words\"")
        #expect(StderrLogHandler.quoted("a\"b\nc") == "\"a\\\"b\\nc\"")
        #expect(StderrLogHandler.quoted("bell\u{7}") == "bell\\u{7}")
    }

    @Test("Stderr messages stay on one line: control characters, say in a file name, are escaped")
    func stderrMessageEscaping() {
        #expect(StderrLogHandler.escapingControls("quarantined x\n<2>forged.txt") == "quarantined x\\n<2>forged.txt")
        #expect(StderrLogHandler.escapingControls("a\r\u{1B}[2Jb\tc") == "a\\r\\u{1B}[2Jb\tc")
        #expect(StderrLogHandler.escapingControls("café “plain”") == "café “plain”")
    }
}
