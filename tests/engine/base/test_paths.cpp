#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace rapport;
using rapport::test::TempDir;

namespace {
// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("data and config folders follow XDG, with the home fallbacks") {
    ScopedEnv data("XDG_DATA_HOME", "/tmp/xdg-data");
    ScopedEnv config("XDG_CONFIG_HOME", "/tmp/xdg-config");
    CHECK(data_dir() == "/tmp/xdg-data/rapport");
    CHECK(default_db_path() == "/tmp/xdg-data/rapport/rapport.db");
    CHECK(user_banks_dir() == "/tmp/xdg-data/rapport/banks");
    CHECK(config_dir() == "/tmp/xdg-config/rapport");

    ScopedEnv no_data("XDG_DATA_HOME", nullptr);
    ScopedEnv relative_config("XDG_CONFIG_HOME", "relative/is/ignored");
    ScopedEnv home("HOME", "/home/zoe");
    CHECK(default_db_path() == "/home/zoe/.local/share/rapport/rapport.db");
    CHECK(config_dir() == "/home/zoe/.config/rapport");
}

TEST_CASE("without XDG_DATA_HOME or HOME the data folder is an error, not a guess") {
    ScopedEnv no_data("XDG_DATA_HOME", nullptr);
    ScopedEnv no_home("HOME", nullptr);
    CHECK_THROWS_AS(data_dir(), Error);
}

TEST_CASE("shipped data comes from the source tree when run from the build tree") {
    CHECK(std::filesystem::is_directory(shipped_banks_dir()));
    CHECK(shipped_banks_dir() == rapport::test::source_dir() / "question-banks");
}

TEST_CASE("ensure_private_dir creates missing folders with mode 0700") {
    TempDir tmp;
    auto dir = tmp / "a" / "b" / "rapport";
    ensure_private_dir(dir);
    CHECK(std::filesystem::is_directory(dir));
    CHECK(rapport::test::permissions_of(dir) == std::filesystem::perms::owner_all);
}
