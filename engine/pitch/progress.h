// Progress over timed attempts of a pitch: are they getting closer to target?
//
// summarize_pitch_attempts() takes attempts oldest first (as
// list_pitch_attempts() returns them) and reports:
//   - the last few attempts (newest last);
//   - the best one: the smallest distance |seconds - target|, the most recent
//     on a tie;
//   - the average length, and the average distance from target;
//   - the last attempt's signed offset (seconds - target: > 0 over, < 0 under).
// Each attempt is measured against its own target, since the target can
// change between attempts. For a script with no target
// (PitchLengthGoal::usual_range) there is no target to measure against:
// attempts are measured against the usual length of a pitch instead, 30 s to
// 2 min (kUsualPitchShortestSeconds..kUsualPitchLongestSeconds), a distance of
// 0 anywhere inside it, so the best is the latest attempt in that range.
#pragma once

#include "engine/pitch/store.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <optional>
#include <span>
#include <vector>

namespace rapport {

struct PitchProgress {
    int attempts = 0;
    std::vector<PitchAttempt> last;  // at most last_count, oldest first
    std::optional<PitchAttempt> best;
    double average_seconds = 0;
    double average_distance_seconds = 0;
    double last_offset_seconds = 0;
    double last_seconds = 0;
};

enum class PitchLengthGoal { target, usual_range };

inline constexpr std::size_t kPitchProgressLastCount = 5;

double distance_from_target(const PitchAttempt& attempt);
// Signed: > 0 longer than the usual range, < 0 shorter, 0 inside it.
double offset_from_usual_range(double seconds);

PitchProgress summarize_pitch_attempts(std::span<const PitchAttempt> oldest_first,
                                       std::size_t last_count = kPitchProgressLastCount,
                                       PitchLengthGoal goal = PitchLengthGoal::target);

// Progress of one saved script, or of the attempts logged without a script.
// A script with no target is measured against the usual range (its attempts
// are logged against 2 min only so the clock has an end): the best is the
// latest in 30 s to 2 min, and there is no "from target" to show.
struct ScriptProgress {
    std::optional<std::int64_t> script_id;  // none: attempts without a script
    std::string title;                      // empty without a script
    std::optional<double> measured_wpm;
    PitchLengthGoal goal = PitchLengthGoal::target;
    PitchProgress progress;
};

// How a script's attempts are measured: against its target, or with none
// against the usual range.
PitchLengthGoal length_goal_of(const PitchScript& script);

// One entry per script that has attempts (by script id), then one for the
// attempts without a script, if any. With script_id, only that script (an
// entry with no attempts when it has none); throws rapport::Error when the
// script does not exist.
std::vector<ScriptProgress> pitch_progress(Database& db,
                                           std::optional<std::int64_t> script_id = std::nullopt);

}  // namespace rapport
