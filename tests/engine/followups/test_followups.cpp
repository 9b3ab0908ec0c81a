// Follow-ups (24-hour thank-you, 3/7-business-day outreach routine), drafts
// in English and French, calendar and vCard files.
#include "engine/followups/calendar_export.h"
#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/followups/drafts.h"
#include "engine/followups/followups.h"
#include "engine/records/meetings.h"
#include "engine/records/outreach.h"
#include "engine/records/profile.h"
#include "engine/followups/vcard.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <libical/ical.h>

#include <algorithm>
#include <sstream>

using namespace rapport;
using rapport::test::TempDir;

namespace {

void use_paris_time() {
    setenv("TZ", "Europe/Paris", 1);
    tzset();
}

LocalDateTime at(const std::string& text) { return parse_local_date_time(text, "at"); }

std::filesystem::path banks() { return rapport::test::source_dir() / "question-banks"; }

std::string kinds(const std::vector<FollowUp>& list) {
    std::string out;
    for (const auto& f : list)
        out += (out.empty() ? "" : " ") + f.kind + (f.overdue ? "!" : "");
    return out;
}

std::int64_t contact(Database& db, const std::string& name, const std::string& company = "") {
    Contact c;
    c.name = name;
    c.company = company;
    return add_contact(db, c);
}

std::int64_t meeting(Database& db, std::int64_t contact_id, const std::string& when, int minutes) {
    Meeting m;
    m.contact_id = contact_id;
    m.at = at(when);
    m.minutes = minutes;
    return add_meeting(db, m);
}

void record_debrief(Database& db, std::int64_t meeting_id, DebriefChanges changes) {
    update_debrief(db, meeting_id, changes, load_debrief_checklist(banks(), "en"));
}

}  // namespace

TEST_CASE("business days skip weekends, across month ends and clock changes") {
    use_paris_time();
    CHECK(add_business_days(at("2025-01-31T10:00"), 1).iso() == "2025-02-03T10:00+01:00");  // Fri -> Mon
    CHECK(add_business_days(at("2025-02-01T10:00"), 1).iso() == "2025-02-03T10:00+01:00");  // Sat -> Mon
    CHECK(add_business_days(at("2025-01-30T10:00"), 3).iso() == "2025-02-04T10:00+01:00");
    CHECK(add_business_days(at("2025-01-30T10:00"), 7).iso() == "2025-02-10T10:00+01:00");
    CHECK(add_business_days(at("2025-02-28T17:00"), 3).iso() == "2025-03-05T17:00+01:00");
    // Clocks go forward on Sunday 2025-03-30: the wall clock stays, the offset changes.
    CHECK(add_business_days(at("2025-03-28T09:00"), 3).iso() == "2025-04-02T09:00+02:00");
    CHECK(add_business_days(at("2024-12-31T08:15"), 3).iso() == "2025-01-03T08:15+01:00");
}

TEST_CASE("a thank-you is due within 24 hours of the meeting's end") {
    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto zoe = contact(db, "Zoë Ångström");
    // Friday 31 January, 16:00-16:30: the deadline falls on Saturday 1 February.
    const auto m = meeting(db, zoe, "2025-01-31T16:00", 30);

    CHECK(due_followups(db, at("2025-01-31T16:29")).empty());  // still in the meeting
    auto list = due_followups(db, at("2025-01-31T16:30"));
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == "thank-you");
    CHECK(list[0].meeting_id == m);
    CHECK(list[0].contact_name == "Zoë Ångström");
    CHECK(list[0].due_at.iso() == "2025-02-01T16:30+01:00");
    CHECK_FALSE(list[0].overdue);
    CHECK(kinds(due_followups(db, at("2025-02-01T16:30"))) == "thank-you");   // the last minute
    CHECK(kinds(due_followups(db, at("2025-02-01T16:31"))) == "thank-you!");  // one minute late
    CHECK(kinds(due_followups(db, at("2025-03-01T09:00"))) == "thank-you!");

    SUBCASE("a sent thank-you disappears") {
        DebriefChanges sent;
        sent.thank_you_sent_at = at("2025-01-31T20:00");
        record_debrief(db, m, sent);
        CHECK(due_followups(db, at("2025-02-02T09:00")).empty());
    }
    SUBCASE("a cancelled meeting needs none") {
        MeetingChanges cancel;
        cancel.status = "cancelled";
        edit_meeting(db, m, cancel);
        CHECK(due_followups(db, at("2025-02-02T09:00")).empty());
    }
}

