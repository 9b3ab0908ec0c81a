#include "engine/records/database.h"
#include "engine/records/schema.h"
#include "engine/records/settings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a new database is created private and at the latest schema") {
    TempDir tmp;
    auto path = tmp / "data" / "rapport.db";
    {
        Database db = Database::open(path);
        CHECK(db.schema_version() == latest_schema_version());
        set_setting(db, "profile.name", "Zoë Ångström");
    }
    CHECK(rapport::test::permissions_of(path) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(rapport::test::permissions_of(tmp / "data") == fs::perms::owner_all);

    Database again = Database::open(path);
    CHECK(get_setting(again, "profile.name") == "Zoë Ångström");
    CHECK_FALSE(get_setting(again, "missing").has_value());
}

TEST_CASE("a file that is not a Rapport database is refused and left unchanged") {
    TempDir tmp;
    SUBCASE("plain text") {
        auto path = tmp / "notes.db";
        rapport::test::write_file(path, "these are my notes, not a database\n");
        CHECK_THROWS_WITH_AS(Database::open(path), doctest::Contains("notes.db"), Error);
        CHECK(rapport::test::read_file(path) == "these are my notes, not a database\n");
    }
    SUBCASE("another program's SQLite database") {
        auto path = tmp / "other.db";
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
        sqlite3_exec(other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr,
                     nullptr);
        sqlite3_close(other);
        const std::string before = rapport::test::read_file(path);
        CHECK_THROWS_WITH_AS(Database::open(path), doctest::Contains("not a Rapport database"),
                             Error);
        CHECK(rapport::test::read_file(path) == before);
    }
}

TEST_CASE("a database from a newer Rapport is refused") {
    TempDir tmp;
    auto path = tmp / "rapport.db";
    { Database db = Database::open(path); db.exec("PRAGMA user_version = 9999"); }
    CHECK_THROWS_WITH_AS(Database::open(path), doctest::Contains("newer Rapport"), Error);
}

TEST_CASE("a failed transaction leaves nothing behind") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    set_setting(db, "a", "1");
    CHECK_THROWS(db.transaction([&] {
        db.prepare("UPDATE settings SET value = '2' WHERE key = 'a'").run();
        throw Error("disk full (simulated)");
    }));
    CHECK(get_setting(db, "a") == "1");
}

TEST_CASE("values are bound, never pasted into SQL") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::string nasty = "x'); DROP TABLE settings; --";
    set_setting(db, nasty, nasty);
    CHECK(get_setting(db, nasty) == nasty);
    erase_setting(db, nasty);
    CHECK_FALSE(get_setting(db, nasty).has_value());
}
