#include "engine/questions/avoid.h"
#include "engine/records/database.h"
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "engine/records/settings.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

using namespace rapport;
using rapport::test::source_dir;
using rapport::test::TempDir;

namespace {

struct Labelled {
    int line;
    std::string verdict;
    std::string category;  // "-" when ok
    std::string text;
};

// tests/data/avoid-labelled.<lang>.tsv: verdict <tab> category <tab> question.
std::vector<Labelled> read_labelled(Language language) {
    const auto path = source_dir() / "tests" / "data" /
                      ("avoid-labelled." + std::string(language_code(language)) + ".tsv");
    std::istringstream in(rapport::test::read_file(path));
    std::vector<Labelled> rows;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab1 = line.find('\t');
        const auto tab2 = line.find('\t', tab1 + 1);
        REQUIRE_MESSAGE(tab2 != std::string::npos, path.string() << ":" << number << ": needs 3 columns");
        rows.push_back({number, line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1),
                        line.substr(tab2 + 1)});
    }
    return rows;
}

AvoidChecker shipped_checker(Language language) {
    return AvoidChecker(load_avoid_rules(shipped_banks_dir(), language));
}

bool has_category(const AvoidResult& result, const std::string& category) {
    for (const auto& flag : result.flags)
        if (flag.rule->category == category) return true;
    return false;
}

// A small valid rule file; tests break one thing at a time.
std::string rules_text(const std::string& rule_fields, const std::string& classes = "") {
    return "{\n"
           "  \"language\": \"en\",\n"
           "  \"word_classes\": {" + classes + "},\n"
           "  \"rules\": [\n"
           "    {\n"
           "      \"id\": \"sample\",\n"
           "      \"category\": \"pay\",\n"
           "      \"severity\": \"avoid\",\n"
           "      \"reason\": \"A reason.\",\n"
           "      \"suggestions\": [\"A better question?\"],\n" +
           rule_fields +
           "\n    }\n"
           "  ]\n"
           "}\n";
}