TEST_CASE("the 3/7-business-day outreach routine") {
    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto lea = contact(db, "Léa Martin", "Acme");
    // Thursday 30 January 10:00: +3 business days is Tuesday 4 February, +7 is Monday 10 February.
    const auto request = add_outreach(db, lea, at("2025-01-30T10:00"), "email");

    CHECK(due_followups(db, at("2025-02-01T12:00")).empty());  // a weekend in between
    CHECK(due_followups(db, at("2025-02-04T09:59")).empty());
    auto list = due_followups(db, at("2025-02-04T10:00"));
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == "outreach-second-contact");
    CHECK(list[0].outreach_id == request);
    CHECK(list[0].contact_name == "Léa Martin");
    CHECK(list[0].due_at.iso() == "2025-02-04T10:00+01:00");
    CHECK(kinds(due_followups(db, at("2025-02-04T23:59"))) == "outreach-second-contact");
    CHECK(kinds(due_followups(db, at("2025-02-05T00:00"))) == "outreach-second-contact!");
    CHECK(kinds(due_followups(db, at("2025-02-10T09:59"))) == "outreach-second-contact!");
    CHECK(kinds(due_followups(db, at("2025-02-10T10:00"))) ==
          "outreach-second-contact! outreach-follow-up");

    SUBCASE("a reply ends the routine") {
        CHECK(record_reply(db, lea, at("2025-02-03T08:00")) == 1);
        CHECK(due_followups(db, at("2025-02-20T10:00")).empty());
        CHECK_THROWS_WITH_AS(record_reply(db, lea, at("2025-02-04T08:00")),
                             doctest::Contains("waiting for a reply"), Error);
    }
    SUBCASE("a second person at the same organization, then one follow-up") {
        const auto sam = contact(db, "Sam Ng", "ACME");
        add_outreach(db, sam, at("2025-02-04T11:00"), "profile");
        // Léa: no second person to suggest any more. Sam's own routine starts:
        // sent Tuesday 4 February 11:00, +3 business days = Friday 7 February.
        list = due_followups(db, at("2025-02-07T11:00"));
        REQUIRE(list.size() == 1);
        CHECK(list[0].contact_name == "Sam Ng");
        CHECK(kinds(due_followups(db, at("2025-02-10T10:00"))) ==
              "outreach-second-contact! outreach-follow-up");  // Sam's, then Léa's
        const auto follow_up = add_outreach(db, lea, at("2025-02-10T11:00"), "email");
        CHECK(list_outreach(db, lea).back().follow_up_of == request);
        CHECK(follow_up != request);
        // Léa's follow-up is not a second person for Sam.
        CHECK(kinds(due_followups(db, at("2025-02-10T12:00"))) == "outreach-second-contact!");
        // A reply to the follow-up closes the first request too.
        record_reply(db, lea, at("2025-02-11T09:00"));
        for (const auto& o : list_outreach(db, lea)) CHECK(o.replied_at.has_value());
    }
    SUBCASE("a request sent on a Friday at the end of the month") {
        const auto omar = contact(db, "Omar Haddad");
        add_outreach(db, omar, at("2025-02-28T17:00"), "phone");
        record_reply(db, lea, at("2025-02-28T18:00"));
        CHECK(due_followups(db, at("2025-03-04T23:00")).empty());
        CHECK(kinds(due_followups(db, at("2025-03-05T17:00"))) == "outreach-second-contact");
        CHECK(kinds(due_followups(db, at("2025-03-11T17:00"))) ==
              "outreach-second-contact! outreach-follow-up");
    }
    CHECK_THROWS_WITH_AS(add_outreach(db, lea, at("2025-02-01T10:00"), "fax"),
                         doctest::Contains("channel: 'fax'"), Error);
}

