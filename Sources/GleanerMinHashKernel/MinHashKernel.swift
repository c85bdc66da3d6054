/// The MinHash inner loop: for every group of eight hash functions, `v = a·x + b (mod 2³²)`, `v ^= v >> 16`,
/// and the running minimum over all values `x`. Groups are the outer loop, two at a time, so that `a`, `b` and
/// the minimums stay in registers.
///
/// This one file is compiled twice (see Package.swift): as `GleanerMinHashKernel` for any CPU, and as
/// `GleanerMinHashAVX2` with AVX2 enabled on x86-64, where eight 32-bit multiplies and unsigned minimums are
/// one instruction each (the x86-64 baseline, SSE2, has neither). `MinHasher` calls the AVX2 build only when
/// the CPU supports it.
public enum MinHashKernel {
    /// Writes the minimum of each function over `values` into `minimums` (one `SIMD8` per group).
    public static func minimums(
        of values: UnsafeBufferPointer<UInt32>,
        multipliers: UnsafeBufferPointer<SIMD8<UInt32>>,
        increments: UnsafeBufferPointer<SIMD8<UInt32>>,
        into minimums: UnsafeMutableBufferPointer<SIMD8<UInt32>>
    ) {
        var group = 0
        while group + 1 < multipliers.count {
            let a0 = multipliers[group]
            let b0 = increments[group]
            let a1 = multipliers[group + 1]
            let b1 = increments[group + 1]
            var m0 = SIMD8<UInt32>(repeating: .max)
            var m1 = SIMD8<UInt32>(repeating: .max)
            for value in values {
                let x = SIMD8<UInt32>(repeating: value)
                var v0 = a0 &* x &+ b0
                var v1 = a1 &* x &+ b1
                v0 ^= v0 &>> 16
                v1 ^= v1 &>> 16
                m0 = pointwiseMin(m0, v0)
                m1 = pointwiseMin(m1, v1)
            }
            minimums[group] = m0
            minimums[group + 1] = m1
            group += 2
        }
        if group < multipliers.count {
            let a = multipliers[group]
            let b = increments[group]
            var m = SIMD8<UInt32>(repeating: .max)
            for value in values {
                var v = a &* SIMD8<UInt32>(repeating: value) &+ b
                v ^= v &>> 16
                m = pointwiseMin(m, v)
            }
            minimums[group] = m
        }
    }
}