std::string load_error(const std::string& text) {
    try {
        AvoidRuleSet::from_json(parse_json_source(text, "rules.json"), Language::english);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// A rule file whose learned layer names a model; the one rule speaks for "pay".
std::string learned_rules_text(const std::string& learned) {
    return "{\n"
           "  \"language\": \"en\",\n"
           "  \"learned\": " + learned + ",\n"
           "  \"rules\": [\n"
           "    {\n"
           "      \"id\": \"sample\",\n"
           "      \"category\": \"pay\",\n"
           "      \"severity\": \"avoid\",\n"
           "      \"reason\": \"A reason.\",\n"
           "      \"label\": \"pay\",\n"
           "      \"patterns\": [\"salary\"],\n"
           "      \"suggestions\": [\"A better question?\"]\n"
           "    }\n"
           "  ]\n"
           "}\n";
}

}  // namespace

TEST_CASE("labelled questions: no false avoid, no missed avoid, categories right") {
    for (Language language : supported_languages()) {
        AvoidChecker checker = shipped_checker(language);
        const auto rows = read_labelled(language);
        CHECK(rows.size() >= 150);
        int true_avoid = 0, false_avoid = 0, missed_avoid = 0;
        int true_flag = 0, false_flag = 0, missed_flag = 0;  // caution or avoid
        int exact = 0;
        for (const auto& row : rows) {
            CAPTURE(row.line);
            CAPTURE(row.text);
            const AvoidResult result = checker.check(row.text);
            const std::string got(verdict_name(result.verdict));
            CHECK(got == row.verdict);
            if (row.category != "-") CHECK(has_category(result, row.category));
            exact += got == row.verdict;
            const bool want_avoid = row.verdict == "avoid", got_avoid = got == "avoid";
            true_avoid += want_avoid && got_avoid;
            false_avoid += !want_avoid && got_avoid;
            missed_avoid += want_avoid && !got_avoid;
            const bool want_flag = row.verdict != "ok", got_flag = got != "ok";
            true_flag += want_flag && got_flag;
            false_flag += !want_flag && got_flag;
            missed_flag += want_flag && !got_flag;
        }
        auto ratio = [](int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; };
        std::printf("avoid check, %s, %zu questions: avoid precision %.3f recall %.3f; "
                    "any flag precision %.3f recall %.3f; exact verdict %d/%zu\n",
                    std::string(language_code(language)).c_str(), rows.size(),
                    ratio(true_avoid, true_avoid + false_avoid),
                    ratio(true_avoid, true_avoid + missed_avoid),
                    ratio(true_flag, true_flag + false_flag), ratio(true_flag, true_flag + missed_flag),
                    exact, rows.size());
        CHECK(false_avoid == 0);
        CHECK(missed_avoid == 0);
    }
}

TEST_CASE("the examples from the issue") {
    AvoidChecker checker = shipped_checker(Language::english);
    for (const char* ok : {"How has your job changed since you started?",
                           "What's the best way to apply for roles in this field?",
                           "Would you be willing to look at my résumé and tell me what's missing?",
                           "Which skills pay off most in your work?"}) {
        CAPTURE(ok);
        CHECK(checker.check(ok).verdict == Verdict::ok);
    }
    const auto pay = checker.check("What does a job like yours pay?");
    REQUIRE(pay.verdict == Verdict::avoid);
    CHECK(pay.flags.front().rule->category == "pay");
    CHECK_FALSE(pay.flags.front().suggestion().text.empty());
    CHECK_FALSE(pay.flags.front().rule->reason.empty());
    CHECK(checker.check("Any openings on your team?").flags.front().rule->category == "job-request");
    CHECK(checker.check("What does your company sell?").flags.front().rule->category ==
          "researchable-basics");
}

TEST_CASE("case, accents, curly quotes, contractions and extra spaces do not matter") {
    AvoidChecker checker = shipped_checker(Language::english);
    for (const char* text : {"What is your salary?", "what's your salary", "WHAT\u2019S YOUR SALARY?!",
                             "  what   is\tyour  salary ", "Whats ur salary"}) {
        CAPTURE(text);
        CHECK(checker.check(text).verdict == Verdict::avoid);
    }
    AvoidChecker french = shipped_checker(Language::french);
    for (const char* text : {"Qu'est-ce que votre entreprise vend ?", "QU\u2019EST-CE QUE VOTRE ENTREPRISE VEND",
                             "qu'est ce que votre  entreprise  vend", "Qu\u2019est-ce que votre entreprise vend\u202f?"}) {
        CAPTURE(text);
        CHECK(french.check(text).verdict == Verdict::avoid);
    }
    CHECK(french.check("Que vend votre soci\u00e9t\u00e9 ?").verdict == Verdict::avoid);
    CHECK(french.check("Que vend votre societe ?").verdict == Verdict::avoid);
}

TEST_CASE("check_all keeps the input order; empty text is ok") {
    AvoidChecker checker = shipped_checker(Language::english);
    const std::vector<std::string> questions = {"Are you hiring?", "", "What tools do you use?",
                                                "Do you like your job?"};
    const auto results = checker.check_all(questions);
    REQUIRE(results.size() == 4);
    CHECK(results[0].verdict == Verdict::avoid);
    CHECK(results[1].verdict == Verdict::ok);
    CHECK(results[2].verdict == Verdict::ok);
    CHECK(results[3].verdict == Verdict::caution);
}

TEST_CASE("word patterns: gaps, optional words, classes, anchors") {
    WordSplitter splitter(Language::english);
    Vocabulary vocabulary;
    WordClasses classes;
    const std::vector<std::string> money = {"salary", "pay"};
    classes["money"] = compile_word_list(money, splitter, vocabulary);
    auto matches = [&](const std::string& pattern, const std::string& text) {
        const WordPattern p = compile_word_pattern(pattern, classes, splitter, vocabulary);
        std::vector<WordId> ids;
        for (auto w : splitter.split(text)) ids.push_back(vocabulary.find(w));
        return p.matches_anywhere(ids);
    };
    CHECK(matches("your @money", "what is your salary"));
    CHECK(matches("what's your @money", "What is your pay?"));  // contraction in the pattern
    CHECK_FALSE(matches("your @money", "your current salary"));
    CHECK(matches("your *1 @money", "your current salary"));
    CHECK_FALSE(matches("your *1 @money", "your very current salary"));
    CHECK(matches("your * @money", "your very current salary"));
    CHECK(matches("how much money? do you", "how much do you"));
    CHECK(matches("how much money? do you", "how much money do you"));
    CHECK(matches("^ are you hiring", "are you hiring now"));
    CHECK_FALSE(matches("^ are you hiring", "why are you hiring"));
    CHECK(matches("like it *2 $", "do you like it at all"));
    CHECK_FALSE(matches("like it *1 $", "do you like it at all"));
    CHECK(matches("résumé|cv", "my resume"));
    CHECK_FALSE(matches("@money", "nothing here"));
}

TEST_CASE("pattern mistakes are explained") {
    WordSplitter splitter(Language::english);
    Vocabulary vocabulary;
    WordClasses classes;
    auto error_of = [&](const std::string& pattern) -> std::string {
        try {
            compile_word_pattern(pattern, classes, splitter, vocabulary);
        } catch (const Error& e) {
            return e.what();
        }
        return "(no error)";
    };
    CHECK(error_of("@nope x").find("unknown word class '@nope'") != std::string::npos);
    CHECK(error_of("* salary").find("starts with a gap") != std::string::npos);
    CHECK(error_of("salary *").find("ends with a gap") != std::string::npos);
    CHECK(error_of("a *x b").find("'*x'") != std::string::npos);
    CHECK(error_of("a *100 b").find("1 to 99") != std::string::npos);
    CHECK(error_of("what's|how").find("several words") != std::string::npos);
    CHECK(error_of("a||b").find("empty alternative") != std::string::npos);
    CHECK(error_of("maybe? perhaps?").find("every word is optional") != std::string::npos);
    CHECK(error_of("a $ b").find("may only be") != std::string::npos);
    CHECK(error_of("?!").find("no letters") != std::string::npos);
}

TEST_CASE("rule file errors name the file and the line") {
    CHECK(load_error(rules_text("      \"patterns\": [\"your salary\"]")) == "(no error)");
    // The pattern is on line 11 of the generated file.
    CHECK(load_error(rules_text("      \"patterns\": [\n        \"your @cash\"]")) ==
          "rules.json:12: rule 'sample': pattern \"your @cash\" unknown word class '@cash' "
          "(define it under \"word_classes\")");
    CHECK(load_error(rules_text("      \"patterns\": [\"x\"],\n      \"unles\": [\"y\"]"))
              .find("rules.json:12: rule 'sample': unknown field \"unles\"") == 0);
    CHECK(load_error(rules_text("      \"patterns\": []")).find("rules.json:11:") == 0);
    CHECK(load_error(rules_text("      \"patterns\": [\"x\"]", "\"money\": [\"don't\"]"))
              .find("rules.json:3: word class 'money': 'don't' is more than one word") == 0);
    std::string bad_severity = rules_text("      \"patterns\": [\"x\"]");
    bad_severity.replace(bad_severity.find("\"avoid\""), 7, "\"never\"");
    CHECK(load_error(bad_severity).find("rules.json:8: rule 'sample': severity 'never'") == 0);
    std::string french = rules_text("      \"patterns\": [\"x\"]");
    french.replace(french.find("\"en\""), 4, "\"fr\"");
    CHECK(load_error(french).find("rules.json:2:") == 0);
    CHECK(load_error("{\n  \"language\": \"en\",\n  \"rules\": [\n}").find("rules.json:4:") == 0);
    std::string twice = rules_text("      \"patterns\": [\"x\"]");
    const auto rule_start = twice.find("    {\n      \"id\"");
    const auto rule_end = twice.find("\n  ]");
    const std::string rule = twice.substr(rule_start, rule_end - rule_start);
    twice.insert(rule_end, ",\n" + rule);
    CHECK(load_error(twice).find("the id is already used at rules.json:5") != std::string::npos);
}

TEST_CASE("a missing rule file is an error naming it") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(load_avoid_rules(dir.path(), Language::english),
                         doctest::Contains("avoid-rules.en.json"), Error);
}

