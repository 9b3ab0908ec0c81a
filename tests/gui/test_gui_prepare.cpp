// The Prepare screen in the real app under Xvfb (scripted input, see
// gui/test_script.h): pick tags, get a sheet, type a question to avoid and see
// the red warning, use the suggestion, save the sheet with Ctrl+S, and find it
// on disk and in the database. Coordinates are window pixels at the default
// size and scale (1100×720), read off screenshots of this screen.
#include "engine/records/database.h"
#include "engine/records/settings.h"
#include "tests/gui/png_image.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace rapport::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The "Avoid" badge colour (kAvoidColor in gui/screens/prepare.cpp).
constexpr int kAvoidRed[3] = {199, 26, 26};

// Pixels within tolerance of a colour in the window's right half (the sheet
// and the question box).
size_t pixels_near(const Image& image, const int (&rgb)[3], int tolerance = 12) {
    size_t count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = image.width / 2; x < image.width; ++x) {
            const auto* p = &image.rgb[(static_cast<size_t>(y) * image.width + x) * 3];
            if (std::abs(p[0] - rgb[0]) <= tolerance && std::abs(p[1] - rgb[1]) <= tolerance &&
                std::abs(p[2] - rgb[2]) <= tolerance)
                ++count;
        }
    return count;
}

struct PrepareRun {
    TempDir tmp;
    fs::path shot(const std::string& name) const { return tmp / (name + ".png"); }
    fs::path exported() const { return tmp / "home" / "rapport-questions.md"; }

    CommandResult run(json steps, int frames) const {
        fs::create_directories(tmp / "home");
        write_file(tmp / "script.json", steps.dump());
        CommandOptions o;
        o.env["XDG_CONFIG_HOME"] = (tmp / "config").string();
        o.env["XDG_DATA_HOME"] = (tmp / "data").string();
        o.env["HOME"] = (tmp / "home").string();  // the default export file goes here
        return run_command(RAPPORT_GUI_PATH,
                           {"--frames", std::to_string(frames), "--script",
                            (tmp / "script.json").string()},
                           o);
    }
};

// Ctrl+2 opens Prepare; Ctrl+F, "tech", Enter picks Technology; a click on
// "Explore a field" picks the goal; then the question box gets the text.
json pick_tags_and_type(const PrepareRun& r, const std::string& question) {
    return json::array({
        {{"frame", 2}, {"key", "2"}, {"ctrl", true}},
        {{"frame", 5}, {"screenshot", r.shot("empty").string()}},
        {{"frame", 6}, {"key", "F"}, {"ctrl", true}},
        {{"frame", 8}, {"text", "tech"}},
        {{"frame", 10}, {"key", "Enter"}},
        {{"frame", 14}, {"click", {260, 523}}},
        {{"frame", 18}, {"screenshot", r.shot("sheet").string()}},
        {{"frame", 19}, {"click", {700, 656}}},
        {{"frame", 21}, {"text", question}},
        {{"frame", 25}, {"screenshot", r.shot("warning").string()}},
    });
}

}  // namespace

TEST_CASE("Prepare: a sheet, the avoid warning as you type, the suggestion saved with Ctrl+S") {
    PrepareRun r;
    json steps = pick_tags_and_type(r, "Any openings on your team?");
    for (json step : json::array({
             {{"frame", 26}, {"key", "Enter"}},           // refused: asks to confirm
             {{"frame", 30}, {"click", {618, 690}}},      // "Use suggestion"
             {{"frame", 34}, {"key", "Enter"}},           // adds the suggestion
             {{"frame", 38}, {"key", "S"}, {"ctrl", true}},
             {{"frame", 42}, {"screenshot", r.shot("saved").string()}},
         }))
        steps.push_back(step);
    auto result = r.run(steps, 44);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);

    const Image empty = load_png(r.shot("empty")), sheet = load_png(r.shot("sheet")),
                warning = load_png(r.shot("warning"));
    REQUIRE_FALSE(sheet.empty());
    CHECK(sheet.rgb != empty.rgb);                         // the sheet appeared
    CHECK(sheet.dark_fraction() > empty.dark_fraction());  // with many lines of text
    CHECK(pixels_near(sheet, kAvoidRed) == 0);
    CHECK(pixels_near(warning, kAvoidRed) > 300);  // the red "Avoid" badge

    // The question to avoid was not added; the suggestion was, and is saved.
    REQUIRE(fs::exists(r.exported()));
    CHECK(permissions_of(r.exported()) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string md = read_file(r.exported());
    CHECK(md.find("## Opening") != std::string::npos);
    CHECK(md.find("- [ ] What's the best way for someone like me to find openings") != std::string::npos);
    CHECK(md.find("Any openings on your team?") == std::string::npos);

    // Kept in the database for the next run.
    auto db = rapport::Database::open(r.tmp / "data" / "rapport" / "rapport.db");
    const auto stored = rapport::get_setting(db, "prepare.session");
    REQUIRE(stored);
    const json session = json::parse(*stored);
    CHECK(session["industries"] == json::array({"technology"}));
    CHECK(session["goals"] == json::array({"explore-field"}));
    REQUIRE(session["custom"].size() == 1);
    CHECK(session["custom"][0]["text"].get<std::string>().rfind("What's the best way", 0) == 0);
}

TEST_CASE("Prepare: Ctrl+S never replaces an existing file without asking") {
    PrepareRun r;
    fs::create_directories(r.tmp / "home");
    write_file(r.exported(), "my own notes");
    json steps = pick_tags_and_type(r, "Do you like your job?");
    for (json step : json::array({
             {{"frame", 26}, {"key", "S"}, {"ctrl", true}},
             {{"frame", 30}, {"screenshot", r.shot("asked").string()}},
             {{"frame", 31}, {"key", "Escape"}},
         }))
        steps.push_back(step);
    auto result = r.run(steps, 34);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(read_file(r.exported()) == "my own notes");
    // A caution is amber, not red: no avoid badge for this one.
    CHECK(pixels_near(load_png(r.shot("warning")), kAvoidRed) == 0);
    CHECK(pixels_near(load_png(r.shot("warning")), {204, 120, 0}) > 300);
}
