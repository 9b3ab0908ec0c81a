// Errors the engine reports to its front ends.
//
// Every failure the user can act on is an rapport::Error whose message names
// what failed and where (a file, a line, a field). The CLI prints it on stderr
// and exits 2; the app shows it inside the screen. Programming errors are not
// Errors: they stay ordinary exceptions or assertions.
#pragma once

#include <stdexcept>
#include <string>

namespace rapport {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace rapport
