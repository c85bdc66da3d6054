import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One kind of hostile or broken input: how to put it into a running daemon's inbox, and what the daemon must
/// record for it.
struct BadInput {
    /// Where the input must end up.
    enum Expectation: Equatable {
        /// Moved to `failed/` and recorded as failed with this reason code and a detail containing `detail`.
        case quarantined(reason: String, detail: String)
        /// Ingested, as the README documents for this input: moved to `processed/`, with an article whose text
        /// contains `text`; with `warning`, its log line has a `warning=` field containing it (as the stderr log
        /// writes it: quotes escaped).
        case ingested(text: String, warning: String? = nil)
    }

    /// What the input is, for test messages.
    var kind: String
    /// The name the daemon records (a name that is not UTF-8 is recorded repaired).
    var name: String
    var expectation: Expectation
    /// Creates the input in the daemon's inbox (and whatever it points to outside the inbox).
    var make: (DaemonHarness) throws -> Void

    /// An input that is a regular file with these bytes, dropped as a writer would (create, write, close).
    static func file(_ kind: String, _ name: String, _ bytes: [UInt8], _ expectation: Expectation) -> BadInput {
        BadInput(kind: kind, name: name, expectation: expectation) { daemon in try daemon.drop(name, bytes) }
    }

    /// An input that is a regular file holding `text` as UTF-8.
    static func file(_ kind: String, _ name: String, text: String, _ expectation: Expectation) -> BadInput {
        file(kind, name, Array(text.utf8), expectation)
    }

    /// `count` bytes from a fixed-seed generator: the same "random" file on every run.
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        }
    }

    /// Sets the modification time of `path` an hour back, as for a file written long ago.
    static func backdate(_ path: String) throws {
        var times = [
            timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0),
        ]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else {
            throw HarnessError("utimensat \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Checks that a system call returned 0, naming it in the error otherwise.
    static func check(_ result: Int32, _ call: String) throws {
        guard result == 0 else { throw HarnessError("\(call): \(String(cString: strerror(errno)))") }
    }
}
