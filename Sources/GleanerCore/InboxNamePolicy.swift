/// Which names in the inbox are articles waiting to be taken, and which are writers' work in progress.
///
/// Writers that create a file in place under a temporary name and rename it when done (rsync, curl, most
/// editors, Maildir-style scrapers) must not have their half-written file taken. Names that start with a dot
/// or end in `.tmp`, `.part`, `.swp`, `.crdownload` or `~` are ignored until they are renamed.
public enum InboxNamePolicy {
    static let temporarySuffixes = [".tmp", ".part", ".swp", ".swx", ".crdownload", "~"]

    /// `true` when a file of this name should be taken from the inbox.
    public static func isCandidate(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return !temporarySuffixes.contains { lower.hasSuffix($0) }
    }
}
