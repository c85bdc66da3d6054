import CFuzzerDriver
import GleanerFuzzChecks

#if canImport(Glibc)
import Glibc
#endif

// Byte 0 is the tense, bytes 1–2 the publication day, the rest the text given to the publication date parser,
// the event date grammar and the event extractor (see DateGrammarChecks). A broken invariant stops the run with
// the input saved, as a crash would.

/// The check of one input. Exported under libFuzzer's name as well, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = DateGrammarChecks.violations(bytes)
    if !problems.isEmpty { fatalError("date grammar invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
