import GleanerStore

#if canImport(Glibc)
import Glibc
#endif

/// Where files go once their fate is committed.
public enum Disposal: Sendable, Equatable {
    /// Ingested files to `processed`, quarantined ones to `failed`.
    case move(processed: String, failed: String)
    /// Ingested files deleted, quarantined ones moved to `failed`.
    case delete(failed: String)
    /// Files stay where they are (`gleaner ingest` on the user's own files).
    case leave
}

/// Moves (or deletes) committed files out of the inbox. Runs only after the commit, so a crash before it
/// leaves the file in the inbox, where the next start finds it and the replay is a no-op.
public struct SpoolDisposer: Sendable {
    public var disposal: Disposal

    public init(disposal: Disposal) {
        self.disposal = disposal
    }

    /// Disposes of `name` in `directory` after its commit.
    /// - Returns: where the file went (`nil` when left in place or deleted).
    public func dispose(
        _ name: String,
        in directory: String,
        outcome: FileOutcome,
        fileID: Int64
    )
        throws(DaemonError) -> String?
    {
        let source = directory + "/" + name
        let target: String
        switch (disposal, outcome) {
        case (.leave, _):
            return nil
        case (.delete, .ingested), (.delete, .duplicate):
            guard unlink(source) == 0 || errno == ENOENT else {
                throw DaemonError.system("cannot delete \(source)", errno: errno, hint: "check the inbox permissions")
            }
            return nil
        case (.move(_, let failed), .failed), (.delete(let failed), .failed):
            target = failed
        case (.move(let processed, _), _):
            target = processed
        }
        var destination = target + "/" + name
        var probe = stat()
        if lstat(destination, &probe) == 0 {
            destination = target + "/" + Self.uniqueName(name, fileID: fileID)
        }
        guard rename(source, destination) == 0 else {
            if errno == ENOENT, lstat(source, &probe) != 0 { return nil }
            throw DaemonError.system(
                "cannot move \(source) to \(destination)",
                errno: errno,
                hint: errno == EXDEV
                    ? "keep the inbox and \(target) on one filesystem" : "check permissions of \(target)"
            )
        }
        return destination
    }

    /// `report.txt` → `report.<fileID>.txt`, so a second delivery never overwrites the first; the stem is cut short
    /// when the name would exceed 255 bytes (the rename would fail, and the file stay in the inbox for good).
    static func uniqueName(_ name: String, fileID: Int64) -> String {
        let (stem, fileExtension) = FileName.splitExtension(name)
        return FileName.fitting(stem, ".\(fileID)\(fileExtension)")
    }
}
