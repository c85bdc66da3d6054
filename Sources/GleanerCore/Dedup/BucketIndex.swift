/// A compact in-memory hash index from 64-bit LSH bucket keys to article ids, for near-duplicate lookup.
///
/// One flat array of 64-bit slots, open addressing with linear probing. A slot packs a 32-bit *tag* of the
/// key (the high half of its mixed hash) above a 32-bit article id; 0 is an empty slot, since ids start at 1.
/// An entry's home slot is computed from its tag alone, so the table can double (it keeps its load factor at
/// most 0.7) without the original keys. The ids of one key are the entries with its tag along the probe
/// sequence from its home, which a lookup reads up to the first empty slot. Nothing is removed one entry at a
/// time: ``removeAll(keepingCapacity:)`` and inserting again rebuilds it.
///
/// Tags are 32 bits, so two keys with equal tags are one bucket here. That only adds candidates, and every
/// candidate is verified exactly by the caller (with 4 million keys stored, a new key shares the tag of a
/// stored one with probability about 1 in 1,000).
///
/// Work is bounded however crowded a key gets (many articles sharing boilerplate-like text):
/// - a key keeps at most ``maximumIDsPerKey`` ids, the highest (newest): one more replaces the lowest;
/// - no entry sits more than ``maximumProbe`` slots past its home: one that would is not indexed, and a
///   lookup stops there.
///
/// Ids outside `1...UInt32.max` are not indexed (``insert(key:id:)`` says so).
public struct BucketIndex: Sendable {
    /// Most ids kept per key, and so most ids one key's lookup returns.
    public static let maximumIDsPerKey = 256
    /// Most slots examined from an entry's home, when inserting or looking up.
    public static let maximumProbe = 4_096
    /// Entries ÷ slots above which the table doubles.
    public static let maximumLoadFactor = 0.7
    static let minimumCapacity = 16

    /// `tag << 32 | id`, or 0 for an empty slot. The count is a power of two.
    var slots: [UInt64]
    /// 64 − log₂(slots.count): the home slot is the top bits of a multiplicative hash of the tag.
    var shift: Int
    /// Occupied slots.
    public private(set) var count = 0

