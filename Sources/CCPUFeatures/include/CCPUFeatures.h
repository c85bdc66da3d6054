#ifndef GLEANER_CPU_FEATURES_H
#define GLEANER_CPU_FEATURES_H

/// 1 when the CPU and the operating system support AVX2 (x86-64 only), else 0.
int gleaner_cpu_supports_avx2(void);

#endif
