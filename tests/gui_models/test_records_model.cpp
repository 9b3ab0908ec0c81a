// The "Meetings & contacts" screen's model on real temp databases, with a
// fake clock so the notes' saving delay needs no sleeping.
#include "gui/models/records_model.h"

#include "engine/base/date_input.h"
#include "engine/records/contacts.h"
#include "engine/records/meetings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace std::chrono_literals;
using rapport::gui::RecordsModel;
using rapport::test::TempDir;

namespace {

struct FakeClock {
    RecordsModel::Clock::time_point now = RecordsModel::Clock::time_point(100h);
    RecordsModel::Now function() {
        return [this] { return now; };
    }
};

LocalDateTime march_14() { return parse_local_date_time("2025-03-14T08:10+01:00", "now"); }

struct Fixture {
    TempDir tmp;
    FakeClock clock;
    Database db = Database::open(tmp / "rapport.db");
    RecordsModel model{&db, clock.function(), &march_14};

    // Fills and confirms a new-contact form.
    std::int64_t add_through_form(const std::string& name, const std::string& company) {
        model.new_contact();
        REQUIRE(model.contact_form());
        model.contact_form()->name = name;
        model.contact_form()->company = company;
        REQUIRE(model.confirm_form());
        return model.selected_id();
    }
    std::int64_t seed_meeting(std::int64_t contact, const char* at, const char* notes = "") {
        Meeting m;
        m.contact_id = contact;
        m.at = parse_local_date_time(at, "at");
        m.notes = notes;
        const auto id = add_meeting(db, m);
        model.refresh();
        return id;
    }
    std::vector<std::string> contact_labels() {
        std::vector<std::string> out;
        for (size_t i = 0; i < model.contacts().size(); ++i)
            out.push_back(model.label(RecordsModel::Kind::contact, i));
        return out;
    }
};

}  // namespace

TEST_CASE("a contact added through the form is saved, selected and listed by name") {
    Fixture f;
    CHECK(f.model.contacts().empty());
    f.model.new_contact();
    auto* form = f.model.contact_form();
    REQUIRE(form);
    form->name = "  Zoë Ångström ";
    form->company = "Musée de Montréal";
    form->role = "Curator";
    form->tags = "museums, public sector, museums";
    form->email = "zoe@example.org";
    form->phone = "+1 514 555 0100";
    form->link = "https://example.org/zoe";
    form->how_met = "alumni evening";
    f.model.set_form_notes("Knows the digitisation team.");
    CHECK_FALSE(f.model.save_pending());  // a new record's notes go with the form
    REQUIRE(f.model.confirm_form());
    CHECK_FALSE(f.model.form_open());

    CHECK(f.model.selected_kind() == RecordsModel::Kind::contact);
    const Contact saved = get_contact(f.db, f.model.selected_id());
    CHECK(saved.name == "Zoë Ångström");
    CHECK(saved.tags == std::vector<std::string>{"museums", "public sector"});
    CHECK(saved.email == "zoe@example.org");
    CHECK(saved.how_met == "alumni evening");
    CHECK(saved.notes == "Knows the digitisation team.");
    REQUIRE(f.model.contact());
    CHECK(f.model.contact()->company == "Musée de Montréal");

    const auto ada = f.add_through_form("ada Lovelace", "");
    CHECK(f.contact_labels() ==
          std::vector<std::string>{"ada Lovelace", "Zoë Ångström — Musée de Montréal (Curator)"});
    // Referred by: another contact, shown by name.
    f.model.edit_selected();
    f.model.contact_form()->referred_by = saved.id;
    REQUIRE(f.model.confirm_form());
    CHECK(get_contact(f.db, ada).referred_by == saved.id);
    CHECK(f.model.contact_name(*f.model.contact()->referred_by) == "Zoë Ångström");
}

