// Flows under Xvfb, driven by the labels shown ("click_text",
// gui/test_script.h) rather than pixel positions: Prepare's tag search keeps
// the focus after Enter, Copy with printable HTML gives plain text and reads
// "Copied" for two seconds, Swap says it pins; a contact's request for a
// conversation from Meetings & contacts; a missing label stops the script.
#include "engine/records/database.h"
#include "engine/records/settings.h"
#include "tests/gui/gui_run.h"
#include "tests/gui/screen_texts.h"

using namespace rapport::test;
using nlohmann::json;

namespace {

json prepare_session(const GuiRun& r) {
    auto db = rapport::Database::open(r.db);
    const auto stored = rapport::get_setting(db, "prepare.session");
    REQUIRE(stored);
    return json::parse(*stored);
}

// Ctrl+F, "tech", Enter picks Technology; a click picks "Explore a field":
// a sheet from frame 12 on. Then `more`.
json with_a_sheet(const json& more) {
    json steps = json::array({
        {{"frame", 3}, {"key", "F"}, {"ctrl", true}},
        {{"frame", 5}, {"text", "tech"}},
        {{"frame", 7}, {"key", "Enter"}},
        {{"frame", 9}, {"click_text", "Explore a field"}},
    });
    for (const auto& step : more) steps.push_back(step);
    return steps;
}

}  // namespace

// Before: Enter picked the first match and left the field, so the next
// letters typed went nowhere.
TEST_CASE("Prepare: after Enter picks a tag, the search keeps the focus for the next one") {
    GuiRun r;
    const json steps = json::array({
        {{"frame", 3}, {"click_text", "Type to search…"}, {"nth", 1}},  // the goals' search
        {{"frame", 5}, {"text", "explore"}},
        {{"frame", 7}, {"key", "Enter"}},
        {{"frame", 10}, {"text", "culture"}},  // no click: still in the field
        {{"frame", 12}, {"key", "Enter"}},
        {{"frame", 15}, {"key", "F"}, {"ctrl", true}},  // the industries' search
        {{"frame", 17}, {"text", "tech"}},
        {{"frame", 19}, {"key", "Enter"}},
        {{"frame", 22}, {"text", "health"}},
        {{"frame", 24}, {"key", "Enter"}},
    });
    auto result = r.run("prepare", steps, 30);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    const json session = prepare_session(r);
    CHECK(session["goals"] == json::array({"explore-field", "company-culture"}));
    CHECK(session["industries"] == json::array({"technology", "healthcare"}));
}

// Printable HTML pasted into an email shows its markup: Copy says it gives
// the plain text, and does (pasted back into the app's own question field
// with Ctrl+V, then kept in the database). The button reads "Copied" and
// goes back after two seconds.
TEST_CASE("Prepare: Copy with printable HTML copies the plain text and says Copied for a moment") {
    GuiRun r;
    const fs::path report = r.tmp / "layout.json";
    const json steps = with_a_sheet(json::array({
        {{"frame", 12}, {"click_text", "Printable HTML"}},
        {{"frame", 14}, {"screenshot", r.shot("before").string()}},
        {{"frame", 15}, {"click_text", "Copy as plain text"}},
        {{"frame", 19}, {"screenshot", r.shot("copied").string()}},
        {{"frame", 20}, {"wait_text", "Copy as plain text"}},  // back after its two seconds
        {{"frame", 22}, {"screenshot", r.shot("after").string()}},
        {{"frame", 23}, {"click_text", "Type a question; it is checked as you type"}},
        {{"frame", 26}, {"key", "V"}, {"ctrl", true}},
        {{"frame", 29}, {"screenshot", r.shot("pasted").string()}},
    }));
    auto result = r.run("prepare", steps, 32, {"--layout-report", report.string()});
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);

    const auto before = texts_shown(report, 14), copied = texts_shown(report, 19),
               after = texts_shown(report, 22);
    CHECK(shows(before, "Copy as plain text"));
    CHECK_FALSE(shows(before, "Copied"));
    CHECK(shows(copied, "Copied"));
    CHECK_FALSE(shows(copied, "Copy as plain text"));
    CHECK(shows_part(copied, "Copied to the clipboard as plain text"));
    CHECK(shows(after, "Copy as plain text"));
    CHECK_FALSE(shows(after, "Copied"));

    // What was on the clipboard: the text export, not HTML.
    const std::string pasted = prepare_session(r).at("draft");
    INFO(pasted);
    CHECK(pasted.find("Informational interview: questions") != std::string::npos);
    CHECK(pasted.find("Industries: Technology") != std::string::npos);
    CHECK(pasted.find('<') == std::string::npos);
}

TEST_CASE("a script click on a label that is not shown stops the app and lists what was shown") {
    GuiRun r;
    auto result = r.run("prepare", json::array({{{"frame", 3}, {"click_text", "No such button"}}}), 6);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("no text \"No such button\" on screen") != std::string::npos);
    CHECK(result.err.find("\"Prepare a meeting\"") != std::string::npos);
}

