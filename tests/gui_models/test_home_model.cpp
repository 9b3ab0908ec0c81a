// The Home screen's model on a temp database seeded through the engine, at a
// fixed local "now": meetings coming up in order, thank-yous and follow-ups
// due, the pitch practice trend, and the empty state.
#include "gui/models/home_model.h"

#include "engine/records/debriefs.h"
#include "engine/records/outreach.h"
#include "engine/pitch/store.h"
#include "engine/records/profile.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;

namespace {

constexpr const char* kNow = "2025-03-12T10:00";  // a Wednesday

HomeModel home(Database* db) { return HomeModel(db, shipped_banks(), [] { return local(kNow); }); }

std::vector<std::string> kinds(const std::vector<FollowUp>& list) {
    std::vector<std::string> out;
    for (const auto& f : list) out.push_back(f.kind);
    return out;
}

std::vector<std::string> names(const std::vector<UpcomingMeeting>& list) {
    std::vector<std::string> out;
    for (const auto& u : list) out.push_back(u.contact_name);
    return out;
}

// One attempt of the script, logged at the given Unix second.
void log_attempt(Database& db, std::int64_t script, double seconds, std::int64_t at,
                 std::optional<double> target = std::nullopt) {
    NewPitchAttempt attempt;
    attempt.script_id = script;
    attempt.target_seconds = target;
    attempt.seconds = seconds;
    attempt.at = std::chrono::system_clock::time_point(std::chrono::seconds(at));
    record_pitch_attempt(db, attempt);
}

}  // namespace

TEST_CASE("an empty database is the empty state") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    HomeModel m = home(&db);
    CHECK(m.empty());
    CHECK(m.error().empty());
    CHECK(m.upcoming().empty());
    CHECK(m.followups().empty());
    CHECK(m.pitch_trend().empty());

    seed_contact(db, "Zoë Ångström", "Montréal Cartography");
    m.refresh();
    CHECK_FALSE(m.empty());  // one contact: the real Home, with its own empty sections
    CHECK(m.contact_count() == 1);

    HomeModel none = home(nullptr);
    CHECK(none.empty());
    CHECK_FALSE(none.can_save());
    CHECK_FALSE(none.mark_thank_you_sent(1));
}

TEST_CASE("meetings still to come are listed in time order, today's flagged") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto zoe = seed_contact(db, "Zoë Ångström", "Montréal Cartography");
    const auto ingrid = seed_contact(db, "Ingrid Öberg", "Göteborg Maps");
    const auto paul = seed_contact(db, "Paul Martin", "");
    // Added out of order on purpose.
    seed_meeting(db, ingrid, "2025-03-20T11:00", 45);
    seed_meeting(db, zoe, "2025-03-12T15:30", 20);
    seed_meeting(db, paul, "2025-03-12T09:45", 30);             // under way at 10:00
    seed_meeting(db, paul, "2025-03-11T09:00", 30);             // over
    seed_meeting(db, zoe, "2025-03-14T09:00", 30, "cancelled");  // not happening
    seed_meeting(db, ingrid, "2025-03-13T08:00", 30, "done");    // already recorded as done

    HomeModel m = home(&db);
    CHECK(m.error().empty());
    REQUIRE(names(m.upcoming()) ==
            std::vector<std::string>{"Paul Martin", "Zoë Ångström", "Ingrid Öberg"});
    const UpcomingMeeting& now = m.upcoming()[0];
    CHECK(now.under_way);
    CHECK(now.today);
    const UpcomingMeeting& later = m.upcoming()[1];
    CHECK(later.today);
    CHECK_FALSE(later.under_way);
    CHECK(later.company == "Montréal Cartography");
    CHECK(later.minutes == 20);
    CHECK(later.at.wall_clock() == "2025-03-12 15:30");
    CHECK_FALSE(m.upcoming()[2].today);
    CHECK(m.upcoming()[2].minutes == 45);
    CHECK(m.meeting_count() == 6);
}

