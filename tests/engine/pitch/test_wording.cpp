// The coach speaks the pitch's language: every advice item, warning and
// length line of a French pitch is French, and English pitches read as they
// always did. The pitches here are written for these tests.
#include "engine/pitch/advice.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "engine/pitch/wording.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace rapport;

namespace {

PitchAnalyzer reader(const std::string& language) {
    return PitchAnalyzer(
        load_pitch_cues(pitch_cues_file(rapport::test::source_dir() / "question-banks", language)),
        shipped_pitch_models(language));
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Words only the English templates use; none may appear in a French message.
void check_no_english(const std::string& message) {
    CAPTURE(message);
    for (std::string_view word : {"Add ", "About ", " words per minute", "For example", "target",
                                  "Take out", "Good ask", "Filler words", "Sentence ", "Make ",
                                  "No interest", "nothing says", "your "})
        CHECK_FALSE(contains(message, word));
}

const PitchAdvice* find_advice(const PitchAnalysis& a, std::string_view code) {
    for (const PitchAdvice& item : a.advice)
        if (item.code == code) return &item;
    return nullptr;
}

}  // namespace

TEST_CASE("a French pitch gets all its advice in French, examples written from the profile") {
    PitchAnalyzer fr = reader("fr");
    PitchAnalysisOptions o;
    o.target_seconds = 60;
    o.profile.field = "  Santé Publique. ";
    o.profile.goals = {"un poste de coordination de projets de prévention"};
    const std::string pitch =
        "Euh, bonjour, je m'appelle Inès. Je travaille depuis six ans comme infirmière en "
        "pédiatrie dans un grand hôpital de Lyon, où je coordonne aussi l'accueil des stagiaires "
        "et où j'ai appris à organiser des journées entières autour de familles inquiètes et de "
        "médecins pressés. Euh, pourriez-vous transmettre ma candidature à votre responsable ? "
        "Pourriez-vous aussi me présenter à une personne de votre équipe prévention ?";
    const PitchAnalysis a = fr.analyze(pitch, o);
    CHECK(a.language == "fr");
    REQUIRE(a.advice.size() > kFirstAdvice);
    for (const PitchAdvice& item : a.advice) check_no_english(item.message);
    for (const PitchWarning& w : a.warnings) check_no_english(w.message);

    REQUIRE(find_advice(a, "job-ask"));
    CHECK(find_advice(a, "job-ask")->message.starts_with("Retirez \u00AB\u00A0Euh, pourriez-vous"));
    REQUIRE(find_advice(a, "missing-interest"));
    const std::string& interest = find_advice(a, "missing-interest")->message;
    CHECK(interest.starts_with("Ajoutez votre intérêt pour le domaine\u00A0: dites quel domaine"));
    // The field sits inside the French example, small letters, no stray full stop.
    CHECK(contains(interest, "Par exemple\u00A0: \u00AB\u00A0Ce qui m'attire en santé publique, c'est"));
    REQUIRE(find_advice(a, "length"));
    CHECK(find_advice(a, "length")->message.starts_with("Environ "));
    CHECK(contains(find_advice(a, "length")->message, "mots par minute\u00A0: c’est plus court"));
    CHECK(contains(find_advice(a, "length")->message, "Ajoutez environ"));
    REQUIRE(find_advice(a, "missing-goals"));
    CHECK(contains(find_advice(a, "missing-goals")->message,
                   "D’après votre profil, vous visez\u00A0: \u00AB\u00A0un poste de coordination"));
    REQUIRE(find_advice(a, "filler-words"));
    CHECK(find_advice(a, "filler-words")->message.starts_with("Mots de remplissage\u00A0: \u00AB\u00A0Euh\u00A0\u00BB\u00A0\u00D72"));
    REQUIRE(find_advice(a, "long-sentence"));
    CHECK(find_advice(a, "long-sentence")->message.starts_with("La phrase 2 (\u00AB\u00A0Je travaille"));
    REQUIRE(find_advice(a, "introduction"));
    CHECK(find_advice(a, "introduction")->message.starts_with("Bonne demande, à garder"));
    CHECK(a.has_warning("mentions-job"));

    // Without a target: the estimate alone, in French.
    const PitchAnalysis open = fr.analyze("Je suis étudiante en chimie et je m'intéresse à la cosmétique.", {});
    REQUIRE(find_advice(open, "length"));
    CHECK(contains(find_advice(open, "length")->message, "aucun objectif choisi"));
    check_no_english(find_advice(open, "length")->message);
}

TEST_CASE("a French pitch's half-said component gets French 'maybe' advice") {
    const PitchWording& w = pitch_wording("fr");
    ComponentCoverage c;
    c.component = PitchComponent::skills;
    c.status = ComponentStatus::maybe;
    c.evidence.push_back({"Je touche un peu à Excel.", 0, 24, 0.4, ""});
    CHECK(fill(w.maybe, {{"your", w.yours[1]}, {"sentence", "«\u00A0Je touche un peu à Excel.\u00A0»"},
                         {"description", w.descriptions[1]}})
              .starts_with("Précisez vos compétences\u00A0: «\u00A0Je touche"));
}

TEST_CASE("English pitches keep their English advice, word for word") {
    PitchAnalyzer en = reader("en");
    PitchAnalysisOptions o;
    o.target_seconds = 30;
    o.profile.field = "Public Health";
    const PitchAnalysis a = en.analyze("I've been a pediatric nurse for six years.", o);
    REQUIRE(find_advice(a, "missing-interest"));
    CHECK(find_advice(a, "missing-interest")->message ==
          "Add your interest: say which field you want to learn about and why. For example: "
          "\u201CI'm exploring public health, and what draws me to it is ...\u201D");
    CHECK(find_advice(a, "length")->message ==
          "About 3 s at 140 words per minute: shorter than the 30 s target needs (at least 26 s). "
          "Add about 52 words.");
    CHECK(en.analyze("Um, I study law, um.", {}).warnings.size() > 0);
    const PitchAnalysis f = en.analyze("Um, I study law, um.", {});
    for (const PitchWarning& w : f.warnings)
        if (w.code == "filler-words")
            CHECK(w.message == "Filler words: \"Um\" x2. Leave them out: they take time and say nothing.");
}

TEST_CASE("the profile's field is made to sit inside a sentence") {
    CHECK(field_in_sentence("  Public Health. ") == "public health");
    CHECK(field_in_sentence("Édition jeunesse") == "édition jeunesse");
    CHECK(field_in_sentence("UX Design") == "UX design");
    CHECK(field_in_sentence("iOS development") == "iOS development");
    CHECK(field_in_sentence("data science") == "data science");
    CHECK(field_in_sentence("   ") == "");
    CHECK(fill("{a} and {b}, {a}; {c}", {{"a", "x"}, {"b", "y"}}) == "x and y, x; {c}");
}
