extension StoryProfile {
    /// The profile as bytes for the `stories.profile` column: read for every candidate story of every article,
    /// so a plain layout, not JSON. Little-endian: the article count and the two days (`Int64.min` for none),
    /// the number of terms, each term as its UTF-8 length (`UInt16`), bytes and weight (`Double` bits), then
    /// the number of entities, each as length, bytes and count (`Int64`).
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + terms.count * 24 + entities.count * 24)
        // Appended in whole pieces, without a copy of each term: the profile is written whenever a story changes.
        func append(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(_ text: String) {
            let count = min(text.utf8.count, Int(UInt16.max))
            bytes.append(UInt8(truncatingIfNeeded: count))
            bytes.append(UInt8(truncatingIfNeeded: count >> 8))
            let copied = text.utf8.withContiguousStorageIfAvailable {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0.prefix(count)))
            }
            if copied == nil { bytes.append(contentsOf: text.utf8.prefix(count)) }
        }
        append(UInt64(bitPattern: Int64(articles)))
        append(UInt64(bitPattern: Int64(firstDay ?? Int(Int64.min))))
        append(UInt64(bitPattern: Int64(lastDay ?? Int(Int64.min))))
        append(UInt64(terms.count))
        // `terms` are in term order already.
        for term in terms {
            append(term.term)
            append(term.weight.bitPattern)
        }
        append(UInt64(entities.count))
        for (entity, count) in entities.sorted(by: { $0.key < $1.key }) {
            append(entity)
            append(UInt64(bitPattern: Int64(count)))
        }
        return bytes
    }

    /// The profile ``bytes`` wrote, or nil for bytes it did not write.
    public init?(bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        var position = 0
        func integer() -> UInt64? {
            guard position + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for offset in 0..<8 { value |= UInt64(bytes[position + offset]) << UInt64(8 * offset) }
            position += 8
            return value
        }
        func text() -> String? {
            guard position + 2 <= bytes.count else { return nil }
            let length = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            position += 2
            guard position + length <= bytes.count else { return nil }
            defer { position += length }
            return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
        }
        func day(_ value: UInt64) -> Int? {
            let day = Int64(bitPattern: value)
            return day == Int64.min ? nil : Int(day)
        }
        guard let articles = integer(), let first = integer(), let last = integer(), let termCount = integer(),
            termCount <= UInt64(bytes.count)
        else { return nil }
        var terms: [StoryTerm] = []
        terms.reserveCapacity(Int(termCount))
        var inOrder = true
        for _ in 0..<termCount {
            guard let term = text(), let weight = integer() else { return nil }
            if let last = terms.last, !(last.term < term) { inOrder = false }
            terms.append(StoryTerm(term: term, weight: Double(bitPattern: weight)))
        }
        // Written in term order; bytes that are not are read as a map, the last weight of a term winning.
        if !inOrder {
            terms = StoryTerm.sorted(Dictionary(terms.map { ($0.term, $0.weight) }) { _, last in last })
        }
        guard let entityCount = integer(), entityCount <= UInt64(bytes.count) else { return nil }
        var entities: [String: Int] = [:]
        for _ in 0..<entityCount {
            guard let entity = text(), let count = integer() else { return nil }
            entities[entity] = Int(Int64(bitPattern: count))
        }
        guard position == bytes.count else { return nil }
        self.init(
            terms: terms,
            entities: entities,
            firstDay: day(first),
            lastDay: day(last),
            articles: Int(Int64(bitPattern: articles))
        )
    }
}
