/// Turns the bytes of an article file into text, the way real feeds need it.
///
/// - UTF-8 (with or without a byte-order mark) is read as is; a multi-byte character cut off at the very end of
///   the file (a truncated download) is dropped rather than failing the whole file.
/// - UTF-16 with a byte-order mark is decoded; UTF-32 (with its byte-order mark) is rejected as undecodable.
/// - Anything else that is not valid UTF-8 is read as Windows-1252 (a superset of Latin-1 for printable text),
///   unless it holds bytes that Windows-1252 leaves undefined, in which case it is rejected as undecodable.
/// - NUL bytes or a high share of control bytes mean binary content, rejected.
public enum ArticleTextDecoder {
    /// Share of C0 control bytes (other than tab, newline, carriage return, form feed, vertical tab) above which
    /// a file counts as binary. A few stray control bytes in scraped text are tolerated and removed.
    static let maximumControlByteShare = 0.01

    /// Decodes `bytes`, or throws a ``Rejection`` saying why they are not text.
    public static func decode(_ bytes: [UInt8]) throws(Rejection) -> String {
        guard !bytes.isEmpty else { throw Rejection(.empty, "the file has no bytes") }
        // Checked before UTF-16, whose little-endian mark is the first half of UTF-32's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw Rejection(.undecodable, "UTF-32 text (by its byte-order mark); convert the file to UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard !body.isEmpty else { throw Rejection(.empty, "the file has only a byte-order mark") }
        if let nul = body.firstIndex(of: 0) {
            throw Rejection(.binary, "NUL byte at offset \(nul)")
        }
        var controls = 0
        for byte in body where isControl(UInt32(byte)) {
            controls += 1
        }
        if controls > 0, Double(controls) > maximumControlByteShare * Double(body.count) {
            throw Rejection(.binary, "\(controls) control bytes in \(body.count) bytes")
        }
        let text: String
        if let utf8 = validUTF8(body) {
            text = utf8
        } else if let undefined = body.firstIndex(where: { windows1252Undefined.contains($0) }) {
            throw Rejection(
                .undecodable,
                "not UTF-8, and byte 0x\(String(body[undefined], radix: 16, uppercase: true)) at offset "
                    + "\(undefined) is undefined in Windows-1252; convert the file to UTF-8"
            )
        } else {
            text = String(decoding: body.map { windows1252Scalar($0) }, as: UTF32.self)
        }
        // A file of one cut-off multi-byte character has no whole character left.
        guard !text.isEmpty else { throw Rejection(.empty, "the file holds only an incomplete UTF-8 character") }
        return controls > 0 ? removingControlCharacters(text) : text
    }

    /// The text when `bytes` are valid UTF-8, allowing one incomplete character at the very end.
    static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // A download cut in the middle of a multi-byte character: drop up to 3 trailing bytes of that character.
        var end = bytes.endIndex
        var dropped = 0
        while end > bytes.startIndex, dropped < 3, bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            dropped += 1
        }
        guard end > bytes.startIndex, bytes[end - 1] >= 0xC0 else { return nil }
        return String(validating: bytes[bytes.startIndex..<(end - 1)], as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: [UInt8]) throws(Rejection) -> String {
        let littleEndian = bytes[0] == 0xFF
        let payload = bytes.dropFirst(2)
        guard payload.count % 2 == 0 else {
            throw Rejection(.undecodable, "UTF-16 file with an odd number of bytes (\(bytes.count))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(payload.count / 2)
        var index = payload.startIndex
        while index < payload.endIndex {
            let a = UInt16(payload[index])
            let b = UInt16(payload[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: throw Rejection(.undecodable, "invalid UTF-16 sequence")
            }
        }
        if text.unicodeScalars.contains("\u{0}") { throw Rejection(.binary, "NUL character in UTF-16 text") }
        guard !text.isEmpty else { throw Rejection(.empty, "the file has only a byte-order mark") }
        // The same rule as for bytes: a few stray control characters are removed, many mean binary content.
        let controls = text.unicodeScalars.count { isControl($0.value) }
        let count = text.unicodeScalars.count
        if controls > 0, Double(controls) > maximumControlByteShare * Double(count) {
            throw Rejection(.binary, "\(controls) control characters in \(count) UTF-16 characters")
        }
        return controls > 0 ? removingControlCharacters(text) : text
    }

    /// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 && !(0x09...0x0D).contains(value) || value == 0x7F
    }

    static func removingControlCharacters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isControl(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Bytes that Windows-1252 does not define.
    static let windows1252Undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Windows-1252 code points for 0x80...0x9F; the rest of the range matches Latin-1.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
    }
}
