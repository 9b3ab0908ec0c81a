// Contacts, meetings, debriefs and their storage guarantees: migrations,
// integrity refusal, crash safety, concurrent writers, verbatim storage.
#include "engine/records/backup.h"
#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "engine/records/schema.h"
#include "engine/records/search.h"
#include "engine/records/settings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <set>

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

void use_paris_time() {
    setenv("TZ", "Europe/Paris", 1);
    tzset();
}

DebriefChecklist shipped_checklist(const std::string& lang = "en") {
    return load_debrief_checklist(rapport::test::source_dir() / "question-banks", lang);
}

std::int64_t contact_named(Database& db, const std::string& name) {
    Contact c;
    c.name = name;
    return add_contact(db, c);
}

Meeting meeting_with(std::int64_t contact, const std::string& at) {
    Meeting m;
    m.contact_id = contact;
    m.at = parse_local_date_time(at, "at");
    return m;
}

// A database in the exact shape schema version 1 left it, made by hand.
void write_version_1_database(const fs::path& path) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    const char* sql =
        "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;"
        "INSERT INTO settings VALUES ('profile.name', 'Zoë Ångström');"
        "PRAGMA application_id = 1380012112;"  // "RAPP"
        "PRAGMA user_version = 1;";
    REQUIRE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("migrations bring every earlier schema version up to date") {
    TempDir tmp;
    SUBCASE("version 0: a brand-new file") {
        Database db = Database::open(tmp / "new.db");
        CHECK(db.schema_version() == latest_schema_version());
        CHECK(contact_named(db, "Ada") == 1);
    }
    SUBCASE("version 1: settings only, written by hand") {
        REQUIRE(kApplicationId == 1380012112);
        write_version_1_database(tmp / "v1.db");
        Database db = Database::open(tmp / "v1.db");
        CHECK(db.schema_version() == latest_schema_version());
        CHECK(get_setting(db, "profile.name") == "Zoë Ångström");
        CHECK(load_profile(db).name == "Zoë Ångström");
        const auto id = contact_named(db, "Ada Lovelace");
        CHECK(get_contact(db, id).name == "Ada Lovelace");
    }
}

TEST_CASE("a damaged database is refused, named, and left byte for byte unchanged") {
    TempDir tmp;
    const auto path = tmp / "rapport.db";
    {
        Database db = Database::open(path);
        const auto id = contact_named(db, "Ada");
        for (int i = 0; i < 300; ++i) {
            Meeting m = meeting_with(id, "2025-01-06T10:00");
            m.notes = std::string(200, 'x') + std::to_string(i);
            add_meeting(db, m);
        }
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Scribble over the middle of the file, where the meetings' pages are.
    std::string bytes = rapport::test::read_file(path);
    REQUIRE(bytes.size() > 40000);
    for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 4096; ++i) bytes[i] = '\x5a';
    rapport::test::write_file(path, bytes);

    CHECK_THROWS_WITH_AS(Database::open(path),
                         doctest::Contains((path.string() + " is damaged").c_str()), Error);
    CHECK(rapport::test::read_file(path) == bytes);

    SUBCASE("a large file checked lightly on open is caught before the daily backup") {
        OpenOptions light;
        light.full_check_max_bytes = 0;
        Database db = Database::open(path, light);
        CHECK_THROWS_WITH_AS(backup_if_due(db), doctest::Contains("damaged"), Error);
        CHECK_FALSE(fs::exists(tmp / "backups" / ("rapport-" + now_local().date() + ".db")));
    }
}

