#include "gui/models/recording_model.h"

#include "engine/base/error.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/spoken_store.h"
#include "gui/i18n.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rapport::gui {
namespace {

// A typed path: surrounding blanks and quotes (pasted from a file manager)
// dropped, a leading ~ is the home folder.
std::filesystem::path typed_file_path(std::string typed) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!typed.empty() && blank(typed.back())) typed.pop_back();
    typed.erase(typed.begin(), std::find_if_not(typed.begin(), typed.end(), blank));
    if (typed.size() >= 2 && (typed.front() == '"' || typed.front() == '\'') && typed.back() == typed.front())
        typed = typed.substr(1, typed.size() - 2);
    if (typed.starts_with("~/"))
        if (const char* home = std::getenv("HOME")) typed = std::string(home) + typed.substr(1);
    return typed;
}

std::vector<float> peaks(const AudioClip& clip, std::size_t points) {
    std::vector<float> out(points, 0.0f);
    if (clip.samples.empty()) return out;
    for (std::size_t i = 0; i < clip.samples.size(); ++i) {
        float& p = out[i * points / clip.samples.size()];
        p = std::max(p, std::abs(clip.samples[i]));
    }
    return out;
}

}  // namespace

RecordingModel::RecordingModel(Database* db, MicrophoneOptions microphone, SpeakerOptions speaker)
    : db_(db), microphone_(std::move(microphone)), speaker_(std::move(speaker)) {}

RecordingModel::~RecordingModel() {
    // Closing the app while a take is being analysed still logs it when the
    // analysis ends: what the user recorded is not lost.
    wait();
    try {
        if (state_ == State::analysing) tick();
    } catch (...) {
    }  // a destructor must not throw; tick() already keeps engine errors as messages
}

bool RecordingModel::start(const TakeSetup& setup) {
    if (state_ == State::recording || state_ == State::analysing) return false;
    error_.clear();
    report_.reset();
    logged_.reset();
    waveform_.clear();
    try {
        recorder_ = std::make_unique<Recorder>(microphone_);
    } catch (const Error& e) {
        error_ = e.what();
        return false;
    }
    setup_ = setup;
    source_file_.clear();
    state_ = State::recording;
    return true;
}

void RecordingModel::stop() {
    if (state_ != State::recording) return;
    recorder_->stop();
    AudioClip clip = recorder_->take();
    recorder_.reset();
    analyse_in_background(std::move(clip));
}

bool RecordingModel::analyse_file(const std::string& typed_path, const TakeSetup& setup) {
    if (state_ == State::recording || state_ == State::analysing) return false;
    error_.clear();
    report_.reset();
    logged_.reset();
    const std::filesystem::path file = typed_file_path(typed_path);
    std::error_code ec;
    char message[1024];
    if (file.empty()) {
        error_ = _("Type the path of a recording (WAV, FLAC or OGG).");
        return false;
    }
    if (!std::filesystem::exists(file, ec)) {
        std::snprintf(message, sizeof message, _("%s: no such file."), file.c_str());
        error_ = message;
        return false;
    }
    if (std::filesystem::is_directory(file, ec)) {
        std::snprintf(message, sizeof message, _("%s is a folder: choose a recording in it."), file.c_str());
        error_ = message;
        return false;
    }
    try {
        AudioClip clip = read_audio_file(file);  // its errors name the file
        setup_ = setup;
        source_file_ = file.string();
        analyse_in_background(std::move(clip));
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        return false;
    }
}

void RecordingModel::analyse_in_background(AudioClip clip) {
    clip_ = std::make_shared<AudioClip>(std::move(clip));
    take_seconds_ = clip_->seconds();
    waveform_ = peaks(*clip_, kWaveformPoints);
    SpokenPitchOptions options;
    if (!setup_.script.empty()) options.script = setup_.script;
    options.language = setup_.language;
    options.target_seconds = setup_.target_seconds;
    if (db_) {
        try {
            options.usual_wpm = usual_spoken_wpm(*db_, setup_.script_id);
        } catch (const Error&) {
        }  // no usual pace: the report compares with a calm range instead
    }
    auto clip_for_worker = clip_;
    pending_ = std::async(std::launch::async,
                          [clip_for_worker, options] { return analyze_spoken_pitch(*clip_for_worker, options); });
    state_ = State::analysing;
}

bool RecordingModel::tick() {
    if (player_ && !player_->playing()) player_.reset();
    if (state_ == State::recording && recorder_ && !recorder_->status().running) stop();  // ended by silence
    if (state_ != State::analysing) return false;
    if (pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    state_ = State::done;
    try {
        report_ = pending_.get();
        if (db_) {
            NewPitchAttempt attempt;
            attempt.script_id = setup_.script_id;
            // With no target the attempt is logged against the usual longest
            // pitch, as the clock's attempts are (attempt_target_seconds()).
            attempt.target_seconds = setup_.target_seconds.value_or(kUsualPitchLongestSeconds);
            logged_ = log_spoken_attempt(*db_, attempt, *report_, clip_.get()).id;
        }
    } catch (const Error& e) {
        error_ = source_file_.empty() ? e.what() : source_file_ + ": " + e.what();  // which file said nothing
    }
    clip_.reset();  // the audio lives on only in a kept recording
    return logged_.has_value();
}

std::vector<PitchAttempt> RecordingModel::kept_takes(const std::vector<PitchAttempt>& attempts) const {
    std::vector<PitchAttempt> kept;
    if (!db_) return kept;
    for (auto a = attempts.rbegin(); a != attempts.rend(); ++a) {
        try {
            if (attempt_recording(*db_, a->id)) kept.push_back(*a);
        } catch (const Error&) {
        }  // an attempt without a readable report simply has no recording to play
    }
    return kept;
}

bool RecordingModel::play(std::int64_t attempt) {
    stop_playing();
    error_.clear();
    try {
        const auto file = db_ ? attempt_recording(*db_, attempt) : std::nullopt;
        if (!file) {
            error_ = _("This attempt has no kept recording.");
            return false;
        }
        player_ = std::make_unique<Player>(read_audio_file(*file), speaker_);
        player_attempt_ = attempt;
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        return false;
    }
}

void RecordingModel::stop_playing() { player_.reset(); }

std::optional<std::int64_t> RecordingModel::playing_attempt() const {
    return player_ && player_->playing() ? std::optional(player_attempt_) : std::nullopt;
}

void RecordingModel::wait() {
    if (recorder_) recorder_->stop();
    if (pending_.valid()) pending_.wait();
}

RecorderStatus RecordingModel::recorder_status() const {
    return recorder_ ? recorder_->status() : RecorderStatus{};
}

bool RecordingModel::keep_recordings() const {
    try {
        return db_ && rapport::keep_recordings(*db_);
    } catch (const Error&) {
        return false;
    }
}

void RecordingModel::set_keep_recordings(bool keep) {
    if (!db_) return;
    try {
        rapport::set_keep_recordings(*db_, keep);
    } catch (const Error& e) {
        error_ = e.what();
    }
}

}  // namespace rapport::gui
