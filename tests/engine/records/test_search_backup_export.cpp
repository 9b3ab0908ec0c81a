// Search, daily backups with restore, and the JSON export/import round trip.
#include "engine/records/backup.h"
#include "engine/records/contacts.h"
#include "engine/records/data_export.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/base/private_file.h"
#include "engine/records/profile.h"
#include "engine/records/search.h"
#include "engine/records/settings.h"
#include "engine/records/word_list.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::set<std::string> kinds_and_ids(const std::vector<SearchHit>& hits) {
    std::set<std::string> out;
    for (const auto& h : hits) out.insert(h.kind + "#" + std::to_string(h.id));
    return out;
}

// A small campaign touching every table.
void fill_campaign(Database& db) {
    setenv("TZ", "America/Montreal", 1);
    tzset();
    update_profile(db, {.name = "Sam Ng", .field = "urban planning", .background = {}, .email = {},
                        .phone = {}, .language = "fr", .goals = std::vector<std::string>{"company-culture"},
                        .default_minutes = {}, .speaking_wpm = {}});
    Contact zoe;
    zoe.name = "Zoë Ångström";
    zoe.company = "Ville de Montréal, Urbanisme";
    zoe.role = "planner";
    zoe.tags = {"urbanisme", "transport"};
    zoe.email = "zoe@example.org";
    zoe.notes = "Met at the \"Rencontres\" évènement; likes trains";
    const auto zoe_id = add_contact(db, zoe);
    Contact lea;
    lea.name = "Léa O'Brien";
    lea.referred_by = zoe_id;
    const auto lea_id = add_contact(db, lea);
    Meeting m;
    m.contact_id = zoe_id;
    m.at = parse_local_date_time("2025-03-14T09:30", "at");
    m.minutes = 30;
    m.mode = "in-person";
    m.place = "Café Olimpico";
    m.status = "done";
    m.notes = "Brought two résumés";
    m.sheet = {{"t1", "Quelles tendances voyez-vous en urbanisme ?", "trends", 3, true, true},
               {"a1", "Que feriez-vous à ma place ?", "advice", 2.5, true, false}};
    const auto m1 = add_meeting(db, m);
    Meeting m2;
    m2.contact_id = lea_id;
    m2.at = parse_local_date_time("2025-04-02T14:00", "at");
    add_meeting(db, m2);
    DebriefChanges d;
    d.answers = {{"culture-energy", "lively"}, {"next-steps", "Lire le plan d'urbanisme"}};
    d.notes = "Bureau à aire ouverte";
    d.new_referrals = {{0, 0, "Omar Haddad", "STM", "transit data", std::nullopt},
                       {0, 0, "Inès Roy", "", "", std::nullopt}};
    d.thank_you_sent_at = parse_local_date_time("2025-03-14T17:00", "at");
    update_debrief(db, m1, d, load_debrief_checklist(rapport::test::source_dir() / "question-banks", "en"));
    promote_referral(db, 1);
    add_personal_word(db, "géomatique");
    add_personal_word(db, "Olimpico");
}

std::string without_export_time(nlohmann::ordered_json doc) {
    doc.erase("exported_at");
    return doc.dump(2);
}

}  // namespace

TEST_CASE("search ignores accents and case, ranks titles first and shows snippets") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    fill_campaign(db);

    auto hits = search(db, "zoe angstrom");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].kind == "contact");
    CHECK(hits[0].id == 1);
    CHECK(hits[0].title == "Zoë Ångström");
    CHECK(hits[0].snippet.find("[Zoë] [Ångström]") != std::string::npos);
    CHECK(kinds_and_ids(search(db, "ZOË ÅNGSTRÖM")) == kinds_and_ids(hits));
    // Meetings and debriefs carry the contact's name in their titles.
    CHECK(kinds_and_ids(hits).count("meeting#1"));
    CHECK(kinds_and_ids(hits).count("debrief#1"));

    CHECK(kinds_and_ids(search(db, "evenement")) == std::set<std::string>{"contact#1"});
    CHECK(kinds_and_ids(search(db, "angs")).count("contact#1"));  // an unfinished word
    CHECK(kinds_and_ids(search(db, "tendances urbanisme")).count("meeting#1"));  // the sheet
    CHECK(kinds_and_ids(search(db, "aire ouverte")) == std::set<std::string>{"debrief#1"});
    CHECK(kinds_and_ids(search(db, "haddad")).count("debrief#1"));  // a referral
    CHECK(kinds_and_ids(search(db, "haddad")).count("contact#3"));  // and the contact it became
    CHECK(search(db, "").empty());
    CHECK(search(db, "  ,;  ").empty());
    CHECK(search(db, "nothing-like-this").empty());

    SUBCASE("the index follows edits and removals") {
        ContactChanges ch;
        ch.name = "Zoé Martin";
        edit_contact(db, 1, ch);
        CHECK(search(db, "angstrom").empty());
        CHECK(kinds_and_ids(search(db, "zoe martin")).count("debrief#1"));
        remove_meeting(db, 1);
        CHECK(search(db, "aire ouverte").empty());
        CHECK(search(db, "tendances").empty());
    }
}