TEST_CASE("kill -9 while writing loses nothing that was reported saved") {
    TempDir tmp;
    const auto path = tmp / "rapport.db";
    { Database::open(path); }
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The writer: reports each id only once its transaction committed.
        close(pipe_fds[0]);
        try {
            Database db = Database::open(path);
            for (int i = 0;; ++i) {
                Contact c;
                c.name = "Contact " + std::to_string(i);
                c.notes = std::string(500, 'n');
                const std::string line = std::to_string(add_contact(db, c)) + "\n";
                if (write(pipe_fds[1], line.data(), line.size()) < 0) _exit(1);
            }
        } catch (...) {
            _exit(2);
        }
    }
    close(pipe_fds[1]);
    FILE* reports = fdopen(pipe_fds[0], "r");
    std::vector<std::int64_t> acknowledged;
    char line[64];
    while (acknowledged.size() < 150 && fgets(line, sizeof line, reports))
        acknowledged.push_back(std::stoll(line));
    kill(child, SIGKILL);
    // Ids the writer managed to report before dying count as acknowledged too.
    while (fgets(line, sizeof line, reports)) acknowledged.push_back(std::stoll(line));
    fclose(reports);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    REQUIRE(acknowledged.size() >= 150);
    Database db = Database::open(path);  // runs the integrity check
    db.verify_integrity();
    for (auto id : acknowledged) {
        INFO("contact " << id);
        CHECK(find_contact(db, id).has_value());
    }
}

TEST_CASE("two writers at once lose no update") {
    TempDir tmp;
    const auto path = tmp / "rapport.db";
    std::int64_t shared_id = 0;
    {
        Database db = Database::open(path);
        shared_id = contact_named(db, "Shared");
        set_setting(db, "counter", "0");
    }
    constexpr int kRounds = 60;
    auto writer = [&](const std::string& who) {
        Database db = Database::open(path);
        for (int i = 0; i < kRounds; ++i) {
            contact_named(db, who + " " + std::to_string(i));
            // Read-modify-write inside one transaction.
            db.transaction([&] {
                const int n = std::stoi(*get_setting(db, "counter"));
                set_setting(db, "counter", std::to_string(n + 1));
            });
            // Each writer edits its own field of the same contact.
            ContactChanges ch;
            (who == "A" ? ch.notes : ch.phone) = who + std::to_string(i);
            edit_contact(db, shared_id, ch);
        }
    };
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            writer("B");
            _exit(0);
        } catch (...) {
            _exit(3);
        }
    }
    writer("A");
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    Database db = Database::open(path);
    CHECK(list_contacts(db).size() == 1 + 2 * kRounds);
    CHECK(get_setting(db, "counter") == std::to_string(2 * kRounds));
    const Contact shared = get_contact(db, shared_id);
    CHECK(shared.notes == "A" + std::to_string(kRounds - 1));
    CHECK(shared.phone == "B" + std::to_string(kRounds - 1));
}

TEST_CASE("injection-looking text is stored and found verbatim") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::string nasty = "Robert'); DROP TABLE contacts; -- \"quoted\" % _ \\ NEAR(a b) *";
    Contact c;
    c.name = nasty;
    c.company = "' OR '1'='1";
    c.notes = "line one\nline two\t\x01 end";
    c.tags = {"a,b", "x'y"};
    const auto id = add_contact(db, c);
    const Contact back = get_contact(db, id);
    CHECK(back.name == nasty);
    CHECK(back.company == "' OR '1'='1");
    CHECK(back.notes == c.notes);
    CHECK(back.tags == std::vector<std::string>{"a,b", "x'y"});
    CHECK(list_contacts(db).size() == 1);
    // FTS5 syntax in a query is just words.
    for (const char* q : {"DROP TABLE", "\"", "NEAR(", "*", "AND OR NOT", "-- ;", "a:b", "^x"})
        CHECK_NOTHROW(search(db, q));
    CHECK(search(db, "robert drop").size() == 1);
}

