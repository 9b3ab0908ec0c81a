// Spoken attempts in the database: the report stored with its attempt, the
// history's pace and fillers, the usual pace, kept recordings (off by
// default, 0600, deleted with their attempt).
#include "engine/base/error.h"
#include "engine/pitch/spoken_store.h"
#include "engine/pitch/store.h"
#include "engine/records/database.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace rapport;
using rapport::test::TempDir;

namespace {

SpokenReport sample_report(double wpm, bool recognized) {
    SpokenReport r;
    r.speaking_seconds = 52.4;
    r.target_seconds = 60;
    r.pauses = {{10.5, 11.25}, {30, 32.5}};
    r.words = 120;
    r.wpm = wpm;
    r.wpm_source = recognized ? "script" : "estimate";
    r.pace = {{0.5, 130}, {10.5, 150}};
    r.recognized = recognized;
    if (recognized) {
        r.fillers = {{"um", 4.2}, {"uh", 40.1}};
        r.fillers_per_minute = 2.3;
        r.sentences = {{"I studied maps.", true, 1.0}, {"Then I drew them é.", false, 0.2}};
        r.word_timings = {{"i", 0.5, 0.6}, {"studied", 0.6, 1.1}};
    }
    r.suggestions = {"Rehearse the second sentence."};
    r.limits = recognized ? std::vector<std::string>{} : std::vector<std::string>{"Estimate."};
    r.clip_seconds = 55;
    r.speech_start = 0.5;
    return r;
}

AudioClip tone() {
    std::vector<float> s(16000);
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = 0.3f * float(std::sin(2 * std::numbers::pi * 220 * double(i) / 16000));
    return {s, 16000};
}

}  // namespace

TEST_CASE("a spoken attempt keeps its whole report, and the history gains pace and fillers") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const PitchAttempt logged = log_spoken_attempt(db, NewPitchAttempt{}, sample_report(137.5, true), nullptr, tmp / "rec");
    CHECK(logged.seconds == doctest::Approx(52.4));
    const auto back = get_spoken_report(db, logged.id);
    REQUIRE(back);
    CHECK(spoken_report_json(*back) == spoken_report_json(sample_report(137.5, true)));

    log_spoken_attempt(db, NewPitchAttempt{}, sample_report(150, false), nullptr, tmp / "rec");
    NewPitchAttempt timed;
    timed.seconds = 58;
    record_pitch_attempt(db, timed);
    const auto history = list_pitch_attempts(db);
    REQUIRE(history.size() == 3);
    CHECK(history[0].spoken_wpm == 137.5);
    CHECK(history[0].fillers_per_minute == 2.3);
    CHECK(history[1].spoken_wpm == 150);
    CHECK(!history[1].fillers_per_minute);  // not recognised: fillers unknown, not zero
    CHECK(!history[2].spoken_wpm);          // timed by hand
    CHECK(usual_spoken_wpm(db, std::nullopt) == doctest::Approx(143.8));
}

TEST_CASE("recordings are kept only when the user asks, private, and go with their attempt") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const AudioClip clip = tone();
    const auto folder = tmp / "recordings";

    CHECK(!keep_recordings(db));  // off by default
    const PitchAttempt first = log_spoken_attempt(db, NewPitchAttempt{}, sample_report(140, false), &clip, folder);
    CHECK(!attempt_recording(db, first.id, folder));
    CHECK(!std::filesystem::exists(folder));

    set_keep_recordings(db, true);
    const PitchAttempt kept = log_spoken_attempt(db, NewPitchAttempt{}, sample_report(140, false), &clip, folder);
    const auto file = attempt_recording(db, kept.id, folder);
    REQUIRE(file);
    CHECK(rapport::test::permissions_of(*file) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK(rapport::test::permissions_of(folder) == std::filesystem::perms::owner_all);
    CHECK(read_audio_file(*file).samples.size() == clip.samples.size());

    delete_pitch_attempt(db, kept.id, folder);
    CHECK(!std::filesystem::exists(*file));
    CHECK(!get_spoken_report(db, kept.id));
    CHECK(list_pitch_attempts(db).size() == 1);
    CHECK_THROWS_WITH_AS(delete_pitch_attempt(db, kept.id, folder), doctest::Contains("no such attempt"), Error);
}

TEST_CASE("a recording that cannot be written stores nothing") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    set_keep_recordings(db, true);
    rapport::test::write_file(tmp / "not-a-folder", "x");
    const AudioClip clip = tone();
    CHECK_THROWS_AS(log_spoken_attempt(db, NewPitchAttempt{}, sample_report(140, false), &clip, tmp / "not-a-folder"),
                    Error);
    CHECK(list_pitch_attempts(db).empty());
}

TEST_CASE("a stored report with a missing field is an error that names it") {
    auto j = nlohmann::json(spoken_report_json(sample_report(140, true)));
    j.erase("wpm");
    CHECK_THROWS_WITH_AS(spoken_report_from_json(j), doctest::Contains("wpm"), Error);
}
