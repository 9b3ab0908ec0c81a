// The "Meetings & contacts" and "Meeting (live)" screens in the real app
// under Xvfb, driven by scripted input (--script, see gui/test_script.h) on a
// database seeded with rapport-cli, checked through rapport-cli --format json.
// The logic itself is tested on the models (tests/gui_models/).
#include "tests/gui/gui_run.h"

using namespace rapport::test;
using Json = nlohmann::json;

namespace {

// Where things are at the default window size (1100x720) and scale 1.
constexpr int kFirstContactX = 400, kFirstContactY = 122;
constexpr int kSecondContactY = 147;
constexpr int kDeleteButtonX = 840, kDeleteButtonY = 268;
constexpr int kHistoryRowX = 700, kHistoryRowY = 331;  // first meeting under a contact
constexpr int kMeetingContactX = 702, kMeetingDeleteX = 788;  // buttons of a meeting, same row
constexpr int kAskedQ1X = 624, kAskedQ1Y = 159;
constexpr int kAnsweredQ2X = 677, kAnsweredQ2Y = 226;
constexpr int kNotesX = 400, kNotesY = 400;
constexpr int kMarkDoneX = 318, kMarkDoneY = 673;

// Zoë (with a meeting in an hour, with a three-question sheet) and Bob.
void seed(const GuiRun& app) {
    app.cli({"contact", "add", "--name", "Zoë Ångström", "--company", "Musée de Montréal", "--role",
             "Curator", "--tag", "museums", "--email", "zoe@example.org", "--notes",
             "Met at the alumni evening"});
    app.cli({"contact", "add", "--name", "Bob Smith", "--company", "Acme"});
    write_file(app.tmp / "sheet.json", R"({"questions":[
        {"id":"q1","text":"How did you start in museum work in Montréal?","stage":"opening"},
        {"id":"q2","text":"What does a typical week look like for you?","stage":"insights"},
        {"id":"q3","text":"Who else would you suggest I talk to?","stage":"advice"}]})");
    app.cli({"meeting", "add", "--contact", "1", "--at", an_hour_from_now(), "--minutes", "20", "--place",
             "Café Olimpico", "--sheet", (app.tmp / "sheet.json").string()});
}

Json contact_named(const Json& contacts, const std::string& name) {
    for (const Json& c : contacts)
        if (c["name"] == name) return c;
    return nullptr;
}

}  // namespace

TEST_CASE("Ctrl+N, typing and Enter add a contact; a blank name is refused beside the field") {
    GuiRun app;
    seed(app);
    auto r = app.run("meetings",
                     Json::array({
                         {{"frame", 3}, {"screenshot", app.shot("list").string()}},
                         {{"frame", 4}, {"key", "N"}, {"ctrl", true}},  // the name field has focus
                         {{"frame", 6}, {"key", "Tab"}},
                         {{"frame", 8}, {"text", "Hydro-Québec"}},
                         {{"frame", 9}, {"key", "Enter"}},  // refused: no name
                         {{"frame", 12}, {"screenshot", app.shot("refused").string()}},
                         {{"frame", 13}, {"key", "Tab"}, {"shift", true}},  // back to the name
                         {{"frame", 15}, {"text", "Éloïse Martin"}},
                         {{"frame", 16}, {"key", "Escape"}},  // leaves the field, keeps the text
                         {{"frame", 18}, {"screenshot", app.shot("typed").string()}},
                         {{"frame", 19}, {"key", "Enter"}},
                         {{"frame", 22}, {"screenshot", app.shot("saved").string()}},
                     }),
                     24);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    const Image list = load_png(app.shot("list")), refused = load_png(app.shot("refused"));
    const Image typed = load_png(app.shot("typed")), saved = load_png(app.shot("saved"));
    CHECK(red_pixels(list) == 0);
    CHECK(red_pixels(refused) > 200);  // "must not be empty" beside the name
    CHECK(red_pixels(typed) > 200);    // still shown until the next save
    CHECK(red_pixels(saved) == 0);
    CHECK(typed.rgb != saved.rgb);

    const Json contacts = app.cli_json({"contact", "list"});
    REQUIRE(contacts.size() == 3);
    const Json eloise = contact_named(contacts, "Éloïse Martin");
    REQUIRE(eloise.is_object());
    CHECK(eloise["company"] == "Hydro-Québec");
}

TEST_CASE("Esc outside a field cancels a new contact without adding it") {
    GuiRun app;
    seed(app);
    auto r = app.run("meetings",
                     Json::array({
                         {{"frame", 3}, {"key", "N"}, {"ctrl", true}},
                         {{"frame", 5}, {"text", "Not kept"}},
                         {{"frame", 6}, {"key", "Escape"}},  // leaves the field
                         {{"frame", 8}, {"key", "Escape"}},  // cancels the form
                         {{"frame", 10}, {"screenshot", app.shot("cancelled").string()}},
                     }),
                     14);
    REQUIRE(r.exit_code == 0);
    CHECK(app.cli_json({"contact", "list"}).size() == 2);
}

