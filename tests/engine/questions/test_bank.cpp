// Loading question banks: every kind of mistake is reported with its file
// and line, and a broken file never keeps the others from loading.
#include "engine/questions/bank.h"
#include "engine/questions/bank_lint.h"
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "engine/questions/preparation.h"
#include "tests/support/bank_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::test;

namespace {

bool has_problem(const std::vector<Problem>& problems, const std::string& where,
                 const std::string& fragment) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.where == where && p.message.find(fragment) != std::string::npos;
    });
}

std::string dump(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("a well-formed bank loads with its tags, stages and placeholders") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.en.json",
               question_file({question_line("q-open", "opening", "Hello {name}?"),
                              question_line("q-alpha", "advice", "Advice for {industry}?",
                                            "\"alpha\"", "\"g1\", \"g2\"", 3, 1,
                                            ", \"generic_text\": \"Advice?\"")}));
    BankLoad load = load_banks({dir.path()});
    CHECK_MESSAGE(load.problems.empty(), dump(load.problems));
    REQUIRE(load.banks.questions.size() == 2);
    const Question& q = load.banks.questions[1];
    CHECK(q.id == "q-alpha");
    CHECK(q.stage == Stage::advice);
    CHECK(q.minutes == 3);
    CHECK(q.priority == 1);
    CHECK(q.generic_text == "Advice?");
    CHECK(q.where == (dir / "questions.en.json").string() + ":5");
    CHECK(q.serves_industry("alpha"));
    CHECK_FALSE(q.serves_industry("beta"));
    CHECK(load.banks.questions[0].serves_industry("beta"));
    const TagSet& tags = load.banks.require_tags("en");
    CHECK(tags.find_industry("alpha")->phrase == "the alpha trade");
    CHECK(tags.find_industry("beta")->phrase == "Beta");  // phrase defaults to the label
    CHECK_THROWS_WITH_AS(tags.require_goal("nope"), doctest::Contains("valid goals: g1, g2, g3"),
                         Error);
}

TEST_CASE("a JSON syntax error gives file:line:column and the other files still load") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.a.json", question_file({question_line("good", "opening", "Hi?")}));
    write_file(dir / "questions.b.json", "{\n  \"lang\": \"en\",\n  \"questions\": [ ,\n  ]\n}\n");
    BankLoad load = load_banks({dir.path()});
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].where == (dir / "questions.b.json").string() + ":3:18");
    CHECK(load.problems[0].message.find("invalid JSON") != std::string::npos);
    REQUIRE(load.banks.questions.size() == 1);
    CHECK(load.banks.questions[0].id == "good");
}

TEST_CASE("each schema problem is reported on the line of the bad value") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    const auto file = dir / "questions.en.json";
    write_file(file, question_file({
                         question_line("ok-one", "opening", "Fine?"),                   // line 4
                         question_line("too-long", "advice", "Long?", "\"*\"", "\"*\"", 20),  // 5
                         question_line("bad-stage", "middle", "Stage?"),                // line 6
                         question_line("bad-industry", "advice", "Ind?", "\"gamma\""),  // line 7
                         question_line("bad-goal", "advice", "Goal?", "\"*\"", "\"g9\""),  // 8
                         question_line("empty-text", "advice", "  "),                  // line 9
                         question_line("bad-placeholder", "advice", "In {city}?"),     // line 10
                         question_line("Bad_Id", "advice", "Id?"),                     // line 11
                         question_line("bad-priority", "advice", "P?", "\"*\"", "\"*\"", 2, 7),
                         "    {\"text\": \"No id\", \"stage\": \"advice\", \"industries\": [\"*\"], "
                         "\"goals\": [\"*\"], \"minutes\": 1, \"priority\": 1}",  // line 13
                         question_line("brace", "advice", "Open { brace?"),        // line 14
                         question_line("ok-one", "closing", "Same id?"),            // line 15
                     }));
    BankLoad load = load_banks({dir.path()});
    const std::string f = file.string();
    INFO(dump(load.problems));
    CHECK(has_problem(load.problems, f + ":5", "\"minutes\" must be an integer in 1..15, not 20"));
    CHECK(has_problem(load.problems, f + ":6", "unknown stage 'middle'"));
    CHECK(has_problem(load.problems, f + ":7", "unknown industry 'gamma'"));
    CHECK(has_problem(load.problems, f + ":8", "unknown goal 'g9'"));
    CHECK(has_problem(load.problems, f + ":9", "\"text\" is empty"));
    CHECK(has_problem(load.problems, f + ":10", "unknown placeholder {city}"));
    CHECK(has_problem(load.problems, f + ":11", "id 'Bad_Id' may only use"));
    CHECK(has_problem(load.problems, f + ":12", "\"priority\" must be an integer in 1..3"));
    CHECK(has_problem(load.problems, f + ":13", "missing \"id\""));
    CHECK(has_problem(load.problems, f + ":14", "unmatched '{'"));
    CHECK(has_problem(load.problems, f + ":15", "duplicate id 'ok-one' (first defined at " + f + ":4)"));
    CHECK(load.problems.size() == 11);
    CHECK(load.banks.questions.empty());  // a file with problems is skipped whole
}