TEST_CASE("the engine's refusals land next to their field and the form keeps what was typed") {
    Fixture f;
    f.model.new_contact();
    f.model.contact_form()->name = "   ";
    f.model.contact_form()->company = "Hydro-Québec";
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("name"));
    CHECK(*f.model.messages().field("name") == "must not be empty");
    CHECK(f.model.messages().form().empty());
    REQUIRE(f.model.contact_form());
    CHECK(f.model.contact_form()->company == "Hydro-Québec");
    CHECK(list_contacts(f.db).empty());  // nothing half-written

    f.model.contact_form()->name = "Éloïse Martin";
    REQUIRE(f.model.confirm_form());
    CHECK(f.model.messages().empty());
    const auto eloise = f.model.selected_id();

    // Meetings: a bad date, a bad length, and no contact picked.
    f.model.new_meeting();
    auto* form = f.model.meeting_form();
    REQUIRE(form);
    CHECK(form->contact_id == eloise);  // the selected contact
    // The next full hour (on the test's clock, whatever its zone).
    CHECK(form->at.ends_with(":00"));
    const auto until = parse_date_time_input(form->at, Language::english, march_14(), "at").utc_seconds() -
                       march_14().utc_seconds();
    CHECK(until > 0);
    CHECK(until <= 3600);
    form->at = "2025-02-30T10:00";
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("at"));
    CHECK(*f.model.messages().field("at") == "'2025-02-30T10:00' is not a real calendar date");
    form->at = "2025-03-20T10:00";
    form->minutes = 0;
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("minutes"));
    CHECK(*f.model.messages().field("minutes") == "0 is not between 1 and 1440");
    CHECK_FALSE(f.model.messages().field("at"));  // fixed fields lose their message
    form->minutes = 30;
    form->contact_id = 0;
    CHECK_FALSE(f.model.confirm_form());
    REQUIRE(f.model.messages().field("contact_id"));
    CHECK(*f.model.messages().field("contact_id") == "choose who you are meeting");
    CHECK(list_meetings(f.db).empty());

    form->contact_id = eloise;
    form->mode = "video";
    form->place = "Montréal";
    REQUIRE(f.model.confirm_form());
    CHECK(f.model.selected_kind() == RecordsModel::Kind::meeting);
    const Meeting m = get_meeting(f.db, f.model.selected_id());
    CHECK(m.at.wall_clock() == "2025-03-20 10:00");
    CHECK(m.minutes == 30);
    CHECK(m.mode == "video");
    CHECK(m.place == "Montréal");
}

TEST_CASE("an edit saves only the fields the form changed") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë Ångström", "Musée");
    f.model.edit_selected();
    REQUIRE(f.model.contact_form());
    CHECK(f.model.contact_form()->id == zoe);
    f.model.contact_form()->role = "Head of archives";
    // Meanwhile, another program changes the phone.
    ContactChanges elsewhere;
    elsewhere.phone = "555-0199";
    edit_contact(f.db, zoe, elsewhere);
    REQUIRE(f.model.confirm_form());
    const Contact c = get_contact(f.db, zoe);
    CHECK(c.role == "Head of archives");
    CHECK(c.phone == "555-0199");

    // A meeting's time is sent only when it was changed, so its offset stays.
    const auto meeting = f.seed_meeting(zoe, "2025-07-01T10:00+02:00");
    f.model.select_meeting(meeting);
    f.model.edit_selected();
    REQUIRE(f.model.meeting_form());
    CHECK(f.model.meeting_form()->at == "2025-07-01 10:00");
    f.model.meeting_form()->status = "cancelled";
    REQUIRE(f.model.confirm_form());
    const Meeting m = get_meeting(f.db, meeting);
    CHECK(m.status == "cancelled");
    CHECK(m.at.iso() == "2025-07-01T10:00+02:00");
}

TEST_CASE("search ignores accents and case, follows the typing, and finds meetings by their notes") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë Ångström", "Musée de Montréal");
    f.add_through_form("Bob Smith", "Acme");
    f.seed_meeting(zoe, "2025-03-20T10:00+01:00", "Talked about the Bibliothèque nationale");

    f.model.set_query("zoe angstrom");
    REQUIRE(f.model.contacts().size() == 1);
    CHECK(f.model.contacts()[0].id == zoe);
    CHECK(f.model.contacts()[0].snippet.find("[") != std::string::npos);

    f.model.set_query("MONTREAL");
    REQUIRE(f.model.contacts().size() == 1);
    CHECK(f.model.contacts()[0].id == zoe);

    f.model.set_query("ång");  // unfinished word
    CHECK(f.model.contacts().size() == 1);

    f.model.set_query("bibliotheque");
    CHECK(f.model.contacts().empty());
    REQUIRE(f.model.meetings().size() == 1);
    CHECK(f.model.label(RecordsModel::Kind::meeting, 0) ==
          "Mar 20, 2025, 10:00\u202FAM · Zoë Ångström · 20 min · planned");

    f.model.set_query("nobody-here");
    CHECK(f.model.contacts().empty());
    CHECK(f.model.meetings().empty());
    f.model.set_query("  ");
    CHECK(f.model.contacts().size() == 2);
    CHECK(f.model.meetings().size() == 1);
}

TEST_CASE("a contact shows the history of their meetings; lists show the newest meeting first") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë Ångström", "");
    const auto bob = f.add_through_form("Bob", "");
    const auto later = f.seed_meeting(zoe, "2025-04-02T10:00+02:00");
    const auto earlier = f.seed_meeting(zoe, "2025-03-02T10:00+01:00");
    f.seed_meeting(bob, "2025-03-10T10:00+01:00");
    f.model.select_contact(zoe);
    REQUIRE(f.model.history().size() == 2);
    CHECK(f.model.history()[0].id == earlier);
    CHECK(f.model.history()[1].id == later);
    REQUIRE(f.model.meetings().size() == 3);
    CHECK(f.model.meetings()[0].id == later);
}