TEST_CASE("drafts in English and French are filled from the records, never with a placeholder") {
    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto en = load_draft_templates(banks(), "en");
    const auto fr = load_draft_templates(banks(), "fr");
    const auto zoe = contact(db, "Zoë Ångström", "Ville de Montréal");
    ContactChanges role;
    role.role = "urbaniste";
    edit_contact(db, zoe, role);
    const auto m = meeting(db, zoe, "2025-03-14T09:30", 20);

    // No name in the profile, nothing learned recorded: clear refusals.
    CHECK_THROWS_WITH_AS(draft_thank_you(db, en, m, {std::string("something"), std::nullopt}),
                         doctest::Contains("your name is not set"), Error);
    update_profile(db, {.name = "Sam Ng", .field = "urban planning", .background = {}, .email = {},
                        .phone = {}, .language = {}, .goals = std::vector<std::string>{"learn-culture"}});
    CHECK_THROWS_WITH_AS(draft_thank_you(db, en, m), doctest::Contains("nothing learned"), Error);

    DebriefChanges d;
    d.answers = {{"learned", "Every project starts with a public consultation."}};
    d.new_referrals = {{0, 0, "Omar Haddad", "", "", std::nullopt}, {0, 0, "Inès Roy", "", "", std::nullopt}};
    record_debrief(db, m, d);
    Draft thanks = draft_thank_you(db, en, m);
    CHECK(thanks.subject == "Thank you, Zoë Ångström");
    CHECK(thanks.body.find("March 14, 2025") != std::string::npos);
    CHECK(thanks.body.find("Every project starts with a public consultation.") != std::string::npos);
    CHECK(thanks.body.find("Omar Haddad and Inès Roy") != std::string::npos);
    CHECK(thanks.body.find("already put your advice") == std::string::npos);  // none recorded
    d = {};
    d.answers = {{"advice-followed", "I joined the planning association."}};
    record_debrief(db, m, d);
    thanks = draft_thank_you(db, en, m);
    CHECK(thanks.body.find("I have already put your advice to work: I joined the planning association.") !=
          std::string::npos);

    const Draft merci = draft_thank_you(db, fr, m);
    CHECK(merci.subject == "Merci, Zoë Ångström");
    CHECK(merci.body.find("le 14 mars 2025") != std::string::npos);
    CHECK(merci.body.find("Omar Haddad et Inès Roy") != std::string::npos);

    const auto lea = contact(db, "Léa Martin");
    ContactChanges referred;
    referred.referred_by = zoe;
    edit_contact(db, lea, referred);
    const Draft ask = draft_outreach(db, en, lea);
    CHECK(ask.subject == "A 20-minute conversation about your work?");
    CHECK(ask.body.find("Zoë Ångström told me") != std::string::npos);
    CHECK(ask.body.find("exploring a career in urban planning") != std::string::npos);
    CHECK(ask.body.find("culture of your workplace") != std::string::npos);
    const Draft demande = draft_outreach(db, fr, zoe, {15, "comment se passe une consultation"});
    CHECK(demande.subject == "Un échange de 15 minutes sur votre métier ?");
    CHECK(demande.body.find("votre parcours de urbaniste chez Ville de Montréal") != std::string::npos);
    CHECK(demande.body.find("comprendre comment se passe une consultation") != std::string::npos);

    for (const Draft* draft : std::vector<const Draft*>{&thanks, &merci, &ask, &demande}) {
        CHECK(draft->subject.find_first_of("{}") == std::string::npos);
        CHECK(draft->body.find_first_of("{}") == std::string::npos);
    }
    // A value that happens to contain braces is the user's text, kept as is.
    CHECK(draft_thank_you(db, en, m, {std::string("the {curly} rule"), std::nullopt})
              .body.find("the {curly} rule") != std::string::npos);
}

TEST_CASE("a template with an unknown placeholder is refused with its line") {
    TempDir tmp;
    std::string text = rapport::test::read_file(banks() / "drafts.en.json");
    const auto pos = text.find("{learned}");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 9, "{lerned}");
    rapport::test::write_file(tmp / "drafts.en.json", text);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
    CHECK_THROWS_WITH_AS(load_draft_templates(tmp.path(), "en"),
                         doctest::Contains(("drafts.en.json:" + std::to_string(line) +
                                            ": unknown placeholder {lerned}").c_str()),
                         Error);
}

