import Foundation

/// The fields of one JSON article, read leniently. A field that is missing, `null`, `"None"`, `"null"` or empty
/// (or only white space) is absent; one of the wrong type or with a value that cannot be used is absent too, and
/// leaves a warning that names the field and the value.
struct JSONArticleFields {
    /// What a field holds.
    enum Value {
        case absent
        case text(String)
        /// Anything but a usable string: a number, `true`/`false`, an array or an object.
        case other(Any)
    }

    let object: [String: Any]
    /// One sentence per ignored field: `title: 42 is a number, not text; ignored`.
    var warnings: [String] = []

    init(_ object: [String: Any]) {
        self.object = object
    }

    /// Spellings of "no value" that crawlers write as strings (Python's `None` printed, JavaScript's `null`).
    static let missingSpellings: Set<String> = ["none", "null", "undefined"]

    func value(_ key: String) -> Value {
        switch object[key] {
        case nil, is NSNull: return .absent
        case let string as String:
            let trimmed = string.trimmingWhitespace()
            if trimmed.isEmpty || Self.missingSpellings.contains(trimmed.lowercased()) { return .absent }
            return .text(Self.removingControlCharacters(string))
        case let other?: return .other(other)
        }
    }

    /// The string in `key`; a value of another type is ignored with a warning.
    mutating func text(_ key: String) -> String? {
        switch value(key) {
        case .absent: return nil
        case .text(let text): return text
        case .other(let other):
            warn(key, other, "is \(Self.kind(other)), not text; ignored")
            return nil
        }
    }

    /// The first of `keys` holding a string.
    mutating func firstText(_ keys: [String]) -> String? {
        for key in keys {
            if let text = text(key) { return text }
        }
        return nil
    }

    /// A day from `key`: a date string in a shape ``PublicationDateParser`` reads, or seconds or milliseconds
    /// since 1970 as a number. `nil` when absent; a problem sentence (`date_publish: "soon" is not a date`) when
    /// present and unusable, for the caller to complete with what was used instead.
    func day(
        _ key: String,
        source: PublicationDate.Source,
        reference: PublicationDate,
        referenceName: String
    ) -> Result<PublicationDate, DateProblem>? {
        let parsed: PublicationDate?
        let raw: Any
        switch value(key) {
        case .absent: return nil
        case .text(let text):
            raw = text
            parsed = PublicationDateParser.parse(text, source: source)
        case .other(let other):
            raw = other
            if let number = other as? NSNumber, !Self.isBoolean(number) {
                parsed = PublicationDateParser.parse(secondsOrMilliseconds: number.doubleValue, source: source)
            } else {
                return .failure(DateProblem("\(key): \(Self.render(other)) is \(Self.kind(other)), not a date"))
            }
        }
        guard let parsed else { return .failure(DateProblem("\(key): \(Self.render(raw)) is not a date")) }
        if let problem = parsed.implausibility(reference: reference, referenceName: referenceName) {
            return .failure(DateProblem("\(key): \(Self.render(raw)) \(problem)"))
        }
        return .success(parsed)
    }

    /// Why a date field was not used, before saying what was used instead.
    struct DateProblem: Error {
        var sentence: String
        init(_ sentence: String) { self.sentence = sentence }
    }

    mutating func warn(_ key: String, _ value: Any, _ problem: String) {
        warnings.append("\(key): \(Self.render(value)) \(problem)")
    }

    /// The host of an absolute URL (`https://www.dawn.com/news/1` → `www.dawn.com`), lower-cased; `nil` for
    /// anything else.
    static func host(ofURL text: String) -> String? {
        guard let scheme = text.range(of: "://"), !text[..<scheme.lowerBound].isEmpty,
            text[..<scheme.lowerBound].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "+" || $0 == "-" || $0 == ".") }
            )
        else { return nil }
        var authority = text[scheme.upperBound...].prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if !authority.hasPrefix("["), let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        let host = authority.lowercased()
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { return nil }
        return host
    }

    /// A value as a warning shows it: strings quoted (control characters escaped, cut after 60 characters),
    /// numbers and booleans as written, arrays and objects as `[…]` and `{…}`.
    static func render(_ value: Any) -> String {
        switch value {
        case let string as String:
            var shown = ""
            for character in string.prefix(60) {
                switch character {
                case "\"": shown += "\\\""
                case "\\": shown += "\\\\"
                case "\n": shown += "\\n"
                case "\r\n": shown += "\\r\\n"
                case "\r": shown += "\\r"
                case "\t": shown += "\\t"
                default:
                    if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                        shown += "?"
                    } else {
                        shown.append(character)
                    }
                }
            }
            return "\"" + shown + (string.count > 60 ? "…" : "") + "\""
        case let number as NSNumber:
            if isBoolean(number) { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let array as [Any]: return array.isEmpty ? "[]" : "[…]"
        case let object as [String: Any]: return object.isEmpty ? "{}" : "{…}"
        default: return "\(type(of: value))"
        }
    }

    /// `a number`, `a boolean`, `an array` …, for messages.
    static func kind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        case let number as NSNumber: isBoolean(number) ? "a boolean" : "a number"
        case is String: "a string"
        case is NSNull: "null"
        default: "\(type(of: value))"
        }
    }

    /// Whether a number from `JSONSerialization` was JSON `true` or `false`: those are boxed as C `char` (`c`),
    /// which no JSON number is (integers come as `int` or `long long`, fractions as `double`).
    static func isBoolean(_ number: NSNumber) -> Bool {
        number.objCType.pointee == CChar(UInt8(ascii: "c"))
    }

    /// An escaped control character (`"\u0000"`) is valid JSON, but SQLite would cut the text at a NUL: they are
    /// dropped, as stray control bytes are dropped from text files.
    static func removingControlCharacters(_ value: String) -> String {
        let isControl = { (scalar: Unicode.Scalar) in
            scalar.value < 0x20 && !(0x09...0x0D).contains(scalar.value) || scalar.value == 0x7F
        }
        return value.unicodeScalars.contains(where: isControl)
            ? ArticleTextDecoder.removingControlCharacters(value) : value
    }
}
