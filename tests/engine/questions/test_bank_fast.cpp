// The simdjson fast path of the bank loader changes speed, never results.
#include "engine/base/paths.h"
#include "engine/questions/bank.h"
#include "engine/questions/bank_fast.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport;
using rapport::test::TempDir;
using rapport::test::write_file;

namespace {

BankLoad load(const std::vector<std::filesystem::path>& dirs, bool fast) {
    set_bank_fast_path_disabled(!fast);
    BankLoad result = load_banks(dirs);
    set_bank_fast_path_disabled(false);
    return result;
}

void check_same(const BankLoad& a, const BankLoad& b) {
    REQUIRE(a.banks.questions.size() == b.banks.questions.size());
    for (size_t i = 0; i < a.banks.questions.size(); ++i) {
        const Question &x = a.banks.questions[i], &y = b.banks.questions[i];
        CHECK(x.id == y.id);
        CHECK(x.lang == y.lang);
        CHECK(x.text == y.text);
        CHECK(x.generic_text == y.generic_text);
        CHECK(x.stage == y.stage);
        CHECK(x.industries == y.industries);
        CHECK(x.goals == y.goals);
        CHECK(x.minutes == y.minutes);
        CHECK(x.priority == y.priority);
        CHECK(x.where == y.where);
    }
    REQUIRE(a.problems.size() == b.problems.size());
    for (size_t i = 0; i < a.problems.size(); ++i)
        CHECK(a.problems[i].to_string() == b.problems[i].to_string());
}

}  // namespace

TEST_CASE("the shipped banks load the same through simdjson and the line-recording reader") {
    const auto dirs = std::vector<std::filesystem::path>{shipped_banks_dir()};
    const BankLoad fast = load(dirs, true), careful = load(dirs, false);
    CHECK(fast.problems.empty());
    CHECK(fast.banks.questions.size() > 100);
    check_same(fast, careful);
}

TEST_CASE("a file with any problem is read again, so problems keep their file:line") {
    TempDir tmp;
    std::filesystem::copy_file(shipped_banks_dir() / "tags.en.json", tmp / "tags.en.json");
    const std::string good =
        R"({"id": "q-1", "text": "How did you start in {industry}?", "stage": "opening",
            "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})";
    for (const std::string& second : {
             std::string(R"({"id": "q-1", "text": "Again?", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1})"),  // duplicate id
             std::string(R"({"id": "q-2", "id": "q-3", "text": "T", "stage": "opening",
                 "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "T {nope}", "stage": "opening",
                 "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2.0, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "later", "industries": ["*"],
                 "goals": ["unknown-goal"], "minutes": 99, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1, "x": 1e400})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1, "deep": [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]})"),
         }) {
        write_file(tmp / "questions.t.json",
                   "{\"lang\": \"en\",\n \"questions\": [\n" + good + ",\n" + second + "]}");
        const BankLoad fast = load({tmp.path()}, true), careful = load({tmp.path()}, false);
        check_same(fast, careful);
    }
    // "lang" after the questions, and an empty list, load the same too.
    write_file(tmp / "questions.t.json", "{\"questions\": [\n" + good + "], \"lang\": \"en\"}");
    check_same(load({tmp.path()}, true), load({tmp.path()}, false));
    write_file(tmp / "questions.t.json", R"({"lang": "en", "questions": []})");
    check_same(load({tmp.path()}, true), load({tmp.path()}, false));
}
