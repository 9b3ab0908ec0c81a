// The "Meeting (live)" screen's model on real temp databases, with a fake
// monotonic clock (the meeting clock, the notes' delay) and a fixed local time
// (which meeting opens).
#include "gui/models/live_meeting_model.h"

#include "engine/records/contacts.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace std::chrono_literals;
using rapport::gui::LiveMeetingModel;
using rapport::test::TempDir;
using Phase = PitchTimer::Phase;
using State = PitchTimer::State;

namespace {

struct FakeClock {
    PitchTimer::TimePoint now = PitchTimer::TimePoint(100h);
    PitchTimer::Now function() {
        return [this] { return now; };
    }
};

SheetQuestion question(const char* id, const char* text) {
    SheetQuestion q;
    q.id = id;
    q.text = text;
    q.stage = "opening";
    return q;
}

// Zoë's meeting today at 09:30 (20 min, with a sheet), Bob's yesterday (done)
// and Bob's next week; the local time is 09:00 that day.
struct Fixture {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    LocalDateTime wall = parse_local_date_time("2025-03-14T09:00+01:00", "now");
    std::int64_t zoe_meeting = 0, bob_done = 0, bob_next = 0;

    Fixture() {
        Contact zoe;
        zoe.name = "Zoë Ångström";
        Contact bob;
        bob.name = "Bob";
        const auto zoe_id = add_contact(db, zoe), bob_id = add_contact(db, bob);
        bob_done = add(bob_id, "2025-03-13T10:00+01:00", 30, "done", {});
        zoe_meeting = add(zoe_id, "2025-03-14T09:30+01:00", 20, "planned",
                          {question("q1", "How did you start in Montréal?"),
                           question("q2", "What does a typical week look like?")});
        bob_next = add(bob_id, "2025-03-21T09:30+01:00", 45, "planned", {});
    }
    std::int64_t add(std::int64_t contact, const char* at, int minutes, const char* status,
                     std::vector<SheetQuestion> sheet) {
        Meeting m;
        m.contact_id = contact;
        m.at = parse_local_date_time(at, "at");
        m.minutes = minutes;
        m.status = status;
        m.sheet = std::move(sheet);
        return add_meeting(db, m);
    }
    LiveMeetingModel model() {
        return LiveMeetingModel(&db, clock.function(), [this] { return wall; });
    }
};

}  // namespace

TEST_CASE("it opens on today's next meeting, with a clock set to the promised length") {
    Fixture f;
    LiveMeetingModel m = f.model();
    REQUIRE(m.meeting());
    CHECK(m.meeting()->id == f.zoe_meeting);
    CHECK(m.meeting()->sheet.size() == 2);
    CHECK(m.clock().target() == 20min);
    CHECK(m.clock().state() == State::idle);
    // Planned meetings to choose from; the done one is not offered.
    REQUIRE(m.choices().size() == 2);
    CHECK(m.choices()[0].id == f.zoe_meeting);
    CHECK(m.choices()[1].id == f.bob_next);
    CHECK_FALSE(m.wants_wakeups());  // idle costs nothing
}

TEST_CASE("the clock warns five minutes before time is up, and wakes the app once a second") {
    Fixture f;
    LiveMeetingModel m = f.model();
    REQUIRE(m.start());
    CHECK(m.wants_wakeups());
    CHECK(m.until_next_change(1s) == 1s);
    f.clock.now += 14min + 59s + 500ms;
    CHECK(m.clock().phase() == Phase::under);
    CHECK(m.until_next_change(1s) == 500ms);  // the warning starts at 15:00
    f.clock.now += 500ms;
    CHECK(m.clock().phase() == Phase::closing);
    CHECK(m.clock().read(1s).remaining == 5min);
    // Switching meeting would measure one meeting against another's length.
    CHECK_FALSE(m.can_switch());
    m.select_meeting(f.bob_next);
    CHECK(m.meeting()->id == f.zoe_meeting);
    REQUIRE(m.pause());
    f.clock.now += 10min;  // paused: time does not count
    CHECK_FALSE(m.wants_wakeups());
    REQUIRE(m.resume());
    f.clock.now += 5min + 1s;
    CHECK(m.clock().phase() == Phase::over);

    REQUIRE(m.stop());
    CHECK(m.can_switch());
    m.select_meeting(f.bob_next);
    REQUIRE(m.meeting());
    CHECK(m.meeting()->id == f.bob_next);
    CHECK(m.clock().target() == 45min);
    CHECK(m.clock().state() == State::idle);
}

