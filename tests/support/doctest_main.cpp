// The main of every test suite.
//
// Tests never touch the real user's data. CTest already points the XDG folders and HOME
// inside the build tree; this main does the same before any test runs, so that a suite
// started by hand (build/tests/gui_model_tests) is just as safe.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <utility>

namespace {

void keep_tests_inside_the_build_tree() {
    const std::filesystem::path root = RAPPORT_TEST_XDG_DIR;
    const std::pair<const char*, const char*> folders[] = {
        {"XDG_DATA_HOME", "data"}, {"XDG_CONFIG_HOME", "config"}, {"HOME", "home"}};
    for (const auto& [variable, folder] : folders) {
        const std::filesystem::path place = root / folder;
        std::filesystem::create_directories(place);
        setenv(variable, place.c_str(), 1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    keep_tests_inside_the_build_tree();
    doctest::Context context(argc, argv);
    return context.run();
}
