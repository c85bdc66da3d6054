/// Why a file (or one line of a JSON Lines file) was not ingested.
///
/// The `code` is stable: it is stored in the database, printed by `--json` output and sent to the journal as
/// `GLEANER_REASON`, so users can filter on it. The `summary` is the human sentence.
public enum RejectionReason: String, Sendable, Hashable, CaseIterable, Codable {
    case empty = "empty"
    case binary = "binary"
    case undecodable = "undecodable"
    case tooLarge = "too-large"
    case malformedJSON = "malformed-json"
    case noText = "no-text"
    case symlink = "symlink"
    case hardLink = "hard-link"
    case notRegularFile = "not-regular-file"
    case unreadable = "unreadable"
    case unsupportedType = "unsupported-type"
    case internalError = "internal-error"

    /// A short human description of the reason, used in log lines and CLI tables.
    public var summary: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary content"
        case .undecodable: "undecodable text"
        case .tooLarge: "file too large"
        case .malformedJSON: "malformed JSON"
        case .noText: "article has no text"
        case .symlink: "symbolic link"
        case .hardLink: "hard link"
        case .notRegularFile: "not a regular file"
        case .unreadable: "cannot read file"
        case .unsupportedType: "unsupported type"
        case .internalError: "internal error"
        }
    }
}

/// A reason together with the specific detail for this file ("line 3: expected a JSON object").
public struct Rejection: Error, Sendable, Hashable {
    public var reason: RejectionReason
    public var detail: String

    public init(_ reason: RejectionReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// `summary: detail`, the form used in log lines.
    public var description: String { detail.isEmpty ? reason.summary : "\(reason.summary): \(detail)" }
}
