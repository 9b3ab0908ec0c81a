// The Pitch screen's model on real temp databases and the shipped cue files,
// with a fake clock so saving delays and timed attempts need no sleeping.
#include "gui/models/pitch_model.h"

#include "engine/pitch/store.h"
#include "engine/records/profile.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace std::chrono_literals;
using rapport::gui::PitchModel;
using rapport::test::TempDir;

namespace {

// A monotonic clock the test moves by hand.
struct FakeClock {
    PitchTimer::TimePoint now = PitchTimer::TimePoint(100h);
    PitchModel::Now function() {
        return [this] { return now; };
    }
    void advance(PitchTimer::Duration d) { now += d; }
};

std::filesystem::path banks() { return rapport::test::source_dir() / "question-banks"; }

// Covers interest and education; 23 words.
constexpr const char* kScript =
    "I'm interested in public libraries and how they serve their towns. "
    "I studied information science and I'd love to hear how you started.";

// A model on a fresh database with a fake clock.
struct Fixture {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    PitchModel model{&db, banks(), clock.function()};

    PitchScript only_saved_script() {
        auto all = list_pitch_scripts(db);
        REQUIRE(all.size() == 1);
        return all.front();
    }
    // Runs one timed attempt of the given length.
    void time_attempt(PitchTimer::Duration length) {
        REQUIRE(model.start());
        clock.advance(length);
        REQUIRE(model.stop());
    }
};

bool covered(const PitchAnalysis& a, PitchComponent c) {
    return std::any_of(a.components.begin(), a.components.end(),
                       [&](const ComponentCoverage& cc) { return cc.component == c && cc.covered; });
}

}  // namespace

TEST_CASE("an empty database opens a draft; typing analyzes it live") {
    Fixture f;
    CHECK(f.model.scripts().empty());
    CHECK_FALSE(f.model.script_id());
    CHECK(f.model.title() == PitchModel::kNewScriptTitle);
    CHECK_FALSE(f.model.analysis());
    // Issue 17: a new user sees what to do, not an error meant for programmers.
    CHECK(f.model.analysis_problem().find("Write your pitch") != std::string::npos);
    CHECK(f.model.analysis_problem().find("no words to analyze") == std::string::npos);

    f.model.set_text(kScript);
    REQUIRE(f.model.analysis());
    CHECK(f.model.analysis()->words == 23);
    CHECK(f.model.analysis()->estimated_seconds == doctest::Approx(9.9));
    CHECK(f.model.analysis()->components.size() == 8);
    CHECK(covered(*f.model.analysis(), PitchComponent::interest));
    CHECK(covered(*f.model.analysis(), PitchComponent::education));
    CHECK_FALSE(covered(*f.model.analysis(), PitchComponent::accomplishments));
    CHECK(f.model.analysis()->has_warning("too-short"));
    CHECK(f.model.analysis()->has_warning("missing-component"));
    CHECK(f.model.analysis_problem().empty());

    // A job request shows up as soon as it is typed.
    f.model.set_text(std::string(kScript) + " Are you hiring?");
    CHECK(f.model.analysis()->has_warning("mentions-job"));

    // The target moves the length warnings; a bad one is refused with a message.
    f.model.set_target_seconds(10);
    CHECK_FALSE(f.model.analysis()->has_warning("too-short"));
    f.model.set_target_seconds(2);
    CHECK(f.model.target_seconds() == 10);
    CHECK(f.model.error().find("target") != std::string::npos);
}

TEST_CASE("edits are saved once the delay is up, each as one stored script") {
    Fixture f;
    f.model.set_text(kScript);
    CHECK(f.model.save_pending());
    CHECK(f.model.wants_wakeups());  // the app must wake to save it

    f.clock.advance(PitchModel::kSaveDelay - 1ms);
    f.model.tick();
    CHECK(list_pitch_scripts(f.db).empty());

    f.clock.advance(1ms);
    f.model.tick();
    CHECK_FALSE(f.model.save_pending());
    CHECK_FALSE(f.model.wants_wakeups());
    PitchScript saved = f.only_saved_script();
    CHECK(saved.text == kScript);
    CHECK(saved.title == PitchModel::kNewScriptTitle);
    REQUIRE(f.model.script_id());
    CHECK(*f.model.script_id() == saved.id);
    CHECK(f.model.scripts().size() == 1);

    // Continuous typing is still saved within the delay of its first change.
    f.model.set_title("Libraries");
    f.clock.advance(500ms);
    f.model.set_text(std::string(kScript) + " Thanks.");
    f.clock.advance(300ms);
    f.model.tick();
    saved = f.only_saved_script();
    CHECK(saved.title == "Libraries");
    CHECK(saved.text == std::string(kScript) + " Thanks.");
}

