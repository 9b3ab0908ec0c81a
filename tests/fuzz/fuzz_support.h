// Shared by the libFuzzer harnesses (tests/fuzz/README.md): a rapport::Error
// is a correct answer to bad input; any other exception, a crash, a hang or
// a sanitizer report is a finding.
#pragma once

#include "engine/base/error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rapport::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs fn; a rapport::Error is the refusal bad input deserves.
template <class Fn>
void refusing(Fn&& fn) {
    try {
        fn();
    } catch (const rapport::Error&) {
    }
}

// Stops the harness with a message libFuzzer reports as a crash.
[[noreturn]] void fail(const char* what);

}  // namespace rapport::fuzz
