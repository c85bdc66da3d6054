/// RFC 4180 records: fields separated by commas, each record ended by CRLF; a field holding a comma, a double
/// quote, CR or LF is enclosed in double quotes, and its double quotes doubled. An empty field is NULL or
/// empty text (CSV cannot tell them apart).
public enum CSVRecord {
    /// One record, CRLF included.
    public static func encode(_ fields: [String?]) -> String {
        var record = ""
        append(fields, to: &record)
        return record
    }

    /// Appends one record, CRLF included.
    public static func append(_ fields: [String?], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(",") }
            guard let field else { continue }
            if field.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10
            }) {
                output.append("\"")
                output.append(field.replacingQuotes())
                output.append("\"")
            } else {
                output.append(field)
            }
        }
        output.append("\r\n")
    }
}

extension String {
    /// Every `"` doubled, the text between quotes appended in runs.
    fileprivate func replacingQuotes() -> String {
        guard utf8.contains(UInt8(ascii: "\"")) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        var runStart = utf8.startIndex
        for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") {
            result.append(contentsOf: self[runStart..<index])
            result.append("\"")
            runStart = index
        }
        result.append(contentsOf: self[runStart...])
        return result
    }
}