    /// An empty index with room for `minimumCapacity` entries before it grows.
    public init(minimumCapacity: Int = 0) {
        let capacity = Self.capacity(for: minimumCapacity)
        slots = [UInt64](repeating: 0, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
    }

    /// Slots in the table.
    public var capacity: Int { slots.count }

    /// Bytes of memory the slots take.
    public var memoryBytes: Int { slots.count * MemoryLayout<UInt64>.stride }

    /// Stores `id` under `key`.
    /// - Returns: `false` when it was not indexed: `id` is outside `1...UInt32.max`, the key already holds
    ///   ``maximumIDsPerKey`` higher ids, or no free slot lies within ``maximumProbe`` of its home.
    @discardableResult
    public mutating func insert(key: Int64, id: Int64) -> Bool {
        guard id >= 1, id <= Int64(UInt32.max) else { return false }
        if count + 1 > Self.maximumCount(capacity: slots.count) { grow() }
        let tag = Self.tag(key)
        let newID = UInt32(truncatingIfNeeded: id)
        let entry = UInt64(tag) << 32 | UInt64(newID)
        let home = Self.home(tag, shift: shift)
        let outcome = slots.withUnsafeMutableBufferPointer { buffer -> InsertOutcome in
            let mask = buffer.count - 1
            var position = home
            var matches = 0
            var lowest = -1
            var lowestID = UInt32.max
            for _ in 0..<Self.maximumProbe {
                let slot = buffer[position]
                if slot == 0 {
                    guard matches < Self.maximumIDsPerKey else { break }
                    buffer[position] = entry
                    return .added
                }
                if UInt32(truncatingIfNeeded: slot >> 32) == tag {
                    let existing = UInt32(truncatingIfNeeded: slot)
                    if existing == newID { return .present }
                    matches += 1
                    if existing < lowestID {
                        lowestID = existing
                        lowest = position
                    }
                }
                position = (position + 1) & mask
            }
            // The key is full (or the neighbourhood is): the newest ids win.
            if matches >= Self.maximumIDsPerKey, lowest >= 0, lowestID < newID {
                buffer[lowest] = entry
                return .replaced
            }
            return .refused
        }
        if outcome == .added { count += 1 }
        return outcome != .refused
    }

    /// Stores `id` under each of `keys`; returns how many of them took it.
    @discardableResult
    public mutating func insert(keys: ArraySlice<Int64>, id: Int64) -> Int {
        var inserted = 0
        for key in keys where insert(key: key, id: id) { inserted += 1 }
        return inserted
    }

    /// The ids stored under `key`, highest (newest) first.
    public func ids(forKey key: Int64) -> [Int64] {
        var found: [Int64] = []
        collect(key, into: &found)
        found.sort(by: >)
        return found
    }

    /// The distinct ids stored under any of `keys`, highest (newest) first, at most `limit` of them.
    public func ids(forKeys keys: ArraySlice<Int64>, limit: Int = maximumIDsPerKey) -> [Int64] {
        var found: [Int64] = []
        for key in keys { collect(key, into: &found) }
        guard found.count > 1 else { return found }
        found.sort(by: >)
        var distinct = 1
        for index in 1..<found.count where found[index] != found[distinct - 1] {
            found[distinct] = found[index]
            distinct += 1
        }
        found.removeLast(found.count - min(distinct, limit))
        return found
    }

    /// Removes every entry, keeping the table's size or going back to the smallest one.
    public mutating func removeAll(keepingCapacity: Bool = false) {
        count = 0
        if keepingCapacity {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            self = BucketIndex()
        }
    }

    /// Makes room for `entries` entries in all without growing on the way.
    public mutating func reserveCapacity(_ entries: Int) {
        let capacity = Self.capacity(for: entries)
        if capacity > slots.count { rehash(capacity: capacity) }
    }

    /// Appends the ids stored under `key` (and under any key with the same tag), at most
    /// ``maximumIDsPerKey`` of them, in no particular order.
    func collect(_ key: Int64, into found: inout [Int64]) {
        let tag = Self.tag(key)
        let home = Self.home(tag, shift: shift)
        slots.withUnsafeBufferPointer { buffer in
            let mask = buffer.count - 1
            var position = home
            var matches = 0
            for _ in 0..<Self.maximumProbe {
                let slot = buffer[position]
                if slot == 0 { return }
                if UInt32(truncatingIfNeeded: slot >> 32) == tag {
                    found.append(Int64(UInt32(truncatingIfNeeded: slot)))
                    matches += 1
                    if matches == Self.maximumIDsPerKey { return }
                }
                position = (position + 1) & mask
            }
        }
    }

    enum InsertOutcome {
        case added, present, replaced, refused
    }

    /// The 32-bit tag of a key: the high half of its mixed hash (bucket keys are hashes already; mixing again
    /// keeps any other keys well spread).
    @inline(__always)
    static func tag(_ key: Int64) -> UInt32 {
        UInt32(truncatingIfNeeded: StableHash.mix(UInt64(bitPattern: key)) >> 32)
    }

    /// The home slot of a tag: Fibonacci hashing, the top bits of tag × 2⁶⁴/φ.
    @inline(__always)
    static func home(_ tag: UInt32, shift: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(tag) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    static func maximumCount(capacity: Int) -> Int {
        Int(Double(capacity) * maximumLoadFactor)
    }

    /// The smallest power-of-two slot count that holds `entries` within the load factor.
    static func capacity(for entries: Int) -> Int {
        var capacity = minimumCapacity
        while maximumCount(capacity: capacity) < entries { capacity *= 2 }
        return capacity
    }

    mutating func grow() {
        rehash(capacity: slots.count * 2)
    }

    /// Moves every entry into a table of `capacity` slots (keys and their caps stay as they were).
    mutating func rehash(capacity: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        let shift = self.shift
        var placed = 0
        slots.withUnsafeMutableBufferPointer { buffer in
            let mask = buffer.count - 1
            for entry in old where entry != 0 {
                var position = Self.home(UInt32(truncatingIfNeeded: entry >> 32), shift: shift)
                for _ in 0..<Self.maximumProbe {
                    if buffer[position] == 0 {
                        buffer[position] = entry
                        placed += 1
                        break
                    }
                    position = (position + 1) & mask
                }
            }
        }
        count = placed
    }
}
