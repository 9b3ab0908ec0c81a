#include "tests/support/bank_fixture.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using nlohmann::json;
using rapport::test::CommandOptions;
using rapport::test::run_cli;
using rapport::test::TempDir;

TEST_CASE("check with questions as arguments: text output and exit codes") {
    auto fine = run_cli({"check", "How has your job changed since you started?"});
    CHECK(fine.exit_code == 0);
    CHECK(fine.out.find("ok") == 0);

    auto caution = run_cli({"check", "Do you like your job?"});
    CHECK(caution.exit_code == 0);  // caution never blocks
    CHECK(caution.out.find("caution") == 0);

    auto bad = run_cli({"check", "What tools do you use?", "What does a job like yours pay?"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("avoid   What does a job like yours pay?") != std::string::npos);
    CHECK(bad.out.find("ask instead:") != std::string::npos);
}

TEST_CASE("check reads one question per line from stdin and prints JSON in input order") {
    CommandOptions opts;
    opts.stdin_text =
        "Any openings on your team?\n"
        "\n"
        "Which skills pay off most in your work?\r\n"
        "Is it stressful?\n";
    auto r = run_cli({"check", "--format", "json"}, opts);
    CHECK(r.exit_code == 1);
    const json out = json::parse(r.out);
    REQUIRE(out.size() == 3);  // the blank line is not a question
    CHECK(out[0]["text"] == "Any openings on your team?");
    CHECK(out[0]["verdict"] == "avoid");
    REQUIRE(out[0]["flags"].size() == 1);
    const json& flag = out[0]["flags"][0];
    CHECK(flag["category"] == "job-request");
    CHECK(flag["severity"] == "avoid");
    CHECK(flag["rule"] == "job-request");
    CHECK(flag["reason"].get<std::string>().size() > 20);
    CHECK(flag["suggestion"].get<std::string>().size() > 20);
    CHECK(out[1]["text"] == "Which skills pay off most in your work?");
    CHECK(out[1]["verdict"] == "ok");
    CHECK(out[1]["flags"].empty());
    CHECK(out[2]["verdict"] == "caution");
    CHECK(out[2]["flags"][0]["severity"] == "caution");

    CommandOptions clean;
    clean.stdin_text = "What trends are changing the field?\n";
    CHECK(run_cli({"check", "--format", "json"}, clean).exit_code == 0);
}

TEST_CASE("check --lang fr uses the French rules") {
    auto r = run_cli({"check", "--lang", "fr", "--format", "json", "Que vend votre soci\u00e9t\u00e9 ?",
                      "Accepteriez-vous de relire mon CV et de me dire ce qui manque ?"});
    CHECK(r.exit_code == 1);
    const json out = json::parse(r.out);
    CHECK(out[0]["verdict"] == "avoid");
    CHECK(out[0]["flags"][0]["category"] == "researchable-basics");
    CHECK(out[1]["verdict"] == "ok");
}

TEST_CASE("check: bad usage exits 2 with a message") {
    auto lang = run_cli({"check", "--lang", "de", "Hello?"});
    CHECK(lang.exit_code == 2);
    CHECK(lang.err.find("de") != std::string::npos);
    CHECK(run_cli({"check", "--format", "yaml", "Hello?"}).exit_code == 2);

    TempDir empty;
    auto missing = run_cli({"--banks", empty.path().string(), "check", "Hello?"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("avoid-rules.en.json") != std::string::npos);
}

TEST_CASE("check does not create a database when none exists") {
    TempDir tmp;
    CommandOptions opts;
    opts.env["XDG_DATA_HOME"] = (tmp / "data").string();
    CHECK(run_cli({"check", "Are you hiring?"}, opts).exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(tmp / "data" / "rapport" / "rapport.db"));
}

TEST_CASE("avoid-rules lists rules; set stores a choice that check then applies") {
    TempDir tmp;
    const std::string db = (tmp / "rapport.db").string();

    auto list = run_cli({"--db", db, "avoid-rules", "--format", "json"});
    REQUIRE(list.exit_code == 0);
    const json rules = json::parse(list.out);
    CHECK(rules.size() >= 6);
    CHECK(rules[0].contains("id"));
    CHECK(rules[0]["effective"] == rules[0]["severity"]);

    auto set = run_cli({"--db", db, "avoid-rules", "set", "pay-contact-or-role", "caution"});
    CHECK(set.exit_code == 0);
    CHECK(std::filesystem::exists(tmp / "rapport.db"));
    auto pay = run_cli({"--db", db, "check", "--format", "json", "What's your salary?"});
    CHECK(pay.exit_code == 0);
    CHECK(json::parse(pay.out)[0]["verdict"] == "caution");
    // The same id applies to the French rules.
    auto french = run_cli({"--db", db, "check", "--lang", "fr", "Quel est votre salaire ?"});
    CHECK(french.exit_code == 0);

    CHECK(run_cli({"--db", db, "avoid-rules", "set", "job-request", "off"}).exit_code == 0);
    CHECK(run_cli({"--db", db, "check", "Are you hiring?"}).exit_code == 0);
    auto text = run_cli({"--db", db, "avoid-rules"});
    CHECK(text.out.find("job-request  [job-request, avoid, your choice: off]") != std::string::npos);

    CHECK(run_cli({"--db", db, "avoid-rules", "set", "job-request", "default"}).exit_code == 0);
    CHECK(run_cli({"--db", db, "check", "Are you hiring?"}).exit_code == 1);

    auto unknown = run_cli({"--db", db, "avoid-rules", "set", "no-such-rule", "off"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("no-such-rule") != std::string::npos);
    auto bad_choice = run_cli({"--db", db, "avoid-rules", "set", "job-request", "maybe"});
    CHECK(bad_choice.exit_code == 2);
    CHECK(bad_choice.err.find("maybe") != std::string::npos);
    CHECK(run_cli({"--db", db, "avoid-rules", "set", "job-request"}).exit_code == 2);
}

TEST_CASE("check suggests a question from the banks") {
    auto r = run_cli({"check", "--format", "json", "Any openings on your team?"});
    REQUIRE(r.exit_code == 1);
    const auto flag = nlohmann::json::parse(r.out)[0]["flags"][0];
    CHECK(flag["question_id"] == "advice-how-people-apply");
    CHECK(flag["suggestion"] ==
          "How do people usually apply and get noticed in this field: mostly through postings, "
          "contacts or something else?");
}

TEST_CASE("sheet leaves a bank question to avoid out; lint-banks names it") {
    TempDir banks;
    rapport::test::write_file(banks / "tags.en.json", rapport::test::kFixtureTags);
    rapport::test::write_file(
        banks / "questions.en.json",
        rapport::test::question_file(
            {rapport::test::question_line("open", "opening", "What do you enjoy most about your work?"),
             rapport::test::question_line("hiring", "advice", "Any openings on your team?",
                                          "\"alpha\"", "\"g1\"", 2, 1),
             rapport::test::question_line("close", "closing", "Who else should I speak with?")}));
    auto sheet = run_cli({"--banks", banks.path().string(), "sheet", "--industry", "alpha",
                          "--goal", "g1", "--format", "json"});
    REQUIRE_MESSAGE(sheet.exit_code == 0, sheet.err);
    CHECK(sheet.out.find("\"open\"") != std::string::npos);
    CHECK(sheet.out.find("hiring") == std::string::npos);

    auto lint = run_cli({"lint-banks", "--banks", banks.path().string()});
    CHECK(lint.exit_code == 1);
    CHECK(lint.out.find((banks / "questions.en.json").string() + ":5: question \"hiring\" is one to avoid") !=
          std::string::npos);
}

TEST_CASE("check --explain says which rule and/or the model led to each verdict") {
    auto r = run_cli({"check", "--explain", "Are you hiring?", "What tools do you use every day?",
                      "So what's the money like for you these days"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("avoid   Are you hiring?") == 0);  // the usual lines come first, unchanged
    CHECK(r.out.find("why: rule job-request matched") != std::string::npos);
    CHECK(r.out.find("why: learned model: pay (not fine ") != std::string::npos);
    CHECK(r.out.find("through rule pay-contact-or-role") != std::string::npos);
    CHECK(r.out.find("model: job-request ") != std::string::npos);
    CHECK(r.out.find("model: fine ") != std::string::npos);  // even an ok question shows the model

    auto plain = run_cli({"check", "--format", "json", "So what's the money like for you these days"});
    const json plain_out = json::parse(plain.out);
    CHECK_FALSE(plain_out[0].contains("model"));  // without --explain the JSON is as it was
    CHECK_FALSE(plain_out[0]["flags"][0].contains("source"));

    auto explained = run_cli({"check", "--explain", "--format", "json", "So what's the money like for you these days"});
    const json out = json::parse(explained.out);
    REQUIRE(out[0]["flags"].size() == 1);
    CHECK(out[0]["flags"][0]["source"] == "model");
    CHECK(out[0]["flags"][0]["rule"] == "pay-contact-or-role");
    CHECK(out[0]["flags"][0]["probability"].get<double>() >= 0.7);
    CHECK(out[0]["model"]["pay"].get<double>() > out[0]["model"]["fine"].get<double>());
    CHECK(out[0]["read_as"].empty());

    // Slips: the text output names each mended word, the JSON maps typed -> read as.
    auto slips = run_cli({"check", "--explain", "--lang", "fr", "Quel est vtre slaire ?"});
    CHECK(slips.exit_code == 1);
    CHECK(slips.out.find("read as: slaire -> salaire;") != std::string::npos);
    auto slips_json = run_cli({"check", "--explain", "--format", "json", "--lang", "fr", "Quel est vtre slaire ?"});
    CHECK(json::parse(slips_json.out)[0]["read_as"]["slaire"] == "salaire");
}
