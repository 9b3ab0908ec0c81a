// The Debrief screen's model on a temp database seeded through the engine,
// with the shipped checklist and drafts, a hand-moved clock for debounced
// saving and a fixed local "now".
#include "gui/models/debrief_model.h"

#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/followups/followups.h"
#include "engine/records/profile.h"
#include "engine/records/settings.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* kNow = "2025-03-12T10:00";

// Zoë (thanked), Élodie (not thanked) and Marc (thanked) have been met,
// Ingrid is still to come and Paul's meeting was cancelled.
struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    ManualClock clock;
    std::int64_t zoe = seed_contact(db, "Zoë Ångström", "Montréal Cartography");
    std::int64_t elodie = seed_contact(db, "Élodie Brûlé", "Québec Archives");
    std::int64_t marc = seed_contact(db, "Marc Lévesque", "");
    std::int64_t ingrid = seed_contact(db, "Ingrid Öberg", "Göteborg Maps");
    std::int64_t paul = seed_contact(db, "Paul Martin", "");
    std::int64_t met_zoe = seed_meeting(db, zoe, "2025-03-05T14:00");
    std::int64_t met_elodie = seed_meeting(db, elodie, "2025-03-10T09:30", 20, "done");
    std::int64_t met_marc = seed_meeting(db, marc, "2025-03-11T16:00");
    std::int64_t future = seed_meeting(db, ingrid, "2025-03-20T11:00");
    std::int64_t cancelled = seed_meeting(db, paul, "2025-03-09T11:00", 30, "cancelled");

    Fixture() {
        ProfileChanges profile;
        profile.name = "Camille Roy";
        update_profile(db, profile);
        for (std::int64_t thanked : {met_zoe, met_marc}) {
            DebriefChanges sent;
            sent.thank_you_sent_at = local("2025-03-12T08:00");
            update_debrief(db, thanked, sent, checklist());
        }
    }
    DebriefChecklist checklist() const { return load_debrief_checklist(shipped_banks(), "en"); }
    DebriefModel model() {
        return DebriefModel(&db, shipped_banks(), clock.function(), [] { return local(kNow); });
    }
    Debrief stored(std::int64_t meeting) { return get_debrief(db, meeting); }
};

std::vector<std::int64_t> ids(const std::vector<DebriefableMeeting>& meetings) {
    std::vector<std::int64_t> out;
    for (const auto& m : meetings) out.push_back(m.id);
    return out;
}

bool thank_you_due(Database& db, std::int64_t meeting) {
    const auto due = due_followups(db, local(kNow));
    return std::any_of(due.begin(), due.end(), [&](const FollowUp& f) {
        return f.kind == "thank-you" && f.meeting_id == meeting;
    });
}

}  // namespace

TEST_CASE("the meetings that took place are listed, newest first; the unfinished one opens") {
    Fixture f;
    DebriefModel m = f.model();
    CHECK(m.error().empty());
    CHECK(ids(m.meetings()) == std::vector<std::int64_t>{f.met_marc, f.met_elodie, f.met_zoe});
    REQUIRE(m.meeting_id() == f.met_elodie);  // the newest without its thank-you sent
    REQUIRE(m.meeting());
    CHECK(m.meeting()->contact_name == "Élodie Brûlé");
    CHECK(m.meeting()->company == "Québec Archives");
    CHECK(m.meeting()->minutes == 20);
    CHECK(m.meetings().front().thank_you_sent);
    CHECK_FALSE(m.thank_you_sent_at());
    CHECK(m.checklist().items.size() >= 10);
    CHECK(m.checklist().item("culture-energy"));
}

TEST_CASE("when every debrief is finished, the newest meeting opens") {
    Fixture f;
    DebriefChanges sent;
    sent.thank_you_sent_at = local("2025-03-12T08:00");
    update_debrief(f.db, f.met_elodie, sent, f.checklist());
    CHECK(f.model().meeting_id() == f.met_marc);
}

TEST_CASE("an empty database has nothing to debrief; no database saves nothing") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    DebriefModel empty(&db, shipped_banks());
    CHECK(empty.meetings().empty());
    CHECK_FALSE(empty.meeting_id());
    empty.set_choice("critical-answered", "yes");  // nothing open: nothing happens
    CHECK(empty.error().empty());

    DebriefModel none(nullptr, shipped_banks());
    CHECK_FALSE(none.can_save());
    CHECK(none.meetings().empty());
    none.select_meeting(1);
    none.flush();
}