TEST_CASE("flush saves at once; a script with no words is refused with a message") {
    Fixture f;
    f.model.set_text(kScript);
    f.model.set_language("fr");
    f.model.set_target_seconds(45);
    f.model.flush();
    PitchScript saved = f.only_saved_script();
    CHECK(saved.language == "fr");
    CHECK(saved.target_seconds == 45);
    CHECK(f.model.timer().target() == 45s);

    f.model.set_text("   ");
    f.model.flush();
    CHECK(f.model.error().find("no words yet") != std::string::npos);
    CHECK(f.model.error().find("script text:") == std::string::npos);  // not the engine's wording
    CHECK(f.model.analysis_problem().find("Write your pitch") != std::string::npos);
    CHECK_FALSE(f.model.save_pending());  // retried after the next edit, not every frame
    CHECK(f.only_saved_script().text == kScript);

    f.model.set_text("Bonjour à tous.");
    f.model.flush();
    CHECK(f.model.error().empty());
    CHECK(f.only_saved_script().text == "Bonjour à tous.");
}

TEST_CASE("a blank title is saved as the default; refused edits keep the user on the script") {
    Fixture f;
    f.model.set_text(kScript);
    f.model.set_title("  ");
    f.model.flush();
    CHECK(f.model.error().empty());
    CHECK(f.only_saved_script().title == PitchModel::kNewScriptTitle);
    CHECK(f.model.title() == "  ");  // the field keeps what was typed

    // Punctuation alone has no words: the engine refuses it, and leaving
    // would lose it, so neither a new script nor another one opens.
    const auto other = add_pitch_script(f.db, {"Other", "Hello there.", "en", 60});
    f.model.set_text("?!");
    f.model.new_script();
    CHECK(f.model.save_refused());
    CHECK(f.model.error().find("no words") != std::string::npos);
    CHECK(f.model.text() == "?!");
    f.model.select_script(other);
    CHECK(f.model.text() == "?!");

    f.model.set_text(std::string(kScript) + " ?!");
    f.model.select_script(other);
    CHECK_FALSE(f.model.save_refused());
    CHECK(f.model.title() == "Other");
    CHECK(get_pitch_script(f.db, f.model.scripts().front().id).text == std::string(kScript) + " ?!");
}

TEST_CASE("the most recently edited script opens; switching saves the one left") {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    const auto first = add_pitch_script(db, {"First", "One two three.", "en", 60});
    const auto second = add_pitch_script(db, {"Second", kScript, "en", 90});
    db.exec("UPDATE pitch_scripts SET updated_at = '2020-01-01T00:00:00Z' WHERE id = " +
            std::to_string(second));

    PitchModel model(&db, banks(), clock.function());
    REQUIRE(model.script_id());
    CHECK(*model.script_id() == first);
    CHECK(model.scripts().size() == 2);

    model.set_text("One two three four.");
    model.select_script(second);
    CHECK(get_pitch_script(db, first).text == "One two three four.");
    CHECK(model.title() == "Second");
    CHECK(model.timer().target() == 90s);
    CHECK(model.analysis()->words == 23);

    model.new_script();
    CHECK_FALSE(model.script_id());
    CHECK(model.text().empty());
}

TEST_CASE("the timer runs on the model's clock; Space toggles start and stop") {
    Fixture f;
    CHECK_FALSE(f.model.wants_wakeups());
    f.model.toggle();
    CHECK(f.model.timer().state() == PitchTimer::State::running);
    CHECK(f.model.wants_wakeups());
    f.clock.advance(20s);
    CHECK(f.model.pause());
    CHECK_FALSE(f.model.wants_wakeups());  // a paused clock does not change
    f.clock.advance(1h);
    CHECK(f.model.resume());
    f.clock.advance(2500ms);
    f.model.toggle();
    CHECK(f.model.timer().state() == PitchTimer::State::stopped);
    REQUIRE(f.model.unsaved_attempt());
    CHECK(f.model.unsaved_attempt()->seconds == doctest::Approx(22.5));
    CHECK(f.model.unsaved_attempt()->target_seconds == 60);

    f.model.discard_attempt();
    CHECK_FALSE(f.model.unsaved_attempt());
    CHECK(f.model.timer().state() == PitchTimer::State::idle);
    CHECK(list_pitch_attempts(f.db).empty());
}

