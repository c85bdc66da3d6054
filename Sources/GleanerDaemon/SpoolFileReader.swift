import GleanerCore
import GleanerStore

#if canImport(Glibc)
import Glibc
#endif

/// What taking one file from a directory gave.
public enum TakenFile: Sendable {
    /// The file's identity and its complete content.
    case read(FileIdentity, [UInt8])
    /// Not an article file: quarantine it without reading (or after failing to read) it.
    case rejected(FileIdentity, Rejection)
    /// The name no longer exists (deleted or renamed since it was seen).
    case vanished
    /// A directory: Gleaner does not descend into subdirectories.
    case directory
    /// The file changed while it was being read: take it again later.
    case changing
    /// A temporary failure (out of descriptors or memory, I/O error): retry later.
    case transient(String)
}

/// Takes one file the safe way: `lstat` first (a symlink, FIFO, socket, device or, in the spool, a file with
/// other hard links is never opened), then `open` with `O_NOFOLLOW | O_NONBLOCK`, `fstat` must be the same
/// regular file, the size is checked against the limit before reading, and a second `fstat` after reading proves
/// the file did not change meanwhile.
public struct SpoolFileReader: Sendable {
    public var maximumFileSize: Int
    /// Whether a file with more than one name is refused unread. In the spool it is: its other name may be
    /// anywhere, a file the dropper could not read themselves, or one still being changed (Postfix's pickup
    /// refuses such queue files too). `gleaner ingest` reads the user's own files, links or not.
    public var refusesHardLinks: Bool

    public init(maximumFileSize: Int, refusesHardLinks: Bool = true) {
        self.maximumFileSize = maximumFileSize
        self.refusesHardLinks = refusesHardLinks
    }

    public func take(_ name: String, in directory: String) -> TakenFile {
        let path = directory + "/" + name
        var before = stat()
        guard lstat(path, &before) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .vanished : .transient("lstat: \(errorText(errno))")
        }
        let identity = Self.identity(name, before)
        switch before.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .directory
        case S_IFLNK: return .rejected(identity, Rejection(.symlink, "links are never followed; drop the file itself"))
        case S_IFIFO: return .rejected(identity, Rejection(.notRegularFile, "a FIFO (named pipe)"))
        case S_IFSOCK: return .rejected(identity, Rejection(.notRegularFile, "a socket"))
        case S_IFCHR: return .rejected(identity, Rejection(.notRegularFile, "a character device"))
        case S_IFBLK: return .rejected(identity, Rejection(.notRegularFile, "a block device"))
        default: return .rejected(identity, Rejection(.notRegularFile, "an unknown file type"))
        }
        if refusesHardLinks, before.st_nlink > 1 {
            return .rejected(
                identity,
                Rejection(
                    .hardLink,
                    "the file has \(before.st_nlink) names (hard links), so it is never read; drop a copy instead"
                )
            )
        }
        if Int(before.st_size) > maximumFileSize {
            return .rejected(identity, tooLarge(Int(before.st_size)))
        }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .vanished
            case ELOOP: return .changing
            case EACCES, EPERM:
                return .rejected(identity, Rejection(.unreadable, "permission denied; let the gleaner user read it"))
            case EMFILE, ENFILE, ENOMEM, EINTR, EAGAIN, EIO, ETXTBSY:
                return .transient("open: \(errorText(code))")
            default:
                return .rejected(identity, Rejection(.unreadable, "open: \(errorText(code))"))
            }
        }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { return .transient("fstat: \(errorText(errno))") }
        guard opened.st_mode & S_IFMT == S_IFREG, opened.st_ino == before.st_ino, opened.st_dev == before.st_dev
        else { return .changing }
        let size = Int(opened.st_size)
        guard size <= maximumFileSize else { return .rejected(Self.identity(name, opened), tooLarge(size)) }

        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno == EINTR {
                continue
            } else if errno == EISDIR {
                return .directory
            } else {
                return .transient("read: \(errorText(errno))")
            }
        }
        var after = stat()
        guard fstat(descriptor, &after) == 0 else { return .transient("fstat: \(errorText(errno))") }
        guard filled == size, after.st_size == opened.st_size, after.st_mtim.tv_sec == opened.st_mtim.tv_sec,
            after.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
        else { return .changing }
        bytes.removeLast(bytes.count - filled)
        return .read(Self.identity(name, after), bytes)
    }

    /// Whether `identity.name` in `directory` is still the file `identity` describes (same inode, size and
    /// modification time), or is gone. A writer that rewrote or replaced it since it was taken made a new version.
    public static func stillHolds(_ identity: FileIdentity, in directory: String) -> Bool {
        var info = stat()
        guard lstat(directory + "/" + identity.name, &info) == 0 else { return true }
        let now = Self.identity(identity.name, info)
        return now.device == identity.device && now.inode == identity.inode && now.size == identity.size
            && now.modificationTimeNanoseconds == identity.modificationTimeNanoseconds
    }

    func tooLarge(_ size: Int) -> Rejection {
        Rejection(.tooLarge, "\(size) bytes, more than MaxFileSize (\(maximumFileSize) bytes)")
    }

    static func identity(_ name: String, _ info: stat) -> FileIdentity {
        FileIdentity(
            name: name,
            device: UInt64(info.st_dev),
            inode: UInt64(info.st_ino),
            size: Int64(info.st_size),
            modificationTimeNanoseconds: nanoseconds(info.st_mtim),
            changeTimeNanoseconds: nanoseconds(info.st_ctim)
        )
    }

    /// A time stamp in nanoseconds since 1970, saturated at the limits of `Int64` (years 1678 and 2262): a file
    /// can carry any 64-bit count of seconds (`touch -d 2300-01-01` on ext4), and a trap on it would stop the
    /// daemon at every start for as long as the file stays in the inbox.
    static func nanoseconds(_ time: timespec) -> Int64 {
        let (scaled, overflow) = Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return time.tv_sec < 0 ? .min : .max }
        let (sum, carry) = scaled.addingReportingOverflow(Int64(time.tv_nsec))
        return carry ? .max : sum
    }
}

func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
