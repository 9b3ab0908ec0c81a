// rapport-cli: the command-line front end. All logic lives in the engine;
// see cli/run.cpp for the command table.
#include "cli/run.h"

int main(int argc, char** argv) { return rapport::cli::run(argc, argv); }
