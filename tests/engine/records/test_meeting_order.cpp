// What happens in order stays in order: a meeting is done only once it has
// taken place, and its thank-you is sent after it.
#include "engine/base/error.h"
#include "engine/base/local_time.h"
#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <ctime>
#include <functional>

using namespace rapport;
using rapport::test::TempDir;

namespace {

LocalDateTime hours_from_now(int hours) {
    return local_from_utc(static_cast<std::int64_t>(std::time(nullptr)) + hours * 3600);
}

struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    std::int64_t contact = [this] {
        Contact c;
        c.name = "Zoë Ångström";
        return add_contact(db, c);
    }();

    std::int64_t meeting_at(const LocalDateTime& at, const std::string& status = "planned") {
        Meeting m;
        m.contact_id = contact;
        m.at = at;
        m.status = status;
        return add_meeting(db, m);
    }
    DebriefChecklist checklist() const {
        return load_debrief_checklist(rapport::test::source_dir() / "question-banks", "en");
    }
};

std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a meeting can be marked done once it has taken place, not the day before") {
    Fixture f;
    const auto tomorrow = f.meeting_at(hours_from_now(24));
    MeetingChanges done;
    done.status = "done";
    CHECK(error_of([&] { edit_meeting(f.db, tomorrow, done); }).find("status: the meeting is planned for") == 0);
    CHECK(get_meeting(f.db, tomorrow).status == "planned");
    CHECK(error_of([&] { f.meeting_at(hours_from_now(48), "done"); }).find("status:") == 0);

    const auto yesterday = f.meeting_at(hours_from_now(-24));
    CHECK_NOTHROW(edit_meeting(f.db, yesterday, done));
    CHECK(get_meeting(f.db, yesterday).status == "done");
    // Starting a little early happens.
    const auto soon = f.meeting_at(hours_from_now(0));
    CHECK_NOTHROW(edit_meeting(f.db, soon, done));
    // Moving a done meeting into the future is the same slip.
    MeetingChanges later;
    later.at = hours_from_now(72);
    CHECK(error_of([&] { edit_meeting(f.db, yesterday, later); }).find("status:") == 0);
}

TEST_CASE("a thank-you cannot be sent before the meeting") {
    Fixture f;
    const auto tomorrow = f.meeting_at(hours_from_now(24));
    DebriefChanges sent;
    sent.thank_you_sent_at = std::optional<LocalDateTime>(hours_from_now(0));
    CHECK(error_of([&] { update_debrief(f.db, tomorrow, sent, f.checklist()); })
              .find("thank_you_sent_at:") == 0);
    CHECK_FALSE(get_debrief(f.db, tomorrow).thank_you_sent_at);

    const auto yesterday = f.meeting_at(hours_from_now(-24), "done");
    CHECK_NOTHROW(update_debrief(f.db, yesterday, sent, f.checklist()));
    CHECK(get_debrief(f.db, yesterday).thank_you_sent_at);
}

TEST_CASE("the meetings that took place are listed most recent first, in one query") {
    Fixture f;
    Contact other;
    other.name = "Jean Okafor";
    other.company = "Hôpital Saint-Luc";
    const auto jean = add_contact(f.db, other);
    const auto done_last_week = f.meeting_at(hours_from_now(-24 * 7), "done");
    const auto over_yesterday = f.meeting_at(hours_from_now(-24));  // planned, but over
    f.meeting_at(hours_from_now(-48), "cancelled");
    f.meeting_at(hours_from_now(24));                  // still ahead
    const auto now_running = f.meeting_at(hours_from_now(0));  // not over yet
    Meeting with_jean;
    with_jean.contact_id = jean;
    with_jean.at = hours_from_now(-3);
    with_jean.minutes = 60;
    with_jean.status = "done";
    const auto jean_meeting = add_meeting(f.db, with_jean);
    DebriefChanges sent;
    sent.thank_you_sent_at = std::optional<LocalDateTime>(hours_from_now(0));
    update_debrief(f.db, jean_meeting, sent, f.checklist());

    const auto listed = list_meetings_taken_place(f.db, std::time(nullptr));
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].id == jean_meeting);
    CHECK(listed[0].contact_name == "Jean Okafor");
    CHECK(listed[0].company == "Hôpital Saint-Luc");
    CHECK(listed[0].minutes == 60);
    CHECK(listed[0].thank_you_sent);
    CHECK(listed[1].id == over_yesterday);
    CHECK_FALSE(listed[1].thank_you_sent);
    CHECK(listed[2].id == done_last_week);
    CHECK(listed[2].at.iso() == get_meeting(f.db, done_last_week).at.iso());
    // An hour later the running meeting is over too.
    const auto later = list_meetings_taken_place(f.db, std::time(nullptr) + 3600);
    REQUIRE(later.size() == 4);
    CHECK(later[0].id == now_running);
}
