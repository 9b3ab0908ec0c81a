// The Home screen in the real app under Xvfb, on databases seeded with
// rapport-cli: "Mark sent" reaches the database, "Draft" opens the Debrief of
// that meeting, and a new user's first steps lead to the right screens. The
// logic itself is tested on HomeModel (tests/gui_models/).
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1: the first item due has
// its text at y 100 and its buttons below it; the empty state's first step.
constexpr int kFirstDueButtonsY = 125, kDraftX = 581, kMarkSentX = 663;
constexpr int kAddContactX = 620, kAddContactY = 130;
// The first choice item of the Debrief checklist: "some of them".
constexpr int kPartlyX = 407, kPartlyY = 195;
// The third of five points of the pitch history, with nothing else on Home.
constexpr int kThirdPointX = 691, kThirdPointY = 317;

// Zoë's meeting ended long ago (overdue), Élodie's more recently (also due);
// Ingrid's is still to come.
void seed_meetings(const GuiRun& app) {
    app.cli({"profile", "set", "--name", "Camille Roy"});
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Montréal Cartography"});
    app.cli({"contact", "add", "--name", "Élodie Brûlé", "--company", "Québec Archives"});
    app.cli({"contact", "add", "--name", "Ingrid Öberg", "--company", "Göteborg Maps"});
    app.cli({"meeting", "add", "--contact", "1", "--at", "2025-03-10T09:00", "--minutes", "30"});
    app.cli({"meeting", "add", "--contact", "2", "--at", "2025-04-02T14:00", "--minutes", "20"});
    app.cli({"meeting", "add", "--contact", "3", "--at", "2030-05-02T14:30", "--minutes", "45"});
}

std::vector<long long> thank_you_meetings(const json& followups) {
    std::vector<long long> out;
    for (const auto& f : followups)
        if (f.at("kind") == "thank-you") out.push_back(f.at("meeting_id"));
    return out;
}

}  // namespace

TEST_CASE("Home: clicking Mark sent marks the thank-you sent in the database") {
    GuiRun app;
    seed_meetings(app);
    REQUIRE(thank_you_meetings(app.cli_json({"followups"})) == std::vector<long long>{1, 2});

    auto r = app.run("home",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("before").string()}},
                                  {{"frame", 3}, {"click", {kMarkSentX, kFirstDueButtonsY}}},
                                  {{"frame", 6}, {"screenshot", app.shot("after").string()}}}),
                     8);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    CHECK(thank_you_meetings(app.cli_json({"followups"})) == std::vector<long long>{2});
    CHECK_FALSE(app.cli_json({"debrief", "--meeting", "1"}).at("thank_you_sent_at").is_null());
    CHECK(app.cli_json({"debrief", "--meeting", "2"}).at("thank_you_sent_at").is_null());
    // Both thank-yous are overdue (red); one went.
    const size_t red_before = red_pixels(load_png(app.shot("before")));
    const size_t red_after = red_pixels(load_png(app.shot("after")));
    CHECK(red_after > 300);
    CHECK(red_before > red_after + 300);
    CHECK(app.last_screen() == "home");
}

TEST_CASE("Home: Draft opens the Debrief of that meeting, where a choice is saved") {
    GuiRun app;
    seed_meetings(app);
    // Opened on its own, the Debrief would show Élodie's (the newest); Draft
    // on Zoë's overdue thank-you must open hers.
    auto r = app.run("home",
                     json::array({{{"frame", 3}, {"click", {kDraftX, kFirstDueButtonsY}}},
                                  {{"frame", 6}, {"screenshot", app.shot("debrief").string()}},
                                  {{"frame", 7}, {"click", {kPartlyX, kPartlyY}}}}),
                     10);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(app.last_screen() == "debrief");
    CHECK(app.cli_json({"debrief", "--meeting", "1"}).at("answers").at("critical-answered") == "partly");
    CHECK(app.cli_json({"debrief", "--meeting", "2"}).at("answers").empty());
}

TEST_CASE("Home: a new user sees first steps that lead to the right screen") {
    GuiRun app;
    auto r = app.run("home",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("welcome").string()}},
                                  {{"frame", 3}, {"click", {kAddContactX, kAddContactY}}}}),
                     6);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(app.last_screen() == "meetings");
    const Image welcome = load_png(app.shot("welcome"));
    CHECK(welcome.dark_fraction() > 0.005);  // the welcome and the steps are drawn
    CHECK(red_pixels(welcome) == 0);         // nothing is due, nothing failed
}

TEST_CASE("Home: hovering a point of the pitch history shows that attempt") {
    GuiRun app;
    write_file(app.tmp / "pitch.txt", "I like maps.\n");
    app.cli({"pitch", "scripts", "add", "--title", "Maps", "--target", "60", (app.tmp / "pitch.txt").string()});
    for (const char* seconds : {"71.5", "66.2", "58.9", "61", "63.4"})
        app.cli({"pitch", "log", "--script", "1", "--seconds", seconds});
    // The names of the windows open at the last frame, with the mouse at `at`.
    const auto windows_with_mouse_at = [&](const json& at) {
        const fs::path report = app.tmp / "report.json";
        auto r = app.run("home", json::array({{{"frame", 3}, {"move", at}}}), 8,
                         {"--layout-report", report.string()});
        REQUIRE(r.exit_code == 0);
        const json reports = json::parse(read_file(report));
        std::string names;
        for (const json& w : reports.back()["windows"])
            names += w["name"].get<std::string>() + " ";
        return names;
    };
    // At the default size the third of five points is at (691, 317); the
    // tooltip reads "Attempt 3 · <today> · 58.9 s" (checked on screenshots).
    const std::string over = windows_with_mouse_at({kThirdPointX, kThirdPointY});
    const std::string below = windows_with_mouse_at({kThirdPointX, kThirdPointY + 200});  // nothing there
    INFO("windows over the point: " << over << "; below the plot: " << below);
    CHECK(over.find("##Tooltip") != std::string::npos);
    CHECK(below.find("##Tooltip") == std::string::npos);
}
