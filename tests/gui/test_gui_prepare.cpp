// The Prepare screen in the real app under Xvfb (scripted input, see
// gui/test_script.h): pick tags, get a sheet, type a question to avoid and see
// the red warning, use the suggestion, save the sheet with Ctrl+S, and find it
// on disk and in the database. Coordinates are window pixels at the default
// size and scale (1100×720), read off screenshots of this screen.
#include "engine/records/database.h"
#include "engine/records/settings.h"
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// The "Avoid" badge and the caution badge, counted in the right half of the
// window (the sheet and the question box).
const Rgb8 kAvoidRed = screen_color(rapport::gui::palette::alert);
const Rgb8 kCautionAmber = screen_color(rapport::gui::palette::caution);
size_t right_half_near(const Image& image, Rgb8 color) {
    return pixels_near(image, color, 12, image.width / 2);
}

// Where Ctrl+S saves the sheet by default.
fs::path exported(const GuiRun& r) { return r.home / "rapport-questions.md"; }

// Ctrl+2 opens Prepare; Ctrl+F, "tech", Enter picks Technology; a click on
// "Explore a field" picks the goal; then the question box gets the text.
json pick_tags_and_type(const GuiRun& r, const std::string& question) {
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
    GuiRun r;
    json steps = pick_tags_and_type(r, "Any openings on your team?");
    for (json step : json::array({
             {{"frame", 26}, {"key", "Enter"}},           // refused: asks to confirm
             {{"frame", 30}, {"click", {618, 690}}},      // "Use suggestion"
             {{"frame", 34}, {"key", "Enter"}},           // adds the suggestion
             {{"frame", 38}, {"key", "S"}, {"ctrl", true}},
             {{"frame", 42}, {"screenshot", r.shot("saved").string()}},
         }))
        steps.push_back(step);
    auto result = r.run("home", steps, 44);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);

    const Image empty = load_png(r.shot("empty")), sheet = load_png(r.shot("sheet")),
                warning = load_png(r.shot("warning"));
    REQUIRE_FALSE(sheet.empty());
    CHECK(sheet.rgb != empty.rgb);                         // the sheet appeared
    CHECK(sheet.dark_fraction() > empty.dark_fraction());  // with many lines of text
    CHECK(right_half_near(sheet, kAvoidRed) == 0);
    CHECK(right_half_near(warning, kAvoidRed) > 300);  // the red "Avoid" badge

    // The question to avoid was not added; the suggestion was, and is saved.
    REQUIRE(fs::exists(exported(r)));
    CHECK(permissions_of(exported(r)) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string md = read_file(exported(r));
    CHECK(md.find("## Opening") != std::string::npos);
    CHECK(md.find("- [ ] What's the best way for someone like me to find openings") != std::string::npos);
    CHECK(md.find("Any openings on your team?") == std::string::npos);

    // Kept in the database for the next run.
    auto db = rapport::Database::open(r.db);
    const auto stored = rapport::get_setting(db, "prepare.session");
    REQUIRE(stored);
    const json session = json::parse(*stored);
    CHECK(session["industries"] == json::array({"technology"}));
    CHECK(session["goals"] == json::array({"explore-field"}));
    REQUIRE(session["custom"].size() == 1);
    CHECK(session["custom"][0]["text"].get<std::string>().rfind("What's the best way", 0) == 0);
}

TEST_CASE("Prepare: Ctrl+S never replaces an existing file without asking") {
    GuiRun r;
    fs::create_directories(r.home);
    write_file(exported(r), "my own notes");
    json steps = pick_tags_and_type(r, "Do you like your job?");
    for (json step : json::array({
             {{"frame", 26}, {"key", "S"}, {"ctrl", true}},
             {{"frame", 30}, {"screenshot", r.shot("asked").string()}},
             {{"frame", 31}, {"key", "Escape"}},
         }))
        steps.push_back(step);
    auto result = r.run("home", steps, 34);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(read_file(exported(r)) == "my own notes");
    // A caution is amber, not red: no avoid badge for this one.
    CHECK(right_half_near(load_png(r.shot("warning")), kAvoidRed) == 0);
    CHECK(right_half_near(load_png(r.shot("warning")), kCautionAmber) > 300);
}
