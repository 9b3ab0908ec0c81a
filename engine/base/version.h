// The program version, from the CMake project() line.
#pragma once

#include <rapport/build_config.h>

namespace rapport {
inline constexpr const char* kVersion = RAPPORT_VERSION;
}
