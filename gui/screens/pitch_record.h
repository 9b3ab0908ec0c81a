// The Record mode of the Pitch screen: record the pitch from the microphone
// (the clock starts at the first word and stops after ~2 s of silence, or on
// Stop), a level meter while recording, then the waveform with the pauses
// marked and the coach's report. State and actions: RecordingModel.
#pragma once

#include "gui/models/pitch_model.h"
#include "gui/models/recording_model.h"
#include "gui/screens/screen.h"

#include <optional>

namespace rapport::gui {

class RecordPanel {
public:
    void draw(AppContext& ctx, PitchModel& pitch);
    // Recording or analysing: the screen redraws often meanwhile.
    bool busy() const;

private:
    std::optional<RecordingModel> model_;
};

}  // namespace rapport::gui
