// The practice timer the pitch screen drives.
//
// States: idle -> running <-> paused -> stopped; reset() returns to idle from
// anywhere. start() from idle or stopped begins a new attempt at zero. Each
// transition returns false (and changes nothing) when it does not apply, so
// the app can grey the buttons with the same test.
//
// Elapsed time comes from the injected monotonic clock: the time banked by
// earlier running stretches plus (now - start of the current stretch). It is
// never the sum of frame times, so a two-hour run is as exact as the clock,
// and a slow frame cannot make it drift.
//
// Phases, for colouring the digits, with T the target and W the closing window
// (10 s for a pitch; the whole attempt when T <= W):
//   under    elapsed <  T - W
//   closing  T - W <= elapsed <= T   ("within the last 10 s"; T itself included)
//   over     elapsed >  T
//
// read() takes the clock once and returns everything a frame draws, including
// how long the app may sleep before the display would change
// (until_next_change): the next tick of the shown resolution or the next phase
// boundary, whichever comes first; "forever" unless running.
//
// Limits: a pitch uses the defaults (a 10 s closing window, targets up to an
// hour). A meeting (engine/meeting_clock.h) times a promised length of up to a
// day and wants its warning minutes before the end, so it passes its own.
#pragma once

#include <chrono>
#include <functional>

namespace rapport {

class PitchTimer {
public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;
    using Duration = Clock::duration;
    using Now = std::function<TimePoint()>;

    enum class State { idle, running, paused, stopped };
    enum class Phase { under, closing, over };

    static constexpr Duration kClosingWindow = std::chrono::seconds(10);
    static constexpr Duration kForever = Duration::max();

    struct Reading {
        State state = State::idle;
        Phase phase = Phase::under;
        Duration elapsed{};
        Duration remaining{};         // target - elapsed; negative when over
        Duration until_next_change{}; // kForever unless running
    };

    struct Limits {
        Duration closing_window;  // length of the closing phase before the target
        Duration longest_target;  // set_target() refuses anything longer
    };
    static constexpr Limits kPitchLimits{kClosingWindow, std::chrono::hours(1)};

    // target: 30, 60, 90, 120 s or any custom length from 1 s to 1 hour.
    // now: the monotonic clock (tests inject a fake one).
    explicit PitchTimer(Duration target = std::chrono::seconds(60), Now now = &Clock::now);
    // Throws rapport::Error when the target is outside 1 s to limits.longest_target.
    PitchTimer(Duration target, Now now, Limits limits);

    bool start();
    bool pause();
    bool resume();
    bool stop();
    void reset();

    // Throws rapport::Error when target is outside 1 s to 1 hour (or the
    // longest target of the limits given). Allowed in any state; the phase
    // follows the new target at once.
    void set_target(Duration target);
    Duration target() const { return target_; }
    Duration closing_window() const { return limits_.closing_window; }

    State state() const { return state_; }
    Duration elapsed() const;
    Phase phase() const { return phase_at(elapsed()); }
    double elapsed_seconds() const;

    // resolution: the smallest change the display shows (100 ms for tenths,
    // 1 s for whole seconds).
    Reading read(Duration resolution = std::chrono::milliseconds(100)) const;

private:
    Duration elapsed_at(TimePoint now) const;
    Phase phase_at(Duration elapsed) const;
    Duration until_next_change(Duration elapsed, Duration resolution) const;

    Now now_;
    Limits limits_;
    Duration target_;
    State state_ = State::idle;
    Duration banked_{};         // elapsed time of finished running stretches
    TimePoint stretch_start_{}; // when the current running stretch began
};

}  // namespace rapport
