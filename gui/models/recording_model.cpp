#include "gui/models/recording_model.h"

#include "engine/base/error.h"
#include "engine/pitch/spoken_store.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace rapport::gui {
namespace {

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

RecordingModel::RecordingModel(Database* db, MicrophoneOptions microphone)
    : db_(db), microphone_(std::move(microphone)) {}

RecordingModel::~RecordingModel() { wait(); }

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

bool RecordingModel::analyse_file(const std::filesystem::path& file, const TakeSetup& setup) {
    if (state_ == State::recording || state_ == State::analysing) return false;
    error_.clear();
    report_.reset();
    logged_.reset();
    try {
        setup_ = setup;
        analyse_in_background(read_audio_file(file));
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
    if (state_ == State::recording && recorder_ && !recorder_->status().running) stop();  // ended by silence
    if (state_ != State::analysing) return false;
    if (pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    state_ = State::done;
    try {
        report_ = pending_.get();
        if (db_) {
            NewPitchAttempt attempt;
            attempt.script_id = setup_.script_id;
            attempt.target_seconds = setup_.target_seconds;
            logged_ = log_spoken_attempt(*db_, attempt, *report_, clip_.get()).id;
        }
    } catch (const Error& e) {
        error_ = e.what();
    }
    clip_.reset();  // the audio lives on only in a kept recording
    return logged_.has_value();
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
