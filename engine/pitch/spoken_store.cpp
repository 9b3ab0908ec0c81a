#include "engine/pitch/spoken_store.h"

#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "engine/records/settings.h"

#include <cmath>

namespace rapport {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

double rounded(double value, double step = 0.01) { return std::round(value / step) * step; }

template <class T>
T field(const nlohmann::json& j, const char* name) {
    if (!j.contains(name)) throw Error(std::string("spoken report: missing field ") + name);
    try {
        return j.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(std::string("spoken report: field ") + name + " has the wrong type");
    }
}

std::string recording_name(std::int64_t attempt_id) {
    return "attempt-" + std::to_string(attempt_id) + ".wav";
}

}  // namespace

json spoken_report_json(const SpokenReport& r) {
    json pauses = json::array(), pace = json::array(), fillers = json::array(),
         sentences = json::array(), timings = json::array();
    for (const Pause& p : r.pauses) pauses.push_back({{"start", rounded(p.start)}, {"end", rounded(p.end)}});
    for (const PacePoint& p : r.pace) pace.push_back({{"at", p.at}, {"wpm", p.wpm}});
    for (const SpokenFiller& f : r.fillers) fillers.push_back({{"word", f.word}, {"at", f.at}});
    for (const SpokenSentence& s : r.sentences)
        sentences.push_back({{"text", s.text}, {"said", s.said}, {"heard_share", s.heard_share}});
    for (const RecognizedWord& w : r.word_timings)
        timings.push_back({{"word", w.word}, {"start", rounded(w.start)}, {"end", rounded(w.end)}});
    return {{"language", r.language},
            {"speaking_seconds", r.speaking_seconds},
            {"target_seconds", r.target_seconds ? json(*r.target_seconds) : json(nullptr)},
            {"pauses", pauses},
            {"words", r.words},
            {"wpm", r.wpm},
            {"wpm_source", r.wpm_source},
            {"usual_wpm", r.usual_wpm ? json(*r.usual_wpm) : json(nullptr)},
            {"pace", pace},
            {"recognized", r.recognized},
            {"fillers", fillers},
            {"fillers_per_minute", r.fillers_per_minute},
            {"sentences", sentences},
            {"word_timings", timings},
            {"suggestions", r.suggestions},
            {"limits", r.limits},
            {"clip_seconds", rounded(r.clip_seconds)},
            {"speech_start", rounded(r.speech_start)}};
}

SpokenReport spoken_report_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("spoken report: not a JSON object");
    SpokenReport r;
    r.language = field<std::string>(j, "language");
    r.speaking_seconds = field<double>(j, "speaking_seconds");
    // Required, and null for a script with no target.
    r.target_seconds = field<nlohmann::json>(j, "target_seconds").is_null()
                           ? std::nullopt
                           : std::optional(field<double>(j, "target_seconds"));
    for (const auto& p : field<nlohmann::json>(j, "pauses"))
        r.pauses.push_back({field<double>(p, "start"), field<double>(p, "end")});
    r.words = field<int>(j, "words");
    r.wpm = field<double>(j, "wpm");
    r.wpm_source = field<std::string>(j, "wpm_source");
    if (j.contains("usual_wpm") && j["usual_wpm"].is_number()) r.usual_wpm = j["usual_wpm"].get<double>();
    for (const auto& p : field<nlohmann::json>(j, "pace"))
        r.pace.push_back({field<double>(p, "at"), field<double>(p, "wpm")});
    r.recognized = field<bool>(j, "recognized");
    for (const auto& f : field<nlohmann::json>(j, "fillers"))
        r.fillers.push_back({field<std::string>(f, "word"), field<double>(f, "at")});
    r.fillers_per_minute = field<double>(j, "fillers_per_minute");
    for (const auto& s : field<nlohmann::json>(j, "sentences"))
        r.sentences.push_back({field<std::string>(s, "text"), field<bool>(s, "said"), field<double>(s, "heard_share")});
    for (const auto& w : field<nlohmann::json>(j, "word_timings"))
        r.word_timings.push_back({field<std::string>(w, "word"), field<double>(w, "start"), field<double>(w, "end")});
    r.suggestions = field<std::vector<std::string>>(j, "suggestions");
    r.limits = field<std::vector<std::string>>(j, "limits");
    r.clip_seconds = field<double>(j, "clip_seconds");
    r.speech_start = field<double>(j, "speech_start");
    return r;
}

