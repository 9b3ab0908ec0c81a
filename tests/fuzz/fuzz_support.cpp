#include "tests/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

namespace rapport::fuzz {

void fail(const char* what) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

}  // namespace rapport::fuzz
