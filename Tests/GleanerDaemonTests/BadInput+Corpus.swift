import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension BadInput {
    /// A string that must never reach the database: it is only in files outside the inbox that an inbox entry
    /// links to.
    static let secretMarker = "SECRET-0c5e-outside-the-inbox"

    /// The default `MaxFileSize` (10M), which the corpus daemon runs with.
    static let defaultMaximumFileSize = 10 * 1024 * 1024

    /// Every kind of hostile or broken input, with what the README says must happen to it.
    /// - Parameter runningAsRoot: root reads a file whatever its permissions, so "unreadable" cannot be
    ///   provoked as root; root (only) can create device nodes.
    static func corpus(runningAsRoot: Bool) -> [BadInput] {
        var inputs = binaryAndEncodings + sizesAndEmptiness + json + links + specialFiles + names
        if runningAsRoot {
            // A file nobody may read: root reads it anyway, so as root it is simply ingested.
            inputs.append(
                BadInput(
                    kind: "mode 000 (read as root)",
                    name: "mode-000.txt",
                    expectation: .ingested(text: "mode zero")
                ) { daemon in
                    try daemon.stageAndRename("mode-000.txt") { path in
                        try "An article with mode zero, read by root.".write(
                            toFile: path,
                            atomically: false,
                            encoding: .utf8
                        )
                        try check(chmod(path, 0), "chmod")
                    }
                }
            )
            inputs += devices
        } else {
            inputs.append(
                BadInput(
                    kind: "mode 000",
                    name: "mode-000.txt",
                    expectation: .quarantined(reason: "unreadable", detail: "permission denied")
                ) { daemon in
                    try daemon.stageAndRename("mode-000.txt") { path in
                        try "An article nobody may read.".write(toFile: path, atomically: false, encoding: .utf8)
                        try check(chmod(path, 0), "chmod")
                    }
                }
            )
        }
        return inputs
    }

    static var binaryAndEncodings: [BadInput] {
        [
            .file(
                "random bytes",
                "random.txt",
                randomBytes(4_096, seed: 7),
                .quarantined(reason: "binary", detail: "NUL")
            ),
            .file(
                "ELF header",
                "program.txt",
                [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8) + [
                    0x02, 0x00, 0x3E,
                ],
                .quarantined(reason: "binary", detail: "NUL byte at offset 7")
            ),
            .file(
                "PNG header",
                "image.txt",
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8),
                .quarantined(reason: "binary", detail: "NUL byte at offset 8")
            ),
            .file(
                "NUL byte inside text",
                "nul-inside.txt",
                Array("An article with a NUL".utf8) + [0] + Array(" byte inside it.".utf8),
                .quarantined(reason: "binary", detail: "NUL byte at offset 21")
            ),
            .file(
                "terminal escape sequences (control bytes)",
                "escapes.txt",
                text: String(repeating: "\u{1B}[5m", count: 20) + "A blinking article.",
                .quarantined(reason: "binary", detail: "control bytes")
            ),
            .file(
                "truncated UTF-8 sequence at the end (documented: the cut character is dropped)",
                "cut-short.txt",
                Array("An article about a café".utf8) + [0xE2, 0x82],
                .ingested(text: "about a café")
            ),
            .file(
                "invalid UTF-8 in the middle, undefined in Windows-1252",
                "undefined-byte.txt",
                Array("An article ".utf8) + [0x81] + Array(" with a byte no encoding defines.".utf8),
                .quarantined(reason: "undecodable", detail: "byte 0x81 at offset 11")
            ),
            .file(
                "invalid UTF-8 in the middle, valid Windows-1252 (documented: read as Windows-1252)",
                "latin.txt",
                Array("An article ".utf8) + [0xC3, 0x28] + Array(" read as Windows-1252.".utf8),
                .ingested(text: "\u{C3}( read as Windows-1252")
            ),
            .file(
                "UTF-16 without a byte-order mark",
                "utf16-no-bom.txt",
                utf16LittleEndian("An article in UTF-16 without a byte-order mark."),
                .quarantined(reason: "binary", detail: "NUL byte at offset 1")
            ),
            .file(
                "UTF-16 with a byte-order mark and an odd number of bytes",
                "utf16-odd.txt",
                [0xFF, 0xFE] + utf16LittleEndian("An article") + [0x41],
                .quarantined(reason: "undecodable", detail: "odd number of bytes")
            ),
            .file(
                "UTF-16 with a lone surrogate",
                "utf16-surrogate.txt",
                [0xFF, 0xFE] + utf16LittleEndian("An article ") + [0x00, 0xD8] + utf16LittleEndian("cut in two."),
                .quarantined(reason: "undecodable", detail: "invalid UTF-16")
            ),
            .file(
                "UTF-16 byte-order mark alone",
                "utf16-bom-only.txt",
                [0xFF, 0xFE],
                .quarantined(reason: "empty", detail: "only a byte-order mark")
            ),
            .file(
                "UTF-32 little-endian with a byte-order mark",
                "utf32-le.txt",
                [0xFF, 0xFE, 0x00, 0x00]
                    + "An article in UTF-32.".unicodeScalars.flatMap { scalar in
                        (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
                    },
                .quarantined(reason: "undecodable", detail: "UTF-32")
            ),
            .file(
                "UTF-32 big-endian with a byte-order mark",
                "utf32-be.txt",
                [0x00, 0x00, 0xFE, 0xFF]
                    + "An article in UTF-32.".unicodeScalars.flatMap { scalar in
                        (0..<4).reversed().map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
                    },
                .quarantined(reason: "undecodable", detail: "UTF-32")
            ),
            .file(
                "one character with 200,000 combining marks",
                "combining.txt",
                text: "An article, then a" + String(repeating: "\u{301}", count: 200_000),
                .ingested(text: "An article, then")
            ),
        ]
    }

    static var sizesAndEmptiness: [BadInput] {
        [
            BadInput(
                kind: "1 GiB sparse file",
                name: "sparse-1g.txt",
                expectation: .quarantined(
                    reason: "too-large",
                    detail: "1073741824 bytes, more than MaxFileSize (10485760"
                )
            ) { daemon in
                try daemon.stageAndRename("sparse-1g.txt") { path in try check(truncate(path, 1 << 30), "truncate") }
            },
            .file(
                "one line of exactly MaxFileSize bytes (documented: the limit itself is allowed)",
                "line-at-limit.txt",
                Array(String(repeating: "abcdefghij", count: defaultMaximumFileSize / 10).utf8),
                .ingested(text: "abcdefghijabcdefghij")
            ),
            .file(
                "one line of MaxFileSize + 1 bytes",
                "line-over-limit.txt",
                [UInt8](repeating: 0x61, count: defaultMaximumFileSize + 1),
                .quarantined(reason: "too-large", detail: "10485761 bytes")
            ),
            .file("empty file", "empty.txt", [], .quarantined(reason: "empty", detail: "no bytes")),
            .file(
                "only white space (text)",
                "blank.txt",
                text: "  \n\t\n \r\n   ",
                .quarantined(reason: "no-text", detail: "no words")
            ),
            .file(
                "only white space (JSON)",
                "blank.json",
                text: " \n\t ",
                .quarantined(reason: "empty", detail: "only white space")
            ),
            .file(
                "only punctuation",
                "punctuation.txt",
                text: "!?.,;: --- ... !!! *** ¡¿ «»",
                .quarantined(reason: "no-text", detail: "no words")
            ),
        ]
    }

    static var json: [BadInput] {
        [
            .file(
                "JSON nested 100,000 arrays deep",
                "nested.json",
                text: String(repeating: "[", count: 100_000),
                .quarantined(reason: "malformed-json", detail: "not valid JSON")
            ),
            .file(
                "JSON object with a field nested 100,000 arrays deep",
                "nested-field.json",
                text: #"{"maintext": "# + String(repeating: "[", count: 100_000)
                    + String(repeating: "]", count: 100_000)
                    + "}",
                .quarantined(reason: "malformed-json", detail: "not valid JSON")
            ),
            .file(
                #"JSON "text": 5 (no other body: no text)"#,
                "text-number.json",
                text: #"{"text": 5}"#,
                .quarantined(reason: "no-text", detail: #"("text" is a number)"#)
            ),
            .file(
                #"JSON "title": [] (documented: ignored with a warning)"#,
                "title-array.json",
                text: #"{"title": [], "maintext": "An article whose title is a list."}"#,
                .ingested(text: "whose title is a list", warning: "title: [] is an array, not text; ignored")
            ),
            .file(
                "JSON top-level array",
                "top-array.json",
                text: #"[{"maintext": "An article in an array."}]"#,
                .quarantined(reason: "malformed-json", detail: "found an array")
            ),
            .file(
                "JSON top-level number",
                "top-number.json",
                text: "42",
                .quarantined(reason: "malformed-json", detail: "expected one JSON object, found a number")
            ),
            .file(
                "JSON top-level string",
                "top-string.json",
                text: #""An article as a bare string.""#,
                .quarantined(reason: "malformed-json", detail: "expected one JSON object, found a string")
            ),
            .file(
                "JSON top-level null",
                "top-null.json",
                text: "null",
                .quarantined(reason: "malformed-json", detail: "expected one JSON object, found null")
            ),
            .file(
                "truncated JSON",
                "truncated.json",
                text: #"{"title": "Cut", "maintext": "An article cut off in the mid"#,
                .quarantined(reason: "malformed-json", detail: "not valid JSON")
            ),
            .file(
                "JSON with a lone surrogate escape",
                "surrogate.json",
                text: #"{"maintext": "An article with a lone \ud800 surrogate."}"#,
                .quarantined(reason: "malformed-json", detail: "not valid JSON")
            ),
            .file(
                "JSON with a date that is not a date (documented: ignored with a warning)",
                "bad-date.json",
                text: #"{"maintext": "An article from some day.", "date_publish": "the day after tomorrow"}"#,
                .ingested(
                    text: "from some day",
                    warning:
                        #"date_publish: \"the day after tomorrow\" is not a date; used the file's modification time"#
                )
            ),
            .file(
                "JSON with a title and no text",
                "title-only.json",
                text: #"{"title": "A headline alone"}"#,
                .quarantined(reason: "no-text", detail: "holds any words")
            ),
            .file(
                "JSON with a byte-order mark (documented: UTF-8 with a BOM is read as is)",
                "bom.json",
                [0xEF, 0xBB, 0xBF] + Array(#"{"maintext": "An article behind a byte-order mark."}"#.utf8),
                .ingested(text: "behind a byte-order mark")
            ),
            .file(
                "JSON with a 2 MB title (documented: no limit below MaxFileSize)",
                "huge-title.json",
                text: #"{"title": ""# + String(repeating: "T", count: 2_000_000)
                    + #"", "maintext": "An article with a huge title."}"#,
                .ingested(text: "with a huge title")
            ),
            .file(
                #"JSON text with an escaped NUL ("\u0000")"#,
                "nul-escape.json",
                text: #"{"maintext": "An article with an escaped \u0000 NUL in the middle of its text."}"#,
                .ingested(text: "NUL in the middle of its text")
            ),
            .file(
                "JSON Lines: only bad lines",
                "all-bad.jsonl",
                text: "not json\n" + #"{"text": []}"# + "\n" + String(repeating: "[", count: 50_000) + "\n",
                .quarantined(reason: "malformed-json", detail: "no line holds an article")
            ),
            .file(
                "JSON Lines: only blank lines",
                "blank.jsonl",
                text: "\n  \n\t\n",
                .quarantined(reason: "empty", detail: "only white space")
            ),
            .file(
                "JSON Lines: bad lines mixed with good ones (the good ones are ingested)",
                "mixed.jsonl",
                text: """
                    {"maintext": "The first good line of a mixed feed."}
                    not json at all
                    {"maintext": 3}
                    {"maintext": "The fourth line of a mixed feed, good again."}
                    \(String(repeating: "[", count: 50_000))

                    """,
                .ingested(text: "fourth line of a mixed feed")
            ),
        ]
    }

    static var links: [BadInput] {
        [
            BadInput(
                kind: "symlink to a secret file outside the inbox",
                name: "secret-link.txt",
                expectation: .quarantined(reason: "symlink", detail: "never followed")
            ) { daemon in
                let secret = daemon.root + "/secret.txt"
                try "An article that is secret: \(secretMarker).".write(
                    toFile: secret,
                    atomically: true,
                    encoding: .utf8
                )
                try check(symlink(secret, daemon.inbox + "/secret-link.txt"), "symlink")
            },
            BadInput(
                kind: "symlink to itself",
                name: "self-link.txt",
                expectation: .quarantined(reason: "symlink", detail: "never followed")
            ) { daemon in
                try check(symlink("self-link.txt", daemon.inbox + "/self-link.txt"), "symlink")
            },
            BadInput(
                kind: "symlink loop of two links",
                name: "loop-a.txt",
                expectation: .quarantined(reason: "symlink", detail: "never followed")
            ) { daemon in
                try check(symlink("loop-b.txt", daemon.inbox + "/loop-a.txt"), "symlink")
            },
            BadInput(
                kind: "symlink loop of two links (second)",
                name: "loop-b.txt",
                expectation: .quarantined(reason: "symlink", detail: "never followed")
            ) { daemon in
                try check(symlink("loop-a.txt", daemon.inbox + "/loop-b.txt"), "symlink")
            },
            BadInput(
                kind: "dangling symlink",
                name: "dangling.txt",
                expectation: .quarantined(reason: "symlink", detail: "never followed")
            ) { daemon in
                try check(symlink(daemon.root + "/does-not-exist.txt", daemon.inbox + "/dangling.txt"), "symlink")
            },
            BadInput(
                kind: "hard link to a file outside the inbox",
                name: "hard-link.txt",
                expectation: .quarantined(reason: "hard-link", detail: "2 names")
            ) { daemon in
                let outside = daemon.root + "/linked-from-the-inbox.txt"
                try "An article someone linked in: \(secretMarker).".write(
                    toFile: outside,
                    atomically: true,
                    encoding: .utf8
                )
                // Written long ago: a link announces only its creation, so a scan takes it once it looks quiet.
                try backdate(outside)
                try check(link(outside, daemon.inbox + "/hard-link.txt"), "link")
            },
        ]
    }

    static var specialFiles: [BadInput] {
        [
            BadInput(
                kind: "FIFO",
                name: "fifo.txt",
                expectation: .quarantined(reason: "not-regular-file", detail: "FIFO")
            ) { daemon in
                try check(mkfifo(daemon.inbox + "/fifo.txt", 0o644), "mkfifo")
            },
            BadInput(
                kind: "UNIX socket",
                name: "socket.txt",
                expectation: .quarantined(reason: "not-regular-file", detail: "socket")
            ) { daemon in
                try bindSocket(at: daemon.inbox + "/socket.txt")
            },
            .file(
                "unsupported extension",
                "document.pdf",
                text: "%PDF-1.4 An article as a PDF.",
                .quarantined(reason: "unsupported-type", detail: ".txt, .json and .jsonl")
            ),
            .file(
                "no extension",
                "README",
                text: "An article without an extension.",
                .quarantined(reason: "unsupported-type", detail: ".txt, .json and .jsonl")
            ),
            .file(
                "name ending in a dot",
                "trailing-dot.",
                text: "An article whose name ends in a dot.",
                .quarantined(reason: "unsupported-type", detail: ".txt, .json and .jsonl")
            ),
        ]
    }

    /// Device nodes: only root may create them.
    static var devices: [BadInput] {
        [
            BadInput(
                kind: "character device",
                name: "char-device.txt",
                expectation: .quarantined(reason: "not-regular-file", detail: "character device")
            ) { daemon in
                // 1, 3: the same device as /dev/null.
                try check(mknod(daemon.inbox + "/char-device.txt", S_IFCHR | 0o644, dev_t(1 << 8 | 3)), "mknod")
            },
            BadInput(
                kind: "block device",
                name: "block-device.txt",
                expectation: .quarantined(reason: "not-regular-file", detail: "block device")
            ) { daemon in
                // 7, 200: a loop device number no test machine uses; the node is never opened anyway.
                try check(mknod(daemon.inbox + "/block-device.txt", S_IFBLK | 0o644, dev_t(7 << 8 | 200)), "mknod")
            },
        ]
    }

    static var names: [BadInput] {
        [
            .file(
                "name with a newline",
                "line\nbreak.txt",
                text: distinctText(1, "whose name has a newline"),
                .ingested(text: "whose name has a newline")
            ),
            .file(
                "name with a newline and a forged log priority, binary content",
                "forged\n<2>critical.txt",
                [0x41, 0x00, 0x42],
                .quarantined(reason: "binary", detail: "NUL byte at offset 1")
            ),
            BadInput(
                kind: "name that is not UTF-8",
                name: "caf%E9.txt",
                expectation: .ingested(text: "whose name is Latin-1")
            ) { daemon in
                try daemon.writeRawName(
                    Array("caf".utf8) + [0xE9] + Array(".txt".utf8),
                    in: daemon.inbox,
                    Array(distinctText(2, "whose name is Latin-1").utf8)
                )
            },
            .file(
                "name with a leading dash",
                "-rf --help.txt",
                text: distinctText(3, "whose name starts with a dash"),
                .ingested(text: "whose name starts with a dash")
            ),
            .file(
                "name of 255 bytes",
                String(repeating: "n", count: 251) + ".txt",
                text: distinctText(4, "with the longest name"),
                .ingested(text: "with the longest name")
            ),
            .file(
                "name with spaces, quotes and shell characters",
                #"it's a "quoted" name $(true) `x` ; |.txt"#,
                text: distinctText(5, "with quotes in its name"),
                .ingested(text: "with quotes in its name")
            ),
        ]
    }

    static func utf16LittleEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }

    /// Creates a UNIX socket file at `path` (bound, then closed: the file stays).
    static func bindSocket(at path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try NotifySocket.bind(descriptor, to: path)
    }
}
