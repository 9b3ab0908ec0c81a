// The Debrief screen in the real app under Xvfb, on a database seeded with
// rapport-cli: a choice and typed text reach the database (Escape keeps what
// was typed), and "Mark thank-you sent" does what `rapport-cli debrief
// --thank-you-sent` does. The logic itself is tested on DebriefModel.
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1.
constexpr int kPartlyX = 407, kPartlyY = 195;               // "some of them"
constexpr int kNewQuestionsX = 460, kNewQuestionsY = 292;   // the first text item
constexpr int kMarkSentX = 860, kMarkSentY = 645;

// Zoë's meeting (no thank-you yet) is the one opened by default: Marc's is
// more recent, but its thank-you is already sent.
void seed(const GuiRun& app) {
    app.cli({"profile", "set", "--name", "Camille Roy"});
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Montréal Cartography"});
    app.cli({"contact", "add", "--name", "Marc Lévesque"});
    app.cli({"meeting", "add", "--contact", "1", "--at", "2025-03-10T09:00", "--minutes", "30"});
    app.cli({"meeting", "add", "--contact", "2", "--at", "2025-03-11T09:00", "--minutes", "30"});
    app.cli({"debrief", "--meeting", "2", "--thank-you-sent", "--at", "2025-03-11T18:00"});
    app.cli({"debrief", "--meeting", "1", "--answer",
             "learned=Survey maps of Québec are scanned by volunteers."});
    // A note with no spelling issue: the step they add is tested in test_gui_spelling.cpp.
    app.cli({"words", "add", "Québec"});
}

}  // namespace

TEST_CASE("Debrief: a choice, typed text and the thank-you mark reach the database") {
    GuiRun app;
    seed(app);
    const std::string typed = "Which Montréal archives lend old maps?";
    auto r = app.run("debrief",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("opened").string()}},
                                  {{"frame", 3}, {"click", {kPartlyX, kPartlyY}}},
                                  {{"frame", 5}, {"click", {kNewQuestionsX, kNewQuestionsY}}},
                                  {{"frame", 7}, {"text", typed}},
                                  {{"frame", 9}, {"key", "Escape"}},  // leaves the field, keeps the text
                                  {{"frame", 11}, {"screenshot", app.shot("typed").string()}},
                                  {{"frame", 12}, {"click", {kMarkSentX, kMarkSentY}}},
                                  {{"frame", 15}, {"screenshot", app.shot("sent").string()}}}),
                     17);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    const json debrief = app.cli_json({"debrief", "--meeting", "1"});
    CHECK(debrief.at("answers").at("critical-answered") == "partly");
    CHECK(debrief.at("answers").at("new-questions") == typed);
    CHECK_FALSE(debrief.at("thank_you_sent_at").is_null());
    CHECK(app.cli_json({"debrief", "--meeting", "2"}).at("answers").empty());
    for (const auto& f : app.cli_json({"followups"})) CHECK(f.at("kind") != "thank-you");

    CHECK(load_png(app.shot("opened")).rgb != load_png(app.shot("typed")).rgb);
    CHECK(load_png(app.shot("typed")).rgb != load_png(app.shot("sent")).rgb);
}

TEST_CASE("Debrief: with no meeting yet, it says what to do first") {
    GuiRun app;
    auto r = app.run("debrief", json::array({{{"frame", 2}, {"screenshot", app.shot("empty").string()}}}), 4);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const Image empty = load_png(app.shot("empty"));
    CHECK(empty.dark_fraction() > 0.002);
    CHECK(red_pixels(empty) == 0);
}