// Waits on the screen instead of fixed sleeps: wait_text holds its frame
// until the label is shown, wait_gone until it is not, and either stops the
// app, naming the label, when the screen does not get there.
TEST_CASE("a script can wait for a label to appear or go, and says which one never did") {
    GuiRun r;
    const fs::path report = r.tmp / "layout.json";
    auto shown = r.run("prepare", json::array({{{"frame", 2}, {"wait_text", "Prepare a meeting"}},
                                               {{"frame", 3}, {"wait_gone", "No such label"}},
                                               {{"frame", 4}, {"screenshot", r.shot("waited").string()}}}),
                       6, {"--layout-report", report.string()});
    INFO("stderr: " << shown.err);
    CHECK(shown.exit_code == 0);
    CHECK(shows(texts_shown(report, 4), "Prepare a meeting"));

    auto never = r.run("prepare", json::array({{{"frame", 2}, {"wait_text", "No such label"}, {"timeout", 0.5}}}), 4);
    CHECK(never.exit_code == 2);
    CHECK(never.err.find("\"No such label\" not shown after 0.5 s") != std::string::npos);
    auto stays = r.run("prepare", json::array({{{"frame", 2}, {"wait_gone", "Prepare a meeting"}, {"timeout", 0.5}}}), 4);
    CHECK(stays.exit_code == 2);
    CHECK(stays.err.find("\"Prepare a meeting\" still shown after 0.5 s") != std::string::npos);
}

// Meetings & contacts: any contact's detail drafts the request for a
// conversation, copied and marked sent through the window.
TEST_CASE("People: a contact's request for a conversation is drafted, copied and recorded as sent") {
    GuiRun r;
    r.cli({"profile", "set", "--name", "Zoë Lavigne"});
    r.cli({"contact", "add", "--name", "Omar Haddad", "--company", "STM", "--role", "transit planner"});
    const fs::path report = r.tmp / "layout.json";
    const json steps = json::array({
        {{"frame", 3}, {"click_text", "Omar Haddad — STM (transit planner)"}},
        {{"frame", 7}, {"click_text", "Draft a request"}},
        {{"frame", 11}, {"click_text", "Copy"}},
        {{"frame", 15}, {"click_text", "Mark request sent"}},
        {{"frame", 19}, {"screenshot", r.shot("sent").string()}},
    });
    auto result = r.run("meetings", steps, 22, {"--layout-report", report.string()});
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    const auto shown = texts_shown(report, 19);
    CHECK(shows(shown, "Request for a conversation to Omar Haddad"));
    CHECK(shows(shown, "Dear Omar Haddad,"));
    CHECK(shows(shown, "Copied"));
    CHECK(shows_part(shown, "Request recorded as sent"));
    const json data = r.cli_json({"export"});
    REQUIRE(data["outreach"].size() == 1);
    CHECK(data["outreach"][0]["contact_id"] == 1);
}

// Swap has to pin (else the next rebuild puts the engine's own pick back in
// the slot); the sheet says so, and the pinned question shows Unpin.
TEST_CASE("Prepare: Swap says that the question swapped in is pinned, and how to undo it") {
    GuiRun r;
    const fs::path report = r.tmp / "layout.json";
    const json steps = with_a_sheet(json::array({
        {{"frame", 13}, {"click_text", "Swap"}, {"nth", 1}},  // the first Insights question
        {{"frame", 17}, {"click_text", "What does a typical day or week look like for you?  (3 min)"}},
        {{"frame", 21}, {"click_text", "Printable HTML"}},  // not a change of the sheet
        {{"frame", 25}, {"screenshot", r.shot("swapped").string()}},
    }));
    auto result = r.run("prepare", steps, 27, {"--layout-report", report.string()});
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    const auto shown = texts_shown(report, 25);
    INFO(json(shown).dump());
    // (Each wrapped line is a text of its own.)
    CHECK(shows_part(shown, "“What does a typical day or week look like for you?” is swapped in"));
    CHECK(shows_part(shown, "pinned, so it stays whatever else changes; Unpin lets the sheet"));
    CHECK(shows(shown, "Unpin"));
    CHECK(shows_part(shown, "2. What does a typical day or week"));
    const json session = prepare_session(r);
    INFO(session.dump());
    CHECK(session["pinned"].size() == 1);
}

// Before: while a wrapped text (a debrief answer) was being edited, a click
// on a field drawn above it only ended the editing; the next letters typed
// went nowhere.
TEST_CASE("Debrief: one click moves from an answer being typed to a field above it") {
    GuiRun r;
    r.cli({"contact", "add", "--name", "Élodie Marchand"});
    r.cli({"meeting", "add", "--contact", "1", "--at", "2025-03-10 10:00", "--minutes", "30"});
    const json steps = json::array({
        {{"frame", 3}, {"click_text", "What is one specific thing you learned that you want to remember?"},
         {"offset", {0, 35}}},
        {{"frame", 7}, {"text", "permits set the pace"}},
        {{"frame", 9}, {"click_text", "Name"}},  // the new referral's name, above
        {{"frame", 13}, {"text", "Anaïs Côté"}},
        {{"frame", 15}, {"key", "Enter"}},
    });
    // Tall enough for the whole checklist.
    fs::create_directories(r.tmp / "config" / "rapport");
    write_file(r.state_file(), json{{"screen", "debrief"}, {"width", 1400}, {"height", 1350}}.dump());
    auto result = r.run("", steps, 20);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    const json debrief = r.cli_json({"debrief", "--meeting", "1"});
    CHECK(debrief["answers"]["learned"] == "permits set the pace");
    REQUIRE(debrief["referrals"].size() == 1);
    CHECK(debrief["referrals"][0]["name"] == "Anaïs Côté");
}
