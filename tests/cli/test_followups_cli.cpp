// Follow-ups, outreach, drafts, and the calendar and address-book files
// through the real rapport-cli, read back by libical and python3-vobject.
#include "tests/cli/cli_on_db.h"

#include <doctest/doctest.h>
#include <libical/ical.h>
#include <nlohmann/json.hpp>

using rapport::test::CommandResult;
using rapport::test::run_cli;
using rapport::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using Cli = rapport::test::CliOnDb;

// Debian's vCard parser, run with the system Python.
CommandResult python_vobject(const std::string& script, const std::vector<std::string>& args) {
    std::vector<std::string> all{"-c", script};
    all.insert(all.end(), args.begin(), args.end());
    return rapport::test::run_command("/usr/bin/python3", all);
}

}  // namespace

TEST_CASE("followups --now lists thank-yous first with the exact fields; a sent one disappears") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Acme"});
    cli.ok({"contact", "add", "--name", "Léa Martin", "--company", "Acme"});
    // Friday 31 January 2025, 16:00 for 30 minutes: due Saturday 16:30.
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-01-31T16:00", "--minutes", "30"});
    // Thursday 30 January: second contact due Tuesday 4, follow-up Monday 10 February.
    CHECK(cli.ok({"outreach", "add", "--contact", "2", "--at", "2025-01-30T10:00", "--channel",
                  "email"}) == "1\n");

    CHECK(cli.ok_json({"followups", "--now", "2025-01-31T16:29", "--format", "json"}).empty());
    auto due = cli.ok_json({"followups", "--now", "2025-02-01T16:30", "--format", "json"});
    REQUIRE(due.size() == 1);
    CHECK(due[0]["kind"] == "thank-you");
    CHECK(due[0]["meeting_id"] == 1);
    CHECK(due[0]["contact"] == "Zoë Ångström");
    CHECK(due[0]["due_at"] == "2025-02-01T16:30+01:00");
    CHECK(due[0]["overdue"] == false);
    CHECK(cli.ok_json({"followups", "--now", "2025-02-01T16:31", "--format", "json"})[0]["overdue"] ==
          true);

    due = cli.ok_json({"followups", "--now", "2025-02-10T10:00", "--format", "json"});
    REQUIRE(due.size() == 3);
    CHECK(due[0]["kind"] == "thank-you");
    CHECK(due[1]["kind"] == "outreach-second-contact");
    CHECK(due[1]["contact"] == "Léa Martin");
    CHECK(due[1]["due_at"] == "2025-02-04T10:00+01:00");
    CHECK(due[1]["overdue"] == true);
    CHECK_FALSE(due[1].contains("meeting_id"));
    CHECK(due[2]["kind"] == "outreach-follow-up");
    CHECK(due[2]["due_at"] == "2025-02-10T10:00+01:00");
    CHECK(due[2]["overdue"] == false);

    const auto text = cli.ok({"followups", "--now", "2025-02-10T10:00", "--lang", "fr"});
    CHECK(text.find("1 févr. 2025, 16:30") != std::string::npos);
    CHECK(cli.ok({"followups", "--now", "2025-02-10T10:00"}).find("Feb 1, 2025") != std::string::npos);

    cli.ok({"debrief", "--meeting", "1", "--thank-you-sent", "--at", "2025-01-31T19:00"});
    cli.ok({"outreach", "reply", "--contact", "2", "--at", "2025-02-05T09:00"});
    CHECK(cli.ok_json({"followups", "--now", "2025-02-10T10:00", "--format", "json"}).empty());
    CHECK(cli.run({"outreach", "reply", "--contact", "2"}).exit_code == 2);
    CHECK(cli.run({"outreach", "add", "--contact", "2", "--channel", "fax"}).exit_code == 2);
    CHECK(cli.run({"followups", "--now", "next week"}).exit_code == 2);
}

