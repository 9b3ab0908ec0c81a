// Drafting the request to a referral from the window (OutreachModel) on a
// temp database: the referrer is named, the profile's name signs it, the
// language follows the profile, and "Mark sent" records the request that
// Home's follow-ups and `rapport-cli outreach` read.
#include "engine/followups/followups.h"
#include "engine/records/debriefs.h"
#include "engine/records/outreach.h"
#include "engine/records/profile.h"
#include "gui/models/outreach_model.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;

namespace {

void set_profile(Database& db, const std::string& name, const std::string& language, int minutes = 20) {
    ProfileChanges changes;
    changes.name = name;
    changes.language = language;
    changes.default_minutes = minutes;
    update_profile(db, changes);
}

struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    std::int64_t elodie = seed_contact(db, "Élodie Marchand", "Atelier Nord");
    std::int64_t met = seed_meeting(db, elodie, "2025-03-10T10:00", 30, "done");
    std::int64_t anais = 0;  // the referral, once a contact

    Fixture() {
        DebriefChanges changes;
        changes.new_referrals.push_back({0, 0, "Anaïs Côté", "Musée de la Carte", "", {}});
        update_debrief(db, met, changes, load_debrief_checklist(shipped_banks(), "en"));
        anais = promote_referral(db, list_referrals(db, met).front().id);
    }
};

}  // namespace

TEST_CASE("the outreach draft to a referral names who referred them, signed with the profile's name") {
    Fixture f;
    OutreachModel m(&f.db, shipped_banks(), [] { return local("2025-03-11T09:30"); });
    m.open(f.anais);
    // No name yet: the draft says what is missing, for the screen to offer Profile.
    CHECK(m.text().empty());
    CHECK(m.needs_name());
    set_profile(f.db, "Zoë Lavigne", "en", 25);
    m.rebuild();
    CHECK_FALSE(m.needs_name());
    CHECK(m.problem().empty());
    const std::string text = m.text();
    INFO(text);
    CHECK(text.rfind("A 25-minute conversation about your work?\n\n", 0) == 0);
    CHECK(text.find("Dear Anaïs Côté,") != std::string::npos);
    CHECK(text.find("Élodie Marchand told me") != std::string::npos);
    CHECK(text.find("Zoë Lavigne") != std::string::npos);
    CHECK(m.contact_name() == "Anaïs Côté");

    // In French when the profile says so.
    set_profile(f.db, "Zoë Lavigne", "fr", 25);
    m.rebuild();
    CHECK(m.text().find("Anaïs Côté") != std::string::npos);
    CHECK(m.text().find("Dear") == std::string::npos);
}

TEST_CASE("marking the request sent records it, and its follow-up comes due") {
    Fixture f;
    set_profile(f.db, "Zoë Lavigne", "en");
    OutreachModel m(&f.db, shipped_banks(), [] { return local("2025-03-11T09:30"); });
    m.open(f.anais);
    CHECK_FALSE(m.sent_at());
    REQUIRE(m.mark_sent());
    REQUIRE(m.sent_at());
    CHECK(m.sent_at()->wall_clock() == "2025-03-11 09:30");
    const auto sent = list_outreach(f.db, f.anais);
    REQUIRE(sent.size() == 1);
    CHECK(sent.front().channel == "email");
    // Reopened later, the model still knows it was sent.
    OutreachModel again(&f.db, shipped_banks());
    again.open(f.anais);
    CHECK(again.sent_at());

    // An unknown contact is a message, never an exception.
    m.open(9999);
    CHECK_FALSE(m.problem().empty());
    CHECK_FALSE(m.mark_sent());
    CHECK_FALSE(m.error().empty());
}
