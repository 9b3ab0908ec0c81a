#include "engine/base/paths.h"

#include "engine/base/error.h"

#include <rapport/build_config.h>

#include <cstdlib>
#include <system_error>

namespace rapport {
namespace {

// XDG says: use the variable when it is set to an absolute path, else the
// fallback under $HOME.
fs::path xdg_dir(const char* variable, const char* fallback_under_home) {
    if (const char* value = std::getenv(variable); value && value[0] == '/')
        return fs::path(value);
    const char* home = std::getenv("HOME");
    if (!home || !*home)
        throw Error(std::string("cannot locate the data folder: neither ") + variable +
                    " nor HOME is set");
    return fs::path(home) / fallback_under_home;
}

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace

fs::path data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share") / "rapport"; }
fs::path config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config") / "rapport"; }
fs::path default_db_path() { return data_dir() / "rapport.db"; }
fs::path user_banks_dir() { return data_dir() / "banks"; }

fs::path shipped_data_dir() {
    const fs::path exe_dir = executable_dir();
    if (!exe_dir.empty()) {
        fs::path installed = exe_dir.parent_path() / RAPPORT_INSTALL_DATA_DIR;
        std::error_code ec;
        if (fs::is_directory(installed / "question-banks", ec)) return installed;
    }
    return fs::path(RAPPORT_SOURCE_DIR);
}

fs::path shipped_banks_dir() { return shipped_data_dir() / "question-banks"; }
fs::path shipped_assets_dir() { return shipped_data_dir() / "assets"; }

void ensure_private_dir(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    // Create parents with default permissions, the last folder private.
    ec.clear();  // is_directory() leaves "not found" in ec
    // A relative "folder" has an empty parent: nothing to create above it.
    if (!dir.parent_path().empty()) fs::create_directories(dir.parent_path(), ec);
    if (ec) throw Error("cannot create folder " + dir.parent_path().string() + ": " + ec.message());
    fs::create_directory(dir, ec);
    if (ec) throw Error("cannot create folder " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) throw Error("cannot make folder " + dir.string() + " private: " + ec.message());
}

}  // namespace rapport
