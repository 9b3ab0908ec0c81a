// The avoid check's learned layer: the shipped models together with the rules.
#include "engine/base/json_source.h"
#include "engine/base/paths.h"
#include "engine/language/classifier.h"
#include "engine/questions/avoid.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/bank.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace rapport;
using rapport::test::TempDir;

namespace {

AvoidChecker shipped_checker(Language language, RuleChoices choices = {}) {
    return AvoidChecker(load_avoid_rules(shipped_banks_dir(), language), std::move(choices));
}

// A small model of a test's own, trained from (labels, text) pairs repeated 40
// times: which real sentence reads a certain way changes with every retraining.
std::filesystem::path small_model(const TempDir& dir, Language language,
                                  const std::vector<std::pair<std::vector<std::string>, std::string>>& lines) {
    std::vector<language::Example> examples;
    for (int i = 0; i < 40; ++i)
        for (const auto& [labels, text] : lines) examples.push_back({labels, text, 0});
    language::TrainingOptions options;
    options.language = language;
    options.loss = "ova";
    options.epochs = 50;
    const auto model = dir.path() / "small.ftz";
    language::train_model(examples, model, options);
    return model;
}

// A checker of these rules over a model of the test's own.
AvoidChecker checker_over(AvoidRuleSet rules, const std::filesystem::path& model, Language language) {
    rules.use_classifier(std::make_shared<const language::Classifier>(model, language));
    return AvoidChecker(std::move(rules));
}

// The shipped rules of a language over a model of the test's own, with one key
// of the learned layer set to a value or removed.
AvoidChecker shipped_rules_with(Language language, const std::filesystem::path& model, const std::string& key,
                                std::optional<double> value) {
    using nlohmann::json;
    const auto file = avoid_rules_path(shipped_banks_dir(), language);
    json rules_json = json::parse(std::ifstream(file));
    rules_json["learned"].erase(key);
    if (value) rules_json["learned"][key] = *value;
    return checker_over(AvoidRuleSet::from_json(parse_json_source(rules_json.dump(), file), language), model,
                        language);
}

const AvoidFlag* model_flag(const AvoidResult& result) {
    for (const auto& flag : result.flags)
        if (flag.source == FlagSource::model) return &flag;
    return nullptr;
}

}  // namespace

TEST_CASE("the shipped rules carry a learned layer whose labels all have a rule") {
    for (Language language : supported_languages()) {
        CAPTURE(language_code(language));
        const AvoidRuleSet rules = load_avoid_rules(shipped_banks_dir(), language);
        const LearnedLayer* layer = rules.learned();
        REQUIRE(layer != nullptr);
        CHECK(layer->caution_at < layer->avoid_at);
        for (const char* label : {"pay", "job-request", "referral-pressure", "researchable", "premature-ask"}) {
            CAPTURE(label);
            const AvoidRule* rule = rules.rule_for_label(label);
            REQUIRE(rule != nullptr);
            // The rule that speaks for the model gives its full severity.
            CHECK(rule->severity == (std::string(label) == "premature-ask" ? Severity::caution : Severity::avoid));
        }
        const auto scores = layer->classifier->scores("a question");
        CHECK(scores.size() == 6);
    }
}

TEST_CASE("the model catches paraphrases no rule lists, with the rule's reason and suggestion") {
    AvoidChecker english = shipped_checker(Language::english);
    const AvoidResult pay = english.check("So what's the money like for you these days");
    const AvoidFlag* flag = model_flag(pay);
    REQUIRE(flag != nullptr);
    CHECK(flag->rule->label == "pay");
    CHECK(flag->rule->id == "pay-contact-or-role");
    CHECK(flag->probability >= english.rules().learned()->caution_at);
    CHECK_FALSE(flag->rule->reason.empty());
    CHECK(pay.verdict != Verdict::ok);

    AvoidChecker french = shipped_checker(Language::french);
    const AvoidResult job = french.check("Il y aurait pas moyen de bosser chez vous ?");
    const AvoidFlag* french_flag = model_flag(job);
    REQUIRE(french_flag != nullptr);
    CHECK(french_flag->rule->label == "job-request");
}

TEST_CASE("a rule of the same category decides: field pay stays caution") {
    AvoidChecker checker = shipped_checker(Language::english);
    const AvoidResult result = checker.check("What do entry-level roles in this field typically earn?");
    CHECK(result.verdict == Verdict::caution);
    CHECK(model_flag(result) == nullptr);
    for (const auto& flag : result.flags) CHECK(flag.rule->id == "pay-field-range");
}

