#include "engine/records/database.h"
#include "engine/base/error.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/progress.h"
#include "engine/pitch/store.h"
#include "engine/records/schema.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>

using namespace rapport;
using namespace std::chrono_literals;
using rapport::test::TempDir;

namespace {

// 2024-05-01T09:00:00Z plus an offset.
std::chrono::system_clock::time_point day_one(std::chrono::seconds offset = 0s) {
    return std::chrono::system_clock::time_point(1714554000s) + offset;
}

NewPitchAttempt attempt(double seconds, std::optional<std::int64_t> script,
                        std::chrono::seconds when) {
    NewPitchAttempt a;
    a.seconds = seconds;
    a.script_id = script;
    a.at = day_one(when);
    return a;
}

// 20 words in two sentences.
constexpr const char* kTwentyWords =
    "I'm interested in maps and the people who draw them every day. "
    "I studied geography, then worked in a library.";

}  // namespace

TEST_CASE("the pitch tables come with schema version 3") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    CHECK(latest_schema_version() >= 3);
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(std::any_of(schema_migrations().begin(), schema_migrations().end(),
                      [](const Migration& m) {
                          return m.version == 3 && std::string(m.sql).find("pitch_attempts") !=
                                                       std::string::npos;
                      }));
    CHECK(list_pitch_scripts(db).empty());
    CHECK(list_pitch_attempts(db).empty());
}

TEST_CASE("scripts are saved, read back after reopening, and edited") {
    TempDir tmp;
    const auto path = tmp / "rapport.db";
    std::int64_t id = 0;
    {
        Database db = Database::open(path);
        id = add_pitch_script(db, {"Career change — Zoë", kTwentyWords, "en", 90});
    }
    Database db = Database::open(path);
    PitchScript s = get_pitch_script(db, id);
    CHECK(s.title == "Career change — Zoë");
    CHECK(s.text == kTwentyWords);
    CHECK(s.language == "en");
    CHECK(s.target_seconds == 90);
    CHECK(s.created_at.size() == 20);

    PitchScriptEdit edit;
    edit.title = "Shorter";
    edit.target_seconds = 30;
    edit_pitch_script(db, id, edit);
    s = get_pitch_script(db, id);
    CHECK(s.title == "Shorter");
    CHECK(s.target_seconds == 30);
    CHECK(s.text == kTwentyWords);  // untouched
    CHECK(list_pitch_scripts(db).size() == 1);
}

TEST_CASE("bad script input is refused and nothing is written") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    CHECK_THROWS_WITH_AS(add_pitch_script(db, {"  ", kTwentyWords, "en", 60}),
                         doctest::Contains("title"), Error);
    CHECK_THROWS_WITH_AS(add_pitch_script(db, {"T", "🚀 !!", "en", 60}),
                         doctest::Contains("empty"), Error);
    CHECK_THROWS_WITH_AS(add_pitch_script(db, {"T", kTwentyWords, "de", 60}),
                         doctest::Contains("language"), Error);
    CHECK_THROWS_WITH_AS(add_pitch_script(db, {"T", kTwentyWords, "en", 0}),
                         doctest::Contains("target"), Error);
    CHECK_THROWS_WITH_AS(add_pitch_script(db, {"T", "ab\xff", "en", 60}),
                         doctest::Contains("UTF-8"), Error);
    CHECK(list_pitch_scripts(db).empty());

    const std::int64_t id = add_pitch_script(db, {"T", kTwentyWords, "en", 60});
    PitchScriptEdit edit;
    edit.title = "New title";
    edit.text = "";  // bad: the whole edit is refused
    CHECK_THROWS_AS(edit_pitch_script(db, id, edit), Error);
    CHECK(get_pitch_script(db, id).title == "T");
    CHECK_THROWS_WITH_AS(get_pitch_script(db, 99), doctest::Contains("no pitch script with id 99"),
                         Error);
    CHECK_THROWS_AS(edit_pitch_script(db, 99, edit), Error);
}

TEST_CASE("attempts are stored with their words and listed oldest first") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::int64_t script = add_pitch_script(db, {"Maps", kTwentyWords, "en", 45});

    // Logged out of order: the list follows the time they were spoken.
    NewPitchAttempt rated = attempt(11.5, script, 3600s);
    rated.rating = 4;
    rated.note = "calmer, «mieux»";
    record_pitch_attempt(db, rated);
    const PitchAttempt first = record_pitch_attempt(db, attempt(9, script, 0s));
    NewPitchAttempt loose = attempt(58, std::nullopt, 1800s);
    loose.target_seconds = 60;
    record_pitch_attempt(db, loose);

    const auto all = list_pitch_attempts(db);
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == first.id);
    CHECK(all[0].at == "2024-05-01T09:00:00Z");
    CHECK(all[0].seconds == 9);
    CHECK(all[0].target_seconds == 45);  // the script's target by default
    CHECK(all[0].words == 20);
    CHECK(all[1].at == "2024-05-01T09:30:00Z");
    CHECK_FALSE(all[1].script_id.has_value());
    CHECK_FALSE(all[1].words.has_value());
    CHECK(all[1].target_seconds == 60);
    CHECK(all[2].rating == 4);
    CHECK(all[2].note == "calmer, «mieux»");

    const auto of_script = list_pitch_attempts(db, script);
    REQUIRE(of_script.size() == 2);
    CHECK(of_script[0].seconds == 9);
    CHECK(of_script[1].seconds == 11.5);
    CHECK_THROWS_WITH_AS(list_pitch_attempts(db, 77), doctest::Contains("no pitch script with id 77"),
                         Error);
}

