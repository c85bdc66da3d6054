/// The file formats Gleaner reads, chosen by file-name extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    /// `.txt`: UTF-8 (or Windows-1252) text with an optional `Key: value` header block.
    case text
    /// `.json`: one news-please-style object.
    case json
    /// `.jsonl`: one news-please-style object per line.
    case jsonLines

    /// The format for a file name, or `nil` when the extension is not one Gleaner reads.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt": self = .text
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}
