import CCPUFeatures
import GleanerMinHashAVX2
import GleanerMinHashKernel

/// MinHash signatures: for each of `permutations` hash functions, the minimum over an article's shingles.
///
/// Each function is `h(x) = mix(a·x + b mod 2³²)` on the 32-bit fold of the (already well-mixed) 64-bit
/// shingle hash, with odd multipliers `a` and increments `b` drawn from a seeded SplitMix64, and
/// `mix(v) = v ⊕ (v >> 16)` to spread the high bits into the low ones. The arithmetic wraps and runs eight
/// functions at a time in SIMD lanes. For two sets, the fraction of equal signature positions estimates
/// their Jaccard similarity.
public struct MinHasher: Sendable {
    /// Number of hash functions (a multiple of 8).
    public let permutations: Int
    /// The build of the inner loop in use; both give the same signatures.
    public let kernel: Kernel
    let multipliers: [SIMD8<UInt32>]
    let increments: [SIMD8<UInt32>]

    /// Which compiled build of the MinHash inner loop runs.
    public enum Kernel: String, Sendable {
        /// Built for the x86-64 baseline (SSE2) or the host architecture: runs everywhere.
        case portable
        /// Built with AVX2 (x86-64): about four times faster; chosen automatically when the CPU supports it.
        case avx2

        /// AVX2 when the CPU and the kernel support it, else portable.
        public static let fastestSupported: Kernel = gleaner_cpu_supports_avx2() != 0 ? .avx2 : .portable
    }

    public init(permutations: Int, seed: UInt64, kernel: Kernel = .fastestSupported) {
        precondition(permutations >= 8 && permutations % 8 == 0, "permutations must be a positive multiple of 8")
        self.permutations = permutations
        self.kernel = kernel == .avx2 && Kernel.fastestSupported != .avx2 ? .portable : kernel
        var generator = SeededGenerator(seed: seed)
        var multipliers: [SIMD8<UInt32>] = []
        var increments: [SIMD8<UInt32>] = []
        for _ in 0..<(permutations / 8) {
            var a = SIMD8<UInt32>()
            var b = SIMD8<UInt32>()
            for lane in 0..<8 {
                a[lane] = UInt32(truncatingIfNeeded: generator.next()) | 1
                b[lane] = UInt32(truncatingIfNeeded: generator.next())
            }
            multipliers.append(a)
            increments.append(b)
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// The signature of a shingle set; all `UInt32.max` for an empty set.
    public func signature(_ shingles: Shingles) -> [UInt32] {
        signature(ofShingleHashes: shingles.hashes)
    }

    /// The signature of the shingles whose hashes are `shingleHashes`, in any order and with repeats (see
    /// ``Shingles/hashes(ofWordHashes:size:)``): the same as of their set, since a repeat cannot change a minimum.
    public func signature(ofShingleHashes shingleHashes: [UInt64]) -> [UInt32] {
        var minimums = [SIMD8<UInt32>](repeating: SIMD8(repeating: .max), count: permutations / 8)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: shingleHashes.count) { values in
            for (index, hash) in shingleHashes.enumerated() {
                values.initializeElement(at: index, to: UInt32(truncatingIfNeeded: hash ^ (hash >> 32)))
            }
            let values = UnsafeBufferPointer(values)
            multipliers.withUnsafeBufferPointer { a in
                increments.withUnsafeBufferPointer { b in
                    minimums.withUnsafeMutableBufferPointer { output in
                        switch kernel {
                        case .avx2:
                            GleanerMinHashAVX2.MinHashKernel.minimums(
                                of: values,
                                multipliers: a,
                                increments: b,
                                into: output
                            )
                        case .portable:
                            GleanerMinHashKernel.MinHashKernel.minimums(
                                of: values,
                                multipliers: a,
                                increments: b,
                                into: output
                            )
                        }
                    }
                }
            }
        }
        return [UInt32](unsafeUninitializedCapacity: permutations) { signature, initialized in
            for (group, lanes) in minimums.enumerated() {
                for lane in 0..<8 { signature[group * 8 + lane] = lanes[lane] }
            }
            initialized = permutations
        }
    }

    /// The fraction of equal positions: an estimate of the Jaccard similarity of the two sets.
    public static func estimatedJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for index in a.indices where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(a.count)
    }
}

/// SplitMix64: a small, fast, seeded generator, the same on every platform (for hash parameters that are
/// persisted with the index).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
