// Spelling in the real app under Xvfb: the thank-you note's issues are listed
// under it (once the dictionary has loaded in the background), F7 takes the
// first suggestion, and "Mark thank-you sent" first shows the count, then
// goes ahead on the second click; a misspelled word is underlined in the
// pitch script and in your own question on Prepare. The logic itself is
// tested on SpellCheckModel (tests/gui_models).
#include "engine/pitch/store.h"
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1; the buttons stay at the
// bottom of the column whatever the list's length.
constexpr int kMarkSentX = 860, kMarkSentY = 597;
// The first suggestion in the right-click menu of "recieved" in the pitch script.
constexpr int kFirstSuggestionX = 330, kFirstSuggestionY = 248;

}  // namespace

TEST_CASE("Debrief: spelling issues listed, F7 fixes the first, Mark sent warns once") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Camille Roy"});
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Montréal Cartography"});
    app.cli({"meeting", "add", "--contact", "1", "--at", "2025-03-10T09:00", "--minutes", "30"});
    app.cli({"debrief", "--meeting", "1", "--answer",
             "learned=Old survey maps are kept by volunteeers. It was an usefull talk."});
    auto r = app.run("debrief",
                     json::array({// The dictionary loads in the background: nothing until then.
                                  {{"frame", 1}, {"screenshot", app.shot("loading").string()}},
                                  {{"frame", 2}, {"wait_idle", true}},  // loaded, suggestions found
                                  {{"frame", 30}, {"screenshot", app.shot("issues").string()}},
                                  // Taken when the worker has the suggestions (frames run without pause
                                  // here, so give it a couple of seconds).
                                  {{"frame", 31}, {"key", "F7"}},
                                  {{"frame", 220}, {"screenshot", app.shot("fixed").string()}},
                                  {{"frame", 221}, {"click", {kMarkSentX, kMarkSentY}}},
                                  {{"frame", 225}, {"screenshot", app.shot("warned").string()}},
                                  {{"frame", 226}, {"click", {kMarkSentX, kMarkSentY}}},
                                  {{"frame", 230}, {"screenshot", app.shot("sent").string()}}}),
                     232);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    // The edited note is kept (with the fix) and the thank-you is marked sent.
    const json exported = json::parse(app.cli({"export"}));
    const std::string note = exported.at("settings").at("debrief.thank-you-draft.1");
    CHECK(note.find("kept by volunteers.") != std::string::npos);
    CHECK(note.find("an usefull") != std::string::npos);  // only the first issue was taken
    CHECK_FALSE(app.cli_json({"debrief", "--meeting", "1"}).at("thank_you_sent_at").is_null());

    // Spelling errors are drawn in the error red; fewer once one is fixed.
    const Image issues = load_png(app.shot("issues"));
    const Image fixed = load_png(app.shot("fixed"));
    CHECK(red_pixels(issues) > red_pixels(fixed));
    CHECK(red_pixels(fixed) > 0);
    CHECK(load_png(app.shot("fixed")).rgb != load_png(app.shot("warned")).rgb);  // the warning
    CHECK(load_png(app.shot("warned")).rgb != load_png(app.shot("sent")).rgb);
}