TEST_CASE("the wrong flags from the issue are gone") {
    AvoidChecker english = shipped_checker(Language::english);
    for (const char* ok : {"Which salary surveys would you recommend for this field?",
                           "Does your employer pay for training?",
                           "Does your company pay for courses or do people pay for them themselves?",
                           "Which skills pay off most in your work?",
                           "How do you pay attention to quality when deadlines are tight?",
                           "Could you refer me to someone I could talk to about the research side?"}) {
        CAPTURE(ok);
        CHECK(english.check(ok).verdict == Verdict::ok);
    }
    AvoidChecker french = shipped_checker(Language::french);
    for (const char* ok : {"Quelles enquêtes de salaires recommanderiez-vous pour ce domaine ?",
                           "Votre employeur paie-t-il les formations ?"}) {
        CAPTURE(ok);
        CHECK(french.check(ok).verdict == Verdict::ok);
    }
}

TEST_CASE("every suggestion of the shipped rules comes back ok, in its language") {
    const Banks banks = load_banks({shipped_banks_dir()}).banks;
    for (Language language : supported_languages()) {
        AvoidRuleSet rules = load_avoid_rules(shipped_banks_dir(), language);
        link_suggestions_to_banks(rules, banks);
        AvoidChecker checker(std::move(rules));
        for (const auto& rule : checker.rules().rules())
            for (const auto& suggestion : rule.suggestions) {
                CAPTURE(rule.id);
                CAPTURE(suggestion.text);
                CHECK(checker.check(suggestion.text).verdict == Verdict::ok);
            }
    }
}

TEST_CASE("user choices apply to the model's flags through the rule that speaks for them") {
    const std::string question = "So what's the money like for you these days";
    AvoidChecker checker = shipped_checker(Language::english, {{"pay-contact-or-role", RuleChoice::off}});
    CHECK(model_flag(checker.check(question)) == nullptr);

    checker.set_choices({{"pay-contact-or-role", RuleChoice::caution}});
    const AvoidResult turned_down = checker.check(question);
    REQUIRE(model_flag(turned_down) != nullptr);
    CHECK(model_flag(turned_down)->severity == Severity::caution);
    CHECK(turned_down.verdict == Verdict::caution);
}

TEST_CASE("the model alone gives avoid only when it is very sure") {
    for (Language language : supported_languages()) {
        AvoidChecker checker = shipped_checker(language);
        const LearnedLayer& layer = *checker.rules().learned();
        for (const char* text : {"Could you tell me a little about how you got started?",
                                 "Comment avez-vous commencé dans ce métier ?", "Are you hiring?",
                                 "Vous recrutez ?", "what u make a year", "tu touches combien par mois"}) {
            const AvoidResult result = checker.check(text);
            const AvoidFlag* flag = model_flag(result);
            if (!flag) continue;
            CAPTURE(std::string(text));
            // Below caution_at only as a torn reading (one category very sure, fine
            // sure too), which is never avoid.
            if (flag->probability < layer.caution_at) CHECK(flag->severity == Severity::caution);
            if (flag->severity == Severity::avoid) CHECK(flag->rule->severity == Severity::avoid);
            // Avoid needs the flagged category's own score at its avoid_at.
            float own = 0.F;
            for (const auto& score : result.model_scores)
                if (score.label == flag->rule->label) own = score.probability;
            if (own < layer.avoid_at_for(flag->rule->label)) CHECK(flag->severity == Severity::caution);
        }
    }
}

TEST_CASE("a torn reading (one category very sure, fine sure too) is a caution, never avoid") {
    // "Do you have work at the moment?": busy, or work for me? A one-vs-all
    // model can read both at once. Which real sentences read torn changes with
    // every retraining, so this trains a small model of its own where one does.
    TempDir dir;
    const auto model = small_model(dir, Language::french,
                                   {{{"fine", "job-request"}, "vous avez du travail en ce moment"},
                                    {{"job-request"}, "vous prenez des stagiaires dans votre service"},
                                    {{"fine"}, "comment avez-vous choisi ce metier"},
                                    {{"pay"}, "combien gagnez-vous par mois"}});
    AvoidChecker checker =
        checker_over(load_avoid_rules(shipped_banks_dir(), Language::french), model, Language::french);
    const LearnedLayer& layer = *checker.rules().learned();

    const AvoidResult result = checker.explain("Vous avez du travail en ce moment ?");
    float job = 0.F, fine = 0.F;
    for (const auto& score : result.model_scores) {
        if (score.label == "job-request") job = score.probability;
        if (score.label == "fine") fine = score.probability;
    }
    REQUIRE(job >= layer.category_caution_at);  // the precondition: both readings sure
    REQUIRE(1.F - fine < layer.caution_at);
    const AvoidFlag* flag = model_flag(result);
    REQUIRE(flag != nullptr);
    CHECK(flag->rule->label == "job-request");
    CHECK(flag->severity == Severity::caution);
    CHECK(result.verdict == Verdict::caution);
    // A plain job ask is still avoid.
    CHECK(checker.check("Vous prenez des stagiaires dans votre service ?").verdict == Verdict::avoid);
}