TEST_CASE("a question file in a language without tags is reported") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.de.json", question_file({question_line("de-q", "opening", "Hallo?")}, "de"));
    BankLoad load = load_banks({dir.path()});
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].where == (dir / "questions.de.json").string() + ":2");
    CHECK(load.problems[0].message.find("language 'de'") != std::string::npos);
}

TEST_CASE("duplicate ids across files: the later file is reported and skipped") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.1.json", question_file({question_line("shared", "opening", "One?")}));
    write_file(dir / "questions.2.json", question_file({question_line("other", "closing", "Two?"),
                                                        question_line("shared", "advice", "Three?")}));
    BankLoad load = load_banks({dir.path()});
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].to_string() ==
          (dir / "questions.2.json").string() + ":5: duplicate id 'shared' (first defined at " +
              (dir / "questions.1.json").string() + ":4)");
    REQUIRE(load.banks.questions.size() == 1);
    CHECK(load.banks.questions[0].text == "One?");
}

TEST_CASE("a broken user bank is reported and skipped while the rest still loads") {
    TempDir shipped, user;
    write_file(shipped / "tags.en.json", kFixtureTags);
    write_file(shipped / "questions.en.json", question_file({question_line("s1", "opening", "Shipped?")}));
    write_file(user / "questions.mine.json", question_file({question_line("u1", "advice", "Mine?")}));
    write_file(user / "questions.broken.json", "{\"lang\": \"en\", \"questions\": [}");
    write_file(user / "notes.json", "not json at all, and not a bank");  // not a bank file: ignored
    BankLoad load = load_banks({shipped.path(), user.path(), shipped / "does-not-exist"});
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].where.rfind((user / "questions.broken.json").string() + ":1:", 0) == 0);
    REQUIRE(load.banks.questions.size() == 2);
    CHECK(load.banks.questions[0].id == "s1");
    CHECK(load.banks.questions[1].id == "u1");
}

TEST_CASE("tag files: user tags extend a language, a tag defined twice is reported") {
    TempDir shipped, user;
    write_file(shipped / "tags.en.json", kFixtureTags);
    write_file(user / "tags.extra.json",
               "{\"lang\": \"en\", \"industries\": [{\"id\": \"gamma\", \"label\": \"Gamma\"}],\n"
               " \"goals\": [{\"id\": \"g1\", \"label\": \"Again\"}]}\n");
    write_file(user / "tags.more.json",
               "{\"lang\": \"en\", \"industries\": [{\"id\": \"delta\", \"label\": \"Delta\"}],\n"
               " \"goals\": []}\n");
    BankLoad load = load_banks({shipped.path(), user.path()});
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].where == (user / "tags.extra.json").string() + ":2");
    CHECK(load.problems[0].message.find("tag 'g1' is already defined") != std::string::npos);
    const TagSet& tags = load.banks.require_tags("en");
    CHECK(tags.find_industry("delta") != nullptr);
    CHECK(tags.find_industry("gamma") == nullptr);  // its file was skipped
}

