// The Pitch screen in the real app under Xvfb, driven by scripted input
// (--script, see gui/test_script.h): typing reaches the database, Space runs
// the clock, a stopped attempt is kept, and the large digits change colour.
// The logic itself is tested on PitchModel (tests/gui_models/).
#include "engine/records/database.h"
#include "engine/pitch/store.h"
#include "tests/gui/gui_run.h"
#include "tests/support/spoken_audio.h"

using namespace rapport::test;
using rapport::test::Take;
using rapport::test::TakePlan;

namespace {

// Where things are at the default window size (1100x720) and scale 1.
constexpr int kEditorX = 450, kEditorY = 230;
constexpr int kStopButtonX = 929, kStopButtonY = 203;
constexpr int kAnalyseFileX = 988, kAnalyseFileY = 313;
constexpr int kPathFieldX = 800, kPathFieldY = 383;

std::string join_sentences(const std::vector<std::string>& sentences) {
    std::string out;
    for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s;
    return out;
}
}  // namespace

TEST_CASE("typed text is saved, Space runs the clock, and the stopped attempt is kept") {
    GuiRun app;
    const std::string typed = "I'm interested in maps and the people who draw them.";
    auto r = app.run("pitch", nlohmann::json::array({
                         {{"frame", 3}, {"screenshot", app.shot("idle").string()}},
                         {{"frame", 4}, {"click", {kEditorX, kEditorY}}},
                         {{"frame", 6}, {"text", typed}},
                         {{"frame", 8}, {"key", "Space"}},    // typing: the clock stays still
                         {{"frame", 9}, {"key", "Escape"}},   // leaves the editor, keeps the text
                         {{"frame", 11}, {"screenshot", app.shot("typed").string()}},
                         {{"frame", 12}, {"key", "Space"}},   // starts
                         {{"frame", 40}, {"screenshot", app.shot("running").string()}},
                         {{"frame", 41}, {"key", "Space"}},   // stops
                         {{"frame", 44}, {"screenshot", app.shot("stopped").string()}},
                     }),
                     46);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    // The large digits turn from grey to green once the clock runs.
    const Image idle = load_png(app.shot("idle")), typed_shot = load_png(app.shot("typed"));
    const Image running = load_png(app.shot("running")), stopped = load_png(app.shot("stopped"));
    CHECK(green_pixels(running) > green_pixels(typed_shot) + 2000);
    CHECK(green_pixels(stopped) > green_pixels(typed_shot) + 2000);
    CHECK(idle.rgb != typed_shot.rgb);  // the text and its analysis appeared
    CHECK(running.rgb != stopped.rgb);  // the save form appeared

    rapport::Database db = rapport::Database::open(app.db);
    const auto scripts = rapport::list_pitch_scripts(db);
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].text == typed);
    CHECK(scripts[0].title == "My pitch");
    // Closing with an attempt stopped and not yet saved saves it.
    const auto attempts = rapport::list_pitch_attempts(db);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].script_id == scripts[0].id);
    CHECK(attempts[0].seconds > 0);
    CHECK(attempts[0].seconds < 30);
    CHECK(attempts[0].target_seconds == 60);
}

TEST_CASE("a seeded script opens with its history; after clicking Stop, Space starts once") {
    GuiRun app;
    write_file(app.tmp / "pitch.txt",
               "I'm interested in public libraries.\nI studied information science.\n");
    REQUIRE(run_cli({"--db", app.db.string(), "pitch", "scripts", "add", "--title", "Libraries",
                     "--target", "30", (app.tmp / "pitch.txt").string()})
                .exit_code == 0);
    for (const char* seconds : {"34", "31", "28.5"})
        REQUIRE(run_cli({"--db", app.db.string(), "pitch", "log", "--script", "1", "--seconds",
                         seconds})
                    .exit_code == 0);

    auto r = app.run("pitch", nlohmann::json::array({
                         {{"frame", 3}, {"screenshot", app.shot("history").string()}},
                         {{"frame", 4}, {"key", "Space"}},
                         {{"frame", 20}, {"click", {kStopButtonX, kStopButtonY}}},
                         {{"frame", 23}, {"key", "Space"}},  // saves the stopped attempt, starts anew
                         {{"frame", 30}, {"screenshot", app.shot("again").string()}},
                     }),
                     32);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(load_png(app.shot("history")).distinct_colors() > 10);

    // Three seeded, the one stopped by the click, and the one running at
    // close is not an attempt (it was never stopped).
    rapport::Database db = rapport::Database::open(app.db);
    const auto attempts = rapport::list_pitch_attempts(db, 1);
    REQUIRE(attempts.size() == 4);
    CHECK(attempts[3].seconds > 0);
    CHECK(attempts[3].target_seconds == 30);
    CHECK(green_pixels(load_png(app.shot("again"))) > 2000);
}

