// Runs the real app under Xvfb (ctest starts this suite through xvfb-run).
#include "tests/gui/png_image.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport::test;
namespace fs = std::filesystem;

TEST_CASE("the app renders its window with readable accented text") {
    TempDir tmp;
    // An accented folder name: the Home screen shows the database path.
    const fs::path db = tmp / "Zoë Ångström — Montréal" / "rapport.db";
    const fs::path shot = tmp / "home.png";
    auto r = run_command(RAPPORT_GUI_PATH, {"--db", db.string(), "--frames", "5", "--screenshot",
                                            shot.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(permissions_of(db) == (fs::perms::owner_read | fs::perms::owner_write));

    Image image = load_png(shot);
    REQUIRE_FALSE(image.empty());
    CHECK(image.width >= 800);
    CHECK(image.height >= 500);
    // A blank or single-colour frame fails: text and panels give many shades.
    CHECK(image.distinct_colors() > 20);
    CHECK(image.dark_fraction() > 0.005);
}

TEST_CASE("--version and --help answer without a window") {
    auto version = run_command(RAPPORT_GUI_PATH, {"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("rapport 0.") != std::string::npos);
    auto help = run_command(RAPPORT_GUI_PATH, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--screenshot") != std::string::npos);
    auto bad = run_command(RAPPORT_GUI_PATH, {"--frames", "many"});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("with no display the app says so and exits 2") {
    CommandOptions opts;
    opts.env["DISPLAY"] = std::nullopt;
    opts.env["WAYLAND_DISPLAY"] = std::nullopt;
    auto r = run_command(RAPPORT_GUI_PATH, {"--frames", "1"}, opts);
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("xvfb-run") != std::string::npos);
}

TEST_CASE("SIGTERM and SIGINT close the app cleanly, saving the last frame") {
    for (const char* signal_name : {"TERM", "INT"}) {
        TempDir tmp;
        const fs::path shot = tmp / "last.png";
        // timeout sends the signal after 3 s; --preserve-status returns the app's own exit code.
        auto r = run_command("/usr/bin/timeout",
                             {"--preserve-status", "-s", signal_name, "3", RAPPORT_GUI_PATH, "--db",
                              (tmp / "r.db").string(), "--screenshot", shot.string()});
        INFO("signal " << signal_name << ", stderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK_FALSE(load_png(shot).empty());
    }
}

TEST_CASE("opening the app keeps today's backup beside the database") {
    TempDir tmp;
    const fs::path db = tmp / "data" / "rapport.db";
    auto r = run_command(RAPPORT_GUI_PATH, {"--db", db.string(), "--frames", "2"});
    REQUIRE(r.exit_code == 0);
    size_t backups = 0;
    for (const auto& entry : fs::directory_iterator(tmp / "data" / "backups")) {
        ++backups;
        CHECK(permissions_of(entry.path()) == (fs::perms::owner_read | fs::perms::owner_write));
    }
    CHECK(backups == 1);
}