TEST_CASE("slips are read as the words the model learned, so rules and model both see them") {
    AvoidChecker french = shipped_checker(Language::french);
    // Spelt right, a rule catches it; with a letter swapped, no rule knows "satge".
    const AvoidResult slipped = french.check("Pouvez-vous me prendre en satge ?");
    CHECK(slipped.verdict == Verdict::avoid);
    REQUIRE(slipped.mended_words.size() == 1);
    CHECK(slipped.mended_words[0].typed == "satge");
    CHECK(slipped.mended_words[0].read_as == "stage");
    REQUIRE_FALSE(slipped.flags.empty());
    CHECK(slipped.flags[0].source == FlagSource::rule);

    AvoidChecker english = shipped_checker(Language::english);
    const AvoidResult two = english.check("could you pass my resmue to the hirnig manager");
    CHECK(two.verdict == Verdict::avoid);
    CHECK(two.mended_words.size() == 2);

    // A good question with a slip stays good, and real words are never "mended".
    const AvoidResult good = english.check("How did you get into urbn planning?");
    CHECK(good.verdict == Verdict::ok);
    const AvoidResult clean = english.check("What does a typical day look like in urban planning?");
    CHECK(clean.mended_words.empty());
    CHECK(clean.verdict == Verdict::ok);
}

TEST_CASE("pay in general, said without naming the contact's side, is caution at most") {
    AvoidChecker english = shipped_checker(Language::english);
    // Long enough to name the contact and does not: the field's pay, through pay-field-range.
    const AvoidResult general = english.check("How much does pay vary between charities and local councils around this region?");
    CHECK(general.verdict != Verdict::avoid);
    if (const AvoidFlag* flag = model_flag(general)) CHECK(flag->rule->id == "pay-field-range");
    // Naming them keeps avoid; so does a short ask, which can only be put to them.
    CHECK(english.check("How much do they pay you at the charity, roughly, these days?").verdict == Verdict::avoid);
    CHECK(english.check("Salary?").verdict == Verdict::avoid);

    AvoidChecker french = shipped_checker(Language::french);
    CHECK(french.check("En gros, un salaire de commis de cuisine en Suisse romande, ça tourne autour de combien ?")
              .verdict != Verdict::avoid);
    CHECK(french.check("Et toi, tu gagnes combien à peu près en cuisine ?").verdict == Verdict::avoid);
    // The same holds when a pay rule matched: said of nobody on the contact's
    // side, it speaks through the field's caution rule.
    for (const auto& [language, text] :
         {std::pair{Language::english, "How much do bar staff typically earn in this city?"},
          std::pair{Language::french, "Les infirmiers de bloc, ils sont mieux payés que ceux de service, en général ?"}}) {
        AvoidChecker checker = shipped_checker(language);
        const AvoidResult result = checker.check(text);
        CAPTURE(std::string(text));
        CHECK(result.verdict == Verdict::caution);
        REQUIRE(result.flags.size() == 1);
        CHECK(result.flags[0].source == FlagSource::rule);
        CHECK(result.flags[0].rule->id == "pay-field-range");
    }
    CHECK(english.check("How much do you typically earn in this city?").verdict == Verdict::avoid);
    // A slip of "votre" still names the contact.
    CHECK(french.check("Vootre salaire annuel est plutôt autour de quarante ou de cinquante mille ?").verdict ==
          Verdict::avoid);
}

TEST_CASE("sure it is not fine, unsure which fault: avoid only with not_fine_avoid_at") {
    // A push that is also a job ask: the model splits it between two
    // categories, neither at avoid_at, while fine is near 0.
    TempDir dir;
    const auto model = small_model(dir, Language::english,
                                   {{{"job-request"}, "could you get me in at your place"},
                                    {{"referral-pressure"}, "could you get me in at your place"},
                                    {{"fine"}, "how did you choose this work"}});
    const std::string question = "Could you get me in at your place?";
    AvoidChecker without = shipped_rules_with(Language::english, model, "not_fine_avoid_at", std::nullopt);
    const AvoidResult split = without.explain(question);
    float top = 0.F, fine = 1.F;
    for (const auto& score : split.model_scores) {
        if (score.label == "fine") fine = score.probability;
        else top = std::max(top, score.probability);
    }
    const LearnedLayer& layer = *without.rules().learned();
    REQUIRE(top < layer.avoid_at);  // the precondition: no category sure on its own
    REQUIRE(fine < 0.05F);          // and sure it is not fine
    REQUIRE(model_flag(split) != nullptr);
    CHECK(split.verdict == Verdict::caution);

    AvoidChecker with = shipped_rules_with(Language::english, model, "not_fine_avoid_at", 0.9);
    CHECK(with.check(question).verdict == Verdict::avoid);
    CHECK(with.check("How did you choose this work?").verdict == Verdict::ok);
}

