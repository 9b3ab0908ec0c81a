// The records commands through the real rapport-cli binary.
#include "tests/cli/cli_on_db.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

using rapport::test::CommandResult;
using rapport::test::run_cli;
using rapport::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using Cli = rapport::test::CliOnDb;

std::string without_export_time(const std::string& text) {
    auto doc = nlohmann::ordered_json::parse(text);
    doc.erase("exported_at");
    return doc.dump();
}

}  // namespace

TEST_CASE("contact add prints the id alone; list, show, edit and rm follow the contract") {
    Cli cli;
    CHECK(cli.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Acme, Inc.", "--role",
                  "planner", "--email", "zoe@example.org", "--tag", "urbanisme", "--notes",
                  "likes trains"}) == "1\n");
    CHECK(cli.ok({"contact", "add", "--name", "Léa", "--referred-by", "1"}) == "2\n");

    const auto list = cli.ok_json({"contact", "list", "--format", "json"});
    REQUIRE(list.size() == 2);
    CHECK(list[1]["id"] == 1);
    CHECK(list[1]["name"] == "Zoë Ångström");
    CHECK(list[1]["company"] == "Acme, Inc.");
    CHECK(list[1]["notes"] == "likes trains");
    CHECK(list[1]["tags"] == json::array({"urbanisme"}));
    CHECK(list[0]["referred_by"] == 1);

    cli.ok({"contact", "edit", "1", "--phone", "+33 1 23 45 67 89"});
    const auto shown = cli.ok_json({"contact", "show", "1", "--format", "json"});
    CHECK(shown["phone"] == "+33 1 23 45 67 89");
    CHECK(shown["company"] == "Acme, Inc.");  // untouched
    CHECK(cli.ok({"contact", "show", "2"}).find("referred by: Zoë Ångström (#1)") != std::string::npos);

    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30"});
    const auto refused = cli.run({"contact", "rm", "1"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--with-meetings") != std::string::npos);
    cli.ok({"contact", "rm", "1", "--with-meetings"});
    CHECK(cli.ok_json({"meeting", "list", "--format", "json"}).empty());

    const auto missing = cli.run({"contact", "show", "99"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no contact with id 99") != std::string::npos);
    CHECK(cli.run({"contact", "add", "--company", "no name"}).exit_code == 2);
}

TEST_CASE("meetings with a sheet from the sheet command's JSON, marks and edits") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Ada"});
    const auto sheet = cli.tmp / "sheet.json";
    rapport::test::write_file(sheet, R"({"questions":[
      {"id":"open-1","text":"How did you start in this field?","stage":"opening","minutes":2,"why":["opening"]},
      {"id":"adv-1","text":"What would you do in my place?","stage":"advice","minutes":3,"why":[]}
    ],"total_minutes":5})");
    CHECK(cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-07-01T09:30", "--minutes", "30",
                  "--mode", "video", "--place", "Online", "--notes", "first call", "--sheet",
                  sheet.string()}) == "1\n");
    cli.ok({"meeting", "mark", "--meeting", "1", "--question", "adv-1", "--answered"});
    auto m = cli.ok_json({"meeting", "show", "1", "--format", "json"});
    CHECK(m["at"] == "2025-07-01T09:30+02:00");
    CHECK(m["minutes"] == 30);
    CHECK(m["mode"] == "video");
    CHECK(m["contact"] == "Ada");
    REQUIRE(m["sheet"].size() == 2);
    CHECK(m["sheet"][1] == json{{"id", "adv-1"}, {"text", "What would you do in my place?"},
                                {"stage", "advice"}, {"minutes", 3}, {"asked", true},
                                {"answered", true}});
    CHECK(m["sheet"][0]["asked"] == false);

    cli.ok({"meeting", "edit", "1", "--status", "done", "--at", "2025-07-02T10:00"});
    m = cli.ok_json({"meeting", "list", "--format", "json"})[0];
    CHECK(m["status"] == "done");
    CHECK(m["at"] == "2025-07-02T10:00+02:00");
    CHECK(m["place"] == "Online");
    CHECK(cli.ok({"meeting", "list"}).find("2025-07-02 10:00") != std::string::npos);

    const auto bad_mode = cli.run({"meeting", "add", "--contact", "1", "--at", "2025-07-01T09:30",
                                   "--mode", "fax"});
    CHECK(bad_mode.exit_code == 2);
    CHECK(bad_mode.err.find("mode: 'fax'") != std::string::npos);
    const auto bad_time = cli.run({"meeting", "add", "--contact", "1", "--at", "tomorrow"});
    CHECK(bad_time.exit_code == 2);
    CHECK(bad_time.err.find("--at") != std::string::npos);
    CHECK(cli.run({"meeting", "mark", "--meeting", "1", "--question", "adv-1"}).exit_code == 2);
    cli.ok({"meeting", "rm", "1"});
    CHECK(cli.run({"meeting", "show", "1"}).exit_code == 2);
}