TEST_CASE("a choice is saved at once, free text after the delay or on flush") {
    Fixture f;
    DebriefModel m = f.model();
    m.set_choice("critical-answered", "partly");
    m.set_choice("culture-energy", "lively");
    CHECK(f.stored(f.met_elodie).answers.at("critical-answered") == "partly");
    CHECK(f.stored(f.met_elodie).answers.at("culture-energy") == "lively");
    CHECK_FALSE(m.save_pending());

    m.set_text("next-steps", "Write to the Montréal map library by Friday");
    m.set_notes("She drew the 1998 atlas of Québec.");
    CHECK(m.save_pending());
    CHECK(m.save_scheduled());
    CHECK(m.answer("next-steps") == "Write to the Montréal map library by Friday");
    m.tick();
    CHECK(f.stored(f.met_elodie).answers.count("next-steps") == 0);
    f.clock.advance(500ms);
    m.set_text("next-steps", "Write to the Montréal map library by Monday");  // the delay runs from the first edit
    CHECK(m.until_save() == DebriefModel::kSaveDelay - 500ms);
    m.tick();
    CHECK(f.stored(f.met_elodie).answers.count("next-steps") == 0);
    f.clock.advance(300ms);
    m.tick();
    CHECK(f.stored(f.met_elodie).answers.at("next-steps") == "Write to the Montréal map library by Monday");
    CHECK(f.stored(f.met_elodie).notes == "She drew the 1998 atlas of Québec.");
    CHECK_FALSE(m.save_pending());
    CHECK_FALSE(m.save_scheduled());

    m.set_text("resume-feedback", "Put the GIS projects first");
    m.flush();
    CHECK(f.stored(f.met_elodie).answers.at("resume-feedback") == "Put the GIS projects first");

    // Read back by a model opened later.
    DebriefModel again = f.model();
    CHECK(again.answer("critical-answered") == "partly");
    CHECK(again.answer("resume-feedback") == "Put the GIS projects first");
    CHECK(again.notes() == "She drew the 1998 atlas of Québec.");
}

TEST_CASE("opening another meeting saves what was typed for the first") {
    Fixture f;
    DebriefModel m = f.model();
    m.set_text("left-out", "Her view on open data");
    m.select_meeting(f.met_zoe);
    CHECK(m.meeting_id() == f.met_zoe);
    CHECK(f.stored(f.met_elodie).answers.at("left-out") == "Her view on open data");
    CHECK(m.answer("left-out").empty());
    CHECK(m.thank_you_sent_at());
    // Home can ask for any meeting by id, even one not listed here yet.
    m.select_meeting(f.future);
    CHECK(m.meeting_id() == f.future);
    m.select_meeting(9999);
    CHECK(m.meeting_id() == f.future);
    CHECK(m.error().find("9999") != std::string::npos);
}

TEST_CASE("a referral is added and becomes a contact in one step") {
    Fixture f;
    DebriefModel m = f.model();
    CHECK_FALSE(m.add_referral("  ", "Nowhere", ""));
    CHECK_FALSE(m.error().empty());
    REQUIRE(m.add_referral(" Anaïs Côté ", "Musée de la Carte", "runs the map room"));
    CHECK(m.error().empty());
    REQUIRE(m.referrals().size() == 1);
    const Referral r = m.referrals().front();
    CHECK(r.name == "Anaïs Côté");
    CHECK(r.company == "Musée de la Carte");
    CHECK_FALSE(r.contact_id);
    CHECK(list_referrals(f.db, f.met_elodie).size() == 1);

    const auto contact_id = m.make_contact(r.id);
    REQUIRE(contact_id);
    const Contact c = get_contact(f.db, *contact_id);
    CHECK(c.name == "Anaïs Côté");
    CHECK(c.company == "Musée de la Carte");
    CHECK(c.referred_by == f.elodie);
    CHECK(m.referrals().front().contact_id == contact_id);
    CHECK_FALSE(m.make_contact(r.id));  // already a contact: the engine says so
    CHECK_FALSE(m.error().empty());
}

