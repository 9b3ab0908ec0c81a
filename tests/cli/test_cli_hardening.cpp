// The reproducers of issue 19 through the real rapport-cli: each exits 0, 1
// or 2 with a message, and the database stays exportable.
#include "tests/cli/cli_on_db.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rapport::test::CommandOptions;
using rapport::test::TempDir;
using rapport::test::write_file;
namespace fs = std::filesystem;

namespace {

using Cli = rapport::test::CliOnDb;

// rapport-cli with a user banks folder (XDG_DATA_HOME) in the test's temp dir.
struct CliWithUserBanks : Cli {
    fs::path data = tmp / "data";
    fs::path user_banks = data / "rapport" / "banks";
    CliWithUserBanks() { fs::create_directories(user_banks); }
    rapport::test::CommandResult with_bank(const std::string& bank_text,
                                           std::vector<std::string> args) const {
        write_file(user_banks / "questions.mine.json", bank_text);
        args.insert(args.begin(), {"--db", db.string()});
        CommandOptions options;
        options.env["XDG_DATA_HOME"] = data.string();
        return rapport::test::run_cli(args, options);
    }
};

void check_exportable(const Cli& cli) {
    const auto r = cli.run({"export"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::accept(r.out));
}

}  // namespace

TEST_CASE("invalid UTF-8 is refused with the field named; a Latin-1 vCard is decoded") {
    Cli cli;
    const auto bad = cli.run({"contact", "add", "--name", "Zo\xeb"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("name: not valid UTF-8") != std::string::npos);
    CHECK(cli.run({"profile", "set", "--name", "Sam\xff"}).exit_code == 2);
    const auto check = cli.run({"check", "what do you \xff earn", "--format", "json"});
    CHECK(check.exit_code == 2);
    CHECK(check.err.find("question 1: not valid UTF-8") != std::string::npos);
    CHECK(cli.run({"sheet", "--industry", "law", "--goal", "training", "--company", "Caf\xe9",
                   "--format", "json"})
              .exit_code == 2);

    write_file(cli.tmp / "l1.vcf",
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xeb \xc5ngstr\xf6m\r\nEND:VCARD\r\n");
    CHECK(cli.ok({"contact", "import", (cli.tmp / "l1.vcf").string()}) == "1\n");
    const auto list = cli.ok_json({"contact", "list", "--format", "json"});
    CHECK(list[0]["name"] == "Zoë Ångström");
    check_exportable(cli);
    CHECK(cli.run({"search", "Zoë", "--format", "json"}).exit_code == 0);
}

TEST_CASE("a repeated key, 1e400 or deep nesting in a user bank skips the file with file:line") {
    CliWithUserBanks cli;
    const std::vector<std::string> sheet = {"sheet", "--industry", "law", "--goal", "training"};
    auto r = cli.with_bank(R"({"lang":"en","questions":[{"id":"a","id":"b"}]})", sheet);
    CHECK(r.exit_code == 0);  // the shipped banks still make the sheet
    CHECK(r.err.find("questions.mine.json:1: key \"id\" appears twice") != std::string::npos);
    r = cli.with_bank("{\"lang\":\"en\",\n\"questions\":[{\"id\":\"a\",\"minutes\":1e400}]}", sheet);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("questions.mine.json:2:") != std::string::npos);
    r = cli.with_bank("{\"lang\":\"en\",\"questions\":" + std::string(20000, '[') +
                          std::string(20000, ']') + "}",
                      sheet);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("nested deeper than 64 levels") != std::string::npos);
    r = cli.with_bank(R"({"lang":"en","questions":[{"id":"a","id":"b"}]})", {"lint-banks"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("appears twice") != std::string::npos);
}

TEST_CASE("import, meeting --sheet: 1e400 and bad ids are errors, nothing is written") {
    Cli cli;
    write_file(cli.tmp / "big.json",
               R"({"format": "rapport-export", "format_version": 1, "contacts": [],
                   "meetings": [], "x": 1e400})");
    auto r = cli.run({"import", (cli.tmp / "big.json").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("big.json:2:") != std::string::npos);
    write_file(cli.tmp / "ids.json",
               R"({"format": "rapport-export", "format_version": 1,
                   "contacts": [{"id": 2305843009213693952, "name": "Far"}], "meetings": []})");
    r = cli.run({"import", (cli.tmp / "ids.json").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("/contacts/0/id") != std::string::npos);
    CHECK(cli.ok({"contact", "add", "--name", "Ada"}) == "1\n");  // no "datatype mismatch"
    write_file(cli.tmp / "sheet.json", "[{\"id\": \"a\", \"text\": \"Q?\", \"minutes\": 1e400}]");
    r = cli.run({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30", "--sheet",
                 (cli.tmp / "sheet.json").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("sheet.json:1:") != std::string::npos);
    r = cli.run({"import", "/dev/zero"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("larger than") != std::string::npos);
}

TEST_CASE("years outside 1900-2200 are refused; ICS never shows year 0000") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Ada"});
    for (const char* at : {"0999-03-14T09:30", "9999-12-31T23:59"}) {
        const auto r = cli.run({"meeting", "add", "--contact", "1", "--at", at});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("outside the years 1900 to 2200") != std::string::npos);
    }
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2200-12-31T12:00"});
    CHECK(cli.ok({"export", "--format", "ics"}).find("DTSTART:0000") == std::string::npos);
}

TEST_CASE("contact export --format vcf ends on odd stored text, and writes no NUL") {
    Cli cli;
    cli.ok({"contact", "add", "--name", std::string("Ana") + "\x01" + "Lopez", "--notes",
            std::string(100, 'e') + std::string(60, 'x')});
    const auto r = cli.run({"contact", "export", "--format", "vcf"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find('\x01') == std::string::npos);
}

TEST_CASE("a read-only database is read, exported, not flipped to 0600, and writes are refused") {
    Cli cli;
    cli.ok({"contact", "add", "--name", "Ada"});
    cli.ok({"contact", "list"});
    // Close cleanly so the -wal is checkpointed away, then make the file read-only.
    fs::permissions(cli.db, fs::perms::owner_read, fs::perm_options::replace);
    const auto list = cli.run({"contact", "list"});
    CHECK(list.exit_code == 0);
    CHECK(list.err.find("read-only") != std::string::npos);
    CHECK(list.out.find("Ada") != std::string::npos);
    check_exportable(cli);
    CHECK(rapport::test::permissions_of(cli.db) == fs::perms::owner_read);
    const auto add = cli.run({"contact", "add", "--name", "Léa"});
    CHECK(add.exit_code == 2);
    CHECK(add.err.find("readonly") != std::string::npos);
    fs::permissions(cli.db, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    CHECK(cli.ok({"contact", "add", "--name", "Léa"}) == "2\n");  // no stale 0400 -wal/-shm
}

TEST_CASE("a backup that cannot be written warns and the command goes on") {
    Cli cli;
    write_file(cli.tmp / "backups", "a file where the backups folder should be");
    const auto r = cli.run({"contact", "list"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning: no backup today") != std::string::npos);
    check_exportable(cli);
}

TEST_CASE("smaller refusals: lint-banks on a missing folder, empty check, unknown ids and goals") {
    Cli cli;
    auto r = cli.run({"lint-banks", "--banks", "/nonexistent"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("/nonexistent: no such folder") != std::string::npos);
    TempDir empty;
    write_file(empty / "qestions.en.json", "{}");
    r = cli.run({"lint-banks", "--banks", empty.path().string()});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("no bank files") != std::string::npos);
    CHECK(r.err.find("qestions.en.json is not read") != std::string::npos);

    r = cli.run({"check", ""});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("question 1: is empty") != std::string::npos);
    r = cli.run({"sheet", "--industry", "law", "--goal", "training", "--exclude", "nope"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--exclude: no question has the id 'nope'") != std::string::npos);
    r = cli.run({"sheet", "--industry", "law", "--goal", "training", "--role", "a\n- injected",
                 "--format", "md"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--role: must be one line") != std::string::npos);
    r = cli.run({"profile", "set", "--goal", "company-cultur"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown goal 'company-cultur'") != std::string::npos);
    cli.ok({"profile", "set", "--name", "Sam Ng", "--goal", "company-culture"});
    cli.ok({"contact", "add", "--name", "Ada", "--company", "Acme"});
    const auto draft = cli.ok({"draft", "outreach", "--contact", "1"});
    CHECK(draft.find("company-culture") == std::string::npos);
    CHECK(draft.find("culture of your workplace") != std::string::npos);
}

TEST_CASE("import --progress reports on stderr; without it, a pipe gets no progress") {
    Cli source;
    for (int i = 0; i < 30; ++i) source.ok({"contact", "add", "--name", "Zoë " + std::to_string(i)});
    source.ok({"export", "--out", (source.tmp / "all.json").string()});
    Cli quiet;
    auto r = quiet.run({"import", (source.tmp / "all.json").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    Cli loud;
    r = loud.run({"import", "--progress", (source.tmp / "all.json").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("imported 30 contacts") != std::string::npos);
    CHECK(r.err.find("import: 100% (30 contacts, 0 meetings)\n") != std::string::npos);
    CHECK(r.err.rfind("import: ", 0) == 0);
    CHECK(r.err.find("import: ") < r.err.find("import: 100%"));  // reports before the end
}
