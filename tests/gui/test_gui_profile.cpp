// The Profile screen in the real app under Xvfb: typed text, the language, the
// English spelling and a goal reach the database that `rapport-cli profile show` reads. The logic
// itself is tested on ProfileModel.
#include "tests/gui/gui_run.h"

#include <signal.h>

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1.
constexpr int kAboutYouX = 560, kAboutYouY = 180;
constexpr int kFrenchX = 500, kFrenchY = 292;
constexpr int kUkSpellingX = 565, kUkSpellingY = 352;
constexpr int kChangeCareersX = 252, kChangeCareersY = 592;

}  // namespace

TEST_CASE("Profile: typed text, the language, the English spelling and a goal are saved") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Zoë Ångström-Lefèvre"});
    const std::string about = "Urbaniste en reconversion, passionnée de cartes anciennes.";
    auto r = app.run("profile",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("opened").string()}},
                                  {{"frame", 3}, {"click", {kAboutYouX, kAboutYouY}}},
                                  {{"frame", 5}, {"text", about}},
                                  {{"frame", 7}, {"key", "Escape"}},
                                  {{"frame", 9}, {"click", {kChangeCareersX, kChangeCareersY}}},
                                  {{"frame", 11}, {"click", {kUkSpellingX, kUkSpellingY}}},
                                  {{"frame", 14}, {"click", {kFrenchX, kFrenchY}}},
                                  {{"frame", 17}, {"screenshot", app.shot("french").string()}}}),
                     19);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    const json profile = app.cli_json({"profile", "show"});
    CHECK(profile.at("name") == "Zoë Ångström-Lefèvre");
    CHECK(profile.at("background") == about);
    CHECK(profile.at("language") == "fr");
    CHECK(profile.at("goals") == json::array({"change-careers"}));
    CHECK(profile.at("english_spelling") == "en-gb");
    CHECK(app.last_screen() == "profile");
    // The goal names follow the language at once.
    CHECK(load_png(app.shot("opened")).rgb != load_png(app.shot("french")).rgb);
}

TEST_CASE("Home: New contact opens the form on Meetings & contacts, ready to type") {
    GuiRun app;
    app.cli({"contact", "add", "--name", "Zoë Ångström"});  // Home shows its quick actions
    constexpr int kNewContactX = 292, kNewContactY = 318;
    auto r = app.run("home",
                     json::array({{{"frame", 2}, {"click", {kNewContactX, kNewContactY}}},
                                  {{"frame", 6}, {"text", "Omar Haddad"}},
                                  {{"frame", 8}, {"key", "Enter"}},
                                  {{"frame", 11}, {"screenshot", app.shot("saved").string()}}}),
                     13);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(app.last_screen() == "meetings");
    const json contacts = app.cli_json({"contact", "list"});
    REQUIRE(contacts.size() == 2);
    CHECK((contacts[0].at("name") == "Omar Haddad" || contacts[1].at("name") == "Omar Haddad"));
}

TEST_CASE("after a kill, the app reopens on the screen the user was on") {
    GuiRun app;
    fs::create_directories(app.tmp / "config" / "rapport");
    write_file(app.tmp / "config" / "rapport" / "gui.json", json{{"screen", "home"}}.dump());
    write_file(app.tmp / "script.json",
               json::array({{{"frame", 2}, {"key", "4"}, {"ctrl", true}}}).dump());
    CommandOptions options = app.options();
    options.timeout_seconds = 4;  // no --frames: the app waits for input until it is killed
    const auto r = run_command(RAPPORT_GUI_PATH,
                               {"--db", app.db.string(), "--script", (app.tmp / "script.json").string()},
                               options);
    CHECK(r.signal == SIGKILL);
    CHECK(app.last_screen() == "meetings");
}
