/// What identifies one delivery of a file: its name and the inode it had when Gleaner took it.
///
/// A crash between commit and move leaves the very same inode in the inbox; at the next start its name, inode,
/// change time and content hash all match the stored record, and the replay is a no-op. A new delivery of the
/// same bytes (another copy, or the same name dropped again later) is a new inode or a new change time, and is
/// recorded as a duplicate instead.
public struct FileIdentity: Sendable, Hashable {
    public var name: String
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modificationTimeNanoseconds: Int64
    /// Inode change time, nanoseconds since 1970.
    public var changeTimeNanoseconds: Int64

    public init(
        name: String,
        device: UInt64,
        inode: UInt64,
        size: Int64,
        modificationTimeNanoseconds: Int64,
        changeTimeNanoseconds: Int64
    ) {
        self.name = name
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.changeTimeNanoseconds = changeTimeNanoseconds
    }
}
