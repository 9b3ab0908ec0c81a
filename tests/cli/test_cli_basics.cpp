#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rapport::test::run_cli;
using rapport::test::TempDir;

TEST_CASE("--version and --help succeed") {
    auto version = run_cli({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("rapport-cli 0.") != std::string::npos);
    auto help = run_cli({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("info") != std::string::npos);
    CHECK(run_cli({"info", "--help"}).exit_code == 0);
}

TEST_CASE("usage errors exit 2 and name the bad argument") {
    auto unknown = run_cli({"frobnicate"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("frobnicate") != std::string::npos);
    auto bad_format = run_cli({"info", "--format", "yaml"});
    CHECK(bad_format.exit_code == 2);
    CHECK(bad_format.err.find("yaml") != std::string::npos);
    CHECK(run_cli({}).exit_code == 2);
}

TEST_CASE("info reports the XDG locations and --db overrides the database") {
    TempDir tmp;
    rapport::test::CommandOptions opts;
    opts.env["XDG_DATA_HOME"] = (tmp / "data").string();
    opts.env["XDG_CONFIG_HOME"] = (tmp / "config").string();
    auto r = run_cli({"info", "--format", "json"}, opts);
    REQUIRE(r.exit_code == 0);
    auto info = nlohmann::json::parse(r.out);
    CHECK(info["database"] == (tmp / "data" / "rapport" / "rapport.db").string());
    CHECK(info["config"] == (tmp / "config" / "rapport").string());
    CHECK(info["banks"] == (rapport::test::source_dir() / "question-banks").string());

    auto custom = run_cli({"--db", (tmp / "x.db").string(), "info", "--format", "json"}, opts);
    CHECK(nlohmann::json::parse(custom.out)["database"] == (tmp / "x.db").string());
}
