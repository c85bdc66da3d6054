/// One kind of row `gleaner export` writes (`articles`, `events`, `duplicates`): its columns, in order, and
/// the query that reads them. Adding a kind is one file, `ExportTable+Kind.swift`, with a static value listed
/// in ``all``.
public struct ExportTable: Sendable {
    /// A column: its stable snake_case name and how its values are written.
    public struct Column: Sendable, Hashable {
        /// What a column holds, for JSON Lines (CSV writes them all as text).
        public enum Kind: Sendable, Hashable {
            case integer, real, text
            /// Text that is itself JSON (an array or object): embedded as JSON in JSON Lines.
            case json
        }

        public var name: String
        public var kind: Kind

        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The name on the command line (`gleaner export NAME`).
    public var name: String
    /// The columns, in the order the query returns them.
    public var columns: [Column]
    /// The query, ordered by id, with `{SINCE}` where the `--since` condition goes (`1` without one).
    var query: String
    /// The SQL condition for `--since`, with one `?` for the day.
    var sinceCondition: String
    /// How many rows ``query`` returns, with the same `{SINCE}`: the total for a progress bar.
    var countQuery: String

    /// Every kind, in the order the help lists them.
    public static let all: [ExportTable] = [.articles, .events, .stories, .duplicates]

    /// The kind called `name`, if any.
    public static func named(_ name: String) -> ExportTable? { all.first { $0.name == name } }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }
}
