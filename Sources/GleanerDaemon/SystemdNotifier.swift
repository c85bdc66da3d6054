import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Talks to the service manager through `sd_notify(3)`: readiness, status, watchdog, reload and stop.
///
/// Every call is a no-op when `NOTIFY_SOCKET` is unset (the daemon was not started by systemd), so the same code
/// runs in a terminal, under systemd, and in tests that bind their own notify socket.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Sends `message` (newline-separated `KEY=VALUE` assignments). Returns `false` if it could not be sent.
    @discardableResult
    public func send(_ message: String) -> Bool {
        sd_notify(0, message) > 0
    }

    /// `READY=1` with a status line.
    public func ready(status: String) { send("READY=1\nSTATUS=\(Self.oneLine(status))") }

    public func status(_ status: String) { send("STATUS=\(Self.oneLine(status))") }

    public func watchdog() { send("WATCHDOG=1") }

    /// `EXTEND_TIMEOUT_USEC=`: asks for more time to finish starting (a large backlog is draining).
    public func extendTimeout(seconds: Double, status: String) {
        send("EXTEND_TIMEOUT_USEC=\(UInt64(seconds * 1_000_000))\nSTATUS=\(Self.oneLine(status))")
    }

    /// `RELOADING=1` with `MONOTONIC_USEC=` of now, as `sd_notify(3)` asks for reloads.
    public func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)\nSTATUS=reloading configuration")
    }

    public func stopping(status: String) { send("STOPPING=1\nSTATUS=\(Self.oneLine(status))") }

    /// `STATUS=` and `ERRNO=` for a fatal start-up error.
    public func failed(status: String, errno code: Int32) {
        send("STATUS=\(Self.oneLine(status))\nERRNO=\(code)")
    }

    /// Half the watchdog timeout systemd expects pings within, or `nil` when the watchdog is off.
    public var watchdogPingInterval: Double? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return Double(microseconds) / 2_000_000
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
