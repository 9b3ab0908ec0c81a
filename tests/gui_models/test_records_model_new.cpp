// New meetings from the Meetings & contacts model: with nobody recorded the
// contact comes first, the length starts from the profile, typed dates are
// read as people write them, and a missing contact is named beside its field.
#include "gui/models/records_model.h"

#include "engine/records/contacts.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport;
using rapport::gui::RecordsModel;
using rapport::test::TempDir;

namespace {

LocalDateTime november_29() { return parse_local_date_time("2026-11-29T19:40", "now"); }

struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    RecordsModel model{&db, &RecordsModel::Clock::now, &november_29};
};

}  // namespace

TEST_CASE("a new meeting with no contact yet opens the contact form first, saying why") {
    Fixture f;
    f.model.new_meeting();
    CHECK_FALSE(f.model.meeting_form());
    REQUIRE(f.model.contact_form());
    CHECK(f.model.messages().form().find("Add the person you will meet first") == 0);
}

TEST_CASE("a new meeting starts from the profile's length and reads typed dates") {
    Fixture f;
    Contact zoe;
    zoe.name = "Zoë Ångström";
    const auto id = add_contact(f.db, zoe);
    ProfileChanges thirty;
    thirty.default_minutes = 30;
    update_profile(f.db, thirty);
    f.model.refresh();

    f.model.new_meeting();
    REQUIRE(f.model.meeting_form());
    CHECK(f.model.meeting_form()->minutes == 30);
    f.model.meeting_form()->contact_id = 0;
    f.model.meeting_form()->at = "2026-12-02 10:00";
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("contact_id"));
    CHECK(*f.model.messages().field("contact_id") == "choose who you are meeting");

    f.model.meeting_form()->contact_id = id;
    f.model.meeting_form()->at = "02/12/2026 10h00";  // English profile: month or day first?
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("at"));
    CHECK(f.model.messages().field("at")->find("could be read two ways") != std::string::npos);

    f.model.meeting_form()->at = "Dec 2 2026 10h";
    REQUIRE(f.model.confirm_form());
    const Meeting stored = get_meeting(f.db, f.model.selected_id());
    CHECK(stored.at.wall_clock() == "2026-12-02 10:00");
    CHECK(stored.minutes == 30);
}