TEST_CASE("debrief records answers, notes, referrals and the thank-you; a referral becomes a contact") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Ada"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30"});
    CHECK(cli.ok({"debrief", "--meeting", "1", "--answer", "critical-answered=partly", "--answer",
                  "culture-formality=relaxed", "--notes", "Open office", "--referral",
                  "Grace Hopper @ Navy", "--referral", "Omar", "--thank-you-sent", "--at",
                  "2025-03-14T17:45"})
              .empty());
    auto d = cli.ok_json({"debrief", "--meeting", "1", "--format", "json"});
    CHECK(d["recorded"] == true);
    CHECK(d["answers"]["critical-answered"] == "partly");
    CHECK(d["notes"] == "Open office");
    CHECK(d["thank_you_sent_at"] == "2025-03-14T17:45+01:00");
    REQUIRE(d["referrals"].size() == 2);
    CHECK(d["referrals"][0]["company"] == "Navy");

    const auto french = cli.ok({"debrief", "--meeting", "1", "--lang", "fr"});
    CHECK(french.find("Après la rencontre") != std::string::npos);
    CHECK(french.find("décontracté") != std::string::npos);

    const auto wrong = cli.run({"debrief", "--meeting", "1", "--answer", "culture-energy=loud"});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("quiet, mixed, lively") != std::string::npos);

    CHECK(cli.ok({"referral", "promote", "1"}) == "2\n");
    const auto grace = cli.ok_json({"contact", "show", "2", "--format", "json"});
    CHECK(grace["name"] == "Grace Hopper");
    CHECK(grace["referred_by"] == 1);
    CHECK(cli.ok_json({"referral", "list", "--format", "json"})[0]["contact_id"] == 2);
}

TEST_CASE("search --format json gives ranked kind/id/title/snippet hits, accents ignored") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström", "--notes", "astronomer"});
    cli.ok({"contact", "add", "--name", "Zoe's colleague", "--notes", "knows Zoë Ångström well"});
    const auto hits = cli.ok_json({"search", "zoe angstrom", "--format", "json"});
    REQUIRE(hits.size() == 2);
    CHECK(hits[0] == json{{"kind", "contact"}, {"id", 1}, {"title", "Zoë Ångström"},
                          {"snippet", "[Zoë] [Ångström]"}});
    CHECK(hits[1]["id"] == 2);
    CHECK(hits[1]["snippet"] == "knows [Zoë] [Ångström] well");
    CHECK(cli.ok_json({"search", "\"; DROP TABLE contacts; --", "--format", "json"}).is_array());
    CHECK(cli.ok({"search", "astronomer"}).find("contact #1") != std::string::npos);
}

