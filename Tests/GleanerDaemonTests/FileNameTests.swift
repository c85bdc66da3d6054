import Testing

@testable import GleanerDaemon

@Suite("Names the daemon makes up fit the kernel's 255-byte limit")
struct FileNameTests {
    @Test("A numbered name for a second delivery keeps the extension and fits in 255 bytes")
    func numberedNames() {
        #expect(SpoolDisposer.uniqueName("report.txt", fileID: 7) == "report.7.txt")
        #expect(SpoolDisposer.uniqueName("README", fileID: 7) == "README.7")
        let longest = String(repeating: "n", count: 251) + ".txt"
        let numbered = SpoolDisposer.uniqueName(longest, fileID: 123_456)
        #expect(numbered.utf8.count == 255)
        #expect(numbered.hasSuffix("n.123456.txt"))
    }

    @Test("Shortening cuts whole characters, never a UTF-8 sequence")
    func characterBoundaries() {
        let name = FileName.fitting(String(repeating: "é", count: 200), ".txt")
        #expect(name.utf8.count <= 255)
        #expect(name.hasSuffix("é.txt"))
        #expect(FileName.fitting("a", "." + String(repeating: "x", count: 300)).utf8.count == 255)
    }
}