TEST_CASE("thank-yous due and overdue come first; marking sent takes them off") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto zoe = seed_contact(db, "Zoë Ångström", "Montréal Cartography");
    const auto elodie = seed_contact(db, "Élodie Brûlé", "Québec Archives");
    const auto marc = seed_contact(db, "Marc Lévesque", "");
    const auto old_meeting = seed_meeting(db, zoe, "2025-03-10T09:00", 30);     // due 03-11 09:30: overdue
    const auto recent_meeting = seed_meeting(db, elodie, "2025-03-12T08:00", 20);  // due 03-13 08:20
    seed_meeting(db, zoe, "2025-03-20T09:00", 30);                                  // not yet
    add_outreach(db, marc, local("2025-02-28T09:00"), "email");  // 8 business days without reply

    HomeModel m = home(&db);
    REQUIRE(kinds(m.followups()) == std::vector<std::string>{"thank-you", "thank-you",
                                                             "outreach-second-contact",
                                                             "outreach-follow-up"});
    CHECK(m.followups()[0].meeting_id == old_meeting);
    CHECK(m.followups()[0].overdue);
    CHECK(m.followups()[0].contact_name == "Zoë Ångström");
    CHECK(m.followups()[1].meeting_id == recent_meeting);
    CHECK_FALSE(m.followups()[1].overdue);
    CHECK(m.followups()[1].due_at.wall_clock() == "2025-03-13 08:20");
    CHECK(m.followups()[3].contact_id == marc);

    REQUIRE(m.mark_thank_you_sent(old_meeting));
    CHECK(m.error().empty());
    CHECK(kinds(m.followups()) ==
          std::vector<std::string>{"thank-you", "outreach-second-contact", "outreach-follow-up"});
    CHECK(get_debrief(db, old_meeting).thank_you_sent_at->iso() == local(kNow).iso());

    // The follow-up is recorded; reaching a second person is still suggested.
    REQUIRE(m.record_follow_up_sent(marc));
    CHECK(kinds(m.followups()) == std::vector<std::string>{"thank-you", "outreach-second-contact"});
    const auto requests = list_outreach(db, marc);
    REQUIRE(requests.size() == 2);
    CHECK(requests[1].follow_up_of == requests[0].id);

    CHECK_FALSE(m.mark_thank_you_sent(424242));
    CHECK(m.error().find("424242") != std::string::npos);
}

TEST_CASE("the pitch trend of a script with no target is measured from the usual 30 s to 2 min") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto open = add_pitch_script(db, {"Open", "I'm interested in maps and atlases.", "en", std::nullopt});
    std::int64_t t = 1'741'000'000;
    for (double s : {45.0, 100.0, 25.0}) log_attempt(db, open, s, t++);  // logged against 120 s

    HomeModel m = home(&db);
    const PitchTrend& trend = m.pitch_trend();
    CHECK(trend.title == "Open");
    CHECK_FALSE(trend.has_target);
    CHECK(trend.progress.last_offset_seconds == doctest::Approx(-5.0));  // not -95 from 2 min
    REQUIRE(trend.progress.best);
    CHECK(trend.progress.best->seconds == doctest::Approx(100.0));

    // Practising a script with a target brings the verdict back.
    const auto timed = add_pitch_script(db, {"Timed", "I studied geography in Montréal.", "en", 60});
    log_attempt(db, timed, 50, t++);
    m.refresh();
    CHECK(m.pitch_trend().has_target);
    CHECK(m.pitch_trend().progress.last_offset_seconds == doctest::Approx(-10.0));
}

TEST_CASE("the pitch trend follows the script practised last") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto maps = add_pitch_script(db, {"Maps", "I'm interested in maps and atlases.", "en", 30});
    const auto old = add_pitch_script(db, {"Old", "I studied geography in Montréal.", "en", 60});
    std::int64_t t = 1'741'000'000;
    log_attempt(db, old, 70, t++);
    for (double s : {41.0, 36.5, 33.0, 31.0}) log_attempt(db, maps, s, t++);
    log_attempt(db, maps, 44, t++, 45);  // the target changed

    HomeModel m = home(&db);
    const PitchTrend& trend = m.pitch_trend();
    CHECK_FALSE(m.empty());
    CHECK(trend.title == "Maps");
    CHECK(trend.seconds == std::vector<float>{41.0f, 36.5f, 33.0f, 31.0f, 44.0f});
    CHECK(trend.target_seconds == std::vector<float>{30, 30, 30, 30, 45});
    CHECK(trend.progress.attempts == 5);
    CHECK(trend.progress.last_offset_seconds == doctest::Approx(-1.0));
    REQUIRE(trend.progress.best);
    CHECK(trend.progress.best->seconds == doctest::Approx(44.0));

    // Only the most recent attempts are plotted.
    for (int i = 0; i < 20; ++i) log_attempt(db, maps, 30.0 + i, t++);
    m.refresh();
    CHECK(m.pitch_trend().seconds.size() == HomeModel::kTrendLength);
    CHECK(m.pitch_trend().seconds.back() == 49.0f);
    CHECK(m.pitch_trend().progress.attempts == 25);
}
