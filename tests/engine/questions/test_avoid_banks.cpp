// The avoid check where it meets the banks: lint, sheets and suggestions.
#include "engine/questions/avoid_banks.h"
#include "engine/base/paths.h"
#include "tests/support/bank_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::test;

namespace {

// A bank folder with the fixture tags and these English questions.
void write_bank(const TempDir& dir, const std::vector<std::string>& questions) {
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.en.json", question_file(questions));
}

std::vector<std::string> sheet_ids(const Sheet& sheet) {
    std::vector<std::string> ids;
    for (const auto& item : sheet.items) ids.push_back(item.id);
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("lint fails a bank question that is one to avoid, naming its line") {
    TempDir dir;
    write_bank(dir, {question_line("open", "opening", "What do you enjoy most about your work?"),
                     question_line("sells", "insights", "What does your company sell?"),
                     question_line("job-ok", "insights", "How has your job changed since you started?")});
    const LintReport report = lint_banks({dir.path()}, {avoid_lint_pass(dir.path())});
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].where == (dir / "questions.en.json").string() + ":5");
    CHECK(report.problems[0].message.find("\"sells\"") != std::string::npos);
    CHECK(report.problems[0].message.find("researchable-basics") != std::string::npos);
}

TEST_CASE("lint checks that suggestions name questions the banks have") {
    TempDir dir;
    write_bank(dir, {question_line("open", "opening", "What do you enjoy most about your work?")});
    // The shipped rules beside banks that lack the questions they name.
    std::filesystem::copy_file(shipped_banks_dir() / "avoid-rules.en.json", dir / "avoid-rules.en.json");
    std::filesystem::copy_file(shipped_banks_dir() / "avoid-rules.fr.json", dir / "avoid-rules.fr.json");
    const LintReport report = lint_banks({dir.path()}, {avoid_lint_pass(dir.path())});
    REQUIRE_FALSE(report.problems.empty());
    CHECK(report.problems[0].where.rfind((dir / "avoid-rules.en.json").string() + ":", 0) == 0);
    CHECK(report.problems[0].message.find("which no en bank has") != std::string::npos);

    // The shipped banks hold every question their rules name, and none to avoid.
    const LintReport shipped =
        lint_banks({shipped_banks_dir()}, {avoid_lint_pass(shipped_banks_dir())});
    for (const auto& p : shipped.problems) INFO(p.to_string());
    CHECK(shipped.problems.empty());
}

TEST_CASE("sheets never hold a question to avoid") {
    TempDir dir;
    // The avoid question has the best priority and the best fit for g1: without
    // the filter it would be chosen.
    write_bank(dir, {question_line("open", "opening", "What do you enjoy most about your work?"),
                     question_line("hiring", "advice", "Are you hiring for your team right now?",
                                   "\"alpha\"", "\"g1\"", 2, 1),
                     question_line("advice", "advice", "What advice would you give a newcomer?",
                                   "\"*\"", "\"g2\"", 2, 3),
                     question_line("close", "closing", "Who else would you suggest I speak with?")});
    const Banks banks = load_banks({dir.path()}).banks;
    SheetRequest request;
    request.industries = {"alpha"};
    request.goals = {"g1"};
    REQUIRE(contains(sheet_ids(build_sheet(banks, request)), "hiring"));

    request.filter = avoid_sheet_filter(
        std::make_shared<AvoidChecker>(load_avoid_rules(shipped_banks_dir(), Language::english)));
    const auto ids = sheet_ids(build_sheet(banks, request));
    CHECK_FALSE(contains(ids, "hiring"));
    CHECK(contains(ids, "open"));
}

TEST_CASE("suggestions come from the banks where one fits") {
    const Banks banks = load_banks({shipped_banks_dir()}).banks;
    for (Language language : supported_languages()) {
        AvoidRuleSet rules = load_avoid_rules(shipped_banks_dir(), language);
        link_suggestions_to_banks(rules, banks);
        size_t linked = 0;
        for (const auto& rule : rules.rules())
            for (const auto& s : rule.suggestions) {
                CHECK(s.text.find('{') == std::string::npos);
                if (s.question_id.empty()) continue;
                ++linked;
                const Question* q = banks.find(s.question_id);
                REQUIRE(q);
                CHECK(s.text == *suggestion_text_from_bank(*q));
            }
        CHECK(linked >= 5);
    }

    Question q;
    q.lang = "fr";
    q.text = "Comment les gens postulent-ils dans {industry} ?";
    CHECK(suggestion_text_from_bank(q) == "Comment les gens postulent-ils dans ce domaine ?");
    q.text = "Pourquoi avoir choisi {company} ?";
    CHECK_FALSE(suggestion_text_from_bank(q).has_value());
    q.generic_text = "Pourquoi avoir choisi votre organisation ?";
    CHECK(suggestion_text_from_bank(q) == "Pourquoi avoir choisi votre organisation ?");
}
