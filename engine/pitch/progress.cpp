#include "engine/pitch/progress.h"

#include "engine/pitch/analysis.h"

#include <algorithm>
#include <cmath>

namespace rapport {

double distance_from_target(const PitchAttempt& attempt) {
    return std::abs(attempt.seconds - attempt.target_seconds);
}

double offset_from_usual_range(double seconds) {
    if (seconds < kUsualPitchShortestSeconds) return seconds - kUsualPitchShortestSeconds;
    if (seconds > kUsualPitchLongestSeconds) return seconds - kUsualPitchLongestSeconds;
    return 0;
}

PitchProgress summarize_pitch_attempts(std::span<const PitchAttempt> oldest_first,
                                       std::size_t last_count, PitchLengthGoal goal) {
    PitchProgress p;
    if (oldest_first.empty()) return p;
    p.attempts = static_cast<int>(oldest_first.size());
    auto offset = [goal](const PitchAttempt& a) {
        return goal == PitchLengthGoal::target ? a.seconds - a.target_seconds : offset_from_usual_range(a.seconds);
    };

    double total_seconds = 0, total_distance = 0;
    for (const PitchAttempt& a : oldest_first) {
        total_seconds += a.seconds;
        total_distance += std::abs(offset(a));
        // <= keeps the most recent of equally close attempts.
        if (!p.best || std::abs(offset(a)) <= std::abs(offset(*p.best))) p.best = a;
    }
    p.average_seconds = total_seconds / p.attempts;
    p.average_distance_seconds = total_distance / p.attempts;
    p.last_offset_seconds = offset(oldest_first.back());
    p.last_seconds = oldest_first.back().seconds;

    const std::size_t keep = std::min(last_count, oldest_first.size());
    p.last.assign(oldest_first.end() - static_cast<std::ptrdiff_t>(keep), oldest_first.end());
    return p;
}

PitchLengthGoal length_goal_of(const PitchScript& script) {
    return script.target_seconds ? PitchLengthGoal::target : PitchLengthGoal::usual_range;
}

std::vector<ScriptProgress> pitch_progress(Database& db, std::optional<std::int64_t> script_id) {
    auto progress_of = [&](const PitchScript& script) {
        const std::vector<PitchAttempt> attempts = list_pitch_attempts(db, script.id);
        const PitchLengthGoal goal = length_goal_of(script);
        return ScriptProgress{script.id, script.title, measured_words_per_minute(db, script.id), goal,
                              summarize_pitch_attempts(attempts, kPitchProgressLastCount, goal)};
    };
    if (script_id) return {progress_of(get_pitch_script(db, *script_id))};

    std::vector<ScriptProgress> out;
    for (const PitchScript& script : list_pitch_scripts(db))
        if (ScriptProgress p = progress_of(script); p.progress.attempts > 0) out.push_back(std::move(p));
    std::vector<PitchAttempt> unscripted;
    for (PitchAttempt& a : list_pitch_attempts(db))
        if (!a.script_id) unscripted.push_back(std::move(a));
    if (!unscripted.empty())
        out.push_back({std::nullopt, "", std::nullopt, PitchLengthGoal::target,
                       summarize_pitch_attempts(unscripted)});
    return out;
}

}  // namespace rapport
