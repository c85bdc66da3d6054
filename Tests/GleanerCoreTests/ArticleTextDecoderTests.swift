import Testing

@testable import GleanerCore

@Suite("Decoding article bytes")
struct ArticleTextDecoderTests {
    @Test("UTF-8 is read as is, and a byte-order mark is dropped")
    func utf8() throws {
        #expect(try ArticleTextDecoder.decode(Array("Café “quoted”".utf8)) == "Café “quoted”")
        #expect(try ArticleTextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Hello".utf8)) == "Hello")
    }

    @Test("Windows-1252 smart quotes, dashes and Latin-1 letters are decoded, not rejected")
    func windows1252() throws {
        // “Café” – 5€ in Windows-1252
        let bytes: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]
        #expect(try ArticleTextDecoder.decode(bytes) == "“Café” – 5€")
    }

    @Test("UTF-32 is rejected as undecodable and named, not taken for UTF-16 with NUL characters")
    func utf32() {
        let little: [UInt8] = [0xFF, 0xFE, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00]
        let big: [UInt8] = [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x48]
        for bytes in [little, big] {
            let rejection = #expect(throws: Rejection.self) { try ArticleTextDecoder.decode(bytes) }
            #expect(rejection?.reason == .undecodable)
            #expect(rejection?.detail.contains("UTF-32") == true, "\(rejection?.detail ?? "")")
        }
    }

    @Test("A multi-byte character cut off at the end of a truncated file is dropped")
    func truncatedUTF8() throws {
        let bytes = Array("naïve é".utf8).dropLast()
        #expect(try ArticleTextDecoder.decode(Array(bytes)) == "naïve ")
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16() throws {
        let little: [UInt8] = [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00]
        let big: [UInt8] = [0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69]
        #expect(try ArticleTextDecoder.decode(little) == "Hi")
        #expect(try ArticleTextDecoder.decode(big) == "Hi")
    }

    @Test(
        "Bytes that are not text are rejected with a specific reason",
        arguments: [
            ([], RejectionReason.empty),
            ([0x41, 0x00, 0x42], .binary),
            ([0x48, 0x00, 0x69, 0x00], .binary),  // UTF-16 without a byte-order mark
            ([0x41, 0x81, 0x42], .undecodable),  // 0x81 is undefined in Windows-1252 and invalid UTF-8
            (Array(repeating: 0x01, count: 20) + Array("text".utf8), .binary),
        ] as [([UInt8], RejectionReason)]
    )
    func rejected(bytes: [UInt8], reason: RejectionReason) {
        #expect(throws: Rejection.self) { try ArticleTextDecoder.decode(bytes) }
        do {
            _ = try ArticleTextDecoder.decode(bytes)
        } catch {
            #expect(error.reason == reason)
            #expect(!error.detail.isEmpty)
        }
    }

    @Test("A few stray control bytes in long text are removed, not fatal")
    func strayControlBytes() throws {
        let text = String(repeating: "word ", count: 100) + "\u{2}end"
        let decoded = try ArticleTextDecoder.decode(Array(text.utf8))
        #expect(decoded.hasSuffix(" end"))
        #expect(!decoded.unicodeScalars.contains("\u{2}"))
    }

    @Test("UTF-16 follows the same control rule: a stray control character is removed, many mean binary")
    func utf16ControlCharacters() throws {
        let units = Array((String(repeating: "word ", count: 100) + "\u{16}end").utf16)
        let stray: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try ArticleTextDecoder.decode(stray)
        #expect(decoded.hasSuffix(" end"))
        #expect(!decoded.unicodeScalars.contains("\u{16}"))
        let many: [UInt8] =
            [0xFE, 0xFF] + Array("a\u{16}b\u{16}c".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(throws: Rejection(.binary, "2 control characters in 5 UTF-16 characters")) {
            try ArticleTextDecoder.decode(many)
        }
    }

    @Test("A UTF-8 byte-order mark alone, or one cut-off character, is an empty file, as a UTF-16 mark alone is")
    func byteOrderMarkOnly() {
        #expect(throws: Rejection(.empty, "the file has only a byte-order mark")) {
            try ArticleTextDecoder.decode([0xEF, 0xBB, 0xBF])
        }
        #expect(throws: Rejection(.empty, "the file holds only an incomplete UTF-8 character")) {
            try ArticleTextDecoder.decode([0xEF, 0xB5])
        }
    }
}
