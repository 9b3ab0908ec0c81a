// --at takes dates and times as people type them, in the profile's language,
// and the records keep things in order (done after it happened, thank-you after).
#include "tests/cli/cli_on_db.h"

#include <string>

using rapport::test::CliOnDb;

namespace {

std::string at_of(const CliOnDb& cli, const std::string& id) {
    return cli.ok_json({"meeting", "show", id, "--format", "json"}).at("at").get<std::string>();
}

}  // namespace

TEST_CASE("rapport-cli --at reads typed dates in English and French") {
    CliOnDb cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström"});
    const auto english = cli.ok({"meeting", "add", "--contact", "1", "--at", "2026-11-30 10:00"});
    CHECK(at_of(cli, "1").rfind("2026-11-30T10:00", 0) == 0);
    CHECK(cli.run({"meeting", "add", "--contact", "1", "--at", "05/11/2026 10:00"}).err.find(
              "--at: '05/11/2026 10:00' could be read two ways") != std::string::npos);

    cli.ok({"profile", "set", "--name", "Sam Ng", "--lang", "fr"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "05/11/2026 10h00"});
    CHECK(at_of(cli, "2").rfind("2026-11-05T10:00", 0) == 0);
    cli.ok({"meeting", "add", "--contact", "1", "--at", "3 décembre 2026 à 14h30"});
    CHECK(at_of(cli, "3").rfind("2026-12-03T14:30", 0) == 0);

    const auto bad = cli.run({"meeting", "add", "--contact", "1", "--at", "mardi prochainn 10h"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("did not understand 'prochainn'") != std::string::npos);
    CHECK(bad.err.find("30/11/2026 10h00") != std::string::npos);  // the French example
}

TEST_CASE("rapport-cli keeps the meeting and its thank-you in order") {
    CliOnDb cli;
    cli.ok({"contact", "add", "--name", "Omar Haddad"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2099-01-05 10:00"});
    const auto done = cli.run({"meeting", "edit", "1", "--status", "done"});
    CHECK(done.exit_code == 2);
    CHECK(done.err.find("status: the meeting is planned for 2099-01-05 10:00") != std::string::npos);
    const auto thanks = cli.run({"debrief", "--meeting", "1", "--thank-you-sent"});
    CHECK(thanks.exit_code == 2);
    CHECK(thanks.err.find("is before the meeting") != std::string::npos);

    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-01-05 10:00", "--status", "done"});
    cli.ok({"debrief", "--meeting", "2", "--thank-you-sent", "--at", "2025-01-05 19:00"});
}