TEST_CASE("bad attempts are refused and nothing is written") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    NewPitchAttempt a = attempt(60, std::nullopt, 0s);
    a.rating = 6;
    CHECK_THROWS_WITH_AS(record_pitch_attempt(db, a), doctest::Contains("rating"), Error);
    a.rating = 0;
    CHECK_THROWS_AS(record_pitch_attempt(db, a), Error);
    CHECK_THROWS_WITH_AS(record_pitch_attempt(db, attempt(0, std::nullopt, 0s)),
                         doctest::Contains("seconds"), Error);
    CHECK_THROWS_WITH_AS(record_pitch_attempt(db, attempt(30, 42, 0s)),
                         doctest::Contains("no pitch script with id 42"), Error);
    CHECK(list_pitch_attempts(db).empty());
}

TEST_CASE("the measured speaking rate uses only plausible attempts of the script") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::int64_t script = add_pitch_script(db, {"Maps", kTwentyWords, "en", 60});
    const std::int64_t other = add_pitch_script(db, {"Other", kTwentyWords, "en", 60});
    CHECK_FALSE(measured_words_per_minute(db, script).has_value());

    record_pitch_attempt(db, attempt(10, script, 0s));   // 120 wpm
    record_pitch_attempt(db, attempt(6, script, 60s));   // 200 wpm
    record_pitch_attempt(db, attempt(1, script, 120s));  // 1200 wpm: stopped early, left out
    record_pitch_attempt(db, attempt(30, script, 180s)); // 40 wpm: left out
    record_pitch_attempt(db, attempt(5, other, 240s));   // another script
    // 40 words in 16 s.
    CHECK(measured_words_per_minute(db, script) == doctest::Approx(150.0));

    // Editing the text later does not change what earlier attempts measured.
    PitchScriptEdit edit;
    edit.text = std::string(kTwentyWords) + " " + kTwentyWords;
    edit_pitch_script(db, script, edit);
    CHECK(measured_words_per_minute(db, script) == doctest::Approx(150.0));
    record_pitch_attempt(db, attempt(24, script, 300s));  // 40 words, 100 wpm
    CHECK(measured_words_per_minute(db, script) == doctest::Approx(80.0 / 40 * 60));
}

TEST_CASE("progress: last attempts, best, average and distance from target") {
    std::vector<PitchAttempt> attempts;
    const double seconds[] = {75, 52, 66, 61, 57, 59.5, 63};
    for (std::size_t i = 0; i < std::size(seconds); ++i) {
        PitchAttempt a;
        a.id = static_cast<std::int64_t>(i + 1);
        a.seconds = seconds[i];
        a.target_seconds = 60;
        attempts.push_back(a);
    }
    PitchProgress p = summarize_pitch_attempts(attempts);
    CHECK(p.attempts == 7);
    REQUIRE(p.best.has_value());
    CHECK(p.best->seconds == 59.5);
    CHECK(p.average_seconds == doctest::Approx(433.5 / 7));
    // distances 15, 8, 6, 1, 3, 0.5, 3
    CHECK(p.average_distance_seconds == doctest::Approx(36.5 / 7));
    CHECK(p.last_offset_seconds == doctest::Approx(3));
    REQUIRE(p.last.size() == 5);
    CHECK(p.last.front().seconds == 66);
    CHECK(p.last.back().seconds == 63);

    // A tie goes to the most recent; each attempt counts against its own target.
    attempts[0].target_seconds = 75;  // 0 s away
    attempts[6].target_seconds = 63;  // 0 s away, later
    CHECK(summarize_pitch_attempts(attempts).best->id == 7);
    CHECK(summarize_pitch_attempts({}).attempts == 0);
}

TEST_CASE("progress per script from the database") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::int64_t a = add_pitch_script(db, {"A", kTwentyWords, "en", 10});
    const std::int64_t b = add_pitch_script(db, {"B", kTwentyWords, "en", 10});
    add_pitch_script(db, {"C, never practised", kTwentyWords, "en", 10});
    record_pitch_attempt(db, attempt(12, b, 0s));
    record_pitch_attempt(db, attempt(9, a, 10s));
    record_pitch_attempt(db, attempt(10.5, a, 20s));
    NewPitchAttempt loose = attempt(40, std::nullopt, 30s);
    loose.target_seconds = 30;
    record_pitch_attempt(db, loose);

    const auto all = pitch_progress(db);
    REQUIRE(all.size() == 3);
    CHECK(all[0].script_id == a);
    CHECK(all[0].title == "A");
    CHECK(all[0].progress.attempts == 2);
    CHECK(all[0].progress.best->seconds == 10.5);
    CHECK(all[0].measured_wpm == doctest::Approx(40.0 / 19.5 * 60).epsilon(0.001));
    CHECK(all[1].script_id == b);
    CHECK_FALSE(all[2].script_id.has_value());
    CHECK(all[2].progress.average_distance_seconds == 10);

    const auto only_b = pitch_progress(db, b);
    REQUIRE(only_b.size() == 1);
    CHECK(only_b[0].progress.attempts == 1);
    CHECK_THROWS_AS(pitch_progress(db, 77), Error);
}