TEST_CASE("an ask in the last sentence after a long opening: avoid only with last_sentence_avoid_at") {
    // The opening is neutral and long, so the whole reads the ask only
    // weakly; the last sentence alone reads it surely.
    TempDir dir;
    const auto model = small_model(
        dir, Language::french,
        {{{"job-request"}, "vous me prendriez"},
         {{"fine"}, "merci pour votre temps je suis un peu timide et je me pose beaucoup de questions sur ce metier"},
         {{"fine"}, "comment avez vous choisi ce metier"}});
    const std::string question = "Merci pour votre temps, je suis un peu timide. Vous me prendriez ?";
    AvoidChecker without = shipped_rules_with(Language::french, model, "last_sentence_avoid_at", std::nullopt);
    const AvoidResult diluted = without.explain(question);
    const AvoidFlag* flag = model_flag(diluted);
    REQUIRE(flag != nullptr);  // the precondition: a caution from the whole question
    REQUIRE(flag->rule->label == "job-request");
    CHECK(diluted.verdict == Verdict::caution);
    CHECK(without.check("Vous me prendriez ?").verdict == Verdict::avoid);

    AvoidChecker with = shipped_rules_with(Language::french, model, "last_sentence_avoid_at", 0.9);
    CHECK(with.check(question).verdict == Verdict::avoid);
    CHECK(with.check("Merci pour votre temps, je suis un peu timide… Vous me prendriez ?").verdict ==
          Verdict::avoid);  // an ellipsis ends the opening too
    // A good last sentence after the same opening stays good.
    CHECK(with.check("Merci pour votre temps, je suis un peu timide. Comment avez-vous choisi ce métier ?").verdict ==
          Verdict::ok);
}

TEST_CASE("the model confirms a caution rule's category put to the contact's side: avoid") {
    TempDir dir;
    const auto model = small_model(dir, Language::english,
                                   {{{"job-request"}, "if something comes up at your place keep me in mind"},
                                    {{"job-request"}, "if something comes up could you keep me in mind"},
                                    {{"job-request"}, "let me know if you have any work for me"},
                                    {{"pay"}, "what is the starting salary for new nurses on your ward"},
                                    {{"pay"}, "are you happy here"},
                                    {{"fine"}, "how did you choose this work"}});
    AvoidChecker checker = checker_over(load_avoid_rules(shipped_banks_dir(), Language::english), model,
                                        Language::english);
    // A closing that mentions jobs (caution rule) about their own place: the
    // model reads a job ask, so it is one, with the job-request reason.
    const AvoidResult crew = checker.check("If something comes up at your place, keep me in mind.");
    CHECK(crew.verdict == Verdict::avoid);
    const AvoidFlag* confirming = model_flag(crew);
    REQUIRE(confirming != nullptr);
    CHECK(confirming->rule->label == "job-request");
    CHECK(confirming->severity == Severity::avoid);
    CHECK(std::any_of(crew.flags.begin(), crew.flags.end(), [](const AvoidFlag& f) {
        return f.rule->id == "closing-mentions-jobs" && f.severity == Severity::caution;
    }));
    // The same closing naming nothing of theirs stays the rule's caution,
    // however sure the model: "you" alone is how a request is put.
    const AvoidResult general = checker.check("If something comes up, could you keep me in mind?");
    CHECK(general.verdict == Verdict::caution);
    CHECK(model_flag(general) == nullptr);
    // A starting salary matched the field's caution rule; on their ward it is theirs.
    CHECK(checker.check("What is the starting salary for new nurses on your ward?").verdict == Verdict::avoid);
    // A caution rule of another category is not confirmed by a pay reading.
    const AvoidResult closed = checker.check("Are you happy here?");
    CHECK(closed.verdict == Verdict::caution);
    CHECK(model_flag(closed) == nullptr);
    // "let me know" no longer silences the model: it is how the ask is put.
    CHECK(checker.check("Let me know if you have any work for me.").verdict == Verdict::avoid);
    CHECK(checker.check("How did you choose this work?").verdict == Verdict::ok);
    // Without "confirm_caution" the model never overrules a caution rule.
    AvoidChecker without = shipped_rules_with(Language::english, model, "confirm_caution", std::nullopt);
    CHECK(without.check("If something comes up at your place, keep me in mind.").verdict == Verdict::caution);
}