TEST_CASE("the wrapping editor: new lines, Up/Home/End, undo, select with Shift, cut and paste") {
    GuiRun app;
    const auto key = [](int frame, const char* name, bool ctrl = false, bool shift = false) {
        return nlohmann::json{{"frame", frame}, {"key", name}, {"ctrl", ctrl}, {"shift", shift}};
    };
    const auto text = [](int frame, const char* typed) { return nlohmann::json{{"frame", frame}, {"text", typed}}; };
    auto r = app.run("pitch", nlohmann::json::array({
                                  {{"frame", 3}, {"click", {kEditorX, kEditorY}}},
                                  text(5, "maps and the people"),
                                  key(6, "Enter"),
                                  text(7, "who draw them"),
                                  key(8, "Up"),                // to the first line
                                  key(9, "Home"),
                                  text(10, "I like "),
                                  key(11, "End"),
                                  text(12, "."),
                                  key(13, "Z", true),          // undoes the "."
                                  key(14, "Down"),
                                  key(15, "End"),
                                  text(16, "!"),
                                  key(17, "Home", true),       // Ctrl+Home: the very start
                                  key(18, "End", false, true), // Shift+End: the first line
                                  key(19, "X", true),          // cut it
                                  key(20, "End", true),        // Ctrl+End: the very end
                                  key(21, "Enter"),
                                  key(22, "V", true),          // paste it there
                                  key(23, "Escape"),
                              }),
                     26);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    rapport::Database db = rapport::Database::open(app.db);
    const auto scripts = rapport::list_pitch_scripts(db);
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].text == "\nwho draw them!\nI like maps and the people");
}

TEST_CASE("'No target' in the Target list is saved, and the length gets no verdict") {
    GuiRun app;
    write_file(app.tmp / "pitch.txt", "I'm interested in public libraries.\nI studied information science.\n");
    app.cli({"pitch", "scripts", "add", "--title", "Libraries", "--target", "60",
             (app.tmp / "pitch.txt").string()});
    CHECK(app.cli_json({"pitch", "analyze", "--script", "1"})["warnings"][0]["code"] == "too-short");
    constexpr int kTargetComboX = 760, kTargetComboY = 59, kNoTargetX = 730, kNoTargetY = 89;
    auto r = app.run("pitch", nlohmann::json::array({
                         {{"frame", 3}, {"screenshot", app.shot("before").string()}},
                         {{"frame", 4}, {"click", {kTargetComboX, kTargetComboY}}},
                         {{"frame", 6}, {"move", {kNoTargetX, kNoTargetY}}},
                         {{"frame", 7}, {"click", {kNoTargetX, kNoTargetY}}},
                         {{"frame", 10}, {"screenshot", app.shot("after").string()}},
                     }),
                     12);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(load_png(app.shot("before")).rgb != load_png(app.shot("after")).rgb);
    // Closing flushes the edit: the script now has no target, and no length verdict.
    CHECK(app.cli_json({"pitch", "scripts", "show", "1"})["target_seconds"].is_null());
    const nlohmann::json analysis = app.cli_json({"pitch", "analyze", "--script", "1"});  // kept alive for the loop
    for (const auto& w : analysis["warnings"]) CHECK(w["code"] != "too-short");
}

TEST_CASE("Analyse a file: a missing file is named, a real recording gets the report and is logged") {
    REQUIRE(speech_tools_available());
    GuiRun app;
    write_file(app.tmp / "pitch.txt", join_sentences(sample_sentences()));
    app.cli({"pitch", "scripts", "add", "--title", "Quellbrook", "--target", "30", (app.tmp / "pitch.txt").string()});
    TakePlan plan;
    plan.sentences = {sample_sentences()[0], sample_sentences()[1]};
    const Take take = make_take(app.tmp.path(), "take", plan);
    const std::string missing = (app.tmp / "nowhere.wav").string();
    auto r = app.run("pitch", nlohmann::json::array({
                                  {{"frame", 3}, {"click", {kAnalyseFileX, kAnalyseFileY}}},
                                  {{"frame", 5}, {"click", {kPathFieldX, kPathFieldY}}},
                                  {{"frame", 7}, {"text", missing}},
                                  {{"frame", 8}, {"key", "Enter"}},
                                  {{"frame", 10}, {"screenshot", app.shot("missing").string()}},
                                  {{"frame", 11}, {"click", {kPathFieldX, kPathFieldY}}},
                                  {{"frame", 12}, {"key", "A"}, {"ctrl", true}},  // select the typed path
                                  {{"frame", 13}, {"text", take.file.string()}},
                                  {{"frame", 14}, {"key", "Enter"}},
                                  {{"frame", 150}, {"screenshot", app.shot("report").string()}},
                              }),
                     152);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    // The message naming the file is written in the error colour (red) under the field.
    CHECK(red_pixels(load_png(app.shot("missing"))) > 200);
    rapport::Database db = rapport::Database::open(app.db);
    const auto attempts = rapport::list_pitch_attempts(db);
    REQUIRE(attempts.size() == 1);  // the missing file logged nothing; the real one was analysed
    CHECK(attempts[0].spoken_wpm);
    CHECK(attempts[0].seconds == doctest::Approx(take.speaking_seconds()).epsilon(0.1));
}
