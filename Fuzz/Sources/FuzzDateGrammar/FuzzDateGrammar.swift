import GleanerFuzzChecks

/// libFuzzer entry point: byte 0 is the tense, bytes 1–2 the publication day, the rest the text given to the
/// publication date parser, the event date grammar and the event extractor (see ``DateGrammarChecks``).
/// A broken invariant stops the run with the input saved, as a crash would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDateGrammar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = DateGrammarChecks.violations(bytes)
    if !problems.isEmpty { fatalError("date grammar invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}
