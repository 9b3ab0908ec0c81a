// Navigation, shortcuts and remembered window state, driven through the real
// app under Xvfb with scripted input (--script, see gui/test_script.h).
#include "tests/gui/gui_run.h"

using namespace rapport::test;

TEST_CASE("Ctrl+3 opens the Pitch screen, and the app reopens on it") {
    GuiRun gui;
    const fs::path before = gui.tmp / "before.png", after = gui.tmp / "after.png";
    auto r = gui.run("", nlohmann::json::array({
                         {{"frame", 2}, {"screenshot", before.string()}},
                         {{"frame", 3}, {"key", "3"}, {"ctrl", true}},
                         {{"frame", 6}, {"screenshot", after.string()}},
                     }),
                     8);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(load_png(before).rgb != load_png(after).rgb);
    auto state = gui.saved_state();
    CHECK(state["screen"] == "pitch");
    CHECK(permissions_of(gui.tmp / "config" / "rapport" / "gui.json") ==
          (fs::perms::owner_read | fs::perms::owner_write));

    // Second run: no input at all, it opens where the user left.
    const fs::path reopened = gui.tmp / "reopened.png";
    auto again = gui.run("", nlohmann::json::array({{{"frame", 3}, {"screenshot", reopened.string()}}}), 4);
    REQUIRE(again.exit_code == 0);
    CHECK(load_png(reopened).rgb == load_png(after).rgb);
}

TEST_CASE("clicking a navigation entry opens its screen") {
    GuiRun gui;
    // At the default scale the entries are 25 pixels apart: "Meeting (live)"
    // is the fifth, "Debrief" the sixth.
    auto r = gui.run("", nlohmann::json::array({{{"frame", 2}, {"click", {60, 187}}}}), 6);
    REQUIRE(r.exit_code == 0);
    CHECK(gui.saved_state()["screen"] == "debrief");
    auto live = gui.run("", nlohmann::json::array({{{"frame", 2}, {"click", {60, 162}}}}), 6);
    REQUIRE(live.exit_code == 0);
    CHECK(gui.saved_state()["screen"] == "meeting");
}

TEST_CASE("Ctrl+5 opens the live meeting, Ctrl+6 the debrief") {
    GuiRun gui;
    auto r = gui.run("", nlohmann::json::array({{{"frame", 2}, {"key", "5"}, {"ctrl", true}}}), 5);
    REQUIRE(r.exit_code == 0);
    CHECK(gui.saved_state()["screen"] == "meeting");
    r = gui.run("", nlohmann::json::array({{{"frame", 2}, {"key", "6"}, {"ctrl", true}}}), 5);
    REQUIRE(r.exit_code == 0);
    CHECK(gui.saved_state()["screen"] == "debrief");
}

TEST_CASE("the window size is remembered; a broken state file falls back to defaults") {
    GuiRun gui;
    fs::create_directories(gui.tmp / "config" / "rapport");
    write_file(gui.tmp / "config" / "rapport" / "gui.json",
               R"({"width": 900, "height": 600, "screen": "prepare"})");
    const fs::path shot = gui.tmp / "sized.png";
    auto r = gui.run("", nlohmann::json::array({{{"frame", 1}, {"screenshot", shot.string()}}}), 2);
    REQUIRE(r.exit_code == 0);
    Image image = load_png(shot);
    CHECK(image.width == 900);
    CHECK(image.height == 600);
    CHECK(gui.saved_state()["screen"] == "prepare");

    write_file(gui.tmp / "config" / "rapport" / "gui.json", "{ not json");
    auto broken = gui.run("", nlohmann::json::array(), 2);
    CHECK(broken.exit_code == 0);
    CHECK(gui.saved_state()["width"] == 1100);
}

TEST_CASE("a bad script is refused with its file and line") {
    GuiRun gui;
    write_file(gui.tmp / "bad.json", "[\n {\"frame\": 1, \"key\": \"NoSuchKey\"}\n]");
    auto r = run_command(RAPPORT_GUI_PATH,
                         {"--frames", "2", "--script", (gui.tmp / "bad.json").string()},
                         gui.options());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.json:2") != std::string::npos);
}