TEST_CASE("the app may sleep until the clock's next shown step or the save falling due") {
    Fixture f;
    CHECK(f.model.until_next_change(1s) == PitchTimer::kForever);
    REQUIRE(f.model.start());
    f.clock.advance(20300ms);
    CHECK(f.model.until_next_change(1s) == 700ms);
    CHECK(f.model.until_next_change(100ms) == 100ms);
    f.model.set_text(kScript);
    f.clock.advance(200ms);
    CHECK(f.model.until_next_change(1s) == 500ms);                       // the next second
    CHECK(f.model.until_next_change(10s) == PitchModel::kSaveDelay - 200ms);  // the save
    f.model.tick();
    f.clock.advance(PitchModel::kSaveDelay);
    f.model.tick();
    CHECK(f.model.until_next_change(10s) == 10s - 1300ms);
}

TEST_CASE("a saved attempt is stored with its rating and note; progress follows") {
    Fixture f;
    f.model.set_text(kScript);
    f.model.set_target_seconds(30);

    f.time_attempt(36s);
    f.model.set_attempt_rating(4);
    f.model.set_attempt_note("rushed the end");
    f.model.save_attempt();  // also saves the draft script first
    CHECK(f.model.error().empty());
    CHECK_FALSE(f.model.unsaved_attempt());
    CHECK(f.model.timer().state() == PitchTimer::State::idle);

    const PitchScript script = f.only_saved_script();
    auto stored = list_pitch_attempts(f.db, script.id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].seconds == doctest::Approx(36));
    CHECK(stored[0].target_seconds == 30);
    CHECK(stored[0].rating == 4);
    CHECK(stored[0].note == "rushed the end");
    CHECK(stored[0].words == 23);

    // Starting again saves the stopped attempt as it is (no rating, no note).
    f.time_attempt(31s);
    f.time_attempt(20s);
    f.model.flush();  // on close: the last one too
    stored = list_pitch_attempts(f.db, script.id);
    REQUIRE(stored.size() == 3);
    CHECK_FALSE(stored[1].rating);
    CHECK_FALSE(stored[1].note);

    CHECK(f.model.attempts().size() == 3);
    const PitchProgress& p = f.model.progress();
    CHECK(p.attempts == 3);
    REQUIRE(p.best);
    CHECK(p.best->seconds == doctest::Approx(31));
    CHECK(p.average_seconds == doctest::Approx(29));
    CHECK(p.average_distance_seconds == doctest::Approx((6.0 + 1 + 10) / 3));
    CHECK(p.last_offset_seconds == doctest::Approx(-10));

    // The measured speaking rate now drives the estimate.
    CHECK(f.model.analysis()->wpm_source == WpmSource::measured);
}

TEST_CASE("without a database the analysis and timer work, saving does not") {
    FakeClock clock;
    PitchModel model(nullptr, banks(), clock.function());
    CHECK_FALSE(model.can_save());
    model.set_text(kScript);
    CHECK(model.analysis()->words == 23);
    CHECK_FALSE(model.wants_wakeups());  // nothing will ever be saved: no wake-ups for it

    REQUIRE(model.start());
    clock.advance(5s);
    REQUIRE(model.stop());
    model.save_attempt();
    CHECK(model.error().find("no database") != std::string::npos);
    CHECK(model.start());  // starting again drops the attempt it cannot keep
    CHECK_FALSE(model.unsaved_attempt());
    model.flush();
}

TEST_CASE("a missing cue file is reported as the analysis problem, not thrown") {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    PitchModel model(&db, tmp / "no-banks", clock.function());
    model.set_text(kScript);
    CHECK_FALSE(model.analysis());
    CHECK(model.analysis_problem().find("pitch-cues.en.json") != std::string::npos);
    model.flush();  // saving does not need the cue file
    CHECK(list_pitch_scripts(db).size() == 1);
}

TEST_CASE("the analysis carries evidence and advice written from the profile's field") {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    ProfileChanges changes;
    changes.field = "public libraries";
    update_profile(db, changes);
    PitchModel model{&db, banks(), clock.function()};
    model.set_text("I've worked at a bookstore for six years, running the children's section.");
    REQUIRE(model.analysis());
    const PitchAnalysis& a = *model.analysis();
    const ComponentCoverage& experience = a.coverage(PitchComponent::experience);
    CHECK(experience.status == ComponentStatus::present);
    REQUIRE_FALSE(experience.evidence.empty());
    CHECK(model.text().substr(experience.evidence[0].begin,
                              experience.evidence[0].end - experience.evidence[0].begin) ==
          experience.evidence[0].sentence);
    REQUIRE(a.advice.size() > kFirstAdvice);  // the screen shows "More"
    CHECK(a.advice[0].code == "missing-interest");
    CHECK(a.advice[0].message.find("public libraries") != std::string::npos);
}

