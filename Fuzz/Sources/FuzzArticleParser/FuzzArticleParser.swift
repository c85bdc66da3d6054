import GleanerFuzzChecks

/// libFuzzer entry point: the input is a file's bytes, parsed as .txt, .json, .jsonl and an unsupported type.
/// A broken invariant stops the run with the input saved, as a crash would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticleParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = ArticleParserChecks.violations(bytes)
    if !problems.isEmpty { fatalError("article parser invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}