TEST_CASE("contacts: fields, edits of given fields only, referrals and removal") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    CHECK_THROWS_WITH_AS(contact_named(db, "   "), "name: must not be empty", Error);
    const auto ada = contact_named(db, "Ada");
    Contact grace;
    grace.name = "Grace";
    grace.referred_by = ada;
    grace.tags = {"navy", "compilers", "navy", " "};
    const auto grace_id = add_contact(db, grace);
    CHECK(get_contact(db, grace_id).tags == std::vector<std::string>{"compilers", "navy"});
    Contact bad = grace;
    bad.referred_by = 999;
    CHECK_THROWS_WITH_AS(add_contact(db, bad), "referred_by: no contact with id 999", Error);

    ContactChanges ch;
    ch.company = "Navy";
    edit_contact(db, grace_id, ch);
    const auto g = get_contact(db, grace_id);
    CHECK(g.company == "Navy");
    CHECK(g.name == "Grace");
    CHECK(g.referred_by == ada);

    add_meeting(db, meeting_with(ada, "2025-01-06T10:00"));
    CHECK_THROWS_WITH_AS(remove_contact(db, ada, false), doctest::Contains("1 meeting(s)"), Error);
    remove_contact(db, ada, true);
    CHECK_FALSE(find_contact(db, ada));
    CHECK(list_meetings(db).empty());
    CHECK_FALSE(get_contact(db, grace_id).referred_by.has_value());
    CHECK_THROWS_WITH_AS(get_contact(db, ada), "no contact with id 1", Error);
}

TEST_CASE("meetings keep local time unambiguously, and their sheet with marks") {
    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto ada = contact_named(db, "Ada");
    Meeting m = meeting_with(ada, "2025-07-01T09:30");
    m.mode = "video";
    m.sheet = {{"q-trends", "What changes do you see coming in your field?", "trends", 3, false, false},
               {"q-advice", "What would you do in my place?", "advice", 2.5, false, false}};
    const auto id = add_meeting(db, m);
    Meeting back = get_meeting(db, id);
    CHECK(back.at.iso() == "2025-07-01T09:30+02:00");
    CHECK(back.at.utc_seconds() == 1751355000);
    CHECK(back.minutes == 20);
    REQUIRE(back.sheet.size() == 2);
    CHECK(back.sheet[1].minutes == 2.5);

    mark_question(db, id, "q-advice", std::nullopt, true);
    back = get_meeting(db, id);
    CHECK(back.sheet[1].asked);
    CHECK(back.sheet[1].answered);
    CHECK_FALSE(back.sheet[0].asked);
    mark_question(db, id, "q-advice", false, std::nullopt);
    CHECK_FALSE(get_meeting(db, id).sheet[1].answered);
    CHECK_THROWS_WITH_AS(mark_question(db, id, "nope", true, std::nullopt),
                         doctest::Contains("no question 'nope'"), Error);

    // A winter date in the same zone has another offset.
    CHECK(parse_local_date_time("2025-01-15T09:30", "at").iso() == "2025-01-15T09:30+01:00");
    CHECK_THROWS_WITH_AS(parse_local_date_time("2025-03-30T02:30", "--at"),
                         doctest::Contains("does not exist in local time"), Error);
    CHECK_THROWS_WITH_AS(parse_local_date_time("2025-02-30T10:00", "--at"),
                         doctest::Contains("not a real calendar date"), Error);
    CHECK_THROWS_WITH_AS(parse_local_date_time("14/03/2025", "--at"), doctest::Contains("--at"), Error);

    Meeting wrong = meeting_with(ada, "2025-01-06T10:00");
    wrong.mode = "carrier pigeon";
    CHECK_THROWS_WITH_AS(add_meeting(db, wrong), doctest::Contains("mode: 'carrier pigeon'"), Error);
    wrong.mode = "phone";
    wrong.minutes = 0;
    CHECK_THROWS_WITH_AS(add_meeting(db, wrong), doctest::Contains("minutes"), Error);
}

TEST_CASE("a sheet file in the sheet generator's shape is read, with line numbers on errors") {
    TempDir tmp;
    const auto good = tmp / "sheet.json";
    rapport::test::write_file(good, R"({"questions":[
      {"id":"open-1","text":"How did you come to this work?","stage":"opening","minutes":2,"why":["opening"]},
      {"id":"res-2","text":"Which associations should I know?","stage":"resources","minutes":3,"why":[]}
    ],"total_minutes":5})");
    const auto sheet = sheet_from_json(load_json_source(good));
    REQUIRE(sheet.size() == 2);
    CHECK(sheet[0].stage == "opening");
    CHECK(sheet[1].minutes == 3);

    const auto bad = tmp / "bad.json";
    rapport::test::write_file(bad, "{\"questions\":[\n {\"id\":\"a\",\"text\":\"ok\"},\n {\"id\":\"b\",\"text\":\"\"}\n]}");
    CHECK_THROWS_WITH_AS(sheet_from_json(load_json_source(bad)),
                         doctest::Contains("bad.json:3: /questions/1/text"), Error);
}

