// Saved pitch scripts and timed practice attempts, in the database
// (tables pitch_scripts and pitch_attempts, schema version 3; since version 7
// a script may have no target).
//
// Every write is one transaction and checks its input first, so a bad value
// never half-writes anything. Times are stored as UTC ISO 8601 text
// ("2024-05-01T09:30:00Z"); attempts list oldest first (ties by insertion).
//
// The measured speaking rate of a script is words / seconds over its earlier
// attempts: each attempt stores the word count of the script as it was when
// the attempt was logged, so later edits do not skew the rate. Attempts whose
// own rate is not plausible speech (outside 60–300 words per minute — an
// attempt stopped early, or logged against the wrong script) are left out.
#pragma once

#include "engine/records/database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

struct PitchScript {
    std::int64_t id = 0;
    std::string title;
    std::string text;
    std::string language = "en";
    std::optional<double> target_seconds = 60;  // none: no length verdict
    std::string created_at;
    std::string updated_at;
};

struct NewPitchScript {
    std::string title;
    std::string text;
    std::string language = "en";
    std::optional<double> target_seconds = 60;  // none: no target
};

// Only the fields that are set change.
struct PitchScriptEdit {
    std::optional<std::string> title;
    std::optional<std::string> text;
    std::optional<std::string> language;
    std::optional<double> target_seconds;
    bool clear_target = false;  // set "no target" (target_seconds must then be unset)
};

// The target an attempt of this script is timed and logged against: the
// script's, or with no target the usual longest pitch (2 min), so the clock
// still turns when a pitch runs longer than any listener expects.
double attempt_target_seconds(const PitchScript& script);

struct PitchAttempt {
    std::int64_t id = 0;
    std::optional<std::int64_t> script_id;
    double target_seconds = 60;
    double seconds = 0;
    std::optional<int> words;  // the script's words when logged (none without a script)
    std::string at;
    std::optional<int> rating;  // 1-5
    std::optional<std::string> note;
    // From the coach's report, when the attempt was spoken to the app
    // (spoken_store.h); fillers only when speech was recognised.
    std::optional<double> spoken_wpm;
    std::optional<double> fillers_per_minute;
};

struct NewPitchAttempt {
    std::optional<std::int64_t> script_id;
    std::optional<double> target_seconds;  // default: attempt_target_seconds() of the script, else 60 s
    double seconds = 0;
    std::optional<int> rating;
    std::optional<std::string> note;
    std::chrono::system_clock::time_point at = std::chrono::system_clock::now();
};

// Scripts. Throw rapport::Error naming the bad field or the missing id.
std::int64_t add_pitch_script(Database& db, const NewPitchScript& script);
void edit_pitch_script(Database& db, std::int64_t id, const PitchScriptEdit& edit);
PitchScript get_pitch_script(Database& db, std::int64_t id);
std::vector<PitchScript> list_pitch_scripts(Database& db);  // by id

// Attempts. record_pitch_attempt() counts the script's words itself and
// returns the attempt as stored.
PitchAttempt record_pitch_attempt(Database& db, const NewPitchAttempt& attempt);
// Oldest first; all attempts, or only those of one script (throws
// rapport::Error when that script does not exist).
std::vector<PitchAttempt> list_pitch_attempts(Database& db,
                                              std::optional<std::int64_t> script_id = std::nullopt);

// Words per minute over the script's earlier attempts (rounded to 0.1), or
// nothing when no attempt gives a plausible rate.
std::optional<double> measured_words_per_minute(Database& db, std::int64_t script_id);

// "2024-05-01T09:30:00Z"
std::string format_utc(std::chrono::system_clock::time_point t);

}  // namespace rapport