TEST_CASE("search without accents finds Zoë; her details, then delete with confirmation") {
    GuiRun app;
    seed(app);
    auto r = app.run("meetings",
                     Json::array({
                         {{"frame", 3}, {"key", "F"}, {"ctrl", true}},
                         {{"frame", 5}, {"text", "montreal"}},
                         {{"frame", 7}, {"click", {kFirstContactX, kFirstContactY}}},
                         {{"frame", 10}, {"screenshot", app.shot("found").string()}},
                         {{"frame", 11}, {"click", {kDeleteButtonX, kDeleteButtonY}}},
                         {{"frame", 14}, {"screenshot", app.shot("asking").string()}},
                         {{"frame", 15}, {"key", "Enter"}},
                         {{"frame", 18}, {"screenshot", app.shot("deleted").string()}},
                     }),
                     20);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(red_pixels(load_png(app.shot("asking"))) > 200);  // the question, in red
    const Json contacts = app.cli_json({"contact", "list"});
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0]["name"] == "Bob Smith");  // Zoë was the one found and selected
    CHECK(app.cli_json({"meeting", "list"}).empty());  // her meeting went with her
}

TEST_CASE("a contact's history opens the meeting, which leads back to the contact or is deleted") {
    GuiRun app;
    seed(app);
    auto r = app.run("meetings",
                     Json::array({
                         {{"frame", 3}, {"click", {kFirstContactX, kSecondContactY}}},  // Zoë
                         {{"frame", 5}, {"click", {kHistoryRowX, kHistoryRowY}}},
                         {{"frame", 7}, {"click", {kMeetingContactX, kDeleteButtonY}}},  // back to Zoë
                         {{"frame", 9}, {"click", {kHistoryRowX, kHistoryRowY}}},
                         {{"frame", 11}, {"screenshot", app.shot("meeting").string()}},
                         {{"frame", 12}, {"click", {kMeetingDeleteX, kDeleteButtonY}}},
                         {{"frame", 14}, {"key", "Enter"}},
                     }),
                     17);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(app.cli_json({"meeting", "list"}).empty());
    CHECK(app.cli_json({"contact", "list"}).size() == 2);
}

TEST_CASE("live meeting: ticks and notes are saved, Space runs the clock, mark done") {
    GuiRun app;
    seed(app);
    auto r = app.run("meeting",
                     Json::array({
                         {{"frame", 3}, {"screenshot", app.shot("ready").string()}},
                         {{"frame", 4}, {"click", {kAskedQ1X, kAskedQ1Y}}},
                         {{"frame", 6}, {"click", {kAnsweredQ2X, kAnsweredQ2Y}}},
                         {{"frame", 8}, {"click", {kNotesX, kNotesY}}},
                         {{"frame", 10}, {"text", "Suggests Éloïse at Hydro-Québec"}},
                         {{"frame", 11}, {"key", "Space"}},   // typing: the clock stays still
                         {{"frame", 12}, {"key", "Escape"}},  // leaves the notes, keeps them
                         {{"frame", 14}, {"key", "Space"}},   // starts the clock
                         {{"frame", 20}, {"screenshot", app.shot("running").string()}},
                     }),
                     22);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const Image ready = load_png(app.shot("ready")), running = load_png(app.shot("running"));
    CHECK(green_pixels(running) > green_pixels(ready) + 2000);

    // Closing flushed the notes; the ticks were saved at once.
    const Json meeting = app.cli_json({"meeting", "show", "1"});
    CHECK(meeting["notes"] == "Suggests Éloïse at Hydro-Québec");
    CHECK(meeting["status"] == "planned");
    REQUIRE(meeting["sheet"].size() == 3);
    CHECK(meeting["sheet"][0]["asked"] == true);
    CHECK(meeting["sheet"][0]["answered"] == false);
    CHECK(meeting["sheet"][1]["asked"] == true);  // answered implies asked
    CHECK(meeting["sheet"][1]["answered"] == true);
    CHECK(meeting["sheet"][2]["asked"] == false);

    auto done = app.run("meeting", Json::array({{{"frame", 3}, {"click", {kMarkDoneX, kMarkDoneY}}},
                                          {{"frame", 6}, {"screenshot", app.shot("done").string()}}}),
                        8);
    REQUIRE(done.exit_code == 0);
    CHECK(app.cli_json({"meeting", "show", "1"})["status"] == "done");
}
