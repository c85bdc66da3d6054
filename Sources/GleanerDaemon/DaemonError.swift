#if canImport(Glibc)
import Glibc
#endif

/// A failure of the daemon's edge (files, inotify, start-up), with what failed, the errno, and what to do.
public struct DaemonError: Error, CustomStringConvertible, Sendable {
    /// What failed, e.g. "cannot watch the inbox /var/spool/gleaner/inbox".
    public var what: String
    /// The errno of the failing call, or 0.
    public var errno: Int32
    /// What the user can do about it.
    public var hint: String?

    public init(_ what: String, errno: Int32 = 0, hint: String? = nil) {
        self.what = what
        self.errno = errno
        self.hint = hint
    }

    public static func system(_ what: String, errno code: Int32, hint: String?) -> DaemonError {
        DaemonError(what, errno: code, hint: hint)
    }

    public var description: String {
        var text = what
        if errno != 0 { text += ": " + String(cString: strerror(errno)) }
        if let hint { text += " (\(hint))" }
        return text
    }
}
