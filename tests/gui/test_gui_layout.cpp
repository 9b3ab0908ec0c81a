// Every screen fits the window: the real app under Xvfb at 800×600,
// 1400×900 and 2560×1440 (and 1400×900 at scale 2), on a database full of long, real-looking text
// (a 90-word pitch, long notes, names with accents), checked through the
// app's own layout report (--layout-report, gui/layout_report.h): no control
// pushed off an edge, no text cut by its area or drawn over other text, and
// the end of every wrapped field inside it.
//
// Set RAPPORT_KEEP_SHOTS to a folder to keep the screenshots for a look
// (see GuiRun).
#include "engine/records/database.h"
#include "engine/records/settings.h"
#include "tests/gui/gui_run.h"
#include "tests/gui/screen_texts.h"

#include <cstdlib>
#include <map>
#include <set>

using namespace rapport::test;
using nlohmann::json;

namespace {

const char* const kPitch =
    "I'm interested in how small cartography studios turn old survey records into maps people "
    "actually use. I studied geography at Université Laval, where I spent two summers digitizing "
    "nineteenth-century township plans for the provincial archives. I'm good at cleaning messy "
    "data and explaining it to people who never open a GIS. Right now I'm exploring whether "
    "public-sector mapping or a private studio suits me better, and I'd love to hear how you "
    "chose between them and what a typical week looks like for your team in Montréal, Québec City "
    "or Sherbrooke.";

const char* const kPitchFr =
    "Je m'intéresse à la façon dont les petits ateliers de cartographie transforment de vieux "
    "relevés d'arpentage en cartes que les gens utilisent vraiment. J'ai étudié la géographie à "
    "l'Université Laval, où j'ai passé deux étés à numériser des plans de cantons du dix-neuvième "
    "siècle pour les archives provinciales. Je suis doué pour nettoyer des données désordonnées et "
    "les expliquer à des personnes qui n'ouvrent jamais un SIG. J'aimerais savoir comment vous avez "
    "choisi entre le secteur public et un atelier privé, et à quoi ressemble une semaine typique "
    "pour votre équipe à Montréal.";

const char* const kLongNote =
    "Met Zoë at the alumni evening of the geography department; she suggested writing to "
    "Éloïse Brûlé-Fontaine at Hydro-Québec about the historical network maps, and mentioned that "
    "the Musée de Montréal hires contract cartographers every spring for the seasonal exhibitions.";

// Contacts with accents and long companies, a meeting in an hour with a
// sheet of long questions, a past meeting with a long debrief, a pitch with
// attempts, and a Prepare session with tags picked; in French ("fr") the
// profile, the pitch, the debrief checklist and the sheet are French.
void seed(const GuiRun& app, const std::string& lang = "en") {
    app.cli({"profile", "set", "--name", "Camille Roy-Bélanger", "--lang", lang});
    app.cli({"contact", "add", "--name", "Zoë Ångström-Lefèvre", "--company",
             "Musée de la cartographie historique de Montréal", "--role",
             "Senior curator of historical collections", "--tag", "museums", "--email",
             "zoe.angstrom@example.org", "--notes", kLongNote});
    app.cli({"contact", "add", "--name", "Éloïse Brûlé-Fontaine", "--company",
             "Hydro-Québec, direction des archives techniques"});
    app.cli({"contact", "add", "--name", "Ingrid Öberg", "--company", "Göteborgs kartografiska byrå"});
    write_file(app.tmp / "sheet.json", R"({"questions":[
        {"id":"q1","text":"How did you move from academic geography into museum work in Montréal, and what would you do differently if you started again today?","stage":"opening"},
        {"id":"q2","text":"What does a typical week look like for you and the people on your team, from the first meeting on Monday to the last on Friday?","stage":"insights"},
        {"id":"q3","text":"Who else would you suggest I talk to, inside or outside the museum, to get a second point of view?","stage":"advice"}]})");
    app.cli({"meeting", "add", "--contact", "1", "--at", an_hour_from_now(), "--minutes", "20", "--place",
             "Café Olimpico, rue Saint-Viateur Ouest", "--notes", kLongNote, "--sheet",
             (app.tmp / "sheet.json").string()});
    app.cli({"meeting", "add", "--contact", "2", "--at", "2025-03-10T09:00", "--minutes", "30",
             "--place", "Bibliothèque et Archives nationales du Québec, salle Gérard-Morisset"});
    app.cli({"debrief", "--meeting", "2", "--answer", std::string("new-questions=") + kLongNote,
             "--answer", std::string("learned=") + kLongNote,
             "--answer", "critical-answered=partly", "--notes", kLongNote, "--referral",
             "Éloïse Brûlé-Fontaine @ Hydro-Québec"});
    write_file(app.tmp / "pitch.txt", lang == "fr" ? kPitchFr : kPitch);
    app.cli({"pitch", "scripts", "add", "--title", "Cartography studios — long version for Montréal",
             "--lang", lang, "--target", "60", (app.tmp / "pitch.txt").string()});
    for (const char* seconds : {"71.5", "66.2", "58.9", "61.0", "63.4"})
        app.cli({"pitch", "log", "--script", "1", "--seconds", seconds});
    rapport::Database db = rapport::Database::open(app.db);
    rapport::set_setting(db, "prepare.session",
                         json{{"lang", lang}, {"industries", {"technology"}}, {"goals", {"explore-field"}},
                              {"minutes", 20}}
                             .dump());
}

