// Tailoring rules: time budget, stage order, opening and closing, no
// repeats, skipped and pinned questions, placeholders, determinism.
#include "engine/base/error.h"
#include "engine/base/placeholders.h"
#include "engine/questions/sheet_export.h"
#include "engine/questions/tailor.h"
#include "engine/questions/text_similarity.h"
#include "tests/support/bank_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace rapport;
using namespace rapport::test;

namespace {

const Banks& shipped_banks() {
    static const Banks banks = [] {
        BankLoad load = load_banks({source_dir() / "question-banks"});
        REQUIRE(load.problems.empty());
        return load.banks;
    }();
    return banks;
}

SheetRequest request(std::vector<std::string> industries, std::vector<std::string> goals,
                     int minutes = 20, std::string lang = "en") {
    SheetRequest r;
    r.industries = std::move(industries);
    r.goals = std::move(goals);
    r.minutes = minutes;
    r.lang = std::move(lang);
    return r;
}

std::vector<std::string> ids_of(const Sheet& sheet) {
    std::vector<std::string> ids;
    for (const auto& item : sheet.items) ids.push_back(item.id);
    return ids;
}

bool contains_id(const Sheet& sheet, const std::string& id) {
    auto ids = ids_of(sheet);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The rules every sheet must follow, whatever the input.
void check_sheet_rules(const Sheet& sheet, const SheetRequest& r) {
    INFO("industries " << r.industries.front() << ", goal " << r.goals.front() << ", "
                       << r.minutes << " min, " << r.lang);
    REQUIRE(sheet.items.size() >= 3);
    CHECK(sheet.budget_minutes == r.minutes * 4 / 5);
    int total = 0;
    for (const auto& item : sheet.items) total += item.minutes;
    CHECK(total == sheet.total_minutes);
    CHECK(sheet.total_minutes <= sheet.budget_minutes);
    CHECK(sheet.items.front().stage == Stage::opening);
    CHECK(sheet.items.back().stage == Stage::closing);
    std::set<std::string> ids;
    for (size_t i = 0; i < sheet.items.size(); ++i) {
        const SheetItem& item = sheet.items[i];
        CHECK_MESSAGE(ids.insert(item.id).second, "repeated " << item.id);
        if (i > 0) CHECK(sheet.items[i - 1].stage <= item.stage);
        CHECK_MESSAGE(item.text.find_first_of("{}") == std::string::npos, item.text);
        CHECK_FALSE(item.why.empty());
        for (size_t j = 0; j < i; ++j)
            CHECK_MESSAGE(!near_repeat(content_words(item.text), content_words(sheet.items[j].text)),
                          item.text << " / " << sheet.items[j].text);
    }
}

}  // namespace

TEST_CASE("every industry, goal, length and language gives a sheet that follows the rules") {
    const Banks& banks = shipped_banks();
    for (const std::string lang : {"en", "fr"}) {
        const TagSet& tags = banks.require_tags(lang);
        for (const auto& industry : tags.industries)
            for (const auto& goal : tags.goals)
                for (int minutes : {10, 20, 45}) {
                    SheetRequest r = request({industry.id}, {goal.id}, minutes, lang);
                    check_sheet_rules(build_sheet(banks, r), r);
                }
    }
}

TEST_CASE("the default meeting is 20 minutes with a fifth left free") {
    SheetRequest r;
    CHECK(r.minutes == 20);
    CHECK(question_budget(20) == 16);
    CHECK(question_budget(30) == 24);
    CHECK(question_budget(10) == 8);
    r.industries = {"technology"};
    r.goals = {"change-careers"};
    Sheet sheet = build_sheet(shipped_banks(), r);
    CHECK(sheet.budget_minutes == 16);
    CHECK(sheet.total_minutes <= 16);
    CHECK(sheet.total_minutes >= 13);  // the time is used, not left empty
    // A longer meeting gets more questions.
    CHECK(build_sheet(shipped_banks(), request({"technology"}, {"change-careers"}, 45)).items.size() >
          sheet.items.size());
}

TEST_CASE("the same input always gives the same sheet") {
    SheetRequest r = request({"healthcare", "finance"}, {"change-careers", "training"}, 30);
    r.company = "Acme Health";
    const std::string first = sheet_to_json(build_sheet(shipped_banks(), r)).dump();
    for (int i = 0; i < 3; ++i) CHECK(sheet_to_json(build_sheet(shipped_banks(), r)).dump() == first);
}

TEST_CASE("the chosen goals are covered across several stages, with reasons") {
    SheetRequest r = request({"technology"}, {"change-careers", "training", "grow-network"}, 30);
    Sheet sheet = build_sheet(shipped_banks(), r);
    const TagSet& tags = shipped_banks().require_tags("en");
    for (const auto& goal : r.goals) {
        const std::string reason = "goal: " + tags.find_goal(goal)->label;
        bool covered = std::any_of(sheet.items.begin(), sheet.items.end(), [&](const auto& item) {
            return std::find(item.why.begin(), item.why.end(), reason) != item.why.end();
        });
        CHECK_MESSAGE(covered, reason);
    }
    std::set<Stage> stages;
    for (const auto& item : sheet.items) stages.insert(item.stage);
    CHECK(stages.size() >= 5);
    CHECK(sheet.items.front().why.front() == "opens the meeting");
    CHECK(sheet.items.back().why.front() == "closes the meeting");
}

TEST_CASE("questions already asked are skipped") {
    SheetRequest r = request({"law"}, {"explore-field", "day-to-day"}, 20);
    Sheet first = build_sheet(shipped_banks(), r);
    auto asked = ids_of(first);
    r.already_asked.insert(asked.begin(), asked.end());
    Sheet second = build_sheet(shipped_banks(), r);
    check_sheet_rules(second, r);
    for (const auto& id : asked) CHECK_FALSE(contains_id(second, id));
}

TEST_CASE("pinned questions are kept, excluded ones left out") {
    SheetRequest r = request({"technology"}, {"change-careers"}, 20);
    Sheet plain = build_sheet(shipped_banks(), r);
    REQUIRE_FALSE(contains_id(plain, "resources-book"));
    const std::string dropped = plain.items[1].id;

    r.pinned = {"resources-book"};
    r.excluded = {dropped};
    r.already_asked = {"resources-book"};  // pinned wins over already asked
    Sheet sheet = build_sheet(shipped_banks(), r);
    REQUIRE(contains_id(sheet, "resources-book"));
    CHECK_FALSE(contains_id(sheet, dropped));
    for (const auto& item : sheet.items)
        if (item.id == "resources-book") CHECK(item.why.front() == "pinned by you");
    check_sheet_rules(sheet, r);

    SheetRequest both = r;
    both.excluded.insert("resources-book");
    CHECK_THROWS_WITH_AS(build_sheet(shipped_banks(), both), doctest::Contains("both pinned and excluded"), Error);
    SheetRequest unknown = request({"technology"}, {"change-careers"});
    unknown.pinned = {"no-such-question"};
    CHECK_THROWS_WITH_AS(build_sheet(shipped_banks(), unknown), doctest::Contains("no-such-question"), Error);
}

TEST_CASE("a question filter keeps flagged questions off the sheet") {
    SheetRequest r = request({"technology"}, {"change-careers"}, 30);
    r.filter = [](const Question&, const std::string& text) {
        return text.find("technology") == std::string::npos;
    };
    Sheet sheet = build_sheet(shipped_banks(), r);
    check_sheet_rules(sheet, r);
    for (const auto& item : sheet.items) CHECK(item.text.find("technology") == std::string::npos);
}

TEST_CASE("placeholders are filled from the meeting or the question is reworded") {
    SheetRequest r = request({"technology"}, {"company-culture"}, 30);
    Sheet anonymous = build_sheet(shipped_banks(), r);
    check_sheet_rules(anonymous, r);
    // Without a company, questions written with {company} use their generic wording.
    int reworded = 0;
    for (const auto& item : anonymous.items) {
        const Question* q = shipped_banks().find(item.id);
        REQUIRE(q);
        if (q->text.find("{company}") == std::string::npos) continue;
        ++reworded;
        CHECK(item.text == fill_placeholders(q->generic_text, {{"industry", "technology"}}));
    }
    CHECK(reworded >= 1);

    r.company = "Northwind";
    r.contact = "Dana";
    r.role = "data engineer";
    Sheet named = build_sheet(shipped_banks(), r);
    check_sheet_rules(named, r);
    REQUIRE(contains_id(named, "insights-culture-describe"));
    for (const auto& item : named.items) {
        if (item.id != "insights-culture-describe") continue;
        CHECK(item.text == "How would you describe the culture at Northwind?");
        CHECK(std::find(item.why.begin(), item.why.end(), "names Northwind") != item.why.end());
    }
}

TEST_CASE("several industries are joined in the text; specific questions are preferred") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.en.json",
               question_file({
                   question_line("open", "opening", "How did you start?"),
                   question_line("close", "closing", "Anything else?", "\"*\"", "\"*\"", 1),
                   question_line("generic-trend", "trends", "What changes in {industry}?", "\"*\"", "\"g1\"", 2, 1),
                   question_line("alpha-trend", "trends", "Which tools reshape alpha work?", "\"alpha\"", "\"g1\"", 2, 3),
                   question_line("repeat-a", "advice", "Which books shaped your thinking about work?", "\"*\"", "\"g2\"", 2, 1),
                   question_line("repeat-b", "advice", "Which books shaped your thinking about your work?", "\"*\"", "\"g2\"", 2, 1),
                   question_line("needs-role", "insights", "What does a {role} do?", "\"*\"", "\"g1\"", 2, 1),
               }));
    BankLoad load = load_banks({dir.path()});
    REQUIRE(load.problems.empty());
    SheetRequest r = request({"alpha", "beta"}, {"g1", "g2"}, 15);  // budget 12
    Sheet sheet = build_sheet(load.banks, r);
    auto ids = ids_of(sheet);
    // The specific question beats the generic one despite its lower priority,
    // and the generic one, chosen next, names both industries.
    CHECK(ids == std::vector<std::string>{"open", "alpha-trend", "generic-trend", "repeat-a", "close"});
    CHECK(sheet.items[2].text == "What changes in the alpha trade and Beta?");
    CHECK(sheet.items[1].why == std::vector<std::string>{"goal: Goal one", "written for Alpha"});
    CHECK(sheet.total_minutes == 9);
    // No role: the {role} question has no generic wording, so it is left out.
    CHECK_FALSE(contains_id(sheet, "needs-role"));
    r.role = "tester";
    CHECK(contains_id(build_sheet(load.banks, r), "needs-role"));
}

