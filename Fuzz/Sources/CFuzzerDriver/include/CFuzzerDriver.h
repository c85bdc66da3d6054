#ifndef GLEANER_C_FUZZER_DRIVER_H
#define GLEANER_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (linked in by -sanitize=fuzzer). Called from a Swift `main`, because SwiftPM gives every
/// executable a `main` of its own, which would otherwise take the place of libFuzzer's.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
