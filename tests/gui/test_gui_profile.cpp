// The Profile screen in the real app under Xvfb: typed text, the language and
// a goal reach the database that `rapport-cli profile show` reads. The logic
// itself is tested on ProfileModel.
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1.
constexpr int kAboutYouX = 560, kAboutYouY = 180;
constexpr int kFrenchX = 500, kFrenchY = 292;
constexpr int kChangeCareersX = 252, kChangeCareersY = 532;

}  // namespace

TEST_CASE("Profile: typed text, the language and a goal are saved") {
    GuiRun app;
    app.cli({"profile", "set", "--name", "Zoë Ångström-Lefèvre"});
    const std::string about = "Urbaniste en reconversion, passionnée de cartes anciennes.";
    auto r = app.run("profile",
                     json::array({{{"frame", 2}, {"screenshot", app.shot("opened").string()}},
                                  {{"frame", 3}, {"click", {kAboutYouX, kAboutYouY}}},
                                  {{"frame", 5}, {"text", about}},
                                  {{"frame", 7}, {"key", "Escape"}},
                                  {{"frame", 9}, {"click", {kChangeCareersX, kChangeCareersY}}},
                                  {{"frame", 12}, {"click", {kFrenchX, kFrenchY}}},
                                  {{"frame", 15}, {"screenshot", app.shot("french").string()}}}),
                     17);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    const json profile = app.cli_json({"profile", "show"});
    CHECK(profile.at("name") == "Zoë Ångström-Lefèvre");
    CHECK(profile.at("background") == about);
    CHECK(profile.at("language") == "fr");
    CHECK(profile.at("goals") == json::array({"change-careers"}));
    CHECK(app.last_screen() == "profile");
    // The goal names follow the language at once.
    CHECK(load_png(app.shot("opened")).rgb != load_png(app.shot("french")).rgb);
}
