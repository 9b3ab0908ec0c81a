// The meeting clock (a PitchTimer warning minutes before the promised end)
// and the choice of the meeting the live screen opens on.
#include "engine/base/error.h"
#include "engine/followups/meeting_clock.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace std::chrono_literals;
using Phase = PitchTimer::Phase;

namespace {

struct FakeClock {
    PitchTimer::TimePoint now = PitchTimer::TimePoint(1000h);
    PitchTimer::Now source() {
        return [this] { return now; };
    }
};

Meeting meeting(std::int64_t id, const char* at, int minutes, const char* status = "planned") {
    Meeting m;
    m.id = id;
    m.at = parse_local_date_time(at, "at");
    m.minutes = minutes;
    m.status = status;
    return m;
}

LocalDateTime at(const char* text) { return parse_local_date_time(text, "now"); }

}  // namespace

TEST_CASE("the warning comes 5 minutes before the end, or at the last quarter of a short meeting") {
    CHECK(meeting_warning_window(20) == 5min);
    CHECK(meeting_warning_window(90) == 5min);
    CHECK(meeting_warning_window(12) == 3min);
    CHECK(meeting_warning_window(1) == 15s);
}

TEST_CASE("a 20-minute meeting: under, then the warning at 15:00, over past 20:00") {
    FakeClock clock;
    PitchTimer timer = make_meeting_clock(20, clock.source());
    CHECK(timer.target() == 20min);
    CHECK(timer.closing_window() == 5min);
    REQUIRE(timer.start());
    clock.now += 14min + 59s;
    CHECK(timer.phase() == Phase::under);
    // Whole seconds shown: the next change is the phase boundary in one second.
    CHECK(timer.read(1s).until_next_change == 1s);
    clock.now += 1s;
    CHECK(timer.phase() == Phase::closing);
    clock.now += 5min;
    CHECK(timer.phase() == Phase::closing);  // exactly on time is on time
    clock.now += 1s;
    CHECK(timer.phase() == Phase::over);
    CHECK(timer.read(1s).remaining == -1s);
}

TEST_CASE("a meeting clock takes any length the meetings allow; the pitch timer keeps its limits") {
    FakeClock clock;
    CHECK(make_meeting_clock(1440, clock.source()).target() == 24h);
    CHECK_THROWS_WITH_AS(make_meeting_clock(1441, clock.source()),
                         "timer target must be between 1 second and 24 hours", Error);
    CHECK_THROWS_AS(make_meeting_clock(0, clock.source()), Error);
    PitchTimer pitch(60s, clock.source());
    CHECK(pitch.closing_window() == 10s);
    CHECK_THROWS_WITH_AS(pitch.set_target(2h), "timer target must be between 1 second and 1 hour",
                         Error);
}

TEST_CASE("the live screen opens on today's next meeting, else the latest started, else the next") {
    const std::vector<Meeting> meetings = {
        meeting(1, "2025-03-13T09:00+01:00", 20),          // yesterday, never marked done
        meeting(2, "2025-03-14T08:00+01:00", 30, "done"),  // today, done
        meeting(3, "2025-03-14T09:30+01:00", 20),          // today
        meeting(4, "2025-03-14T16:00+01:00", 45),          // today, later
        meeting(5, "2025-03-20T10:00+01:00", 20),          // next week
    };
    CHECK(choose_live_meeting(meetings, at("2025-03-14T07:00+01:00")) == 3);
    // Running late into a meeting still shows it until its promised end.
    CHECK(choose_live_meeting(meetings, at("2025-03-14T09:45+01:00")) == 3);
    CHECK(choose_live_meeting(meetings, at("2025-03-14T09:51+01:00")) == 4);
    // After today's last one ends: the one that started most recently.
    CHECK(choose_live_meeting(meetings, at("2025-03-14T17:00+01:00")) == 4);
    CHECK(choose_live_meeting(meetings, at("2025-03-15T08:00+01:00")) == 4);
    // Before anything started: the soonest to come.
    CHECK(choose_live_meeting(meetings, at("2025-03-01T08:00+01:00")) == 1);
    CHECK_FALSE(choose_live_meeting({meeting(2, "2025-03-14T08:00+01:00", 30, "done")},
                                    at("2025-03-14T07:00+01:00")));
    CHECK_FALSE(choose_live_meeting({}, at("2025-03-14T07:00+01:00")));
}
