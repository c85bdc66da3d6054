/// One field of an exported row, as SQLite stored it.
public enum ExportValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as text (`nil` for NULL): integers in decimal, reals in the shortest form that reads back the
    /// same number.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): "\(value)"
        case .text(let value): value
        }
    }
}
