/// How `gleaner export` writes rows.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// RFC 4180: a header row, then one record per row, CRLF line ends.
    case csv
    /// JSON Lines: one JSON object per row, every column a key (`null` when empty).
    case jsonl
    /// GDELT 2.0 event table: 61 tab-separated columns, no header (events only).
    case gdelt

    /// Whether this format can write `table` (GDELT has only an event table).
    public func supports(_ table: ExportTable) -> Bool {
        self != .gdelt || table.name == ExportTable.events.name
    }

    /// The text before the first row: the header record for CSV, nothing otherwise.
    public func header(for table: ExportTable) -> String {
        switch self {
        case .csv: CSVRecord.encode(table.columnNames)
        case .jsonl, .gdelt: ""
        }
    }
}

/// Encodes rows of one table in one format.
public struct ExportEncoder: Sendable {
    public let table: ExportTable
    public let format: ExportFormat
    let gdelt: GDELTEvent.Mapping?

    /// - Precondition: `format.supports(table)`.
    public init(table: ExportTable, format: ExportFormat) {
        precondition(format.supports(table), "\(format) cannot write \(table.name)")
        self.table = table
        self.format = format
        gdelt = format == .gdelt ? GDELTEvent.Mapping(columns: table.columnNames) : nil
    }

    /// Appends one row (its values in ``ExportTable/columns`` order), line end included.
    public func append(_ row: [ExportValue], to output: inout String) {
        switch format {
        case .csv: CSVRecord.append(row.map(\.text), to: &output)
        case .jsonl: JSONLinesRecord.append(row, columns: table.columns, to: &output)
        case .gdelt: GDELTEvent.append(gdelt!.fields(of: row), to: &output)
        }
    }
}