TEST_CASE("progress of a script with no target: measured from the usual 30 s to 2 min, not from 2 min") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::int64_t open = add_pitch_script(db, {"Open", kTwentyWords, "en", std::nullopt});
    for (auto [seconds, when] : {std::pair{45.0, 0s}, {20.0, 10s}, {100.0, 20s}, {25.0, 30s}})
        record_pitch_attempt(db, attempt(seconds, open, when));  // logged against 120 s
    const auto all = pitch_progress(db, open);
    REQUIRE(all.size() == 1);
    CHECK(all[0].goal == PitchLengthGoal::usual_range);
    const PitchProgress& p = all[0].progress;
    REQUIRE(p.best);
    CHECK(p.best->seconds == 100.0);  // the latest inside 30 s to 2 min, not the closest to 120 s
    CHECK(p.last_offset_seconds == -5.0);  // 25 s is 5 s under the usual range
    CHECK(p.average_distance_seconds == doctest::Approx((0 + 10 + 0 + 5) / 4.0));
    CHECK(p.last_seconds == 25.0);
    // A script with a target is still measured from it.
    const std::int64_t timed = add_pitch_script(db, {"Timed", kTwentyWords, "en", 60});
    record_pitch_attempt(db, attempt(50, timed, 40s));
    CHECK(pitch_progress(db, timed)[0].goal == PitchLengthGoal::target);
    CHECK(pitch_progress(db, timed)[0].progress.last_offset_seconds == -10.0);
}

namespace {

// A database as schema version 6 left it: one script with a 45 s target and
// an attempt of it with a coach's report, written without the program.
void write_version_6_database(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    std::string sql = "PRAGMA foreign_keys = ON;";
    for (const Migration& m : schema_migrations())
        if (m.version <= 6) sql += m.sql;
    sql += "INSERT INTO pitch_scripts(id, title, body, language, target_seconds, created_at, updated_at) "
           "VALUES (1, 'Old', 'Hello, I study maps.', 'en', 45, '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z');"
           "INSERT INTO pitch_attempts(id, script_id, target_seconds, seconds, words, at) "
           "VALUES (1, 1, 45, 40, 4, '2024-05-01T09:10:00Z');"
           "INSERT INTO pitch_attempt_reports(attempt_id, wpm, wpm_source, report) "
           "VALUES (1, 6, 'script', '{}');"
           "PRAGMA application_id = " + std::to_string(kApplicationId) + ";"
           "PRAGMA user_version = 6;";
    char* error = nullptr;
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
    CAPTURE(error ? error : "");
    sqlite3_free(error);
    sqlite3_close(raw);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("migration 7: scripts keep their targets and attempts; a script may then have none") {
    TempDir tmp;
    write_version_6_database(tmp / "v6.db");
    Database db = Database::open(tmp / "v6.db");
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(latest_schema_version() >= 7);
    const PitchScript old = get_pitch_script(db, 1);
    CHECK(old.title == "Old");
    CHECK(old.target_seconds == 45);
    // The column was replaced in place: the attempt still points at its
    // script (a table rebuild would have set it to NULL) and keeps its report.
    const auto attempts = list_pitch_attempts(db, 1);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].script_id == 1);
    CHECK(attempts[0].spoken_wpm == 6);

    PitchScriptEdit edit;
    edit.clear_target = true;
    edit_pitch_script(db, 1, edit);
    CHECK_FALSE(get_pitch_script(db, 1).target_seconds);
    const auto id = add_pitch_script(db, {"Open", kTwentyWords, "en", std::nullopt});
    CHECK_FALSE(get_pitch_script(db, id).target_seconds);
    // An attempt of a script with no target is timed against the usual longest pitch.
    CHECK(record_pitch_attempt(db, attempt(50, id, 0s)).target_seconds == kUsualPitchLongestSeconds);
    // A bad target is still refused, and the database too refuses zero.
    edit = {};
    edit.target_seconds = 0;
    CHECK_THROWS_WITH_AS(edit_pitch_script(db, id, edit), doctest::Contains("target"), Error);
    CHECK_THROWS(db.exec("UPDATE pitch_scripts SET target_seconds = 0 WHERE id = 1"));
    edit = {};
    edit.clear_target = true;
    edit.target_seconds = 30;
    CHECK_THROWS_WITH_AS(edit_pitch_script(db, id, edit), doctest::Contains("not both"), Error);
}
