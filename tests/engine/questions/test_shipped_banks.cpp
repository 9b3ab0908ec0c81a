// The banks we ship lint clean and are big enough to be useful.
#include "engine/questions/bank_lint.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace rapport;
using namespace rapport::test;

TEST_CASE("the shipped banks lint clean") {
    LintReport report = lint_banks({source_dir() / "question-banks"});
    std::string problems;
    for (const auto& p : report.problems) problems += p.to_string() + "\n";
    CHECK_MESSAGE(report.problems.empty(), problems);
    CHECK(report.files >= 6);
}

TEST_CASE("the shipped banks meet the counts: questions, industries, goals, stages") {
    BankLoad load = load_banks({source_dir() / "question-banks"});
    REQUIRE(load.problems.empty());
    std::map<std::string, int> per_lang;
    std::map<std::string, std::set<std::string>> industries_with_own, stages;
    for (const auto& q : load.banks.questions) {
        ++per_lang[q.lang];
        stages[q.lang].insert(std::string(stage_id(q.stage)));
        for (const auto& i : q.industries)
            if (i != "*") industries_with_own[q.lang].insert(i);
    }
    CHECK(per_lang["en"] >= 200);
    CHECK(per_lang["fr"] >= 60);
    for (const std::string lang : {"en", "fr"}) {
        const TagSet& tags = load.banks.require_tags(lang);
        CHECK(tags.industries.size() >= 12);
        CHECK(tags.goals.size() >= 10);
        CHECK(industries_with_own[lang].size() == tags.industries.size());  // every industry has its own
        CHECK(stages[lang].size() == kStages.size());
        for (Stage s : kStages) CHECK(tags.stage_label(s) != stage_id(s));  // translated labels
    }
    // Both languages offer the same tags, so a sheet can switch language.
    const TagSet& en = load.banks.require_tags("en");
    const TagSet& fr = load.banks.require_tags("fr");
    for (const auto& t : en.industries) CHECK(fr.find_industry(t.id) != nullptr);
    for (const auto& t : en.goals) CHECK(fr.find_goal(t.id) != nullptr);
}
