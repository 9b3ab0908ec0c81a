// Runs the real rapport-cli on one private database, in a fixed time zone
// (Europe/Paris), for the records and follow-up suites.
#pragma once

#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace rapport::test {

struct CliOnDb {
    TempDir tmp;
    fs::path db = tmp / "rapport.db";

    CommandResult run(std::vector<std::string> args, const std::string& stdin_text = "") const {
        args.insert(args.begin(), {"--db", db.string()});
        CommandOptions options;
        options.env["TZ"] = "Europe/Paris";
        options.stdin_text = stdin_text;
        return run_cli(args, options);
    }
    // Runs a command that must succeed and returns its stdout.
    std::string ok(const std::vector<std::string>& args, const std::string& stdin_text = "") const {
        const auto r = run(args, stdin_text);
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r.out;
    }
    nlohmann::json ok_json(const std::vector<std::string>& args) const {
        return nlohmann::json::parse(ok(args));
    }
};

}  // namespace rapport::test
