// The clock of a meeting in progress, and which meeting is "now".
//
// A meeting is timed against the length promised to the contact; keeping
// that promise matters, so the clock warns a few minutes before the end, not
// seconds as a pitch timer does. The warning window is kMeetingWarningWindow
// (5 minutes), or a quarter of the meeting when that is shorter: a 12-minute
// call warns at 9:00. The clock is a PitchTimer (start/pause/resume/stop on a
// monotonic, injectable clock) whose "closing" phase is that window:
//   under    more than the window left
//   closing  the window: time to wrap up
//   over     past the promised length
//
// choose_live_meeting() picks the meeting the live screen opens on: the next
// planned meeting of today that has not ended yet; else the planned meeting
// that started most recently (one never marked done); else the soonest
// planned meeting to come; else none.
#pragma once

#include "engine/records/meetings.h"
#include "engine/pitch/timer.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace rapport {

inline constexpr std::chrono::minutes kMeetingWarningWindow{5};

// 5 minutes, or a quarter of promised_minutes when that is shorter.
PitchTimer::Duration meeting_warning_window(int promised_minutes);

// A stopped clock for a meeting of promised_minutes (1 to 1440, as
// meetings.h allows; throws rapport::Error outside that).
PitchTimer make_meeting_clock(int promised_minutes, PitchTimer::Now now = &PitchTimer::Clock::now);

// The id of the meeting to open, among `meetings` (any order), at local time now.
std::optional<std::int64_t> choose_live_meeting(const std::vector<Meeting>& meetings,
                                                const LocalDateTime& now);

}  // namespace rapport
