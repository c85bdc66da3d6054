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

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped. Runs of text that
    /// need no escape are appended whole (every byte escaped is ASCII, so a run ends on a character boundary).
    public static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                index = bytes.index(after: index)
                continue
            }
            output.append(contentsOf: text[runStart..<index])
            switch byte {
            case UInt8(ascii: "\""): output.append("\\\"")
            case UInt8(ascii: "\\"): output.append("\\\\")
            case UInt8(ascii: "\n"): output.append("\\n")
            case UInt8(ascii: "\r"): output.append("\\r")
            case UInt8(ascii: "\t"): output.append("\\t")
            default:
                let hex = String(byte, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
            index = bytes.index(after: index)
            runStart = index
        }
        output.append(contentsOf: text[runStart...])
        output.append("\"")
    }
}
