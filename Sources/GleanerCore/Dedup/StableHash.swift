/// A 64-bit hash that is the same in every process and on every machine (unlike Swift's `Hasher`, which is
/// seeded per process), for anything that is persisted: FNV-1a over the bytes, then the MurmurHash3 64-bit
/// finaliser so that every input bit affects every output bit.
public enum StableHash {
    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hash = offsetBasis ^ seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return mix(hash)
    }

    /// FNV-1a's 64-bit offset basis and prime.
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The MurmurHash3 `fmix64` finaliser: a bijection on 64-bit values with full avalanche.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
