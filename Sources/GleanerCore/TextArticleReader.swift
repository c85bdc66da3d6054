/// Reads a `.txt` article: an optional header block, an optional dateline, an optional title line, the body.
///
/// ```
/// Title: Pakistan, Russia sign gas pipeline deal     ← header block: `Key: value` lines,
/// Date: 2021-05-28                                     ended by a blank line
/// Source: dawn.com
///
///  date 2022-01-24 ISLAMABAD: Pakistan and …          ← dateline: gives the publication date and place
/// ```
/// Without a header title, a first line followed by a blank line (and not itself a sentence ending in a period),
/// or a first line repeated as the second line, is the title.
enum TextArticleReader {
    /// Header keys Gleaner understands; other `Key: value` lines in the block are accepted and ignored.
    static let knownHeaderKeys: Set<String> = [
        "title", "date", "published", "source", "url", "language", "author", "byline",
    ]
    static let maximumTitleLength = 300

    static func read(_ raw: String, fallbackDate: PublicationDate) throws(Rejection) -> Article {
        var lines = normalizedLines(raw)
        var title: String?
        var dates = PublicationDate.Candidates(fileModificationTime: fallbackDate)
        var dateProblems: [String] = []
        var url: String?
        var source: String?
        var language: String?
        var datelinePlace: String?

        if let header = headerBlock(lines) {
            for (key, value) in header.fields where !value.isEmpty {
                switch key {
                case "title": title = value
                case "date", "published":
                    guard dates.stated == nil else { break }
                    let label = "\(key.prefix(1).uppercased())\(key.dropFirst()):"
                    if let day = PublicationDateParser.parse(value, source: .header) {
                        let reference = "the file's modification time"
                        if let problem = day.implausibility(reference: fallbackDate, referenceName: reference) {
                            dateProblems.append("\(label) \(JSONArticleFields.render(value)) \(problem)")
                        } else {
                            dates.stated = day
                        }
                    } else {
                        dateProblems.append("\(label) \(JSONArticleFields.render(value)) is not a date")
                    }
                case "source": source = value
                case "url": url = value
                case "language": language = value.lowercased()
                default: break
                }
            }
            lines.removeFirst(header.lineCount)
        }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }

        if let first = lines.first, let dateline = Dateline(first) {
            dates.dateline = dateline.date
            datelinePlace = dateline.place
            lines[0] = dateline.remainder
        } else if title == nil, let first = lines.first {
            let candidate = first.trimmingWhitespace()
            let looksLikeTitle =
                !candidate.isEmpty && candidate.count <= maximumTitleLength && !candidate.hasSuffix(".")
            if looksLikeTitle, lines.count > 2, lines[1].allSatisfy(\.isWhitespace) {
                title = candidate
                lines.removeFirst()
            } else if !candidate.isEmpty, candidate.count <= maximumTitleLength, lines.count > 1,
                lines[1].trimmingWhitespace() == candidate
            {
                title = candidate
                while let next = lines.first, next.trimmingWhitespace() == candidate { lines.removeFirst() }
            }
        }

        let text = lines.joined(separator: "\n").trimmingWhitespace()
        guard text.contains(where: \.isLetter) else {
            throw Rejection(.noText, title == nil ? "the file has no words" : "the file has a title but no body")
        }
        let published = dates.chosen
        let used = published.source == .dateline ? "the dateline" : "the file's modification time"
        return Article(
            title: title,
            text: text,
            published: published,
            url: url,
            source: source,
            language: language,
            datelinePlace: datelinePlace,
            warnings: dateProblems.map { "\($0); used \(used) (\(published))" }
        )
    }

    /// The lines of `text`, split at LF, CR LF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
    static func normalizedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            var index = 0
            func cut(at end: Int, next: Int) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = next
                index = next
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    cut(at: index, next: index + 1)
                case 0x0D:
                    cut(at: index, next: index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1)
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:  // U+0085 NEL
                    cut(at: index, next: index + 2)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):  // U+2028, U+2029
                    cut(at: index, next: index + 3)
                default:
                    index += 1
                }
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return lines
    }

    /// A leading block of `Key: value` lines ended by a blank line, with at least one known key.
    static func headerBlock(_ lines: [String]) -> (fields: [(String, String)], lineCount: Int)? {
        var fields: [(String, String)] = []
        for (index, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                guard index > 0, fields.contains(where: { knownHeaderKeys.contains($0.0) }) else { return nil }
                return (fields, index + 1)
            }
            guard index < 32, let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard !key.isEmpty, key.count <= 32, key.first!.isLetter,
                key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" })
            else { return nil }
            fields.append((key.lowercased(), String(line[line.index(after: colon)...]).trimmingWhitespace()))
        }
        return nil
    }
}

/// A dateline of the form ` date 2022-01-24 ISLAMABAD: text…` at the start of an article.
struct Dateline {
    var date: PublicationDate
    var place: String?
    /// The line with the `date YYYY-MM-DD` marker removed, keeping the place and the text.
    var remainder: String

    init?(_ line: String) {
        var rest = line.drop(while: \.isWhitespace)
        guard rest.lowercased().hasPrefix("date ") else { return nil }
        rest = rest.dropFirst(5).drop(while: \.isWhitespace)
        let dateText = rest.prefix(while: { !$0.isWhitespace })
        guard dateText.count == 10, let date = PublicationDateParser.parse(String(dateText), source: .dateline)
        else { return nil }
        self.date = date
        let remainder = rest.dropFirst(dateText.count).drop(while: \.isWhitespace)
        self.remainder = String(remainder)
        if let colon = remainder.prefix(40).firstIndex(of: ":") {
            let place = remainder[..<colon]
            if !place.isEmpty, place.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" || $0 == "." || $0 == "," })
            {
                self.place = String(place).trimmingWhitespace()
            }
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (Foundation-free).
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
