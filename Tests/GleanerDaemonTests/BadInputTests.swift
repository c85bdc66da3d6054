import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Hostile and broken files: each quarantined with its reason or handled as documented, never lost", .serialized)
struct BadInputTests {
    @Test("A name that is not UTF-8 is repaired even when the repair is longer than 255 bytes or already taken")
    func unrepairableNames() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        daemon.waitForReady()
        // 200 letters and 40 bytes that are not UTF-8: written as %XX, the name would be 324 bytes.
        let long = [UInt8](repeating: 0x79, count: 200) + [UInt8](repeating: 0xFF, count: 40) + Array(".txt".utf8)
        try daemon.writeRawName(long, in: daemon.inbox, Array(distinctText(1, "whose long name is not UTF-8").utf8))
        // A directory holds the repaired name of the next one.
        try FileManager.default.createDirectory(
            atPath: daemon.inbox + "/bad%FF.txt",
            withIntermediateDirectories: false
        )
        try daemon.writeRawName(
            Array("bad".utf8) + [0xFF] + Array(".txt".utf8),
            in: daemon.inbox,
            Array(distinctText(2, "whose repaired name is taken").utf8)
        )
        daemon.waitUntil("both ingested") { daemon.counts().articles == 2 }
        let names = daemon.fileRecords().map(\.name)
        #expect(names.allSatisfy { $0.utf8.count <= 255 && $0.hasSuffix(".txt") }, "\(names)")
        #expect(names.contains { $0.hasPrefix(String(repeating: "y", count: 200) + "%FF") })
        #expect(names.contains { $0.hasPrefix("bad%FF") && $0 != "bad%FF.txt" })
        #expect(daemon.contents(of: daemon.inbox) == ["bad%FF.txt"])
        #expect(daemon.stop() == 0)
    }
}
