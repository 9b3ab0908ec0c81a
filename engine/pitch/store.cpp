#include "engine/pitch/store.h"

#include "engine/base/error.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "engine/pitch/word_count.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace rapport {
namespace {

constexpr double kLongestAttemptSeconds = 3600;
constexpr double kSlowestPlausibleWpm = 60;
constexpr double kFastestPlausibleWpm = 300;

std::string now_utc() { return format_utc(std::chrono::system_clock::now()); }

void check_title(const std::string& title) {
    require_utf8(title, "title");
    if (title.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error("title: a script needs a title");
}

void check_language(const std::string& language) {
    if (std::find(kPitchLanguages.begin(), kPitchLanguages.end(), language) == kPitchLanguages.end())
        throw Error("language: must be \"en\" or \"fr\" (got \"" + language + "\")");
}

int count_script_words(const std::string& text, const std::string& language) {
    return WordSegmenter(language).count_words(text);
}

void check_text(const std::string& text, const std::string& language) {
    require_utf8(text, "script text");
    if (count_script_words(text, language) == 0)
        throw Error("script text: the script is empty (no words)");
}

void check_attempt(const NewPitchAttempt& a) {
    if (!(a.seconds > 0 && a.seconds <= kLongestAttemptSeconds))
        throw Error("seconds: an attempt lasts more than 0 and at most 3600 seconds");
    if (a.target_seconds) check_pitch_target(*a.target_seconds);
    if (a.rating && (*a.rating < 1 || *a.rating > 5))
        throw Error("rating: must be a whole number from 1 to 5");
    if (a.note) require_utf8(*a.note, "note");
}

PitchScript script_from_row(const Statement& st) {
    PitchScript s;
    read_columns(st, s.id, s.title, s.text, s.language, s.target_seconds, s.created_at,
                 s.updated_at);
    return s;
}

constexpr const char* kScriptColumns =
    "SELECT id, title, body, language, target_seconds, created_at, updated_at FROM pitch_scripts";

PitchAttempt attempt_from_row(const Statement& st) {
    PitchAttempt a;
    read_columns(st, a.id, a.script_id, a.target_seconds, a.seconds, a.words, a.at, a.rating,
                 a.note);
    a.spoken_wpm = st.column_optional_double(8);
    a.fillers_per_minute = st.column_optional_double(9);
    return a;
}

}  // namespace

double attempt_target_seconds(const PitchScript& script) {
    return script.target_seconds.value_or(kUsualPitchLongestSeconds);
}

std::string format_utc(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::int64_t add_pitch_script(Database& db, const NewPitchScript& script) {
    check_title(script.title);
    check_language(script.language);
    check_text(script.text, script.language);
    if (script.target_seconds) check_pitch_target(*script.target_seconds);
    const std::string now = now_utc();
    return db.transaction([&] {
        db.prepare("INSERT INTO pitch_scripts(title, body, language, target_seconds, created_at, "
                   "updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?5)")
            .bind_all(script.title, script.text, script.language, script.target_seconds, now)
            .run();
        return db.last_insert_id();
    });
}

PitchScript get_pitch_script(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string(kScriptColumns) + " WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) throw Error("no pitch script with id " + std::to_string(id));
    return script_from_row(st);
}

std::vector<PitchScript> list_pitch_scripts(Database& db) {
    Statement st = db.prepare(std::string(kScriptColumns) + " ORDER BY id");
    std::vector<PitchScript> out;
    while (st.step()) out.push_back(script_from_row(st));
    return out;
}

void edit_pitch_script(Database& db, std::int64_t id, const PitchScriptEdit& edit) {
    // Check the result as a whole: a new language changes how the text counts.
    PitchScript s = get_pitch_script(db, id);
    if (edit.title) check_title(s.title = *edit.title);
    if (edit.language) check_language(s.language = *edit.language);
    if (edit.text) s.text = *edit.text;
    if (edit.text || edit.language) check_text(s.text, s.language);
    if (edit.clear_target && edit.target_seconds)
        throw Error("target: give a target or \"no target\", not both");
    if (edit.target_seconds) check_pitch_target(*(s.target_seconds = *edit.target_seconds));
    if (edit.clear_target) s.target_seconds.reset();
    db.transaction([&] {
        db.prepare("UPDATE pitch_scripts SET title = ?2, body = ?3, language = ?4, "
                   "target_seconds = ?5, updated_at = ?6 WHERE id = ?1")
            .bind_all(id, s.title, s.text, s.language, s.target_seconds, now_utc())
            .run();
    });
}

PitchAttempt record_pitch_attempt(Database& db, const NewPitchAttempt& attempt) {
    check_attempt(attempt);
    double target = attempt.target_seconds.value_or(kDefaultPitchTargetSeconds);
    std::optional<int> words;
    if (attempt.script_id) {
        const PitchScript script = get_pitch_script(db, *attempt.script_id);
        target = attempt.target_seconds.value_or(attempt_target_seconds(script));
        words = count_script_words(script.text, script.language);
    }
    PitchAttempt stored{0, attempt.script_id, target, attempt.seconds, words,
                        format_utc(attempt.at), attempt.rating, attempt.note, std::nullopt, std::nullopt};
    stored.id = db.transaction([&] {
        db.prepare("INSERT INTO pitch_attempts(script_id, target_seconds, seconds, words, at, "
                   "rating, note) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind_all(attempt.script_id, target, attempt.seconds, words, stored.at, attempt.rating,
                      attempt.note)
            .run();
        return db.last_insert_id();
    });
    return stored;
}

std::vector<PitchAttempt> list_pitch_attempts(Database& db, std::optional<std::int64_t> script_id) {
    if (script_id) get_pitch_script(db, *script_id);  // a clear error for a wrong id
    Statement st = db.prepare(
        "SELECT a.id, a.script_id, a.target_seconds, a.seconds, a.words, a.at, a.rating, a.note, "
        "r.wpm, r.fillers_per_minute "
        "FROM pitch_attempts a LEFT JOIN pitch_attempt_reports r ON r.attempt_id = a.id "
        "WHERE ?1 IS NULL OR a.script_id = ?1 ORDER BY a.at, a.id");
    st.bind(1, script_id);
    std::vector<PitchAttempt> out;
    while (st.step()) out.push_back(attempt_from_row(st));
    return out;
}

std::optional<double> measured_words_per_minute(Database& db, std::int64_t script_id) {
    double words = 0, seconds = 0;
    for (const PitchAttempt& a : list_pitch_attempts(db, script_id)) {
        if (!a.words) continue;
        const double rate = *a.words / a.seconds * 60;
        if (rate < kSlowestPlausibleWpm || rate > kFastestPlausibleWpm) continue;
        words += *a.words;
        seconds += a.seconds;
    }
    if (seconds <= 0) return std::nullopt;
    return std::round(words / seconds * 600) / 10;
}

}  // namespace rapport