TEST_CASE("export, import into an empty database, export again: the same document") {
    Cli first;
    first.ok({"profile", "set", "--name", "Sam", "--field", "urbanisme", "--lang", "fr"});
    first.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Ville, \"Urbanisme\""});
    first.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30", "--notes",
              "x'); DROP TABLE meetings; --"});
    first.ok({"debrief", "--meeting", "1", "--referral", "Omar @ STM", "--notes", "ok"});
    first.ok({"outreach", "add", "--contact", "1", "--at", "2025-03-01T10:00"});
    first.ok({"outreach", "add", "--contact", "1", "--at", "2025-03-12T10:00", "--channel", "phone"});
    first.ok({"outreach", "reply", "--contact", "1", "--at", "2025-03-12T15:00"});
    const auto out = first.tmp / "export.json";
    CHECK(first.ok({"export", "--out", out.string()}).empty());
    CHECK(rapport::test::permissions_of(out) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string exported = rapport::test::read_file(out);
    CHECK(without_export_time(exported) == without_export_time(first.ok({"export"})));

    Cli second;
    CHECK(second.ok({"import", "-"}, exported).find("imported 1 contacts, 1 meetings, 1 debriefs, 2 outreach") !=
          std::string::npos);
    CHECK(without_export_time(second.ok({"export"})) == without_export_time(exported));
    const auto outreach = nlohmann::json::parse(exported)["outreach"];
    REQUIRE(outreach.size() == 2);
    CHECK(outreach[1]["follow_up_of"] == 1);
    CHECK(outreach[1]["replied_at"] == "2025-03-12T15:00+01:00");
    CHECK(second.ok_json({"profile", "show", "--format", "json"})["language"] == "fr");

    SUBCASE("a broken file is refused with its line and changes nothing") {
        auto doc = nlohmann::ordered_json::parse(exported);
        doc["meetings"][0]["status"] = "postponed";
        const auto bad = first.tmp / "bad.json";
        rapport::test::write_file(bad, doc.dump(2));
        Cli third;
        third.ok({"contact", "add", "--name", "Keep me"});
        const auto before = without_export_time(third.ok({"export"}));
        const auto r = third.run({"import", bad.string()});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("bad.json:") != std::string::npos);
        CHECK(r.err.find("status") != std::string::npos);
        CHECK(without_export_time(third.ok({"export"})) == before);
        const auto syntax = third.run({"import", "-"}, "{\"format\": \n oops}");
        CHECK(syntax.exit_code == 2);
        CHECK(syntax.err.find("<stdin>:2:") != std::string::npos);
    }
    SUBCASE("export never replaces something that is not a readable file") {
        fs::create_directory(first.tmp / "a-folder");
        const auto r = first.run({"export", "--out", (first.tmp / "a-folder").string()});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("a-folder") != std::string::npos);
    }
}

TEST_CASE("a damaged database is refused by every command; restore brings back the backup") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Ada"});
    // The first use of the day backs up the file as it was opened (here still
    // empty); start the day again so the backup holds Ada.
    fs::remove_all(cli.tmp / "backups");
    cli.ok({"contact", "list"});
    for (int i = 0; i < 200; ++i)
        cli.ok({"contact", "add", "--name", "Filler " + std::to_string(i), "--notes",
                std::string(300, 'n')});
    auto list = cli.ok_json({"restore", "--list", "--format", "json"});
    REQUIRE(list.size() == 1);

    // Damage the middle of the file (no program has it open).
    std::string bytes = rapport::test::read_file(cli.db);
    REQUIRE(bytes.size() > 20000);
    for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 4096; ++i) bytes[i] = '\x33';
    rapport::test::write_file(cli.db, bytes);
    const auto refused = cli.run({"contact", "list"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find(cli.db.string() + " is damaged") != std::string::npos);
    CHECK(rapport::test::read_file(cli.db) == bytes);

    const auto restored = cli.run({"restore"});
    INFO(restored.err);
    REQUIRE(restored.exit_code == 0);
    CHECK(restored.out.find("kept as") != std::string::npos);
    const auto contacts = cli.ok_json({"contact", "list", "--format", "json"});
    REQUIRE(contacts.size() == 1);  // the state of this morning's backup
    CHECK(contacts[0]["name"] == "Ada");
    CHECK(cli.run({"restore", "1999-01-01"}).exit_code == 2);
}