// What to do on a screen before its screenshot: steps whose "frame" counts
// from the frame the screen opened (2 to 4: the screenshot is at 6, so that
// what appears has two frames to be measured and settle its scrollbars).
using ScreenActions = std::map<int, json>;

// Clicks Zoë's row on Meetings & contacts (at `row`) to show her details.
ScreenActions open_zoe(const json& row) { return {{4, json::array({{{"frame", 2}, {"click", row}}})}}; }

// Opens the New contact form (Ctrl+N), and stops a pitch attempt (Space,
// Space) so the form to save it shows.
ScreenActions open_forms() {
    return {{3, json::array({{{"frame", 2}, {"key", "Space"}}, {{"frame", 4}, {"key", "Space"}}})},
            {4, json::array({{{"frame", 2}, {"key", "N"}, {"ctrl", true}}})}};
}

// Visits every screen (Ctrl+1 … Ctrl+7) with a screenshot and a layout
// report of each, doing `actions` on the way. Returns the reports.
// Home, Prepare, Pitch, Meetings & contacts, Meeting (live), Debrief, Profile.
constexpr int kScreenCount = 7;

json visit_every_screen(const GuiRun& app, const std::string& tag, int width, int height,
                        const ScreenActions& actions, std::vector<std::string> extra = {}) {
    fs::create_directories(app.tmp / "config" / "rapport");
    write_file(app.state_file(), json{{"screen", "home"}, {"width", width}, {"height", height}}.dump());
    json steps = json::array();
    for (int screen = 1; screen <= kScreenCount; ++screen) {
        const int frame = 2 + (screen - 1) * 7;
        steps.push_back({{"frame", frame}, {"key", std::to_string(screen)}, {"ctrl", true}});
        if (actions.contains(screen))
            for (json step : actions.at(screen)) {
                step["frame"] = frame + step["frame"].get<int>();
                steps.push_back(step);
            }
        steps.push_back({{"frame", frame + 6}, {"screenshot", app.shot(tag + "-" + std::to_string(screen)).string()}});
    }
    extra.insert(extra.end(), {"--layout-report", (app.tmp / (tag + ".json")).string()});
    const CommandResult r = app.run("", steps, 2 + kScreenCount * 7, extra);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(read_file(app.tmp / (tag + ".json")));
}

