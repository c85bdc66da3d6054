import Testing

@testable import GleanerCore

@Suite("Bucket index: 64-bit keys to article ids in memory")
struct BucketIndexTests {
    @Test("An id inserted under a key is found under that key and no other")
    func insertAndLookup() {
        var index = BucketIndex()
        let inserted = index.insert(key: 42, id: 7)
        #expect(inserted)
        #expect(index.ids(forKey: 42) == [7])
        #expect(index.ids(forKey: 43).isEmpty)
        #expect(index.ids(forKey: -42).isEmpty)
        #expect(index.count == 1)
    }

    @Test("Several ids per key come back newest first; inserting the same pair twice stores it once")
    func severalIDsPerKey() {
        var index = BucketIndex()
        for id: Int64 in [3, 9, 7] { index.insert(key: Int64.min, id: id) }
        let again = index.insert(key: Int64.min, id: 9)
        #expect(again)
        #expect(index.ids(forKey: Int64.min) == [9, 7, 3])
        #expect(index.count == 3)
    }

    @Test("A lookup over several keys returns each id once, newest first, at most the limit")
    func severalKeys() {
        var index = BucketIndex()
        index.insert(keys: [1, 2, 3], id: 10)
        index.insert(keys: [2, 3], id: 11)
        index.insert(keys: [4], id: 12)
        #expect(index.ids(forKeys: [1, 2, 3]) == [11, 10])
        #expect(index.ids(forKeys: [1, 2, 3, 4], limit: 2) == [12, 11])
        #expect(index.ids(forKeys: [5, 6]).isEmpty)
    }

    @Test("Growing keeps every entry findable and the load factor at most 0.7")
    func growth() {
        var index = BucketIndex()
        let initialCapacity = index.capacity
        var generator = SeededGenerator(seed: 99)
        var pairs: [(key: Int64, id: Int64)] = []
        var refused = 0
        for id in 1...50_000 {
            let key = Int64(bitPattern: generator.next())
            pairs.append((key, Int64(id)))
            if !index.insert(key: key, id: Int64(id)) { refused += 1 }
        }
        #expect(refused == 0)
        #expect(index.count == 50_000)
        #expect(index.capacity > initialCapacity)
        #expect(Double(index.count) / Double(index.capacity) <= BucketIndex.maximumLoadFactor)
        #expect(index.memoryBytes == index.capacity * 8)
        let missing = pairs.filter { !index.ids(forKey: $0.key).contains($0.id) }
        #expect(missing.isEmpty)
    }

    @Test("A crowded key keeps its newest 256 ids, and other keys stay findable around it")
    func crowdedKey() {
        var index = BucketIndex()
        for id in 1...1_000 { index.insert(key: 5, id: Int64(id)) }
        let crowded = index.ids(forKey: 5)
        #expect(crowded.count == BucketIndex.maximumIDsPerKey)
        #expect(crowded == Array((745...1_000).reversed()).map(Int64.init))
        let older = index.insert(key: 5, id: 3)
        #expect(!older)  // older than all it keeps
        for key in 100..<2_100 { index.insert(key: Int64(key), id: Int64(key)) }
        #expect((100..<2_100).allSatisfy { index.ids(forKey: Int64($0)) == [Int64($0)] })
        #expect(index.count == BucketIndex.maximumIDsPerKey + 2_000)
    }

    @Test("Ids that do not fit in 32 bits, and ids below 1, are not indexed")
    func idsBeyondUInt32() {
        var index = BucketIndex()
        let accepted = [Int64(UInt32.max), Int64(UInt32.max) + 1, 0, -5].map { index.insert(key: 1, id: $0) }
        #expect(accepted == [true, false, false, false])
        #expect(index.ids(forKey: 1) == [Int64(UInt32.max)])
        #expect(index.count == 1)
    }

    @Test("removeAll empties the index, which can then be filled again")
    func removeAllAndRebuild() {
        var index = BucketIndex()
        for id in 1...100 { index.insert(key: Int64(id), id: Int64(id)) }
        let grown = index.capacity
        index.removeAll(keepingCapacity: true)
        #expect(index.count == 0)
        #expect(index.capacity == grown)
        #expect(index.ids(forKey: 50).isEmpty)
        index.insert(key: 50, id: 2)
        #expect(index.ids(forKey: 50) == [2])
        index.removeAll()
        #expect(index.count == 0)
        #expect(index.capacity < grown)
        #expect(index.ids(forKey: 50).isEmpty)
    }

    @Test("reserveCapacity sizes the table once for the entries to come")
    func reserve() {
        var index = BucketIndex()
        index.reserveCapacity(10_000)
        let reserved = index.capacity
        #expect(Double(10_000) / Double(reserved) <= BucketIndex.maximumLoadFactor)
        for id in 1...10_000 { index.insert(key: Int64(id) &* 7_919, id: Int64(id)) }
        #expect(index.capacity == reserved)
        #expect(index.ids(forKey: 7_919 * 5_000) == [5_000])
    }
}