namespace {

// Red pixels inside a rectangle [x0, y0, x1, y1] of the window (the wavy
// underline is the only red a field draws).
size_t red_pixels_in(const Image& image, int x0, int y0, int x1, int y1) {
    Image part;
    part.width = x1 - x0;
    part.height = y1 - y0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            for (int c = 0; c < 3; ++c)
                part.rgb.push_back(image.rgb[(static_cast<size_t>(y) * image.width + x) * 3 + c]);
    return red_pixels(part);
}

// One row of pixels from x0 on, as an image.
Image row_of(const Image& image, int y, int x0) {
    Image row;
    row.width = image.width - x0;
    row.height = 1;
    const auto* start = &image.rgb[(static_cast<size_t>(y) * image.width + x0) * 3];
    row.rgb.assign(start, start + row.width * 3);
    return row;
}

// The pitch screen with `script` seeded; the red inside the script's field
// once the dictionary has loaded.
size_t red_in_pitch_field(const std::string& script, const std::string& tag) {
    GuiRun app;
    write_file(app.tmp / "pitch.txt", script);
    app.cli({"pitch", "scripts", "add", "--title", "Libraries", "--target", "30",
             (app.tmp / "pitch.txt").string()});
    const auto report = app.tmp / "layout.json";
    auto r = app.run("pitch",
                     json::array({{{"frame", 3}, {"wait_idle", true}},
                                  {{"frame", 40}, {"screenshot", app.shot(tag).string()}}}),
                     41,
                     {"--layout-report", report.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const json reports = json::parse(read_file(report));
    const json& editors = reports.at(0).at("editors");
    REQUIRE(editors.size() == 1);
    const json& rect = editors[0]["rect"];
    return red_pixels_in(load_png(app.shot(tag)), rect[0].get<int>(), rect[1].get<int>(),
                         rect[2].get<int>(), rect[3].get<int>());
}

}  // namespace

TEST_CASE("Pitch: a misspelled word in the script is underlined") {
    const size_t typo = red_in_pitch_field(
        "I recieved my degree in library science, and now I want to lern how city archives work.\n",
        "pitch-typo");
    const size_t clean = red_in_pitch_field(
        "I received my degree in library science, and now I want to learn how city archives work.\n",
        "pitch-clean");
    CHECK(typo > 30);  // two wavy lines
    CHECK(clean == 0);
}

TEST_CASE("Prepare: a misspelled word in your own question is underlined in the field") {
    GuiRun r;
    // As tests/gui/test_gui_prepare.cpp: Technology, "Explore a field", then the question box.
    const json steps = json::array({
        {{"frame", 2}, {"key", "2"}, {"ctrl", true}},
        {{"frame", 6}, {"key", "F"}, {"ctrl", true}},
        {{"frame", 8}, {"text", "tech"}},
        {{"frame", 10}, {"key", "Enter"}},
        {{"frame", 14}, {"click", {260, 523}}},
        {{"frame", 19}, {"click", {700, 656}}},
        {{"frame", 21}, {"text", "What does a tipical week look like for you?"}},
        {{"frame", 23}, {"wait_idle", true}},
        {{"frame", 40}, {"screenshot", r.shot("own-typo").string()}},
        {{"frame", 41}, {"key", "A"}, {"ctrl", true}},
        {{"frame", 43}, {"text", "What does a typical week look like for you?"}},
        {{"frame", 60}, {"screenshot", r.shot("own-clean").string()}},
    });
    auto result = r.run("home", steps, 61);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    // The red above the green "Fine" badge of the avoid check, which sits
    // between the question's field and the list of issues (whose word is red too).
    const auto red_above_badge = [&](const char* tag) {
        const Image shot = load_png(r.shot(tag));
        const int half = shot.width / 2;
        for (int y = 0; y < shot.height; ++y)
            if (pixels_near(row_of(shot, y, half), screen_color(rapport::gui::palette::good), 40) >= 10)
                return red_pixels_in(shot, half, 0, shot.width, y);
        FAIL("no avoid-check badge on " << tag);
        return size_t{0};
    };
    CHECK(red_above_badge("own-typo") > 15);
    CHECK(red_above_badge("own-clean") == 0);
}

TEST_CASE("Pitch: right-click an underlined word, pick a suggestion; the script is saved with it") {
    GuiRun app;
    write_file(app.tmp / "pitch.txt", "I recieved my degree in library science.\n");
    app.cli({"pitch", "scripts", "add", "--title", "Libraries", "--target", "30",
             (app.tmp / "pitch.txt").string()});
    auto r = app.run("pitch",
                     json::array({{{"frame", 3}, {"wait_idle", true}},
                                  {{"frame", 40}, {"right_click", {285, 190}}},  // on "recieved"
                                  {{"frame", 42}, {"wait_idle", true}},  // the suggestions
                                  {{"frame", 200}, {"screenshot", app.shot("menu").string()}},
                                  {{"frame", 201}, {"click", {kFirstSuggestionX, kFirstSuggestionY}}},
                                  {{"frame", 260}, {"screenshot", app.shot("replaced").string()}}}),
                     262);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    rapport::Database db = rapport::Database::open(app.db);
    const auto scripts = rapport::list_pitch_scripts(db);
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].text.find("I received my degree") == 0);
}