TEST_CASE("drafts come out in English and French with no placeholder left") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Ville de Montréal", "--role",
            "urbaniste"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30"});
    const auto no_name = cli.run({"draft", "thank-you", "--meeting", "1", "--learned", "x"});
    CHECK(no_name.exit_code == 2);
    CHECK(no_name.err.find("profile set --name") != std::string::npos);
    cli.ok({"profile", "set", "--name", "Sam Ng", "--field", "urban planning", "--lang", "fr"});
    const auto nothing_learned = cli.run({"draft", "thank-you", "--meeting", "1"});
    CHECK(nothing_learned.exit_code == 2);
    CHECK(nothing_learned.err.find("learned") != std::string::npos);

    cli.ok({"debrief", "--meeting", "1", "--answer", "learned=Les consultations publiques comptent.",
            "--answer", "advice-followed=J'ai rejoint l'association."});
    const auto merci = cli.ok({"draft", "thank-you", "--meeting", "1"});  // the profile's French
    CHECK(merci.rfind("Merci, Zoë Ångström\n", 0) == 0);
    CHECK(merci.find("le 14 mars 2025") != std::string::npos);
    CHECK(merci.find("J'ai déjà mis votre conseil en pratique : J'ai rejoint l'association.") !=
          std::string::npos);
    const auto thanks = cli.ok({"draft", "thank-you", "--meeting", "1", "--lang", "en"});
    CHECK(thanks.find("on March 14, 2025") != std::string::npos);
    const auto ask = cli.ok({"draft", "outreach", "--contact", "1", "--lang", "en"});
    CHECK(ask.rfind("A 20-minute conversation about your work?\n", 0) == 0);
    CHECK(ask.find("your path as urbaniste at Ville de Montréal") != std::string::npos);
    const auto demande = cli.ok({"draft", "outreach", "--contact", "1", "--minutes", "15"});
    CHECK(demande.find("Auriez-vous 15 minutes") != std::string::npos);
    for (const auto* d : {&merci, &thanks, &ask, &demande}) CHECK(d->find_first_of("{}") == std::string::npos);
}

TEST_CASE("export --format ics writes a calendar libical reads back; plain export stays JSON") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström, PhD"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30", "--minutes", "30",
            "--place", "Café, rue Saint-Viateur; 2e étage"});
    const auto file = cli.tmp / "rapport.ics";
    cli.ok({"export", "--format", "ics", "--out", file.string(), "--lang", "en"});
    CHECK(rapport::test::permissions_of(file) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string ics = rapport::test::read_file(file);
    icalcomponent* calendar = icalparser_parse_string(ics.c_str());
    REQUIRE(calendar != nullptr);
    icalcomponent* meeting = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    REQUIRE(meeting != nullptr);
    CHECK(std::string(icalcomponent_get_summary(meeting)) ==
          "Informational interview with Zoë Ångström, PhD");
    CHECK(std::string(icalcomponent_get_location(meeting)) == "Café, rue Saint-Viateur; 2e étage");
    const icaltimetype start = icalcomponent_get_dtstart(meeting);
    CHECK(icaltime_is_utc(start));
    CHECK(start.hour == 8);  // 09:30 in Paris in March is 08:30 UTC
    CHECK(start.minute == 30);
    icalcomponent* reminder = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT);
    REQUIRE(reminder != nullptr);
    CHECK(std::string(icalcomponent_get_summary(reminder)) ==
          "Send a thank-you note to Zoë Ångström, PhD");
    CHECK(icalcomponent_get_first_component(reminder, ICAL_VALARM_COMPONENT) != nullptr);
    icalcomponent_free(calendar);

    CHECK(json::parse(cli.ok({"export"}))["format"] == "rapport-export");
}

TEST_CASE("contacts go to vCard and back: python3-vobject reads ours, we read vobject's") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström, PhD", "--company", "Ville; Montréal, Urbanisme",
            "--role", "urbaniste", "--email", "zoe@example.org", "--tag", "transport, rail", "--notes",
            "Met at the \"Rencontres\"; very kind, and a long note that has to be folded over "
            "several lines of the file éééé"});
    cli.ok({"contact", "add", "--name", "Léa O'Brien"});
    const auto vcf = cli.tmp / "contacts.vcf";
    cli.ok({"contact", "export", "--format", "vcf", "--out", vcf.string()});

    const std::string reader = R"(
