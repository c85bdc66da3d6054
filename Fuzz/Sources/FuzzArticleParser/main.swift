import CFuzzerDriver
import GleanerFuzzChecks

#if canImport(Glibc)
import Glibc
#endif

// The input is a file's bytes, parsed as .txt, .json, .jsonl and an unsupported type (see ArticleParserChecks).
// A broken invariant stops the run with the input saved, as a crash would.

/// The check of one input. Exported under libFuzzer's name as well, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = ArticleParserChecks.violations(bytes)
    if !problems.isEmpty { fatalError("article parser invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
