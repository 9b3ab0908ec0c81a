// The Record mode of the Pitch screen, without ImGui: record a take from the
// microphone (or analyse a file), then show and store the coach's report.
//
// start() opens the microphone (engine/audio/microphone.h): a failure is a
// message in error(), nothing else changes. While recording, tick() follows
// the level and the clock (which starts at the first word); the take ends by
// itself after ~2 s of silence, or on stop(). The analysis then runs on a
// worker thread (never the UI thread); tick() picks up the report, logs the
// attempt with it (and the audio, only if the user keeps recordings) and
// keeps the waveform for display. A model destroyed while analysing (the app
// closing) waits for the report and logs it.
//
// analyse_file() takes a typed path: it is checked first (empty, missing, a
// folder: a message naming it), then analysed exactly like a take.
// play() plays an attempt's kept recording (engine/audio/player.h); a sound
// output that cannot be opened is a message in error().
#pragma once

#include "engine/audio/microphone.h"
#include "engine/audio/player.h"
#include "engine/pitch/store.h"
#include "engine/pitch/spoken_report.h"
#include "engine/records/database.h"

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

struct TakeSetup {
    std::string script;  // empty: no script
    std::string language = "en";
    std::optional<double> target_seconds = 60;  // none: no length verdict in the report
    std::optional<std::int64_t> script_id;
};

class RecordingModel {
public:
    enum class State { idle, recording, analysing, done };
    static constexpr std::size_t kWaveformPoints = 400;

    RecordingModel(Database* db, MicrophoneOptions microphone = {}, SpeakerOptions speaker = {});
    ~RecordingModel();

    State state() const { return state_; }
    bool start(const TakeSetup& setup);
    void stop();
    // Analyse a recording file the same way (for users with another recorder).
    bool analyse_file(const std::string& typed_path, const TakeSetup& setup);
    // Returns true when a report just arrived (the attempt was logged).
    bool tick();
    // Blocks until the analysis is over (tests, app shutdown).
    void wait();

    RecorderStatus recorder_status() const;
    const std::optional<SpokenReport>& report() const { return report_; }
    std::optional<std::int64_t> logged_attempt() const { return logged_; }
    // Peak level per slice of the take, 0..1, kWaveformPoints long.
    const std::vector<float>& waveform() const { return waveform_; }
    double take_seconds() const { return take_seconds_; }

    // Kept recordings: which of `attempts` have one (newest first), playing one.
    std::vector<PitchAttempt> kept_takes(const std::vector<PitchAttempt>& attempts) const;
    bool play(std::int64_t attempt);
    void stop_playing();
    std::optional<std::int64_t> playing_attempt() const;
    double play_position() const { return player_ ? player_->position_seconds() : 0; }
    double play_seconds() const { return player_ ? player_->seconds() : 0; }

    bool keep_recordings() const;
    void set_keep_recordings(bool keep);

    const std::string& error() const { return error_; }

private:
    void analyse_in_background(AudioClip clip);
    Database* db_;
    MicrophoneOptions microphone_;
    SpeakerOptions speaker_;
    std::unique_ptr<Player> player_;
    std::int64_t player_attempt_ = 0;
    TakeSetup setup_;
    std::string source_file_;  // the recording analysed, empty for the microphone
    State state_ = State::idle;
    std::unique_ptr<Recorder> recorder_;
    std::future<SpokenReport> pending_;
    std::shared_ptr<AudioClip> clip_;
    std::optional<SpokenReport> report_;
    std::optional<std::int64_t> logged_;
    std::vector<float> waveform_;
    double take_seconds_ = 0;
    std::string error_;
};

}  // namespace rapport::gui
