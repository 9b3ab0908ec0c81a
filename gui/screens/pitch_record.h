// The Record mode of the Pitch screen: record the pitch from the microphone
// (the clock starts at the first word and stops after ~2 s of silence, or on
// Stop), a level meter while recording, or analyse a recording file by its
// path; then the waveform with the pauses marked and the coach's report, and
// playback of the kept recordings. State and actions: RecordingModel.
#pragma once

#include "gui/models/pitch_model.h"
#include "gui/models/recording_model.h"
#include "gui/screens/screen.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rapport::gui {

class RecordPanel {
public:
    void draw(AppContext& ctx, PitchModel& pitch);
    // Recording or analysing: the screen redraws often meanwhile.
    bool busy() const;

private:
    void file_row(RecordingModel& m, const TakeSetup& setup);
    void playback_row(RecordingModel& m, const PitchModel& pitch);
    std::optional<RecordingModel> model_;
    bool show_file_ = false;
    std::string typed_path_;
    // The attempts with a kept recording (newest first), refreshed when the
    // history changes, and the one chosen to play.
    std::vector<PitchAttempt> kept_;
    std::pair<std::size_t, std::int64_t> kept_for_{0, -1};  // history size, newest id
    std::int64_t chosen_take_ = 0;
};

}  // namespace rapport::gui
