import Foundation

/// Arrays of integers as little-endian blobs (signatures as `UInt32`, bucket keys as `Int64`), copied in one
/// block rather than value by value.
enum BlobCoding {
    /// `values` as a blob of little-endian integers.
    static func encode<Value: FixedWidthInteger>(_ values: [Value]) -> Data {
        #if _endian(little)
        values.withUnsafeBytes { Data($0) }
        #else
        values.map(\.littleEndian).withUnsafeBytes { Data($0) }
        #endif
    }

    /// The integers of a blob written by ``encode(_:)``; trailing bytes that make no whole value are ignored.
    static func decode<Value: FixedWidthInteger>(_ data: Data, as _: Value.Type = Value.self) -> [Value] {
        let size = MemoryLayout<Value>.size
        let count = data.count / size
        let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[0..<(count * size)])
                )
            }
            initialized = count
        }
        #if _endian(little)
        return values
        #else
        return values.map { Value(littleEndian: $0) }
        #endif
    }

    /// Calls `body` with each integer of a blob written by ``encode(_:)``, without building an array.
    static func forEach<Value: FixedWidthInteger>(
        in data: Data,
        as _: Value.Type = Value.self,
        _ body: (Value) -> Void
    ) {
        let size = MemoryLayout<Value>.size
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset + size <= raw.count {
                body(Value(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Value.self)))
                offset += size
            }
        }
    }
}