TEST_CASE("debriefs follow the shipped checklist in both languages") {
    const auto en = shipped_checklist("en");
    const auto fr = shipped_checklist("fr");
    REQUIRE(en.items.size() == fr.items.size());
    for (size_t i = 0; i < en.items.size(); ++i) {
        CHECK(en.items[i].id == fr.items[i].id);
        CHECK(en.items[i].kind == fr.items[i].kind);
        REQUIRE(en.items[i].choices.size() == fr.items[i].choices.size());
        for (size_t c = 0; c < en.items[i].choices.size(); ++c)
            CHECK(en.items[i].choices[c].id == fr.items[i].choices[c].id);
    }
    for (const char* id : {"critical-answered", "new-questions", "left-out", "second-view",
                           "referrals", "culture-energy", "culture-formality", "culture-smiles",
                           "next-steps", "resume-feedback"})
        CHECK_MESSAGE(en.item(id) != nullptr, id);

    use_paris_time();
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const auto ada = contact_named(db, "Ada");
    const auto meeting = add_meeting(db, meeting_with(ada, "2025-01-06T10:00"));
    CHECK_FALSE(get_debrief(db, meeting).recorded);

    DebriefChanges ch;
    ch.answers = {{"critical-answered", "partly"}, {"next-steps", "Email the association"}};
    ch.notes = "Open-plan office, people laughing.";
    ch.new_referrals = {{0, 0, "Grace Hopper", "Navy", "", std::nullopt}};
    ch.thank_you_sent_at = parse_local_date_time("2025-01-06T18:00", "at");
    update_debrief(db, meeting, ch, en);
    Debrief d = get_debrief(db, meeting);
    CHECK(d.recorded);
    CHECK(d.answers.at("critical-answered") == "partly");
    CHECK(d.thank_you_sent_at->iso() == "2025-01-06T18:00+01:00");
    REQUIRE(d.referrals.size() == 1);

    DebriefChanges wrong;
    wrong.answers = {{"culture-energy", "noisy"}};
    CHECK_THROWS_WITH_AS(update_debrief(db, meeting, wrong, en),
                         doctest::Contains("'noisy' is not one of quiet, mixed, lively"), Error);
    wrong.answers = {{"mood", "good"}};
    CHECK_THROWS_WITH_AS(update_debrief(db, meeting, wrong, en),
                         doctest::Contains("'mood' is not in"), Error);

    // A referral becomes a contact in one step, referred by the person met.
    const auto grace = promote_referral(db, d.referrals[0].id);
    CHECK(get_contact(db, grace).name == "Grace Hopper");
    CHECK(get_contact(db, grace).company == "Navy");
    CHECK(get_contact(db, grace).referred_by == ada);
    CHECK(get_debrief(db, meeting).referrals[0].contact_id == grace);
    CHECK_THROWS_WITH_AS(promote_referral(db, d.referrals[0].id),
                         doctest::Contains("already contact"), Error);
}

TEST_CASE("a malformed checklist file is reported with its line") {
    TempDir tmp;
    rapport::test::write_file(tmp / "debrief.xx.json",
                              "{\"language\":\"xx\",\"title\":\"t\",\"items\":[\n"
                              "{\"id\":\"a\",\"kind\":\"choice\",\"prompt\":\"p\"}\n]}");
    CHECK_THROWS_WITH_AS(load_debrief_checklist(tmp.path(), "xx"),
                         doctest::Contains("debrief.xx.json:2: /items/0: a choice item needs"), Error);
    CHECK_THROWS_WITH_AS(load_debrief_checklist(tmp.path(), "de"),
                         doctest::Contains("no debrief checklist for language 'de'"), Error);
}
