#include "engine/pitch/timer.h"

#include "engine/base/error.h"

#include <algorithm>
#include <string>
#include <utility>

namespace rapport {

PitchTimer::PitchTimer(Duration target, Now now) : PitchTimer(target, std::move(now), kPitchLimits) {}

PitchTimer::PitchTimer(Duration target, Now now, Limits limits)
    : now_(std::move(now)), limits_(limits), target_(target) {
    set_target(target);
}

bool PitchTimer::start() {
    if (state_ != State::idle && state_ != State::stopped) return false;
    banked_ = Duration::zero();
    stretch_start_ = now_();
    state_ = State::running;
    return true;
}

bool PitchTimer::pause() {
    if (state_ != State::running) return false;
    banked_ += now_() - stretch_start_;
    state_ = State::paused;
    return true;
}

bool PitchTimer::resume() {
    if (state_ != State::paused) return false;
    stretch_start_ = now_();
    state_ = State::running;
    return true;
}

bool PitchTimer::stop() {
    if (state_ != State::running && state_ != State::paused) return false;
    if (state_ == State::running) banked_ += now_() - stretch_start_;
    state_ = State::stopped;
    return true;
}

void PitchTimer::reset() {
    banked_ = Duration::zero();
    state_ = State::idle;
}

namespace {

// "1 hour", "24 hours", "90 minutes": the longest target, for the message.
std::string longest_text(PitchTimer::Duration longest) {
    using namespace std::chrono;
    if (longest % hours(1) == PitchTimer::Duration::zero()) {
        const auto n = duration_cast<hours>(longest).count();
        return std::to_string(n) + (n == 1 ? " hour" : " hours");
    }
    return std::to_string(duration_cast<minutes>(longest).count()) + " minutes";
}

}  // namespace

void PitchTimer::set_target(Duration target) {
    if (target < std::chrono::seconds(1) || target > limits_.longest_target)
        throw Error("timer target must be between 1 second and " +
                    longest_text(limits_.longest_target));
    target_ = target;
}

PitchTimer::Duration PitchTimer::elapsed_at(TimePoint now) const {
    return state_ == State::running ? banked_ + (now - stretch_start_) : banked_;
}

PitchTimer::Duration PitchTimer::elapsed() const {
    return state_ == State::running ? elapsed_at(now_()) : banked_;
}

double PitchTimer::elapsed_seconds() const {
    return std::chrono::duration<double>(elapsed()).count();
}

PitchTimer::Phase PitchTimer::phase_at(Duration elapsed) const {
    if (elapsed > target_) return Phase::over;
    if (elapsed >= target_ - limits_.closing_window) return Phase::closing;
    return Phase::under;
}

PitchTimer::Duration PitchTimer::until_next_change(Duration elapsed, Duration resolution) const {
    if (state_ != State::running) return kForever;
    // The next multiple of the resolution the display will show...
    const Duration next_tick = (elapsed / resolution + 1) * resolution;
    Duration wait = next_tick - elapsed;
    // ...unless a phase boundary comes first. "over" starts just past the
    // target, so waking at the target plus one clock tick shows it.
    for (Duration boundary : {target_ - limits_.closing_window, target_ + Duration(1)})
        if (boundary > elapsed) wait = std::min(wait, boundary - elapsed);
    return wait;
}

PitchTimer::Reading PitchTimer::read(Duration resolution) const {
    const Duration elapsed = state_ == State::running ? elapsed_at(now_()) : banked_;
    return {state_, phase_at(elapsed), elapsed, target_ - elapsed,
            until_next_change(elapsed, std::max(resolution, Duration(1)))};
}

}  // namespace rapport

