import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Buffered output to a file descriptor (standard output or a file), written with write(2) in 256 KiB
/// blocks. A reader that went away (EPIPE: `gleaner export … | head`) is ``Failure/closed``, not a crash:
/// SIGPIPE is ignored while a sink exists, so the write fails instead of killing the process.
final class OutputSink {
    enum Failure: Error, CustomStringConvertible {
        /// The reading end of the pipe was closed.
        case closed
        /// write(2) failed with this errno.
        case write(destination: String, errno: Int32)
        /// The output file could not be created.
        case open(path: String, errno: Int32)

        var description: String {
            switch self {
            case .closed: "the reader closed the pipe"
            case .write(let destination, let errno):
                "cannot write to \(destination): \(String(cString: strerror(errno))). Check the free space and "
                    + "permissions there, or choose another --output."
            case .open(let path, let errno):
                "cannot create \(path): \(String(cString: strerror(errno))). Check that its directory exists and "
                    + "is writable, or choose another --output."
            }
        }
    }

    let descriptor: Int32
    /// Where the output goes, for error messages.
    let destination: String
    var ownsDescriptor: Bool
    var buffer = ""
    static let blockSize = 256 * 1024

    /// Standard output.
    init() {
        descriptor = STDOUT_FILENO
        destination = "standard output"
        ownsDescriptor = false
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(Self.blockSize + 64 * 1024)
    }

    /// A new file (or an existing one, truncated), created with mode 0644 before the umask.
    init(path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .open(path: path, errno: errno) }
        self.descriptor = descriptor
        destination = path
        ownsDescriptor = true
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(Self.blockSize + 64 * 1024)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Appends through `body`, writing the buffer out once it holds a block.
    func append(_ body: (inout String) -> Void) throws(Failure) {
        body(&buffer)
        if buffer.utf8.count >= Self.blockSize { try flush() }
    }

    /// Writes out everything buffered.
    func flush() throws(Failure) {
        var failure: Failure?
        buffer.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno == EPIPE ? .closed : .write(destination: destination, errno: errno)
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    /// Flushes, then closes a file, so that an error on the last block is reported.
    func finish() throws(Failure) {
        try flush()
        guard ownsDescriptor else { return }
        ownsDescriptor = false
        if close(descriptor) != 0 { throw .write(destination: destination, errno: errno) }
    }
}
