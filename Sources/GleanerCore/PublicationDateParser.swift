/// Reads the date strings that feeds put in headers and JSON: ISO 8601 (`2022-01-24`, `2022-01-24T10:00:00Z`,
/// `2022-01-24 10:00:00`), RFC 2822 (`Mon, 24 Jan 2022 10:00:00 +0000`), `January 24, 2022`, `24 January 2022`,
/// `2022/01/24`. Only the calendar day is kept; a time of day or zone is ignored.
public enum PublicationDateParser {
    /// The day named by `text`, or `nil` when it is not a date this parser knows.
    public static func parse(_ text: String, source: PublicationDate.Source) -> PublicationDate? {
        let tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        // ISO-like: YYYY sep MM sep DD
        if tokens.count >= 3, case .number(let y, let yDigits) = tokens[0], yDigits == 4,
            case .number(let m, _) = tokens[1], case .number(let d, _) = tokens[2]
        {
            return make(y, m, d, source)
        }
        var year: Int?
        var month: Int?
        var day: Int?
        for token in tokens {
            switch token {
            case .word(let word):
                if month == nil, let m = monthNumber(word) { month = m }
            case .number(let value, let digits):
                if digits == 4, year == nil {
                    year = value
                } else if digits <= 2, day == nil, year == nil || month == nil {
                    day = value
                }
            }
            if year != nil, month != nil, day != nil { break }
        }
        guard let year, let month, let day else { return nil }
        return make(year, month, day, source)
    }

    static func make(_ year: Int, _ month: Int, _ day: Int, _ source: PublicationDate.Source) -> PublicationDate? {
        PublicationDate.isValid(year: year, month: month, day: day)
            ? PublicationDate(year: year, month: month, day: day, source: source) : nil
    }

    enum Token {
        case number(Int, digits: Int)
        case word(Substring)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex, tokens.count < 16 {
            let character = text[index]
            if character.isASCII, character.isNumber {
                let start = index
                while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                    index = text.index(after: index)
                }
                let digits = text[start..<index]
                guard digits.count <= 4, let value = Int(digits) else { return tokens }
                tokens.append(.number(value, digits: digits.count))
            } else if character.isLetter {
                let start = index
                while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
                tokens.append(.word(text[start..<index]))
            } else {
                index = text.index(after: index)
            }
        }
        return tokens
    }

    static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// 1...12 for an English month name or its three-letter (or `Sept`) abbreviation.
    public static func monthNumber(_ word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (index, name) in full.enumerated() where name == lower || monthNames[index] == lower {
            return index + 1
        }
        return lower == "sept" ? 9 : nil
    }
}
