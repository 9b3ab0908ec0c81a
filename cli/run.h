#pragma once

namespace rapport::cli {
// Parses the command line, runs one command, returns the exit code.
int run(int argc, char** argv);
}
