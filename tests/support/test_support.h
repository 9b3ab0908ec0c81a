// Helpers shared by the test suites: private temporary folders and running
// the real programs as a user would.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed with everything in it
// when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const fs::path& name) const { return path_ / name; }

private:
    fs::path path_;
};

struct CommandResult {
    int exit_code = -1;  // -1 when the program died from a signal
    int signal = 0;
    std::string out;
    std::string err;
};

struct CommandOptions {
    std::string stdin_text;
    // Extra environment variables (value std::nullopt removes the variable).
    std::map<std::string, std::optional<std::string>> env;
    double timeout_seconds = 120;
};

// Runs program with args (no shell), feeding stdin and collecting both outputs.
CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                          const CommandOptions& options = {});

// rapport-cli with the given args; XDG folders point into `home` when given.
CommandResult run_cli(const std::vector<std::string>& args, const CommandOptions& options = {});

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& text);
fs::perms permissions_of(const fs::path& path);

// The source tree (for the shipped question banks).
fs::path source_dir();

}  // namespace rapport::test