TEST_CASE("export -> import into an empty database -> export gives the same document") {
    TempDir tmp;
    Database source = Database::open(tmp / "a.db");
    fill_campaign(source);
    const auto first = export_all(source);
    CHECK(first["contacts"].size() == 3);
    CHECK(first["meetings"][0]["at"] == "2025-03-14T09:30-04:00");
    CHECK(first["meetings"][0]["debrief"]["referrals"].size() == 2);
    CHECK(first["personal_words"] == nlohmann::ordered_json{"Olimpico", "géomatique"});

    const auto file = tmp / "export.json";
    write_private_file(file, first.dump(2));
    CHECK(rapport::test::permissions_of(file) == (fs::perms::owner_read | fs::perms::owner_write));
    Database target = Database::open(tmp / "b.db");
    const auto summary = import_export_file(target, file);
    CHECK(summary.ids_kept);
    CHECK(summary.contacts == 3);
    CHECK(summary.meetings == 2);
    CHECK(summary.debriefs == 1);
    CHECK(summary.personal_words == 2);
    CHECK(without_export_time(export_all(target)) == without_export_time(first));
    // The imported records are searchable at once.
    CHECK_FALSE(search(target, "zoe").empty());

    SUBCASE("into a database with records: new ids, links follow") {
        import_export_file(target, file);
        const auto doc = export_all(target);
        REQUIRE(doc["contacts"].size() == 6);
        CHECK(doc["personal_words"].size() == 2);  // a word is kept once
        CHECK(doc["contacts"][4]["name"] == "Léa O'Brien");
        CHECK(doc["contacts"][4]["referred_by"] == doc["contacts"][3]["id"]);
        CHECK(doc["meetings"][2]["contact_id"] == 4);
        CHECK(doc["meetings"][2]["debrief"]["referrals"][0]["contact_id"] == 6);
    }
}

TEST_CASE("a bad import changes nothing and names the line") {
    TempDir tmp;
    Database db = Database::open(tmp / "a.db");
    fill_campaign(db);
    auto doc = export_all(db);
    Database target = Database::open(tmp / "b.db");
    {
        Contact keep;
        keep.name = "Already here";
        add_contact(target, keep);
    }
    const auto before = without_export_time(export_all(target));

    SUBCASE("a field of the wrong type, late in the file") {
        doc["meetings"][1]["minutes"] = "thirty";
    }
    SUBCASE("a meeting pointing at a contact not in the file") {
        doc["meetings"][1]["contact_id"] = 77;
    }
    SUBCASE("an unknown mode") {
        doc["meetings"][1]["mode"] = "telepathy";
    }
    SUBCASE("a personal word with a space") {
        doc["personal_words"][1] = "two words";
    }
    SUBCASE("not an export") {
        doc["format"] = "something else";
    }
    const auto file = tmp / "bad.json";
    rapport::test::write_file(file, doc.dump(2));
    CHECK_THROWS_WITH_AS(import_export_file(target, file), doctest::Contains("bad.json:"),
                         Error);
    CHECK(without_export_time(export_all(target)) == before);
}

TEST_CASE("daily backups: one a day, the newest seven kept, restore puts one back") {
    TempDir tmp;
    const auto path = tmp / "rapport.db";
    Database db = Database::open(path);
    const auto ada = [&] {
        Contact c;
        c.name = "Ada";
        return add_contact(db, c);
    }();
    const auto made = backup_if_due(db);
    REQUIRE(made.has_value());
    CHECK(made->filename() == "rapport-" + now_local().date() + ".db");
    CHECK(rapport::test::permissions_of(*made) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK_FALSE(backup_if_due(db).has_value());  // once a day

    for (int day = 1; day <= 9; ++day) backup_now(db, "2020-01-0" + std::to_string(day));
    backup_if_due(db);  // today's exists: nothing pruned yet
    CHECK(list_backups(path).size() == 10);
    fs::remove(*made);
    REQUIRE(backup_if_due(db).has_value());
    const auto kept = list_backups(path);
    REQUIRE(kept.size() == kBackupsKept);
    CHECK(kept.front().date == now_local().date());
    CHECK(kept.back().date == "2020-01-04");

    // Changes after the backup are undone by restoring it; the current file is kept aside.
    Contact later;
    later.name = "Written after the backup";
    const auto later_id = add_contact(db, later);
    db = Database::open(tmp / "other.db");  // close the file before restoring
    const auto aside = restore_backup(path, kept.front().path);
    REQUIRE(fs::exists(aside));
    {
        Database restored = Database::open(path);
        CHECK(find_contact(restored, ada).has_value());
        CHECK_FALSE(find_contact(restored, later_id).has_value());
    }
    {
        Database previous = Database::open(aside);
        CHECK(find_contact(previous, later_id).has_value());
    }

    SUBCASE("a damaged backup is refused and nothing moves") {
        const auto bad = tmp / "bad-backup.db";
        rapport::test::write_file(bad, "not a database at all, just text, long enough to look real");
        const auto before = rapport::test::read_file(path);
        CHECK_THROWS_WITH_AS(restore_backup(path, bad), doctest::Contains("bad-backup.db"), Error);
        CHECK(rapport::test::read_file(path) == before);
    }
}

TEST_CASE("private files: never replace what we cannot read") {
    TempDir tmp;
    fs::create_directory(tmp / "folder");
    CHECK_THROWS_WITH_AS(write_private_file(tmp / "folder", "x"),
                         doctest::Contains("not a regular file"), Error);
    write_private_file(tmp / "out.json", "one");
    write_private_file(tmp / "out.json", "two");
    CHECK(rapport::test::read_file(tmp / "out.json") == "two");
    CHECK(rapport::test::permissions_of(tmp / "out.json") ==
          (fs::perms::owner_read | fs::perms::owner_write));
    // No temporary files left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 2);
}
