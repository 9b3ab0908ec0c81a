// Spelling in the notes of the Meetings & contacts forms, in the real app
// under Xvfb: a misspelling stored in a contact's notes is underlined when
// the contact is edited, one typed in a new contact's notes too (and Enter
// in the notes is still a new line, Ctrl+Enter saves); clean notes that
// name contacts and companies show none; Escape closes the spelling menu
// without cancelling the form, and a suggestion picked is saved. The checks are tested on
// SpellCheckModel (tests/gui_models).
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using Json = nlohmann::json;

namespace {

// At the default window size (1100x720) and scale 1.
constexpr int kContactX = 400, kSecondContactY = 147;
// With a one-line Notes row the only detail shown.
constexpr int kEditButtonX = 633, kEditButtonY = 168;

// The red in the right pane's form below its fields, where the notes are (at
// the default window size; no error message shows there in these tests).
// The wavy underline is the only red the field draws.
size_t red_in_form_notes(const GuiRun& app, const std::string& tag) {
    const Image shot = load_png(app.shot(tag));
    constexpr int kLeft = 605, kRight = 1090, kTop = 460, kBottom = 560;
    Image part;
    part.width = kRight - kLeft;
    part.height = kBottom - kTop;
    for (int y = kTop; y < kBottom; ++y) {
        const auto* start = &shot.rgb[(static_cast<size_t>(y) * shot.width + kLeft) * 3];
        part.rgb.insert(part.rgb.end(), start, start + part.width * 3);
    }
    return red_pixels(part);
}

// The saved notes of the contact called `name` ("(none)" if there is none).
std::string notes_of(const GuiRun& app, const std::string& name) {
    for (const Json& c : app.cli_json({"contact", "list"}))
        if (c["name"] == name) return c.value("notes", "");
    return "(none)";
}

// One contact with `notes`, opened for editing once the dictionary has loaded.
size_t red_in_stored_notes(const std::string& notes, const std::string& tag) {
    GuiRun app;
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Hydro-Québec"});
    app.cli({"contact", "add", "--name", "Éloïse Martin", "--notes", notes});
    auto r = app.run("meetings",
                     Json::array({{{"frame", 3}, {"click", {kContactX, kSecondContactY}}},  // Éloïse
                                  {{"frame", 5}, {"click", {kEditButtonX, kEditButtonY}}},
                                  {{"frame", 7}, {"wait_idle", true}},
                                  {{"frame", 40}, {"screenshot", app.shot(tag).string()}}}),
                     41);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return red_in_form_notes(app, tag);
}

}  // namespace

TEST_CASE("Meetings & contacts: a misspelling stored in a contact's notes is underlined, clean notes are not") {
    // Short notes: one line in the details, so the Edit button stays put.
    const size_t typo = red_in_stored_notes("She recomended the archivs team.", "stored-typo");
    const size_t clean = red_in_stored_notes("Zoë Ångström at Hydro-Québec knows the archives.", "stored-clean");
    CHECK(typo > 30);  // two wavy lines
    CHECK(clean == 0);
}

TEST_CASE("Meetings & contacts: a misspelling typed in a new contact's notes is underlined; "
          "Enter is a new line there, Ctrl+Enter saves") {
    GuiRun app;
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Hydro-Québec"});
    constexpr int kNotesX = 847, kNotesY = 510;  // the notes field of the contact form
    auto r = app.run("meetings",
                     Json::array({{{"frame", 3}, {"key", "N"}, {"ctrl", true}},  // the name has focus
                                  {{"frame", 5}, {"text", "Ingrid Solberg"}},
                                  {{"frame", 7}, {"click", {kNotesX, kNotesY}}},
                                  {{"frame", 9}, {"text", "Met her at Hydro-Québec; a realy kind persson."}},
                                  {{"frame", 11}, {"wait_idle", true}},
                                  {{"frame", 40}, {"screenshot", app.shot("typed-typo").string()}},
                                  {{"frame", 41}, {"key", "A"}, {"ctrl", true}},
                                  {{"frame", 43}, {"text", "Met her at Hydro-Québec; a really kind person."}},
                                  {{"frame", 45}, {"key", "Enter"}},  // a new line, not "save"
                                  {{"frame", 47}, {"text", "Zoë Ångström introduced us."}},
                                  {{"frame", 49}, {"wait_idle", true}},
                                  {{"frame", 70}, {"screenshot", app.shot("typed-clean").string()}},
                                  {{"frame", 71}, {"key", "Enter"}, {"ctrl", true}},  // saves
                                  {{"frame", 75}, {"screenshot", app.shot("saved").string()}}}),
                     77);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(red_in_form_notes(app, "typed-typo") > 30);  // "realy", "persson"
    CHECK(red_in_form_notes(app, "typed-clean") == 0);

    CHECK(app.cli_json({"contact", "list"}).size() == 2);
    CHECK(notes_of(app, "Ingrid Solberg") == "Met her at Hydro-Québec; a really kind person.\nZoë Ångström introduced us.");
}

TEST_CASE("Meetings & contacts: Escape closes the spelling menu, not the form; a suggestion is saved") {
    GuiRun app;
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Hydro-Québec"});
    app.cli({"contact", "add", "--name", "Éloïse Martin", "--notes", "She recomended the archivs team."});
    constexpr int kRecomendedX = 690, kRecomendedY = 486;     // the first word underlined
    constexpr int kFirstSuggestionX = 752, kFirstSuggestionY = 545;  // in its menu
    constexpr int kSaveX = 637, kSaveY = 596;
    auto r = app.run("meetings",
                     Json::array({{{"frame", 3}, {"click", {kContactX, kSecondContactY}}},
                                  {{"frame", 5}, {"click", {kEditButtonX, kEditButtonY}}},
                                  {{"frame", 7}, {"wait_idle", true}},
                                  {{"frame", 30}, {"right_click", {kRecomendedX, kRecomendedY}}},
                                  {{"frame", 32}, {"wait_idle", true}},  // the suggestions
                                  {{"frame", 150}, {"key", "Escape"}},   // closes the menu only
                                  {{"frame", 153}, {"screenshot", app.shot("menu-closed").string()}},
                                  {{"frame", 154}, {"right_click", {kRecomendedX, kRecomendedY}}},
                                  {{"frame", 156}, {"wait_idle", true}},
                                  {{"frame", 200}, {"click", {kFirstSuggestionX, kFirstSuggestionY}}},
                                  {{"frame", 203}, {"click", {kSaveX, kSaveY}}}}),
                     206);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(red_in_form_notes(app, "menu-closed") > 30);  // the form is still open, underlined
    CHECK(notes_of(app, "Éloïse Martin") == "She recommended the archivs team.");
}
