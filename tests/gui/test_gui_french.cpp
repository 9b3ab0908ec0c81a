// The interface language in the real app under Xvfb: it follows the profile
// (set through rapport-cli, as a user of both would), else the system locale,
// and changing it on the Profile screen switches the window at once. The
// layout report (--layout-report) lists the navigation as drawn and the
// language; screenshots of the same screen in both languages differ.
//
// The French catalogue is the one the build compiles from po/fr.po: these
// tests fail when it is not found, not compiled, or not loaded on a machine
// with only the C.UTF-8 locale.
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

const json kEnglishNavigation = {"Home", "Prepare", "Pitch", "Meetings & contacts", "Meeting (live)",
                                 "Debrief", "Profile"};
const json kFrenchNavigation = {"Accueil", "Préparer", "Pitch", "Rencontres et contacts",
                                "Rencontre (direct)", "Bilan", "Profil"};

// Opens Home at 1400x900 (the full navigation), takes a screenshot named
// `tag` and returns the layout report of that frame.
json home_report(const GuiRun& app, const std::string& tag, CommandOptions options = {}) {
    fs::create_directories(app.tmp / "config" / "rapport");
    write_file(app.state_file(), json{{"screen", "home"}, {"width", 1400}, {"height", 900}}.dump());
    write_file(app.tmp / "script.json", json::array({{{"frame", 3}, {"screenshot", app.shot(tag).string()}}}).dump());
    CommandOptions o = app.options();
    for (const auto& [name, value] : options.env) o.env[name] = value;
    const auto r = run_command(RAPPORT_GUI_PATH,
                               {"--db", app.db.string(), "--frames", "5", "--script",
                                (app.tmp / "script.json").string(), "--layout-report",
                                (app.tmp / (tag + ".json")).string()},
                               o);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const json reports = json::parse(read_file(app.tmp / (tag + ".json")));
    REQUIRE(!reports.empty());
    CHECK(reports[0]["problems"] == json::array());
    return reports[0];
}

}  // namespace

TEST_CASE("the window speaks the profile's language: French, then English again") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Camille Roy-Bélanger", "--lang", "fr"});
    app.cli({"contact", "add", "--name", "Zoë Ångström-Lefèvre", "--company", "Musée de la cartographie"});
    const json french = home_report(app, "fr");
    CHECK(french["language"] == "fr");
    CHECK(french["navigation"] == kFrenchNavigation);

    app.cli({"profile", "set", "--lang", "en"});
    const json english = home_report(app, "en");
    CHECK(english["language"] == "en");
    CHECK(english["navigation"] == kEnglishNavigation);
    // Same data, same screen: only the words differ.
    CHECK(load_png(app.shot("fr")).rgb != load_png(app.shot("en")).rgb);
}

TEST_CASE("with no language in the profile, the window follows the system locale") {
    GuiRun app;
    CommandOptions french_system;
    french_system.env["LANG"] = "fr_CA.UTF-8";  // not generated here: only its name is read
    french_system.env["LC_ALL"] = std::nullopt;
    french_system.env["LANGUAGE"] = std::nullopt;
    CHECK(home_report(app, "system-fr", french_system)["navigation"] == kFrenchNavigation);
    CommandOptions english_system;
    english_system.env["LANG"] = "C.UTF-8";
    english_system.env["LC_ALL"] = std::nullopt;
    english_system.env["LANGUAGE"] = std::nullopt;
    CHECK(home_report(app, "system-en", english_system)["navigation"] == kEnglishNavigation);
    // The profile's choice wins over the system's.
    app.cli({"profile", "set", "--lang", "en"});
    CHECK(home_report(app, "profile-en", french_system)["navigation"] == kEnglishNavigation);
}

TEST_CASE("choosing Français on the Profile screen switches the window at once") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Zoë Ångström-Lefèvre", "--lang", "en"});
    constexpr int kFrenchX = 500, kFrenchY = 292;  // the radio button, at 1100x720 (as test_gui_profile)
    const auto r = app.run("profile",
                           json::array({{{"frame", 2}, {"screenshot", app.shot("before").string()}},
                                        {{"frame", 3}, {"click", {kFrenchX, kFrenchY}}},
                                        {{"frame", 6}, {"screenshot", app.shot("after").string()}}}),
                           8, {"--layout-report", (app.tmp / "switch.json").string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const json reports = json::parse(read_file(app.tmp / "switch.json"));
    REQUIRE(reports.size() >= 2);
    CHECK(reports[0]["language"] == "en");
    CHECK(reports[1]["language"] == "fr");
    CHECK(reports[0]["navigation"][0] == "Home");
    CHECK(reports[1]["navigation"][0] == "Accueil");
    CHECK(reports[1]["problems"] == json::array());
    CHECK(app.cli_json({"profile", "show"}).at("language") == "fr");
}