bool keep_recordings(Database& db) { return get_setting(db, kKeepRecordingsSetting) == "true"; }

void set_keep_recordings(Database& db, bool keep) {
    set_setting(db, kKeepRecordingsSetting, keep ? "true" : "false");
}

fs::path recordings_dir() { return data_dir() / "recordings"; }

PitchAttempt log_spoken_attempt(Database& db, NewPitchAttempt attempt, const SpokenReport& report,
                                const AudioClip* recording, const fs::path& folder) {
    attempt.seconds = report.speaking_seconds;
    const bool keep = recording && keep_recordings(db);
    return db.transaction([&] {
        PitchAttempt stored = record_pitch_attempt(db, attempt);
        const std::optional<std::string> file = keep ? std::optional(recording_name(stored.id)) : std::nullopt;
        db.prepare("INSERT INTO pitch_attempt_reports(attempt_id, wpm, wpm_source, fillers_per_minute, "
                   "report, recording) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, stored.id)
            .bind(2, report.wpm)
            .bind(3, report.wpm_source)
            .bind(4, report.recognized ? std::optional(report.fillers_per_minute) : std::nullopt)
            .bind(5, spoken_report_json(report).dump())
            .bind(6, file)
            .run();
        if (file) {
            ensure_private_dir(folder);
            write_wav_file(folder / *file, *recording);  // throws: the transaction rolls back
        }
        stored.spoken_wpm = report.wpm;
        if (report.recognized) stored.fillers_per_minute = report.fillers_per_minute;
        return stored;
    });
}

std::optional<SpokenReport> get_spoken_report(Database& db, std::int64_t attempt_id) {
    Statement st = db.prepare("SELECT report FROM pitch_attempt_reports WHERE attempt_id = ?1");
    st.bind(1, attempt_id);
    if (!st.step()) return std::nullopt;
    const auto parsed = nlohmann::json::parse(st.column_text(0), nullptr, false);
    if (parsed.is_discarded()) throw Error("spoken report of attempt " + std::to_string(attempt_id) + ": not JSON");
    return spoken_report_from_json(parsed);
}

std::optional<fs::path> attempt_recording(Database& db, std::int64_t attempt_id, const fs::path& folder) {
    Statement st = db.prepare("SELECT recording FROM pitch_attempt_reports WHERE attempt_id = ?1");
    st.bind(1, attempt_id);
    if (!st.step()) return std::nullopt;
    const auto name = st.column_optional_text(0);
    if (!name) return std::nullopt;
    std::error_code ec;
    if (!fs::exists(folder / *name, ec)) return std::nullopt;
    return folder / *name;
}

void delete_pitch_attempt(Database& db, std::int64_t attempt_id, const fs::path& folder) {
    std::optional<std::string> recording;
    db.transaction([&] {
        Statement st = db.prepare("SELECT recording FROM pitch_attempt_reports WHERE attempt_id = ?1");
        st.bind(1, attempt_id);
        if (st.step()) recording = st.column_optional_text(0);
        db.prepare("DELETE FROM pitch_attempts WHERE id = ?1").bind(1, attempt_id).run();
        if (db.changes() == 0) throw Error("attempt " + std::to_string(attempt_id) + ": no such attempt");
    });
    // After the commit: a file left behind by a failed removal is named after
    // an attempt that no longer exists, and the next delete cannot reach it,
    // so report it rather than pretend.
    if (recording) {
        std::error_code ec;
        fs::remove(folder / *recording, ec);
        if (ec) throw Error((folder / *recording).string() + ": could not delete the recording (" + ec.message() + ")");
    }
}

std::optional<double> usual_spoken_wpm(Database& db, std::optional<std::int64_t> script_id) {
    Statement st = db.prepare(
        "SELECT r.wpm FROM pitch_attempt_reports r JOIN pitch_attempts a ON a.id = r.attempt_id "
        "WHERE ?1 IS NULL OR a.script_id = ?1 ORDER BY a.at DESC, a.id DESC LIMIT ?2");
    st.bind(1, script_id);
    st.bind(2, static_cast<std::int64_t>(kUsualPaceAttempts));
    double sum = 0;
    int count = 0;
    while (st.step()) {
        sum += st.column_double(0);
        ++count;
    }
    if (count > 0) return std::round(sum / count * 10) / 10;
    if (script_id) return measured_words_per_minute(db, *script_id);
    return std::nullopt;
}

}  // namespace rapport