import json, sys, vobject
cards = []
for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):
    cards.append({'fn': card.fn.value,
                  'family': card.n.value.family, 'given': card.n.value.given,
                  'org': card.org.value if hasattr(card, 'org') else None,
                  'categories': card.categories.value if hasattr(card, 'categories') else None,
                  'note': card.note.value if hasattr(card, 'note') else None})
print(json.dumps(cards))
)";
    const auto read = python_vobject(reader, {vcf.string()});
    INFO(read.err);
    REQUIRE(read.exit_code == 0);
    const auto cards = json::parse(read.out);
    REQUIRE(cards.size() == 2);
    const auto& zoe = cards[1]["fn"] == "Zoë Ångström, PhD" ? cards[1] : cards[0];
    CHECK(zoe["fn"] == "Zoë Ångström, PhD");
    CHECK(zoe["family"] == "Ångström");
    CHECK(zoe["given"] == "Zoë");
    CHECK(zoe["org"] == json::array({"Ville; Montréal, Urbanisme"}));
    CHECK(zoe["categories"] == json::array({"transport, rail"}));
    CHECK(zoe["note"].get<std::string>().find("\"Rencontres\"; very kind, and a long note") !=
          std::string::npos);

    const std::string writer = R"(
import sys, vobject
out = ''
for fn, family, given, org in [('Inès Roy, MBA', 'Roy', 'Inès', ['STM; Données, Transit']),
                               ('Omar Haddad', 'Haddad', 'Omar', ['Acme'])]:
    card = vobject.vCard()
    card.add('fn').value = fn
    card.add('n').value = vobject.vcard.Name(family=family, given=given)
    card.add('org').value = org
    card.add('email').value = given.lower() + '@example.org'
    card.add('note').value = 'Pour un café, le lundi; ou ' + 'très ' * 20
    out += card.serialize()
open(sys.argv[1], 'w', encoding='utf-8', newline='').write(out)
)";
    const auto theirs = cli.tmp / "theirs.vcf";
    const auto wrote = python_vobject(writer, {theirs.string()});
    INFO(wrote.err);
    REQUIRE(wrote.exit_code == 0);
    Cli other;
    CHECK(other.ok({"contact", "import", theirs.string()}) == "1\n2\n");
    const auto contacts = other.ok_json({"contact", "list", "--format", "json"});
    REQUIRE(contacts.size() == 2);
    CHECK(contacts[0]["name"] == "Inès Roy, MBA");
    CHECK(contacts[0]["company"] == "STM; Données, Transit");
    CHECK(contacts[0]["email"] == "inès@example.org");
    CHECK(contacts[0]["notes"].get<std::string>().rfind("Pour un café, le lundi; ou très très", 0) == 0);
    // Importing the same file again adds nothing.
    CHECK(other.ok({"contact", "import", theirs.string()}).empty());
    CHECK(other.ok_json({"contact", "list", "--format", "json"}).size() == 2);

    // Our own file comes back whole too.
    Cli third;
    third.ok({"contact", "import", vcf.string()});
    const auto back = third.ok_json({"contact", "list", "--format", "json"});
    REQUIRE(back.size() == 2);
    CHECK(back[1]["name"] == "Zoë Ångström, PhD");
    CHECK(back[1]["company"] == "Ville; Montréal, Urbanisme");
    CHECK(back[1]["tags"] == json::array({"transport, rail"}));

    const auto bad = cli.tmp / "bad.vcf";
    rapport::test::write_file(bad, "BEGIN:VCARD\nVERSION:2.1\nFN:Old\nEND:VCARD\n");
    const auto refused = other.run({"contact", "import", bad.string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("bad.vcf:2:") != std::string::npos);
}