TEST_CASE("notes of an existing record are saved within a second of typing, even if the form is cancelled") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë Ångström", "");
    f.model.edit_selected();
    f.model.contact_form()->company = "not kept";
    f.model.set_form_notes("Prefers mornings");
    CHECK(f.model.save_pending());
    CHECK(f.model.wants_wakeups());
    CHECK(f.model.until_next_change() == 800ms);
    f.clock.now += 500ms;
    f.model.tick();
    CHECK(get_contact(f.db, zoe).notes.empty());
    f.model.set_form_notes("Prefers mornings, before 10");  // more typing does not push the save back
    f.clock.now += 300ms;
    f.model.tick();
    CHECK(get_contact(f.db, zoe).notes == "Prefers mornings, before 10");
    CHECK_FALSE(f.model.save_pending());
    CHECK_FALSE(f.model.wants_wakeups());

    f.model.set_form_notes("Prefers mornings, before 10h");
    f.model.cancel_form();  // Esc: the other fields go back, the notes stay
    CHECK_FALSE(f.model.form_open());
    const Contact c = get_contact(f.db, zoe);
    CHECK(c.notes == "Prefers mornings, before 10h");
    CHECK(c.company.empty());
    REQUIRE(f.model.contact());
    CHECK(f.model.contact()->notes == "Prefers mornings, before 10h");
}

TEST_CASE("flush() on close saves the notes and an open form that has changes") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë", "");
    const auto meeting = f.seed_meeting(zoe, "2025-03-20T10:00+01:00");
    f.model.select_meeting(meeting);
    f.model.edit_selected();
    f.model.meeting_form()->place = "Café Olimpico";
    f.model.set_form_notes("Bring the portfolio");
    f.model.flush();
    const Meeting m = get_meeting(f.db, meeting);
    CHECK(m.place == "Café Olimpico");
    CHECK(m.notes == "Bring the portfolio");
    CHECK_FALSE(f.model.form_open());

    // A new contact typed but not confirmed is added on close too.
    f.model.new_contact();
    f.model.contact_form()->name = "Typed before closing";
    f.model.flush();
    CHECK(list_contacts(f.db).size() == 2);
    // An untouched form adds nothing.
    f.model.new_contact();
    f.model.flush();
    CHECK(list_contacts(f.db).size() == 2);
}

TEST_CASE("delete asks first and says what goes with a contact") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë Ångström", "");
    f.seed_meeting(zoe, "2025-03-20T10:00+01:00");
    const auto second = f.seed_meeting(zoe, "2025-03-27T10:00+01:00");
    f.model.select_contact(zoe);
    f.model.ask_delete();
    CHECK(f.model.delete_question() ==
          "Delete Zoë Ångström? Their 2 meetings go too, with sheets and debriefs.");
    f.model.cancel_delete();
    CHECK(f.model.delete_question().empty());
    CHECK(list_contacts(f.db).size() == 1);

    f.model.select_meeting(second);
    f.model.ask_delete();
    CHECK(f.model.delete_question() ==
          "Delete the meeting with Zoë Ångström on Mar 27, 2025, 10:00\u202FAM, with its sheet and debrief?");
    f.model.confirm_delete();
    CHECK(list_meetings(f.db).size() == 1);
    CHECK(f.model.selected_kind() == RecordsModel::Kind::none);

    f.model.select_contact(zoe);
    f.model.ask_delete();
    f.model.confirm_delete();
    CHECK(list_contacts(f.db).empty());
    CHECK(list_meetings(f.db).empty());
    CHECK(f.model.contacts().empty());
    CHECK(f.model.meetings().empty());
}

TEST_CASE("while a form is open the selection and a second form wait") {
    Fixture f;
    const auto zoe = f.add_through_form("Zoë", "");
    const auto bob = f.add_through_form("Bob", "");
    f.model.edit_selected();
    f.model.select_contact(zoe);
    CHECK(f.model.selected_id() == bob);
    f.model.new_meeting();
    CHECK(f.model.contact_form());
    CHECK_FALSE(f.model.meeting_form());
}

TEST_CASE("without a database the form says why nothing is saved") {
    FakeClock clock;
    RecordsModel model(nullptr, clock.function(), &march_14);
    CHECK_FALSE(model.can_save());
    model.new_contact();
    model.contact_form()->name = "Zoë";
    CHECK_FALSE(model.confirm_form());
    CHECK(model.messages().form() == "no database: nothing can be saved");
    CHECK(model.form_open());
}