TEST_CASE("the linter reports loading problems, checklist problems and extra passes") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.en.json",
               question_file({question_line("fine", "opening", "Fine?"),
                              question_line("ask-pay", "advice", "What do you earn?")}));
    write_file(dir / "questions.bad.json", question_file({question_line("bad", "advice", "X?", "\"*\"", "\"*\"", 0)}));
    write_file(dir / "preparation.en.json",
               "{\"lang\": \"en\", \"items\": [\n {\"id\": \"a\", \"text\": \"Do it\"},\n"
               " {\"id\": \"a\", \"text\": \"\"}\n]}\n");
    // An extra pass, as the avoid-question check will be.
    LintPass flag_earn = [](const Banks& banks, std::vector<Problem>& problems) {
        for (const auto& q : banks.questions)
            if (q.text.find("earn") != std::string::npos) problems.push_back({q.where, "asks about pay"});
    };
    LintReport report = lint_banks({dir.path()}, {flag_earn});
    INFO(dump(report.problems));
    const std::string prep = (dir / "preparation.en.json").string();
    CHECK(has_problem(report.problems, (dir / "questions.bad.json").string() + ":4",
                      "\"minutes\" must be an integer in 1..15, not 0"));
    CHECK(has_problem(report.problems, prep + ":3", "duplicate preparation item id 'a'"));
    CHECK(has_problem(report.problems, prep + ":3", "\"text\" is empty"));
    CHECK(has_problem(report.problems, (dir / "questions.en.json").string() + ":5", "asks about pay"));
    CHECK(report.problems.size() == 4);
    CHECK(report.files == 4);
    CHECK(report.questions == 2);
}

TEST_CASE("the preparation checklist loads per language from the shipped banks") {
    auto dirs = std::vector<std::filesystem::path>{source_dir() / "question-banks"};
    auto en = preparation_checklist(dirs, "en");
    auto fr = preparation_checklist(dirs, "fr");
    REQUIRE(en.size() >= 8);
    CHECK(fr.size() == en.size());
    auto has = [](const std::vector<PreparationItem>& items, const std::string& id) {
        return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
    };
    for (const char* id : {"research-person", "research-company", "let-them-choose", "confirm-length",
                           "bring-copies", "dress-professionally", "be-on-time", "pay-the-bill"}) {
        CHECK_MESSAGE(has(en, id), id);
        CHECK_MESSAGE(has(fr, id), id);
    }
    CHECK(preparation_checklist(dirs, "xx").empty());
}

TEST_CASE("questions before \"lang\" and a syntax error after good questions") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    // "lang" after the questions: still read, with exact lines.
    write_file(dir / "questions.late.json",
               "{\n  \"questions\": [\n" + question_line("late-a", "opening", "Hi?") + ",\n" +
                   question_line("late-b", "closing", "Bye?", "\"gamma\"") + "\n  ],\n  \"lang\": \"en\"\n}\n");
    // A syntax error after a question that would have a problem of its own:
    // only the syntax error is reported.
    write_file(dir / "questions.trailing.json",
               "{\"lang\": \"en\", \"questions\": [\n" + question_line("t", "nowhere", "X?") + ",\n  ]}\n");
    BankLoad load = load_banks({dir.path()});
    INFO(dump(load.problems));
    REQUIRE(load.problems.size() == 2);
    CHECK(load.problems[0].to_string() == (dir / "questions.late.json").string() +
                                              ":4: unknown industry 'gamma' for language 'en'");
    CHECK(load.problems[1].where.rfind((dir / "questions.trailing.json").string() + ":3:", 0) == 0);
    // Without the bad tag the late-"lang" file loads.
    write_file(dir / "questions.late.json",
               "{\n  \"questions\": [\n" + question_line("late-a", "opening", "Hi?") + "\n  ],\n  \"lang\": \"en\"\n}\n");
    std::filesystem::remove(dir / "questions.trailing.json");
    load = load_banks({dir.path()});
    CHECK(load.problems.empty());
    REQUIRE(load.banks.questions.size() == 1);
    CHECK(load.banks.questions[0].where == (dir / "questions.late.json").string() + ":3");
}