TEST_CASE("the thank-you draft follows the debrief, keeps the user's edits, and is marked sent") {
    Fixture f;
    DebriefModel m = f.model();
    // Nothing learned recorded yet: no draft, and a message saying what to record.
    CHECK(m.draft_text().empty());
    CHECK(m.draft_problem().find(m.checklist().item("learned")->prompt) != std::string::npos);

    m.set_text("learned", "Old survey maps are scanned by volunteers.");
    m.flush();
    REQUIRE(m.draft_problem().empty());
    // Without the user's name the engine's own message says what to set.
    ProfileChanges no_name;
    no_name.name = "";
    update_profile(f.db, no_name);
    m.set_choice("culture-smiles", "some");  // any save rebuilds the draft
    CHECK(m.draft_text().empty());
    CHECK(m.draft_problem().find("your name") != std::string::npos);
    ProfileChanges name;
    name.name = "Camille Roy";
    update_profile(f.db, name);
    m.set_choice("culture-smiles", "yes");
    REQUIRE(m.draft_problem().empty());
    const std::string draft = m.draft_text();
    CHECK(draft.find("Élodie Brûlé") != std::string::npos);
    CHECK(draft.find("Old survey maps are scanned by volunteers.") != std::string::npos);
    CHECK(draft.find("Camille Roy") != std::string::npos);
    CHECK(draft.find('{') == std::string::npos);
    CHECK(draft.find('}') == std::string::npos);

    // A referral appears in the generated draft.
    m.add_referral("Anaïs Côté", "", "");
    CHECK(m.draft_text().find("Anaïs Côté") != std::string::npos);

    // The user's edits are kept (in the settings), not overwritten by later answers.
    const std::string edited = m.draft_text() + "\nP.S. Merci!";
    m.set_draft_text(edited);
    CHECK(m.draft_edited());
    f.clock.advance(800ms);
    m.tick();
    CHECK(get_setting(f.db, std::string(kDraftSettingPrefix) + std::to_string(f.met_elodie)) == edited);
    m.set_choice("critical-answered", "yes");
    CHECK(m.draft_text() == edited);
    CHECK(f.model().draft_text() == edited);
    m.reset_draft();
    CHECK_FALSE(m.draft_edited());
    CHECK(m.draft_text().find("P.S.") == std::string::npos);
    CHECK_FALSE(get_setting(f.db, std::string(kDraftSettingPrefix) + std::to_string(f.met_elodie)));

    // Marking it sent takes it off the list of what is due.
    REQUIRE(thank_you_due(f.db, f.met_elodie));
    m.mark_thank_you_sent();
    REQUIRE(m.thank_you_sent_at());
    CHECK(m.thank_you_sent_at()->iso() == local(kNow).iso());
    CHECK(f.stored(f.met_elodie).thank_you_sent_at);
    CHECK_FALSE(thank_you_due(f.db, f.met_elodie));
    m.mark_thank_you_not_sent();
    CHECK_FALSE(f.stored(f.met_elodie).thank_you_sent_at);
    CHECK(thank_you_due(f.db, f.met_elodie));
}

TEST_CASE("the checklist and draft follow the profile's language") {
    Fixture f;
    ProfileChanges french;
    french.language = "fr";
    update_profile(f.db, french);
    DebriefModel m = f.model();
    CHECK(m.language() == "fr");
    CHECK(m.checklist().language == "fr");
    m.set_text("learned", "Les cartes anciennes sont numérisées par des bénévoles.");
    m.flush();
    CHECK(m.draft_text().find("Élodie Brûlé") != std::string::npos);
    CHECK(m.draft_text().find("bénévoles") != std::string::npos);
}

TEST_CASE("an answer the engine refuses is kept and reported, never lost") {
    Fixture f;
    DebriefModel m = f.model();
    m.set_text("no-such-item", "typed anyway");
    m.flush();
    CHECK_FALSE(m.error().empty());
    CHECK(m.save_pending());
    CHECK(m.answer("no-such-item") == "typed anyway");
    m.select_meeting(f.met_zoe);  // would lose the text: refused
    CHECK(m.meeting_id() == f.met_elodie);
}
