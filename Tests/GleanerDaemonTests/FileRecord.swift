/// One row of the `files` table: what the daemon recorded for one delivery of a file.
struct FileRecord: Sendable, Equatable {
    var id: Int64
    var name: String
    var outcome: String
    var reason: String?
    var detail: String?
    var sha256: String?
}
