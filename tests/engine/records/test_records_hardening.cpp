// Records against bad input and hostile files (issue 19): UTF-8 at every
// door, strict imports, read-only files, a backup that cannot be written.
#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "engine/records/backup.h"
#include "engine/records/contacts.h"
#include "engine/records/data_export.h"
#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "engine/records/search.h"
#include "engine/records/settings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::int64_t add_named(Database& db, const std::string& name) {
    Contact c;
    c.name = name;
    return add_contact(db, c);
}

std::string export_with(const std::string& contacts, const std::string& settings = "{}") {
    return R"({"format": "rapport-export", "format_version": 1, "settings": )" + settings +
           R"(, "contacts": )" + contacts + R"(, "meetings": []})";
}

}  // namespace

TEST_CASE("text that is not UTF-8 is refused at every records door, naming the field") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    const std::string bad = "Zo\xeb";
    Contact c;
    c.name = "Zoë";
    c.company = bad;
    CHECK_THROWS_WITH_AS(add_contact(db, c), "company: not valid UTF-8 text (byte 3)", Error);
    c.company.clear();
    c.tags = {"ok", bad};
    CHECK_THROWS_WITH_AS(add_contact(db, c), doctest::Contains("tag 2: not valid UTF-8"), Error);
    const auto id = add_named(db, "Ada");
    ContactChanges ch;
    ch.notes = bad;
    CHECK_THROWS_WITH_AS(edit_contact(db, id, ch), doctest::Contains("notes: not valid UTF-8"),
                         Error);
    Meeting m;
    m.contact_id = id;
    m.at = parse_local_date_time("2025-03-14T09:30Z", "at");
    m.place = bad;
    CHECK_THROWS_WITH_AS(add_meeting(db, m), doctest::Contains("place: not valid UTF-8"), Error);
    ProfileChanges p;
    p.goals = std::vector<std::string>{bad};
    CHECK_THROWS_WITH_AS(update_profile(db, p), doctest::Contains("goal 1: not valid UTF-8"),
                         Error);
    CHECK_THROWS_WITH_AS(set_setting(db, "ui.note", bad), doctest::Contains("ui.note"), Error);
    // Nothing half-written: the database still exports.
    CHECK(list_contacts(db).size() == 1);
    CHECK_NOTHROW(json_text(export_all(db)));
}

TEST_CASE("settings are checked as their readers check them") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    CHECK_THROWS_WITH_AS(set_setting(db, "profile.language", "xx"),
                         doctest::Contains("profile.language"), Error);
    CHECK_THROWS_AS(set_setting(db, "avoid.rule.salary", "bogus"), Error);
    CHECK_THROWS_AS(set_setting(db, "profile.goals", "not json"), Error);
    CHECK_NOTHROW(set_setting(db, "avoid.rule.salary", "caution"));
    CHECK_NOTHROW(set_setting(db, "profile.goals", R"(["training"])"));
}

TEST_CASE("an import is validated as strictly as the command line") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    const auto import_text = [&](const std::string& text) {
        return import_export(db, text, "in.json");
    };
    CHECK_THROWS_WITH_AS(import_text(export_with(R"([{"id": 2305843009213693952, "name": "A"}])")),
                         doctest::Contains("/contacts/0/id: must be a whole number from 1"), Error);
    CHECK_THROWS_WITH_AS(import_text(export_with(R"([{"id": -3, "name": "A"}])")),
                         doctest::Contains("/contacts/0/id"), Error);
    CHECK_THROWS_WITH_AS(import_text(export_with("[]", R"({"avoid.rule.salary": "bogus"})")),
                         doctest::Contains("avoid.rule.salary"), Error);
    CHECK_THROWS_WITH_AS(import_text(export_with("[]", R"({"profile.language": "xx"})")),
                         doctest::Contains("profile.language"), Error);
    CHECK_THROWS_WITH_AS(
        import_text(R"({"format": "rapport-export", "format_version": 1, "contacts": [{"id": 1, "name": "A"}],
            "meetings": [{"id": 1, "contact_id": 1, "at": "0999-01-01T10:00+00:00", "minutes": 30,
                          "mode": "video", "status": "planned"}]})"),
        doctest::Contains("outside the years"), Error);
    // Nothing was written, and a later add still works.
    CHECK(list_contacts(db).empty());
    CHECK(add_named(db, "Zoë") == 1);
}

