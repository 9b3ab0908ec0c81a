#include "engine/base/error.h"
#include "engine/pitch/timer.h"

#include <doctest/doctest.h>

#include <random>

using namespace rapport;
using namespace std::chrono_literals;
using State = PitchTimer::State;
using Phase = PitchTimer::Phase;

namespace {

// A clock the test moves by hand: no test ever sleeps.
struct FakeClock {
    PitchTimer::TimePoint now = PitchTimer::TimePoint(1000h);  // anywhere but zero
    int reads = 0;
    PitchTimer::Now source() {
        return [this] {
            ++reads;
            return now;
        };
    }
    void advance(PitchTimer::Duration d) { now += d; }
};

}  // namespace

TEST_CASE("start, pause, resume and stop: elapsed counts only running time") {
    FakeClock clock;
    PitchTimer timer(60s, clock.source());
    CHECK(timer.state() == State::idle);
    CHECK(timer.elapsed() == 0s);

    CHECK(timer.start());
    clock.advance(12s);
    CHECK(timer.elapsed() == 12s);
    CHECK(timer.pause());
    clock.advance(45s);  // paused: does not count
    CHECK(timer.elapsed() == 12s);
    CHECK(timer.resume());
    clock.advance(8500ms);
    CHECK(timer.elapsed() == 20500ms);
    CHECK(timer.elapsed_seconds() == doctest::Approx(20.5));
    CHECK(timer.pause());
    clock.advance(3s);
    CHECK(timer.resume());
    clock.advance(1500ms);
    CHECK(timer.stop());
    clock.advance(1h);  // stopped: frozen
    CHECK(timer.elapsed() == 22s);
    CHECK(timer.state() == State::stopped);
}

TEST_CASE("transitions that do not apply change nothing and return false") {
    FakeClock clock;
    PitchTimer timer(60s, clock.source());
    CHECK_FALSE(timer.pause());
    CHECK_FALSE(timer.resume());
    CHECK_FALSE(timer.stop());
    CHECK(timer.start());
    CHECK_FALSE(timer.start());
    CHECK_FALSE(timer.resume());
    clock.advance(5s);
    CHECK(timer.pause());
    CHECK_FALSE(timer.pause());
    CHECK_FALSE(timer.start());
    CHECK(timer.elapsed() == 5s);
    CHECK(timer.stop());  // stop while paused keeps the banked time
    CHECK(timer.elapsed() == 5s);
    CHECK_FALSE(timer.stop());
}

TEST_CASE("reset returns to idle; start after stop begins a new attempt at zero") {
    FakeClock clock;
    PitchTimer timer(60s, clock.source());
    timer.start();
    clock.advance(30s);
    timer.stop();
    CHECK(timer.start());
    CHECK(timer.elapsed() == 0s);
    clock.advance(2s);
    CHECK(timer.elapsed() == 2s);
    timer.reset();
    CHECK(timer.state() == State::idle);
    CHECK(timer.elapsed() == 0s);
    clock.advance(10s);
    CHECK(timer.elapsed() == 0s);
}

TEST_CASE("phases and their exact boundaries") {
    FakeClock clock;
    PitchTimer timer(60s, clock.source());
    timer.start();
    auto at = [&](PitchTimer::Duration elapsed) {
        clock.now = PitchTimer::TimePoint(1000h) + elapsed;
        return timer.phase();
    };
    CHECK(at(0s) == Phase::under);
    CHECK(at(50s - 1ns) == Phase::under);
    CHECK(at(50s) == Phase::closing);  // the last 10 s start here
    CHECK(at(60s) == Phase::closing);  // the target itself is not over
    CHECK(at(60s + 1ns) == Phase::over);
    CHECK(at(2h) == Phase::over);
}

TEST_CASE("targets: presets, custom, change while running, and bad ones") {
    FakeClock clock;
    for (auto target : {30s, 60s, 90s, 120s}) {
        PitchTimer timer(target, clock.source());
        CHECK(timer.target() == target);
    }
    PitchTimer timer(90s, clock.source());
    timer.start();
    clock.advance(40s);
    CHECK(timer.phase() == Phase::under);
    timer.set_target(45s);  // custom; the phase follows at once
    CHECK(timer.phase() == Phase::closing);
    timer.set_target(30s);
    CHECK(timer.phase() == Phase::over);
    CHECK(timer.read().remaining == -10s);
    // A target shorter than the closing window: closing from the start.
    timer.set_target(5s);
    timer.reset();
    timer.start();
    CHECK(timer.phase() == Phase::closing);
    CHECK_THROWS_AS(timer.set_target(0s), Error);
    CHECK_THROWS_AS(timer.set_target(2h), Error);
    CHECK_THROWS_AS(PitchTimer(500ms, clock.source()), Error);
    CHECK(timer.target() == 5s);
}

TEST_CASE("read() takes the clock once and says when the display next changes") {
    FakeClock clock;
    PitchTimer timer(60s, clock.source());
    auto idle = timer.read();
    CHECK(idle.state == State::idle);
    CHECK(idle.until_next_change == PitchTimer::kForever);

    timer.start();
    clock.advance(1234ms);
    clock.reads = 0;
    auto r = timer.read(100ms);
    CHECK(clock.reads == 1);
    CHECK(r.elapsed == 1234ms);
    CHECK(r.remaining == 60s - 1234ms);
    CHECK(r.until_next_change == 66ms);        // next tenth: 1.3 s
    CHECK(timer.read(1s).until_next_change == 766ms);  // next whole second: 2 s

    clock.now = PitchTimer::TimePoint(1000h) + 49990ms;
    CHECK(timer.read(1s).until_next_change == 10ms);  // the closing phase starts at 50 s
    clock.now = PitchTimer::TimePoint(1000h) + 60s;
    CHECK(timer.read(1s).until_next_change == 1ns);  // "over" just past the target
    CHECK(timer.read(1s).phase == Phase::closing);

    timer.pause();
    CHECK(timer.read().until_next_change == PitchTimer::kForever);
}

TEST_CASE("a two-hour run with irregular frames and pauses does not drift") {
    FakeClock clock;
    PitchTimer timer(120s, clock.source());
    std::mt19937 random(7);
    std::uniform_int_distribution<long> frame_us(1, 50'000);  // frames of 1 µs to 50 ms
    timer.start();
    PitchTimer::Duration expected{};
    const auto end = clock.now + 2h;
    int frame = 0;
    while (clock.now < end) {
        const auto step = std::chrono::microseconds(frame_us(random)) + 333ns;
        clock.advance(step);
        expected += step;
        if (++frame % 10'000 == 0) {  // a pause now and then
            timer.pause();
            clock.advance(7s);
            timer.resume();
        }
        (void)timer.read();  // what a frame does
    }
    timer.stop();
    CHECK(timer.elapsed() == expected);  // exact to the nanosecond
    CHECK(timer.phase() == Phase::over);
}
