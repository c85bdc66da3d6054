#if canImport(Glibc)
import Glibc
#endif

/// File names the daemon makes up (numbered copies, repaired names) within the kernel's limit of `NAME_MAX` bytes.
enum FileName {
    static let maximumLength = Int(NAME_MAX)

    /// `stem + suffix`, with the stem cut short (at a character boundary) so that the whole fits in
    /// ``maximumLength`` bytes; the suffix (a number, the extension) is kept, unless it is too long by itself.
    static func fitting(_ stem: String, _ suffix: String) -> String {
        var stem = Substring(stem)
        while stem.utf8.count + suffix.utf8.count > maximumLength, !stem.isEmpty { stem.removeLast() }
        var name = Substring(stem + suffix)
        while name.utf8.count > maximumLength { name.removeLast() }
        return String(name)
    }

    /// `report.txt` → (`report`, `.txt`); a name without an extension, or a dotfile, has an empty one.
    static func splitExtension(_ name: String) -> (stem: String, extension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}
