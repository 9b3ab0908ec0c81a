// Spoken attempts in the database: the coach's report stored with its
// attempt (table pitch_attempt_reports, schema version 5), the JSON form of a
// report (the CLI prints the same fields), and kept recordings.
//
// Privacy: a recording is written only when the user turned on
// kKeepRecordingsSetting (off by default). Kept files live in
// recordings_dir() (inside the data folder, mode 0700), each mode 0600, and
// delete_pitch_attempt() removes the file with its attempt.
#pragma once

#include "engine/audio/audio_clip.h"
#include "engine/pitch/spoken_report.h"
#include "engine/pitch/store.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

namespace rapport {

inline constexpr const char* kKeepRecordingsSetting = "pitch.keep_recordings";

// The report's fields, in this order: language, speaking_seconds,
// target_seconds (null: no target), pauses [{start, end}], words, wpm, wpm_source,
// usual_wpm, pace [{at, wpm}], recognized, fillers [{word, at}],
// fillers_per_minute, sentences [{text, said, heard_share}], word_timings
// [{word, start, end}], suggestions, limits, clip_seconds, speech_start.
nlohmann::ordered_json spoken_report_json(const SpokenReport& report);
// Throws rapport::Error naming the field that is missing or of the wrong type.
SpokenReport spoken_report_from_json(const nlohmann::json& json);

bool keep_recordings(Database& db);
void set_keep_recordings(Database& db, bool keep);

std::filesystem::path recordings_dir();  // data_dir()/recordings

// Logs the attempt (its length: the speaking time) with its report, in one
// transaction. With `recording` and keep_recordings(db), also writes the
// audio to folder/attempt-<id>.wav; if that fails nothing is stored.
PitchAttempt log_spoken_attempt(Database& db, NewPitchAttempt attempt, const SpokenReport& report,
                                const AudioClip* recording,
                                const std::filesystem::path& folder = recordings_dir());

std::optional<SpokenReport> get_spoken_report(Database& db, std::int64_t attempt_id);
// The kept recording of an attempt, when there is one and the file exists.
std::optional<std::filesystem::path> attempt_recording(Database& db, std::int64_t attempt_id,
                                                       const std::filesystem::path& folder = recordings_dir());

// Deletes an attempt, its report and its recording. Throws rapport::Error
// when there is no such attempt.
void delete_pitch_attempt(Database& db, std::int64_t attempt_id,
                          const std::filesystem::path& folder = recordings_dir());

// The user's usual pace: the mean wpm of the last kUsualPaceAttempts spoken
// attempts (of this script when given), else the rate measured on timed
// attempts of the script (measured_words_per_minute()).
inline constexpr int kUsualPaceAttempts = 5;
std::optional<double> usual_spoken_wpm(Database& db, std::optional<std::int64_t> script_id);

}  // namespace rapport
