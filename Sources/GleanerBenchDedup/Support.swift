import Dispatch
import Foundation
import GleanerCore
import GleanerSynthetic

/// Monotonic nanoseconds (CLOCK_MONOTONIC).
@inline(__always)
func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Microseconds between two `nanoseconds()` readings.
@inline(__always)
func microseconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end &- start) / 1_000 }

/// CPU time of the calling thread in nanoseconds (CLOCK_THREAD_CPUTIME_ID): user + system, not time spent
/// waiting for the disk or for a CPU.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// This process's I/O counters from /proc/self/io: `wchar` (bytes handed to write calls) and `write_bytes`
/// (bytes sent to the storage layer).
func processIO() -> (wchar: Int, writeBytes: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return (0, 0) }
    var values: [String: Int] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: ":")
        if parts.count == 2 { values[String(parts[0])] = Int(parts[1].trimmingCharacters(in: .whitespaces)) }
    }
    return (values["wchar"] ?? 0, values["write_bytes"] ?? 0)
}

/// Seconds between two `nanoseconds()` readings.
func seconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end &- start) / 1e9 }

extension Array where Element == Double {
    var mean: Double { isEmpty ? 0 : reduce(0, +) / Double(count) }

    /// The median (the mean of the two middle values for an even count).
    var median: Double { percentile(50) }

    /// Linear-interpolated percentile, `p` in 0...100.
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = Swift.min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}

/// `value` rounded to `places` decimals (for a readable JSON summary).
func rounded(_ value: Double, _ places: Int = 2) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
}

/// The generated corpus in arrival order: every original in generation order, and each edited copy placed
/// after a uniformly chosen later original (so a copy always arrives after its source, as in syndication).
struct Corpus {
    var stream: [SyntheticCorpus.Document]
    var originals: Int
    var copies: Int

    init(options: Options) {
        let generated = SyntheticCorpus.make(
            seed: options.seed,
            originals: options.originals,
            copies: options.copies
        )
        let originals = generated.documents.filter { $0.copyOf == nil }
        var after = [[SyntheticCorpus.Document]](repeating: [], count: originals.count)
        var generator = SeededGenerator(seed: options.seed &+ 1)
        for copy in generated.documents where copy.copyOf != nil {
            let source = copy.copyOf!
            let slot = source + Int(generator.next() % UInt64(originals.count - source))
            after[slot].append(copy)
        }
        var stream: [SyntheticCorpus.Document] = []
        stream.reserveCapacity(generated.documents.count)
        for (index, original) in originals.enumerated() {
            stream.append(original)
            stream.append(contentsOf: after[index])
        }
        self.stream = stream
        self.originals = originals.count
        self.copies = generated.documents.count - originals.count
    }

    /// Mean words per article (white-space separated, before normalisation).
    var meanWords: Double {
        let words = stream.reduce(0) { sum, document in
            sum + document.text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).count
        }
        return Double(words) / Double(stream.count)
    }

    /// Writes the stream as JSON Lines: `{"id", "title", "text", "copy_of"}`, in arrival order.
    func writeJSONLines(to path: String) throws {
        struct Line: Encodable {
            var id: Int
            var title: String
            var text: String
            var copyOf: Int?

            enum CodingKeys: String, CodingKey {
                case id, title, text
                case copyOf = "copy_of"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(title, forKey: .title)
                try container.encode(text, forKey: .text)
                try container.encode(copyOf, forKey: .copyOf)  // null for an original
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var data = Data()
        for document in stream {
            data.append(
                try encoder.encode(
                    Line(id: document.id, title: document.title, text: document.text, copyOf: document.copyOf)
                )
            )
            data.append(0x0A)
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}

extension SyntheticCorpus.Document {
    /// The document as a parsed article (one per file, as the daemon stores a `.txt` file).
    var article: Article {
        Article(
            title: title,
            text: text,
            published: PublicationDate(year: 2026, month: 1, day: 1, source: .json),
            source: "bench.example"
        )
    }
}
