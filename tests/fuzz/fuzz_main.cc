// SPDX-License-Identifier: Apache-2.0
// One libFuzzer binary per target: compiled with A6KB_FUZZ_TARGET set to the
// target's name (tests/fuzz/CMakeLists.txt). A Violation escapes and aborts,
// so libFuzzer saves the input like any crash.
#include "targets.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const a6kb::fuzz::Target* target = [] {
        auto* t = a6kb::fuzz::find_target(A6KB_FUZZ_TARGET);
        if (!t) {
            std::fprintf(stderr, "no fuzz target named %s\n", A6KB_FUZZ_TARGET);
            std::abort();
        }
        return t;
    }();
    target->run(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