TEST_CASE("a read-only database is opened read-only, left as it was, and says so") {
    TempDir tmp;
    const fs::path path = tmp / "ro.db";
    {
        Database db = Database::open(path);
        add_named(db, "Ada");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    fs::remove(fs::path(path.string() + "-wal"));
    fs::remove(fs::path(path.string() + "-shm"));
    fs::permissions(path, fs::perms::owner_read, fs::perm_options::replace);
    {
        Database db = Database::open(path);
        CHECK(db.read_only());
        CHECK(list_contacts(db).size() == 1);
        CHECK_THROWS_AS(add_named(db, "Léa"), Error);
    }
    CHECK(rapport::test::permissions_of(path) == fs::perms::owner_read);  // not flipped to 0600
    CHECK_FALSE(fs::exists(path.string() + "-wal"));
    CHECK_FALSE(fs::exists(path.string() + "-shm"));

    SUBCASE("in a read-only folder, a valid database is still read") {
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace);
        fs::permissions(tmp.path(), fs::perms::owner_read | fs::perms::owner_exec,
                        fs::perm_options::replace);
        {
            Database db = Database::open(path);
            CHECK(db.read_only());
            CHECK(get_contact(db, 1).name == "Ada");
        }
        fs::permissions(tmp.path(), fs::perms::owner_all, fs::perm_options::replace);
    }
}

TEST_CASE("a daily backup that cannot be written is a warning; stale temp files are removed") {
    TempDir tmp;
    const fs::path path = tmp / "rapport.db";
    Database db = Database::open(path);
    add_named(db, "Ada");
    // A file where the backups folder should be: the copy cannot be made.
    rapport::test::write_file(tmp / "backups", "not a folder");
    std::string warning;
    CHECK_FALSE(backup_if_due(db, &warning).has_value());
    CHECK(warning.find("no backup today") != std::string::npos);
    CHECK(list_contacts(db).size() == 1);  // the command goes on

    fs::remove(tmp / "backups");
    fs::create_directory(tmp / "backups");
    const fs::path stale =
        tmp / "backups" / (".rapport-" + now_local().date() + ".db.tmp-AbC123");
    rapport::test::write_file(stale, std::string(1000, 'x'));
    fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
    warning.clear();
    CHECK(backup_if_due(db, &warning).has_value());
    CHECK(warning.empty());
    CHECK_FALSE(fs::exists(stale));
}

TEST_CASE("a database path through a link works on the real file; a device is refused") {
    TempDir tmp;
    fs::create_directory(tmp / "real");
    {
        Database db = Database::open(tmp / "real" / "rapport.db");
        add_named(db, "Ada");
    }
    fs::create_symlink(tmp / "real" / "rapport.db", tmp / "link.db");
    {
        Database db = Database::open(tmp / "link.db");
        CHECK(db.path() == fs::canonical(tmp / "real" / "rapport.db"));
        CHECK(backup_if_due(db).has_value());
    }
    CHECK(fs::exists(tmp / "real" / "backups"));
    CHECK_FALSE(fs::exists(tmp / "backups"));
    CHECK(fs::is_symlink(tmp / "link.db"));
    CHECK_THROWS_WITH_AS(Database::open("/dev/null"), doctest::Contains("not a regular file"),
                         Error);
    CHECK_FALSE(fs::exists("/dev/null-journal"));
}

TEST_CASE("meetings stored with unpadded years by an older version stay readable") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    const auto id = add_named(db, "Ada");
    Meeting m;
    m.contact_id = id;
    m.at = parse_local_date_time("2025-03-14T09:30Z", "at");
    const auto meeting = add_meeting(db, m);
    db.exec("UPDATE meetings SET at_local = '999-03-14T09:30+00:00'");
    REQUIRE(list_meetings(db).size() == 1);
    CHECK(get_meeting(db, meeting).at.iso() == "0999-03-14T09:30+00:00");
    CHECK_NOTHROW(json_text(export_all(db)));
    remove_meeting(db, meeting);
    CHECK(list_meetings(db).empty());
}

TEST_CASE("search counts every match, beyond the hits it lists") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    for (int i = 0; i < 60; ++i) add_named(db, "Zoë Martin " + std::to_string(i));
    add_named(db, "Omar Haddad");
    CHECK(search(db, "martin", {50, "[", "]"}).size() == 50);
    const SearchCounts counts = count_search_matches(db, "martin");
    CHECK(counts.contacts == 60);
    CHECK(counts.meetings == 0);
    CHECK(count_search_matches(db, "").contacts == 0);
}

TEST_CASE("an import whose contacts are not a list says so, whatever comes after") {
    TempDir tmp;
    Database db = Database::open(tmp / "r.db");
    const std::string text =
        R"({"format": "rapport-export", "format_version": 1, "contacts": {"id": 1},
            "meetings": [{"id": 1, "contact_id": 1, "at": "2024-01-01T10:00+00:00",
                          "minutes": 30, "mode": "video", "status": "done"}]})";
    CHECK_THROWS_WITH_AS(import_export(db, text, "in.json"),
                         doctest::Contains("/contacts: must be a list"), Error);
    CHECK(list_meetings(db).empty());
}
