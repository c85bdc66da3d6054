import Foundation

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    let total: Int
    let unit: String
    let enabled: Bool
    var lastDraw = ContinuousClock.now - .seconds(1)
    var drawn = false

    /// - Parameters:
    ///   - unit: what is counted (`files`, `rows`).
    ///   - enabled: draw at all (callers pass whether standard error is a terminal).
    init(total: Int, unit: String, enabled: Bool) {
        self.total = total
        self.unit = unit
        self.enabled = enabled && total > 0
    }

    /// Redraws the bar for `done` of ``total``, followed by `detail`.
    func update(done: Int, detail: String = "") {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) || done == total else { return }
        lastDraw = .now
        let width = 30
        let filled = total == 0 ? width : width * min(done, total) / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = "\r[\(bar)] \(done)/\(total) \(unit)" + (detail.isEmpty ? "" : "  " + detail)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Ends the line the bar was drawn on, if it was drawn.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
