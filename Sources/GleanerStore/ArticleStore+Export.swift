import Foundation
import GRDB

extension ArticleStore {
    /// Streams every row of `table` to `body`, in id order, from one read transaction (a consistent snapshot:
    /// the daemon may keep writing). Rows are read with a cursor, one at a time, so memory stays constant
    /// whatever the number of rows.
    ///
    /// - Parameters:
    ///   - since: only rows on or after this day, `YYYY-MM-DD` (articles and duplicates: the publication
    ///     date; events: the event's date, or the day it was first seen when it has none).
    ///   - progress: called with (rows done, total rows) before the first row, every 1,024 rows and after
    ///     the last.
    ///   - body: called with each row's values, in ``ExportTable/columns`` order; an error it throws stops the
    ///     export and is rethrown.
    /// - Returns: how many rows were exported.
    /// - Throws: ``StoreError/olderSchema(path:)`` for a database not upgraded yet, the database error, or
    ///   `body`'s error.
    @discardableResult
    public func export(
        _ table: ExportTable,
        since: String? = nil,
        progress: (Int, Int) -> Void = { _, _ in },
        row body: ([ExportValue]) throws -> Void
    ) throws -> Int {
        try pool.read { db in
            try requireCurrentSchema(db)
            let condition = since == nil ? "1" : table.sinceCondition
            let arguments: StatementArguments = since.map { [$0] } ?? []
            let total =
                try Int.fetchOne(
                    db,
                    sql: table.countQuery.replacingOccurrences(of: "{SINCE}", with: condition),
                    arguments: arguments
                ) ?? 0
            progress(0, total)
            let rows = try Row.fetchCursor(
                db,
                sql: table.query.replacingOccurrences(of: "{SINCE}", with: condition),
                arguments: arguments
            )
            var done = 0
            var values: [ExportValue] = []
            values.reserveCapacity(table.columns.count)
            while let row = try rows.next() {
                values.removeAll(keepingCapacity: true)
                for index in 0..<table.columns.count {
                    values.append(Self.exportValue(row[index] as DatabaseValue))
                }
                try body(values)
                done += 1
                if done % 1024 == 0 { progress(done, total) }
            }
            progress(done, total)
            return done
        }
    }

    static func exportValue(_ value: DatabaseValue) -> ExportValue {
        switch value.storage {
        case .null: .null
        case .int64(let integer): .integer(integer)
        case .double(let real): .real(real)
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
