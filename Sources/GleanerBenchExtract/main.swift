// Measures extraction speed for scripts/bench-extract.sh: microseconds per 5 KB article in a release build, on
// articles made from the sample texts, for what ingestion does with each article (its dates: the publication
// date checked against the text and every temporal expression; then its events and its main event), for the
// dates alone, and the time for hostile inputs (one 1 MB line, no punctuation, odd Unicode) to show they stay
// linear.
import Foundation
import GleanerCore
import GleanerEvents

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: gleaner-bench-extract SAMPLES_DIR [ROUNDS]\n".utf8))
    exit(2)
}
let directory = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
// Dated by file modification time, as a plain-text article without a date line is: the date is checked against
// the text, the most work dating does.
let published = PublicationDate(year: 2022, month: 2, day: 14, source: .fileModificationTime)
let parser = ArticleParser()
let lexiconStart = Date()
let extractor = EventExtractor(lexicon: try Lexicon.bundled())
let lexiconSeconds = Date().timeIntervalSince(lexiconStart)

// 5 KB articles: each sample's text, repeated or cut to 5,000 bytes at a sentence end.
var articles: [Article] = []
for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    var article = try parser.parse(bytes, fileName: name, modificationTime: 0).articles[0]
    var text = article.text
    while text.utf8.count < 5_000 { text += "\n" + article.text }
    let cut = text.utf8.index(text.utf8.startIndex, offsetBy: 5_000)
    text = String(text[..<cut])
    if let end = text.lastIndex(of: ".") { text = String(text[...end]) }
    article.text = text
    article.published = published
    articles.append(article)
}

// With 0 rounds (a baseline run for instruction counts) there is nothing to summarise: 0.
func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

/// The CPU time this thread has used, in nanoseconds: unlike the wall clock, it leaves out the time the thread
/// waited for a CPU another process held (the machine is shared).
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

var perArticle: [Double] = []
var cpuPerArticle: [Double] = []
var datesPerArticle: [Double] = []
var events = 0
var times = 0
for _ in 0..<rounds {
    for article in articles {
        let cpuStart = threadCPUNanoseconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let analysed = AnalysedText(article.text)
        let (dated, found) = ArticleDating.dated(article, analysed: analysed)
        let datesDone = DispatchTime.now().uptimeNanoseconds
        let (extracted, _) = extractor.eventsAndMainEvent(of: dated, times: found, analysed: analysed)
        events += extracted.count
        times += found.count
        perArticle.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        cpuPerArticle.append(Double(threadCPUNanoseconds() - cpuStart) / 1_000)
        datesPerArticle.append(Double(datesDone - start) / 1_000)
    }
}
let bytes = articles.map { $0.text.utf8.count }.reduce(0, +) / articles.count

func timed(_ text: String) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let analysed = AnalysedText(text)
    let (dated, times) = ArticleDating.dated(Article(title: nil, text: text, published: published), analysed: analysed)
    _ = extractor.eventsAndMainEvent(of: dated, times: times, analysed: analysed)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
let oneMegabyteLine = String(repeating: "Russia will visit Pakistan and sign ", count: 30_000)
let noPunctuation = String(repeating: "words without any punctuation at all ", count: 28_000)
let oddUnicode = String(repeating: "\u{202E}\u{0301}𝕏👨‍👩‍👧 Ｒｕｓｓｉａ ", count: 40_000)
let skipHostile = ProcessInfo.processInfo.environment["SKIP_HOSTILE"] != nil  // for profiling under valgrind
let hostile: [(String, Double, Int)] =
    skipHostile
    ? []
    : [
        ("1 MB single line with triggers", timed(oneMegabyteLine), oneMegabyteLine.utf8.count),
        ("1 MB without punctuation", timed(noPunctuation), noPunctuation.utf8.count),
        ("odd Unicode", timed(oddUnicode), oddUnicode.utf8.count),
        (
            "half of the 1 MB line", timed(String(oneMegabyteLine.prefix(oneMegabyteLine.count / 2))),
            oneMegabyteLine.utf8.count / 2
        ),
    ]

print("lexicon load: \(String(format: "%.1f", lexiconSeconds * 1_000)) ms")
print(
    "articles: \(articles.count) × \(rounds) rounds, \(bytes) bytes on average, \(events / max(rounds, 1)) events and \(times / max(rounds, 1)) times per round"
)
func percentile99(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count * 99 / 100] }
print(
    "extraction per article (dates, events, main event): median \(String(format: "%.0f", median(perArticle))) µs, p99 \(String(format: "%.0f", percentile99(perArticle))) µs"
)
print(
    "  CPU time of the thread per article: median \(String(format: "%.0f", median(cpuPerArticle))) µs, p99 \(String(format: "%.0f", percentile99(cpuPerArticle))) µs"
)
// The machine is shared: other work slows whole stretches of a run. The medians of five equal blocks of rounds
// show how much; the lowest is the nearest to the cost on a quiet machine.
let blockSize = max(perArticle.count / 5, 1)
let blockMedians = stride(from: 0, to: perArticle.count, by: blockSize).map {
    median(Array(perArticle[$0..<min($0 + blockSize, perArticle.count)]))
}
print(
    "  medians of five blocks of rounds: \(blockMedians.map { String(format: "%.0f", $0) }.joined(separator: ", ")) µs"
)
print(
    "  of which dates (publication date check, temporal expressions): median \(String(format: "%.0f", median(datesPerArticle))) µs, p99 \(String(format: "%.0f", percentile99(datesPerArticle))) µs"
)
for (name, milliseconds, size) in hostile {
    print("hostile: \(name) (\(size) bytes): \(String(format: "%.1f", milliseconds)) ms")
}