void check_reports(const json& reports, int width, int height) {
    REQUIRE(reports.size() == static_cast<size_t>(kScreenCount));  // one a screenshot (the last is the last frame)
    std::set<std::string> screens;
    for (const json& report : reports) {
        INFO("screen " << report["screen"] << " at " << width << "x" << height);
        CHECK(report["display"] == json::array({width, height}));
        CHECK(report["glyphs"].get<int>() > 200);  // the screen drew its text
        CHECK(report["windows"].size() >= 3);      // main, navigation, screen (and panes)
        CHECK(report["problems"] == json::array());
        screens.insert(report["screen"].get<std::string>());
        // The 90-word pitch ends inside its field: its last word is on screen.
        if (report["screen"] == "pitch") {
            const json& editors = report["editors"];
            REQUIRE(editors.size() == 1);
            const json& rect = editors[0]["rect"];
            const json& end = editors[0]["text_end"];
            CHECK(end[0].get<float>() > rect[0].get<float>());
            CHECK(end[0].get<float>() <= rect[2].get<float>());
            CHECK(end[1].get<float>() >= rect[1].get<float>());
            CHECK(end[1].get<float>() < rect[3].get<float>());
            CHECK(rect[2].get<float>() <= width);
            CHECK(rect[3].get<float>() <= height);
        }
    }
    CHECK(screens.size() == static_cast<size_t>(kScreenCount));
}

}  // namespace

TEST_CASE("every screen fits at 800x600, 1400x900 and 2560x1440 with long text") {
    GuiRun app;
    seed(app);
    for (auto [width, height] : {std::pair{800, 600}, std::pair{1400, 900}, std::pair{2560, 1440}}) {
        const std::string tag = std::to_string(width) + "x" + std::to_string(height);
        // Zoë is the second contact; rows are the same height at every size.
        check_reports(visit_every_screen(app, tag, width, height, open_zoe({260, 147})), width, height);
    }
}

TEST_CASE("every screen fits at 1400x900 with --scale 2") {
    GuiRun app;
    seed(app);
    check_reports(visit_every_screen(app, "scale2", 1400, 900, open_zoe({400, 297}), {"--scale", "2"}), 1400, 900);
}

TEST_CASE("every screen fits at 800x600 in French (sheet, pitch, checklist and note), forms open") {
    GuiRun app;
    seed(app, "fr");
    const json reports = visit_every_screen(app, "fr-800x600", 800, 600, open_forms());
    check_reports(reports, 800, 600);
    // Prepare's stage picker shows its whole stage (it read « Regards sur… »).
    std::vector<std::string> prepare;
    for (const json& text : reports[1]["texts"]) prepare.push_back(text["text"]);
    CHECK_FALSE(shows(prepare, "Regards sur…"));
    CHECK(shows(prepare, "Regards sur le métier"));
}

TEST_CASE("every screen fits at 800x600 in English, forms open") {
    GuiRun app;
    seed(app);
    check_reports(visit_every_screen(app, "800x600-forms", 800, 600, open_forms()), 800, 600);
}

// The meeting form's fields and their hints (ImGui clips a hint wider than
// its field without a sign; the layout report measures each one).
TEST_CASE("the meeting form fits at 800x600 in English and French, its hints whole") {
    for (const std::string lang : {"en", "fr"}) {
        INFO(lang);
        GuiRun app;
        seed(app, lang);
        fs::create_directories(app.tmp / "config" / "rapport");
        write_file(app.state_file(), json{{"screen", "meetings"}, {"width", 800}, {"height", 600}}.dump());
        const fs::path report = app.tmp / "meeting-form.json";
        const json steps = json::array({{{"frame", 2}, {"click_text", translated(lang, "New meeting")}},
                                        {{"frame", 6}, {"screenshot", app.shot(lang + "-meeting-form").string()}}});
        const CommandResult r = app.run("", steps, 8, {"--layout-report", report.string()});
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        const json reports = json::parse(read_file(report));
        REQUIRE(reports.size() == 2);
        for (const json& entry : reports) CHECK(entry["problems"] == json::array());
        CHECK(reports[0]["hints"].size() >= 2);  // the search and the date typed in the form
    }
}

TEST_CASE("every screen fits at 1400x900 in French, with Zoë's details open") {
    GuiRun app;
    seed(app, "fr");
    check_reports(visit_every_screen(app, "fr-1400x900", 1400, 900, open_zoe({260, 147})), 1400, 900);
}
