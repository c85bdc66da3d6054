// Declarations only: LLVMFuzzerRunDriver is defined by libFuzzer. SwiftPM needs one source file per C target.
#include "CFuzzerDriver.h"