TEST_CASE("bad requests are errors that list the valid values") {
    const Banks& banks = shipped_banks();
    CHECK_THROWS_WITH_AS(build_sheet(banks, request({"astrology"}, {"change-careers"})),
                         doctest::Contains("unknown industry 'astrology'; valid industries: technology"), Error);
    CHECK_THROWS_WITH_AS(build_sheet(banks, request({"law"}, {"get-rich"})),
                         doctest::Contains("valid goals: explore-field"), Error);
    CHECK_THROWS_WITH_AS(build_sheet(banks, request({"law"}, {"training"}, 20, "de")),
                         doctest::Contains("valid languages: en, fr"), Error);
    CHECK_THROWS_AS(build_sheet(banks, request({}, {"training"})), Error);
    CHECK_THROWS_AS(build_sheet(banks, request({"law"}, {})), Error);
    CHECK_THROWS_WITH_AS(build_sheet(banks, request({"law"}, {"training"}, 2)),
                         doctest::Contains("5..240"), Error);
}

TEST_CASE("near-repeats are measured by word overlap") {
    auto a = content_words("Which skills are becoming more valuable in finance?");
    auto b = content_words("Which skills are becoming more valuable in Finance today?");
    auto c = content_words("What does a typical week look like for you?");
    CHECK(near_repeat(a, b));
    CHECK_FALSE(near_repeat(a, c));
    CHECK(word_overlap(a, a) == 1.0);
    CHECK(content_words("The, and; you!") .empty());
}