TEST_CASE("the shipped rule files load and every rule has a reason and a suggestion") {
    for (Language language : supported_languages()) {
        const AvoidRuleSet rules = load_avoid_rules(shipped_banks_dir(), language);
        CHECK(rules.rules().size() >= 6);
        for (const char* category : {"pay", "job-request", "referral-pressure", "researchable-basics"}) {
            bool found = false;
            for (const auto& rule : rules.rules()) found = found || rule.category == category;
            CHECK_MESSAGE(found, category);
        }
        for (const auto& rule : rules.rules()) {
            CHECK_FALSE(rule.reason.empty());
            CHECK_FALSE(rule.suggestions.empty());
        }
        // Rule ids are shared, so a user's choice covers both languages.
        CHECK(rules.find("pay-contact-or-role") != nullptr);
        CHECK(rules.find("job-request") != nullptr);
    }
}

TEST_CASE("user choices are stored in the database and applied") {
    TempDir dir;
    const auto db_path = dir / "rapport.db";
    {
        Database db = Database::open(db_path);
        CHECK(load_rule_choices(db).empty());
        save_rule_choice(db, "pay-contact-or-role", RuleChoice::caution);
        save_rule_choice(db, "closed-yes-no", RuleChoice::off);
        save_rule_choice(db, "job-request", RuleChoice::off);
        save_rule_choice(db, "job-request", RuleChoice::by_default);  // back to default: removed
    }
    Database db = Database::open(db_path);  // a fresh connection reads what was saved
    const RuleChoices choices = load_rule_choices(db);
    CHECK(choices.size() == 2);
    CHECK(choices.at("pay-contact-or-role") == RuleChoice::caution);
    CHECK(choices.at("closed-yes-no") == RuleChoice::off);
    CHECK(get_setting(db, "avoid.rule.closed-yes-no") == "off");

    AvoidChecker checker(load_avoid_rules(shipped_banks_dir(), Language::english), choices);
    const auto pay = checker.check("What's your salary?");
    CHECK(pay.verdict == Verdict::caution);
    REQUIRE(pay.flags.size() == 1);
    CHECK(pay.flags[0].severity == Severity::caution);
    CHECK(checker.check("Do you like your job?").verdict == Verdict::ok);
    CHECK(checker.check("Are you hiring?").verdict == Verdict::avoid);

    checker.set_choices({});
    CHECK(checker.check("What's your salary?").verdict == Verdict::avoid);
    CHECK(checker.check("Do you like your job?").verdict == Verdict::caution);

    // set_setting() refuses such a value now; an older version or a hand
    // edit could still have stored one.
    CHECK_THROWS_AS(set_setting(db, "avoid.rule.job-request", "sometimes"), Error);
    db.exec("INSERT INTO settings(key, value) VALUES('avoid.rule.job-request', 'sometimes')");
    CHECK_THROWS_WITH_AS(load_rule_choices(db), doctest::Contains("avoid.rule.job-request"), Error);
}

