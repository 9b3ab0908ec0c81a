// A problem found in a data file, reported as "file:line: message".
//
// Loaders and linters collect Problems instead of stopping at the first one,
// so a contributor sees every mistake in one run and a broken user file can
// be reported and skipped while the rest still loads.
#pragma once

#include <string>

namespace rapport {

struct Problem {
    std::string where;    // "file:line" (or "file:line:column" for JSON syntax errors)
    std::string message;  // what is wrong, naming the field and the bad value

    std::string to_string() const { return where + ": " + message; }
};

}  // namespace rapport