TEST_CASE("the stopped clock and the attempt agree to the tenth (one rounding rule)") {
    // Issue 17: the clock showed 0:35.5 (cut) while the result said 35.6 s (rounded).
    CHECK(gui::clock_text(35.56) == "0:35.6");
    CHECK(gui::clock_text(35.54) == "0:35.5");
    CHECK(gui::clock_text(59.96) == "1:00.0");
    CHECK(gui::clock_text(125, true) == "2:05");
    // The stopwatch writes its tenths as the sentences do: "0:35,6" and
    // "35,6 s" in French.
    gui::set_interface_language("fr");
    CHECK(gui::clock_text(35.56) == "0:35,6");
    CHECK(gui::clock_text(5.04) == "0:05,0");
    CHECK(gui::clock_text(125.0) == "2:05,0");
    CHECK(gui::clock_text(125, true) == "2:05");
    gui::set_interface_language("en");
    Fixture f;
    f.model.set_text(kScript);
    f.time_attempt(35560ms);
    REQUIRE(f.model.unsaved_attempt());
    const double shown = f.model.unsaved_attempt()->seconds;
    CHECK(shown == 35.6);
    const double on_clock = std::chrono::duration<double>(f.model.timer().read(100ms).elapsed).count();
    CHECK(gui::clock_text(on_clock) == gui::clock_text(shown));
    f.model.save_attempt();
    REQUIRE(list_pitch_attempts(f.db).size() == 1);
    CHECK(list_pitch_attempts(f.db)[0].seconds == 35.6);  // the history says the same
}

TEST_CASE("No target: saved without a target, analysed without a length verdict") {
    Fixture f;
    f.model.set_text(kScript);  // about 10 s: far too short for any target
    f.model.set_target_seconds(30);
    REQUIRE(f.model.analysis());
    CHECK(f.model.analysis()->has_warning("too-short"));

    f.model.set_no_target();
    CHECK_FALSE(f.model.has_target());
    REQUIRE(f.model.analysis());
    CHECK_FALSE(f.model.analysis()->target_seconds);
    CHECK_FALSE(f.model.analysis()->has_warning("too-short"));
    CHECK_FALSE(f.model.analysis()->has_warning("too-long"));
    // The clock still turns past the usual longest pitch.
    CHECK(f.model.target_seconds() == kUsualPitchLongestSeconds);
    CHECK(f.model.timer().target() == 120s);
    f.model.flush();
    CHECK_FALSE(f.only_saved_script().target_seconds);

    // Reopened from the database, the script still has no target.
    PitchModel reopened(&f.db, banks(), f.clock.function());
    CHECK_FALSE(reopened.has_target());
    REQUIRE(reopened.analysis());
    CHECK_FALSE(reopened.analysis()->has_warning("too-short"));

    // An attempt of it is logged against the usual longest pitch.
    f.time_attempt(45s);
    f.model.save_attempt();
    CHECK(list_pitch_attempts(f.db).back().target_seconds == 120);

    f.model.set_target_seconds(60);
    f.model.flush();
    CHECK(f.only_saved_script().target_seconds == 60);
}

TEST_CASE("No target: the history and the attempt line give lengths, not distances from a 2:00 target") {
    Fixture f;
    f.model.set_text(kScript);
    f.model.set_no_target();
    f.time_attempt(45s);
    CHECK(f.model.unsaved_attempt_line() == "This attempt: 0:45.0");
    f.model.save_attempt();
    f.time_attempt(140s);  // longer than the usual 2 min
    f.model.save_attempt();
    f.time_attempt(20s);   // shorter than the usual 30 s
    f.model.save_attempt();

    // Best: the attempt inside the usual 30 s to 2 min, not the one nearest 2:00.
    REQUIRE(f.model.progress().best);
    CHECK(f.model.progress().best->seconds == doctest::Approx(45));
    std::vector<std::string> lines = f.model.history_summary();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "3 attempts · best 45.0 s");
    CHECK(lines[1] == "Average 68.3 s · last 20.0 s");
    for (const std::string& line : lines) CHECK(line.find("target") == std::string::npos);

    // With a target, each attempt is measured from the target it was timed
    // against (these three: the clock's 2 min).
    f.model.set_target_seconds(30);
    CHECK(f.model.progress().best->seconds == doctest::Approx(140));
    lines = f.model.history_summary();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "3 attempts · best 140.0 s (20.0 s from target)");
    CHECK(lines[1] == "Average 68.3 s, 65.0 s from target · last -100.0 s");
    f.time_attempt(33s);
    CHECK(f.model.unsaved_attempt_line() == "This attempt: 0:33.0 (+3.0 s from target)");
}
