#include "CCPUFeatures.h"

int gleaner_cpu_supports_avx2(void) {
#if defined(__x86_64__) || defined(__i386__)
    // The compiler runtime checks CPUID and that the kernel saves the YMM registers (XGETBV).
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    return 0;
#endif
}
