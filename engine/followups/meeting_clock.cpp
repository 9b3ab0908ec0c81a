#include "engine/followups/meeting_clock.h"

#include <algorithm>
#include <utility>

namespace rapport {

PitchTimer::Duration meeting_warning_window(int promised_minutes) {
    const PitchTimer::Duration quarter = PitchTimer::Duration(std::chrono::minutes(promised_minutes)) / 4;
    return std::min<PitchTimer::Duration>(kMeetingWarningWindow, quarter);
}

PitchTimer make_meeting_clock(int promised_minutes, PitchTimer::Now now) {
    // The longest target is the longest meeting meetings.h accepts: a day.
    const PitchTimer::Limits limits{meeting_warning_window(promised_minutes), std::chrono::hours(24)};
    return PitchTimer(std::chrono::minutes(promised_minutes), std::move(now), limits);
}

namespace {

std::int64_t start_of(const Meeting& m) { return m.at.utc_seconds(); }
std::int64_t end_of(const Meeting& m) { return m.at.utc_seconds() + m.minutes * 60; }

// The meeting that is best by `better` among the planned ones that `fits`.
template <class Fits, class Better>
std::optional<std::int64_t> best_planned(const std::vector<Meeting>& meetings, Fits fits,
                                         Better better) {
    const Meeting* best = nullptr;
    for (const Meeting& m : meetings)
        if (m.status == "planned" && fits(m) && (!best || better(m, *best))) best = &m;
    if (!best) return std::nullopt;
    return best->id;
}

}  // namespace

std::optional<std::int64_t> choose_live_meeting(const std::vector<Meeting>& meetings,
                                                const LocalDateTime& now) {
    const std::int64_t t = now.utc_seconds();
    const auto earlier = [](const Meeting& a, const Meeting& b) { return start_of(a) < start_of(b); };
    const auto later = [](const Meeting& a, const Meeting& b) { return start_of(a) > start_of(b); };
    if (auto today = best_planned(
            meetings, [&](const Meeting& m) { return m.at.date() == now.date() && end_of(m) > t; },
            earlier))
        return today;
    if (auto started = best_planned(meetings, [&](const Meeting& m) { return start_of(m) <= t; }, later))
        return started;
    return best_planned(meetings, [](const Meeting&) { return true; }, earlier);
}

}  // namespace rapport
