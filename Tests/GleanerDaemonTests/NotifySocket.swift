import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A real `AF_UNIX` datagram socket standing in for systemd's notify socket: it records every message the
/// daemon sends with `sd_notify`.
final class NotifySocket: Sendable {
    let path: String
    let descriptor: Int32
    let messages = Mutex<[String]>([])
    let closed = Mutex(false)

    init(path: String) throws {
        self.path = path
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        try Self.bind(descriptor, to: path)
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in receiveLoop() }
        thread.start()
    }

    /// Binds the `AF_UNIX` socket `descriptor` to `path`, which creates the socket file.
    static func bind(_ descriptor: Int32, to path: String) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw HarnessError("path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw HarnessError("bind \(path): \(String(cString: strerror(errno)))") }
    }

    func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !closed.withLock({ $0 }) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                let message = String(decoding: buffer[..<count], as: UTF8.self)
                messages.withLock { $0.append(message) }
            }
        }
        Glibc.close(descriptor)
    }

    /// Waits until no datagram is queued on the socket (every message sent so far is in ``all``), or `deadline`.
    func drain(until deadline: Date) {
        while Date() < deadline {
            var queued: Int32 = 0
            if ioctl(descriptor, UInt(FIONREAD), &queued) != 0 || queued == 0 { break }
            usleep(5_000)
        }
        usleep(20_000)  // the receive thread appends what its last recv returned
    }

    func close() {
        closed.withLock { $0 = true }
    }

    var all: [String] { messages.withLock { $0 } }

    /// Every `KEY=value` assignment received, in order.
    var assignments: [String] { all.flatMap { $0.split(separator: "\n").map(String.init) } }

    /// The value of the last `STATUS=` received.
    var lastStatus: String? {
        assignments.last { $0.hasPrefix("STATUS=") }.map { String($0.dropFirst(7)) }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
