/// JSON Lines records: one JSON object per line, keys in column order, every key present (`null` for NULL).
public enum JSONLinesRecord {
    /// Appends one object and its line feed.
    public static func append(_ row: [ExportValue], columns: [ExportTable.Column], to output: inout String) {
        output.append("{")
        for (index, column) in columns.enumerated() {
            if index > 0 { output.append(",") }
            appendString(column.name, to: &output)
            output.append(":")
            switch row[index] {
            case .null: output.append("null")
            case .integer(let value): output.append(String(value))
            case .real(let value): output.append(value.isFinite ? "\(value)" : "null")
            case .text(let value):
                // A JSON column holds JSON the store wrote; anything else is written as the string it is.
                if column.kind == .json, let first = value.utf8.first,
                    first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
                {
                    output.append(value)
                } else {
                    appendString(value, to: &output)
                }
            }
        }
        output.append("}\n")
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped.
    public static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        let needsEscape = text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard needsEscape else {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