TEST_CASE("ticks are saved at once; answered implies asked") {
    Fixture f;
    LiveMeetingModel m = f.model();
    m.set_answered("q2", true);
    Meeting stored = get_meeting(f.db, f.zoe_meeting);
    CHECK(stored.sheet[1].asked);
    CHECK(stored.sheet[1].answered);
    CHECK(m.meeting()->sheet[1].asked);  // the engine's rule shows at once
    m.set_asked("q1", true);
    CHECK(get_meeting(f.db, f.zoe_meeting).sheet[0].asked);
    CHECK(m.asked_count() == 2);
    CHECK(m.answered_count() == 1);
    m.set_asked("q2", false);
    stored = get_meeting(f.db, f.zoe_meeting);
    CHECK_FALSE(stored.sheet[1].asked);
    CHECK_FALSE(stored.sheet[1].answered);

    // A question that is no longer on the sheet: a message, no crash.
    m.set_asked("gone", true);
    CHECK(m.error().find("no question 'gone'") != std::string::npos);
}

TEST_CASE("quick notes are saved within a second and on flush") {
    Fixture f;
    LiveMeetingModel m = f.model();
    m.set_notes("Started at Hydro-Québec");
    CHECK(m.save_pending());
    CHECK(m.wants_wakeups());
    CHECK(m.until_next_change(1s) == 800ms);
    f.clock.now += 700ms;
    m.tick();
    CHECK(get_meeting(f.db, f.zoe_meeting).notes.empty());
    f.clock.now += 100ms;
    m.tick();
    CHECK(get_meeting(f.db, f.zoe_meeting).notes == "Started at Hydro-Québec");
    CHECK_FALSE(m.save_pending());

    m.set_notes("Started at Hydro-Québec; suggests Éloïse");
    m.flush();
    CHECK(get_meeting(f.db, f.zoe_meeting).notes == "Started at Hydro-Québec; suggests Éloïse");

    // Notes still being typed survive a refresh.
    m.set_notes("typing…");
    m.refresh();
    CHECK(m.notes() == "typing…");
}

TEST_CASE("mark done stops the clock and saves the notes with the status") {
    Fixture f;
    LiveMeetingModel m = f.model();
    m.start();
    f.clock.now += 18min;
    m.set_notes("Follow up about the archive job");
    m.mark_done();
    CHECK(m.clock().state() == State::stopped);
    const Meeting stored = get_meeting(f.db, f.zoe_meeting);
    CHECK(stored.status == "done");
    CHECK(stored.notes == "Follow up about the archive job");
    CHECK(m.meeting()->status == "done");
    CHECK_FALSE(m.save_pending());
    // Still the open meeting, though no longer planned.
    m.refresh();
    CHECK(m.meeting()->id == f.zoe_meeting);
    // It keeps its place in time among the planned ones; Bob's done meeting
    // of the day before is no choice (only planned meetings are read).
    REQUIRE(m.choices().size() == 2);
    CHECK(m.choices()[0].id == f.zoe_meeting);
    CHECK(m.choices()[0].sheet.empty());
    CHECK(m.choices()[1].id == f.bob_next);
}

TEST_CASE("a meeting planned or removed elsewhere shows after refresh") {
    Fixture f;
    f.wall = parse_local_date_time("2025-03-30T09:00+02:00", "now");  // after everything
    LiveMeetingModel m = f.model();
    REQUIRE(m.meeting());
    CHECK(m.meeting()->id == f.bob_next);  // the latest started, never marked done
    remove_meeting(f.db, f.bob_next);
    m.refresh();  // it picks again
    REQUIRE(m.meeting());
    CHECK(m.meeting()->id == f.zoe_meeting);
}

TEST_CASE("an empty database opens no meeting and nothing runs") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    FakeClock clock;
    LiveMeetingModel m(&db, clock.function());
    CHECK_FALSE(m.meeting());
    CHECK(m.choices().empty());
    CHECK_FALSE(m.start());
    m.set_notes("nowhere to go");
    CHECK_FALSE(m.save_pending());
    m.mark_done();
    CHECK(m.error().empty());
}

TEST_CASE("stages are named as Prepare names them, in the profile's language") {
    Fixture f;
    const auto banks = rapport::test::source_dir() / "question-banks";
    const auto with_banks = [&] {
        return LiveMeetingModel(&f.db, f.clock.function(), [&f] { return f.wall; }, banks);
    };
    CHECK(with_banks().stage_label("assignments") == "Next steps");
    CHECK(with_banks().stage_label("opening") == "Opening");
    CHECK(f.model().stage_label("assignments") == "assignments");  // no banks: the id
    ProfileChanges french;
    french.language = "fr";
    update_profile(f.db, french);
    CHECK(with_banks().stage_label("assignments") == "Prochaines étapes");
}