TEST_CASE("the calendar file is read back by libical") {
    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto zoe = contact(db, "Zoë Ångström, PhD", "Ville; Montréal");
    const auto m = meeting(db, zoe, "2025-03-14T09:30", 45);
    MeetingChanges where;
    where.place = "Café Olimpico, rue Saint-Viateur";
    edit_meeting(db, m, where);
    const auto cancelled = meeting(db, zoe, "2025-04-01T14:00", 20);
    MeetingChanges cancel;
    cancel.status = "cancelled";
    edit_meeting(db, cancelled, cancel);
    add_outreach(db, contact(db, "Léa"), at("2025-03-10T10:00"), "email");

    const std::string ics = calendar_export(db, load_draft_templates(banks(), "fr"), at("2025-03-20T09:00"));
    icalcomponent* calendar = icalparser_parse_string(ics.c_str());
    REQUIRE(calendar != nullptr);
    CHECK(icalcomponent_isa(calendar) == ICAL_VCALENDAR_COMPONENT);
    std::vector<std::string> summaries;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        summaries.push_back(icalcomponent_get_summary(e));
        if (std::string(icalcomponent_get_uid(e)) == "meeting-1@rapport") {
            const icaltimetype start = icalcomponent_get_dtstart(e);
            CHECK(icaltime_as_timet(start) == at("2025-03-14T09:30").utc_seconds());
            CHECK(icaldurationtype_as_int(icalcomponent_get_duration(e)) == 45 * 60);
            CHECK(std::string(icalcomponent_get_location(e)) == "Café Olimpico, rue Saint-Viateur");
        }
        if (std::string(icalcomponent_get_uid(e)) == "meeting-2@rapport")
            CHECK(icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED);
    }
    icalcomponent_free(calendar);
    // Two meetings, the thank-you for the first, and Léa's two suggestions.
    REQUIRE(summaries.size() == 5);
    CHECK(summaries[0] == "Rencontre d'information avec Zoë Ångström, PhD");
    CHECK(summaries[2] == "Envoyer un mot de remerciement à Zoë Ångström, PhD");
    CHECK(summaries[3] == "Pas de réponse de Léa : contacter une deuxième personne chez la même organisation");
    CHECK(summaries[4] == "Envoyer une relance polie à Léa");
}

TEST_CASE("vCard: escaping and folding survive a round trip; 4.0 and grouped lines are read") {
    Contact c;
    c.id = 7;
    c.name = "Zoë Ångström, PhD";
    c.company = "Ville; Montréal, Urbanisme";
    c.role = "urbaniste \\ planner";
    c.email = "zoe@example.org";
    c.notes = "First line, with comma; and semicolon\nSecond line: "
              "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé end";
    c.tags = {"a,b", "transport"};
    const std::string vcf = contacts_to_vcard({c});
    std::istringstream lines(vcf);
    for (std::string line; std::getline(lines, line);) {
        CHECK(line.back() == '\r');
        CHECK(line.size() <= 76);  // 75 octets + CR
    }
    CHECK(vcf.find("ORG:Ville\\; Montréal\\, Urbanisme\r\n") != std::string::npos);
    CHECK(vcf.find("N:Ångström;Zoë;;;PhD\r\n") != std::string::npos);
    const auto back = contacts_from_vcard(vcf, "test.vcf");
    REQUIRE(back.size() == 1);
    CHECK(back[0].name == c.name);
    CHECK(back[0].company == c.company);
    CHECK(back[0].role == c.role);
    CHECK(back[0].notes == c.notes);
    CHECK(back[0].tags == c.tags);

    const std::string v4 =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Haddad;Omar;;Dr.;\r\nitem1.EMAIL;TYPE=work:omar@ex\r\n"
        " ample.org\r\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:+1-514-555-0100\r\nORG:STM;Data\r\n"
        "END:VCARD\r\n";
    const auto omar = contacts_from_vcard(v4, "v4.vcf");
    REQUIRE(omar.size() == 1);
    CHECK(omar[0].name == "Dr. Omar Haddad");
    CHECK(omar[0].email == "omar@example.org");
    CHECK(omar[0].phone == "tel:+1-514-555-0100");
    CHECK(omar[0].company == "STM");

    CHECK_THROWS_WITH_AS(contacts_from_vcard("BEGIN:VCARD\nVERSION:2.1\nFN:x\nEND:VCARD\n", "old.vcf"),
                         doctest::Contains("old.vcf:2: vCard version 2.1"), Error);
    CHECK_THROWS_WITH_AS(contacts_from_vcard("BEGIN:VCARD\nFN:x\n", "cut.vcf"),
                         doctest::Contains("cut.vcf:1: card not closed"), Error);
}
