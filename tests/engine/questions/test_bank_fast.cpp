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
        CHECK(x.group == y.group);
        CHECK(x.audience == y.audience);
        CHECK(x.excluded_industries == y.excluded_industries);
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
             // A verb the tags' grammar has no plural for (the fast path once
             // checked placeholders without the grammar and let it through).
             std::string(R"({"id": "q-2", "text": "Who {industry:hires} most?", "stage": "opening",
                 "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "What is {a industry} like?", "generic_text": "{le industry}",
                 "stage": "opening", "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string("{\"id\": \"q-2\", \"text\": \"A raw\ttab\", \"stage\": \"opening\",\n"
                         " \"industries\": [\"*\"], \"goals\": [\"*\"], \"minutes\": 2, \"priority\": 1}"),
             std::string("{\"id\": \"q-2\", \"text\": \"Bad \xff byte\", \"stage\": \"opening\",\n"
                         " \"industries\": [\"*\"], \"goals\": [\"*\"], \"minutes\": 2, \"priority\": 1}"),
             std::string(R"({"id": "q-2", "t\u0065xt": "Spelt with an escape", "stage": "opening",
                 "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "Say \"hi\" \u00e0 {industry}\n?", "stage": "opening",
                 "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1, "note": "a key no reader knows"})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "closing", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 3, "group": "referral",
                 "audience": "student", "excluded_industries": ["law", "finance"]})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "closing", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 3, "excluded_industries": ["*"]})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": [],
                 "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "q-2", "text": "  ", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1})"),
             std::string(R"({"id": "Q 2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 18446744073709551616, "priority": -1})"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2})"),
             std::string("3"),
             std::string(R"({"id": "q-2", "text": "T", "stage": "opening", "industries": ["*"],
                 "goals": ["*"], "minutes": 2, "priority": 1)"),  // unclosed
         }) {
        write_file(tmp / "questions.t.json",
                   "{\"lang\": \"en\",\n \"questions\": [\n" + good + ",\n" + second + "]}");
        const BankLoad fast = load({tmp.path()}, true), careful = load({tmp.path()}, false);
        check_same(fast, careful);
    }
    // What follows or surrounds the questions: more content after the
    // object, a byte-order mark, a key no reader knows, a repeated "lang".
    for (const std::string& text : {
             "{\"lang\": \"en\", \"questions\": [\n" + good + "]} x",
             "{\"lang\": \"en\", \"questions\": [\n" + good + "]}\n{}",
             "\xef\xbb\xbf{\"lang\": \"en\", \"questions\": [\n" + good + "]}",
             "{\"lang\": \"en\", \"about\": \"mine\", \"questions\": [\n" + good + "]}",
             "{\"lang\": \"en\", \"lang\": \"fr\", \"questions\": [\n" + good + "]}",
             "{\"lang\": \"de\", \"questions\": [\n" + good + "]}",
             std::string(R"({"lang": "en", "questions": {}})"),
             std::string("[]"),
         }) {
        write_file(tmp / "questions.t.json", text);
        check_same(load({tmp.path()}, true), load({tmp.path()}, false));
    }
    // "lang" after the questions, and an empty list, load the same too.
    write_file(tmp / "questions.t.json", "{\"questions\": [\n" + good + "], \"lang\": \"en\"}");
    check_same(load({tmp.path()}, true), load({tmp.path()}, false));
    write_file(tmp / "questions.t.json", R"({"lang": "en", "questions": []})");
    check_same(load({tmp.path()}, true), load({tmp.path()}, false));
}

TEST_CASE("the fast path reads the shipped banks and escaped text itself") {
    BankLoad tags = load_tags({shipped_banks_dir()});
    std::vector<Question> questions;
    QuestionIdIndex ids(questions);
    for (const char* name : {"questions.en.json", "questions.fr.json", "questions.industries.en.json"})
        CHECK_MESSAGE(append_questions_fast(shipped_banks_dir() / name, tags.banks.tags, ids, questions),
                      name);
    CHECK(questions.size() > 100);

    TempDir tmp;
    write_file(tmp / "questions.t.json",
               R"({"lang": "fr", "questions": [
                    {"id": "q-1", "text": "Qu'est-ce qui vous a \"surpris\" \u00e0 vos d\u00e9buts ?",
                     "stage": "opening", "industries": ["*"], "goals": ["*"], "minutes": 2, "priority": 1}]})");
    const std::size_t before = questions.size();
    REQUIRE(append_questions_fast(tmp / "questions.t.json", tags.banks.tags, ids, questions));
    CHECK(questions.back().text == "Qu'est-ce qui vous a \"surpris\" à vos débuts ?");
    CHECK(questions.back().where == (tmp / "questions.t.json").string() + ":2");
    // The same file again: every id is taken, so the fast path declines and
    // leaves the questions and the index as they were.
    CHECK_FALSE(append_questions_fast(tmp / "questions.t.json", tags.banks.tags, ids, questions));
    CHECK(questions.size() == before + 1);
    CHECK(ids.contains("q-1"));
}

TEST_CASE("the id index finds every id it holds, across growth and truncation") {
    std::vector<Question> questions(1000);
    for (std::size_t i = 0; i < questions.size(); ++i) questions[i].id = "id-" + std::to_string(i);
    QuestionIdIndex ids(questions);
    for (std::size_t i = 0; i < questions.size(); ++i) REQUIRE(ids.add(i));
    CHECK_FALSE(ids.add(10));  // already there
    for (const Question& q : questions) CHECK(ids.contains(q.id));
    CHECK_FALSE(ids.contains("id-1000"));
    CHECK_FALSE(ids.contains(""));
    ids.truncate(500);
    CHECK(ids.contains("id-499"));
    CHECK_FALSE(ids.contains("id-500"));
    CHECK_FALSE(ids.contains("id-999"));
    CHECK(ids.add(999));
    CHECK(ids.contains("id-999"));
}