TEST_CASE("group, audience and excluded industries load; their mistakes name the line") {
    TempDir dir;
    write_file(dir / "tags.en.json", kFixtureTags);
    write_file(dir / "questions.en.json",
               question_file({question_line("ok", "advice", "Fine?", "\"*\"", "\"g1\"", 2, 1,
                                            ", \"group\": \"try-work\", \"audience\": \"student\", "
                                            "\"excluded_industries\": [\"beta\"]")}));
    BankLoad load = load_banks({dir.path()});
    REQUIRE_MESSAGE(load.problems.empty(), dump(load.problems));
    const Question& q = load.banks.questions.front();
    CHECK(q.group == "try-work");
    CHECK(q.audience == Audience::student);
    CHECK(q.serves_industry("alpha"));
    CHECK_FALSE(q.serves_industry("beta"));
    CHECK(q.excludes_industry("beta"));

    TempDir bad;
    write_file(bad / "tags.en.json", kFixtureTags);
    const std::string file = (bad / "questions.en.json").string();
    write_file(bad / "questions.en.json",
               question_file({
                   question_line("g", "advice", "A?", "\"*\"", "\"g1\"", 2, 1, ", \"group\": \"Bad Group\""),
                   question_line("a", "advice", "B?", "\"*\"", "\"g1\"", 2, 1, ", \"audience\": \"retiree\""),
                   question_line("x", "advice", "C?", "\"*\"", "\"g1\"", 2, 1, ", \"excluded_industries\": [\"gamma\"]"),
                   question_line("y", "advice", "D?", "\"alpha\"", "\"g1\"", 2, 1, ", \"excluded_industries\": [\"alpha\"]"),
                   question_line("f", "advice", "As {de role}?", "\"*\"", "\"g1\""),
               }));
    BankLoad broken = load_banks({bad.path()});
    CHECK(has_problem(broken.problems, file + ":4", "group 'Bad Group'"));
    CHECK(has_problem(broken.problems, file + ":5", "unknown audience 'retiree'"));
    CHECK(has_problem(broken.problems, file + ":6", "unknown industry 'gamma'"));
    CHECK(has_problem(broken.problems, file + ":7", "does not list"));
    CHECK(has_problem(broken.problems, file + ":8", "form 'de'"));
}

TEST_CASE("tags carry search keywords and grammar; search finds tags by keyword") {
    const BankLoad load = load_banks({source_dir() / "question-banks"});
    REQUIRE(load.problems.empty());
    auto ids = [](const std::vector<const Tag*>& tags) {
        std::vector<std::string> out;
        for (const Tag* t : tags) out.push_back(t->id);
        return out;
    };
    auto has = [](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    const TagSet& en = load.banks.require_tags("en");
    CHECK(has(ids(search_tags(en.industries, "urban")), "government"));
    CHECK(has(ids(search_tags(en.industries, "City")), "government"));
    CHECK(has(ids(search_tags(en.industries, "hospital")), "healthcare"));
    CHECK(has(ids(search_tags(en.industries, "user experience")), "design-ux"));
    CHECK(ids(search_tags(en.industries, "Tech")).front() == "technology");  // label starts first
    CHECK(search_tags(en.industries, "").size() == en.industries.size());
    CHECK(search_tags(en.industries, "zzzz").empty());
    const TagSet& fr = load.banks.require_tags("fr");
    CHECK(has(ids(search_tags(fr.industries, "urbanisme")), "government"));
    CHECK(has(ids(search_tags(fr.industries, "ville")), "government"));
    CHECK(has(ids(search_tags(fr.industries, "hopital")), "healthcare"));  // accents ignored
    CHECK(has(ids(search_tags(fr.industries, "expérience utilisateur")), "design-ux"));
    for (const TagSet* tags : {&en, &fr})
        for (const auto& t : tags->industries) CHECK_MESSAGE(t.keywords.size() >= 4, t.id);
    CHECK(en.grammar.plural_verbs.at("is") == "are");
    CHECK(fr.grammar.plural_verbs.at("est") == "sont");
    CHECK(indefinite_article("UX designer", en.grammar) == "a");
    CHECK(with_form("de", fr.find_industry("law")->phrase, fr.grammar) == "du droit");
}

TEST_CASE("load_tags reads the tags load_banks reads, and no question file") {
    TempDir dir;
    for (const auto& entry : std::filesystem::directory_iterator(shipped_banks_dir()))
        if (entry.is_regular_file()) std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
    // A question file that would be a problem if it were read.
    write_file(dir / "questions.broken.json", "{\"lang\": \"en\", \"questions\": [");
    const BankLoad all = load_banks({dir.path()});
    const BankLoad tags = load_tags({dir.path()});
    CHECK_FALSE(all.banks.questions.empty());
    CHECK(tags.banks.questions.empty());
    CHECK(tags.problems.empty());
    CHECK(all.problems.size() == 1);
    REQUIRE(tags.banks.tags.size() == all.banks.tags.size());
    for (const auto& [lang, set] : all.banks.tags) {
        const TagSet& same = tags.banks.require_tags(lang);
        REQUIRE(same.goals.size() == set.goals.size());
        for (size_t i = 0; i < set.goals.size(); ++i) CHECK(same.goals[i].label == set.goals[i].label);
        CHECK(same.stage_labels == set.stage_labels);
        CHECK(same.phrases == set.phrases);
    }
}
