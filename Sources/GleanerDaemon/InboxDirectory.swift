#if canImport(Glibc)
import Glibc
#endif

/// The inbox as a directory: listing it, and making names safe to store.
public struct InboxDirectory: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// One entry of the directory.
    public struct Entry: Sendable, Equatable {
        public var name: [UInt8]
        public var isDirectory: Bool
    }

    /// Every entry except `.` and `..`, with raw (possibly non-UTF-8) names.
    public func entries() throws(DaemonError) -> [Entry] {
        guard let stream = opendir(path) else {
            throw DaemonError.system(
                "cannot list the inbox \(path)",
                errno: errno,
                hint: "check that it exists and is readable"
            )
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory =
                    lstat(path + "/" + String(decoding: name, as: UTF8.self), &info) == 0
                    && info.st_mode & S_IFMT == S_IFDIR
            }
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        return entries
    }

    /// The name as a `String`. A name that is not valid UTF-8 cannot be stored or logged faithfully, so the file
    /// is renamed in the inbox to a UTF-8 name in which each bad byte is written as `%XX`, cut short to 255 bytes
    /// (keeping the extension) and numbered (`name.2.txt`) when another file has that name.
    /// - Returns: the usable name, or `nil` when the file vanished or could not be renamed.
    public func usableName(_ raw: [UInt8]) -> (name: String, renamedFrom: String?)? {
        if let name = String(validating: raw, as: UTF8.self) { return (name, nil) }
        var repaired = ""
        var index = 0
        while index < raw.count {
            // Longest valid UTF-8 sequence starting here (1...4 bytes), else escape one byte.
            var matched = false
            for length in (1...4).reversed() where index + length <= raw.count {
                if let piece = String(validating: raw[index..<(index + length)], as: UTF8.self),
                    piece.unicodeScalars.count == 1
                {
                    repaired += piece
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                let hex = String(raw[index], radix: 16, uppercase: true)
                repaired += "%" + (hex.count == 1 ? "0" + hex : hex)
                index += 1
            }
        }
        var source = Array(path.utf8) + [0x2F] + raw + [0]
        let (stem, fileExtension) = FileName.splitExtension(repaired)
        repaired = FileName.fitting(stem, fileExtension)
        var probe = stat()
        var number = 1
        while lstat(path + "/" + repaired, &probe) == 0 {
            number += 1
            guard number <= 1_000 else { return nil }
            repaired = FileName.fitting(stem, ".\(number)\(fileExtension)")
        }
        let destination = path + "/" + repaired
        let result = source.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { rename($0, destination) }
        }
        guard result == 0 else { return nil }
        return (repaired, String(decoding: raw, as: UTF8.self))
    }

    /// Whether the entry is a regular file (not a symlink, FIFO, socket, device or directory).
    public func isRegularFile(_ name: String) -> Bool {
        var info = stat()
        return lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Seconds since 1970 of the entry's modification time, or `nil` when it is gone.
    public func modificationTime(of name: String) -> Double? {
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
}
