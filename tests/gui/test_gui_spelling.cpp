// Spelling in the real app under Xvfb: the thank-you note's issues are listed
// under it, F7 takes the first suggestion, and "Mark thank-you sent" first
// shows the count, then goes ahead on the second click. The logic itself is
// tested on SpellCheckModel (tests/gui_models).
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1; the buttons stay at the
// bottom of the column whatever the list's length.
constexpr int kMarkSentX = 860, kMarkSentY = 597;

}  // namespace

TEST_CASE("Debrief: spelling issues listed, F7 fixes the first, Mark sent warns once") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Camille Roy"});
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Montréal Cartography"});
    app.cli({"meeting", "add", "--contact", "1", "--at", "2025-03-10T09:00", "--minutes", "30"});
    app.cli({"debrief", "--meeting", "1", "--answer",
             "learned=Old survey maps are kept by volunteeers. It was an usefull talk."});
    auto r = app.run("debrief",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("issues").string()}},
                                  // Taken when the worker has the suggestions (frames run without pause
                                  // here, so give it a couple of seconds).
                                  {{"frame", 3}, {"key", "F7"}},
                                  {{"frame", 190}, {"screenshot", app.shot("fixed").string()}},
                                  {{"frame", 191}, {"click", {kMarkSentX, kMarkSentY}}},
                                  {{"frame", 195}, {"screenshot", app.shot("warned").string()}},
                                  {{"frame", 196}, {"click", {kMarkSentX, kMarkSentY}}},
                                  {{"frame", 200}, {"screenshot", app.shot("sent").string()}}}),
                     202);
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