TEST_CASE("the model is read on first use, and a missing one is an error naming it") {
    const std::string text = learned_rules_text(
        R"({"model": "no-such-model", "caution_at": 0.5, "avoid_at": 0.9})");
    AvoidRuleSet rules = AvoidRuleSet::from_json(parse_json_source(text, "rules.json"), Language::english);
    REQUIRE(rules.learned() != nullptr);  // loading the rules did not touch the model
    AvoidChecker checker(std::move(rules));
    CHECK_THROWS_WITH_AS(checker.check("How much do you make?"), doctest::Contains("no-such-model.ftz"),
                         Error);
}

TEST_CASE("a malformed learned layer is an error naming the line") {
    CHECK(load_error(learned_rules_text(R"({"model": "avoid.en", "caution_at": 0.9, "avoid_at": 0.5})"))
              .find("avoid_at") != std::string::npos);
    CHECK(load_error(learned_rules_text(R"({"model": "avoid.en", "caution_at": 0, "avoid_at": 0.5})"))
              .find("rules.json:") == 0);
    CHECK(load_error(learned_rules_text(R"({"model": "avoid.en", "avoid_at": 0.5})"))
              .find("missing \"caution_at\"") != std::string::npos);
    CHECK(load_error(learned_rules_text(R"({"modle": "avoid.en"})")).find("unknown field \"modle\"") !=
          std::string::npos);
    // A category's own avoid_at: a known label, from caution_at to 1.
    const std::string by_category =
        R"({"model": "avoid.en", "caution_at": 0.1, "avoid_at": 0.6, "avoid_at_by_category": )";
    CHECK(load_error(learned_rules_text(by_category + R"({"salary": 0.9}})"))
              .find("no rule has the label \"salary\"") != std::string::npos);
    CHECK(load_error(learned_rules_text(by_category + R"({"pay": 0.05}})"))
              .find("\"pay\" must be a number from \"caution_at\" to 1") != std::string::npos);
    CHECK(load_error(learned_rules_text(by_category + R"(["pay"]})")).find("rules.json:") == 0);
    const AvoidRuleSet rules = AvoidRuleSet::from_json(
        parse_json_source(learned_rules_text(by_category + R"({"pay": 0.9}})"), "rules.json"), Language::english);
    CHECK(rules.learned()->avoid_at_for("pay") == doctest::Approx(0.9));
    CHECK(rules.learned()->avoid_at_for("job-request") == doctest::Approx(0.6));
    // "not_fine_avoid_at": a threshold, not below caution_at.
    const std::string not_fine = R"({"model": "avoid.en", "caution_at": 0.2, "avoid_at": 0.6, "not_fine_avoid_at": )";
    CHECK(load_error(learned_rules_text(not_fine + "0.1}")).find("\"not_fine_avoid_at\" must not be below") !=
          std::string::npos);
    CHECK(load_error(learned_rules_text(not_fine + "\"high\"}")).find("rules.json:") == 0);
    CHECK(AvoidRuleSet::from_json(parse_json_source(learned_rules_text(not_fine + "0.9}"), "rules.json"),
                                  Language::english)
              .learned()
              ->not_fine_avoid_at == doctest::Approx(0.9));
    // "last_sentence_avoid_at": a threshold.
    const std::string last = R"({"model": "avoid.en", "caution_at": 0.2, "avoid_at": 0.6, "last_sentence_avoid_at": )";
    CHECK(load_error(learned_rules_text(last + "1.5}")).find("last_sentence_avoid_at") != std::string::npos);
    CHECK(AvoidRuleSet::from_json(parse_json_source(learned_rules_text(last + "0.9}"), "rules.json"),
                                  Language::english)
              .learned()
              ->last_sentence_avoid_at == doctest::Approx(0.9));
    // "about_the_contact": known labels, a list of single words, a whole number.
    const std::string about = R"({"model": "avoid.en", "caution_at": 0.1, "avoid_at": 0.6, "about_the_contact": )";
    CHECK(load_error(learned_rules_text(about + R"({"labels": ["wage"], "words": ["you"], "from_words": 6}})"))
              .find("no rule has the label \"wage\"") != std::string::npos);
    CHECK(load_error(learned_rules_text(about + R"({"labels": ["pay"], "words": ["you there"], "from_words": 6}})"))
              .find("more than one word") != std::string::npos);
    CHECK(load_error(learned_rules_text(about + R"({"labels": ["pay"], "words": ["you"], "from_words": 0}})"))
              .find("\"from_words\" must be a whole number above 0") != std::string::npos);
    CHECK(load_error(learned_rules_text(about + R"({"labels": ["pay"], "from_words": 6}})"))
              .find("\"words\" must be a list of words") != std::string::npos);
    // "confirm_caution": a list of single words, nothing else.
    const std::string confirm = R"({"model": "avoid.en", "caution_at": 0.1, "avoid_at": 0.6, "confirm_caution": )";
    CHECK(load_error(learned_rules_text(confirm + R"({"words": []}})"))
              .find("\"confirm_caution\": \"words\" must be a list of words") != std::string::npos);
    CHECK(load_error(learned_rules_text(confirm + R"({"words": ["your place"]}})")).find("more than one word") !=
          std::string::npos);
    CHECK(load_error(learned_rules_text(confirm + R"({"words": ["your"], "labels": ["pay"]}})"))
              .find("unknown field \"labels\"") != std::string::npos);
    CHECK(load_error(learned_rules_text(confirm + R"(["your"]})")).find("rules.json:") == 0);
}
