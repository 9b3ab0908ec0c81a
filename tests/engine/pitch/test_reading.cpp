// The pitch read with the shipped models: paraphrases the cues miss, evidence
// that points into the script, asks, the target and the ranked advice. The
// sentences here are written for these tests (none is a training sentence).
#include "engine/base/error.h"
#include "engine/language/classifier.h"
#include "engine/pitch/advice.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using namespace rapport;

namespace {

PitchCues shipped_cues(const std::string& language) {
    return load_pitch_cues(pitch_cues_file(rapport::test::source_dir() / "question-banks", language));
}

PitchAnalyzer reader(const std::string& language) {
    return PitchAnalyzer(shipped_cues(language), shipped_pitch_models(language));
}

ComponentStatus status(const PitchAnalysis& a, PitchComponent c) { return a.coverage(c).status; }

bool has_advice(const PitchAnalysis& a, std::string_view code) {
    for (const PitchAdvice& item : a.advice)
        if (item.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("the model finds components the cues miss, and the evidence points into the script") {
    const std::string script =
        "Hello, I'm Ravi. I'm halfway through a mechanical engineering diploma at Seneca. "
        "Over the last two summers I repaired bicycles at a community workshop. "
        "My goal is a junior role designing bike infrastructure.";
    PitchAnalyzer cues_only(shipped_cues("en"));
    const PitchAnalysis plain = cues_only.analyze(script, {});
    PitchAnalyzer en = reader("en");
    const PitchAnalysis a = en.analyze(script, {});
    for (PitchComponent c : {PitchComponent::education, PitchComponent::experience,
                             PitchComponent::goals}) {
        CAPTURE(component_name(c));
        CHECK(status(a, c) == ComponentStatus::present);
        const ComponentEvidence& e = a.coverage(c).evidence.at(0);
        CHECK(script.substr(e.begin, e.end - e.begin) == e.sentence);
        CHECK(e.confidence >= kPresentConfidence);
        CHECK(a.coverage(c).confidence == e.confidence);
    }
    CHECK(plain.coverage(PitchComponent::education).status == ComponentStatus::missing);
    CHECK(a.coverage(PitchComponent::education).evidence.at(0).sentence ==
          "I'm halfway through a mechanical engineering diploma at Seneca.");
    // The greeting is evidence of nothing.
    for (const ComponentCoverage& c : a.components)
        for (const ComponentEvidence& e : c.evidence) CHECK(e.sentence != "Hello, I'm Ravi.");
}

TEST_CASE("French components from the model, with the question mark in the evidence") {
    PitchAnalyzer fr = reader("fr");
    const std::string script =
        "Je suis en dernière année d'un DEC en techniques d'aménagement du territoire. "
        "Mes collègues de stage me demandaient toujours de relire leurs plans. "
        "Pourriez-vous me présenter à une urbaniste de votre équipe ?";
    const PitchAnalysis a = fr.analyze(script, {});
    CHECK(status(a, PitchComponent::education) == ComponentStatus::present);
    CHECK(status(a, PitchComponent::strengths) != ComponentStatus::missing);
    REQUIRE(a.asks.size() == 1);
    CHECK(a.asks[0].kind == AskKind::introduction);
    CHECK(a.asks[0].sentence == "Pourriez-vous me présenter à une urbaniste de votre équipe ?");
    CHECK(script.substr(a.asks[0].begin) == a.asks[0].sentence);
}

TEST_CASE("a job ask is warned and comes first in the advice; an introduction ask is not") {
    PitchAnalyzer en = reader("en");
    const PitchAnalysis job =
        en.analyze("I'm studying accounting at Concordia. My application for your audit "
                   "internship was turned down; could you get them to reconsider it?", {});
    CHECK(job.has_warning("mentions-job"));
    REQUIRE_FALSE(job.advice.empty());
    CHECK(job.advice[0].code == "job-ask");

    const PitchAnalysis intro =
        en.analyze("I'm studying accounting at Concordia. Is there someone in your audit group "
                   "who might be willing to tell me how they got started?", {});
    CHECK_FALSE(intro.has_warning("mentions-job"));
    CHECK(has_advice(intro, "introduction"));
}

TEST_CASE("thanks and openers are not asks") {
    PitchAnalyzer en = reader("en");
    for (const char* opener : {"Thank you for meeting with me.", "Thanks a lot for seeing me today.",
                               "I really appreciate you taking this call."}) {
        CAPTURE(opener);
        CHECK(en.analyze(opener, {}).asks.empty());
    }
    PitchAnalyzer fr = reader("fr");
    CHECK(fr.analyze("Merci beaucoup de me consacrer ce moment.", {}).asks.empty());
}

TEST_CASE("with no target there is no length verdict; with one there is") {
    PitchAnalyzer en = reader("en");
    const std::string short_intro = "I'm Mia, a first-year law student, and I'm curious about "
                                    "how people get into environmental law.";
    PitchAnalysis a = en.analyze(short_intro, {});
    CHECK_FALSE(a.has_warning("too-short"));
    CHECK_FALSE(a.has_warning("too-long"));
    CHECK(has_advice(a, "length"));
    PitchAnalysisOptions o;
    o.target_seconds = 60;
    CHECK(en.analyze(short_intro, o).has_warning("too-short"));
}

TEST_CASE("advice: the most important missing component first, from the profile's field") {
    PitchAnalyzer en = reader("en");
    PitchAnalysisOptions o;
    o.profile.field = "museum education";
    o.target_seconds = 30;
    const PitchAnalysis a =
        en.analyze("I've been a high school history teacher for eleven years. I'm known for "
                   "making field trips run smoothly.", o);
    REQUIRE(a.advice.size() > kFirstAdvice);
    CHECK(a.advice[0].code == "missing-interest");
    CHECK(a.advice[0].message.find("museum education") != std::string::npos);
    CHECK(a.advice[1].code == "length");
    // The other missing components wait in importance order, after the length.
    CHECK(a.advice[2].code == "missing-goals");

    // The user's own words for their goals come with the goals advice; tags do not.
    o.profile.goals = {"change-careers", "a role running family programs at a museum"};
    const PitchAnalysis g = en.analyze("I teach history at a high school in Halifax.", o);
    bool quoted_goal = false;
    for (const PitchAdvice& item : g.advice)
        if (item.code == "missing-goals")
            quoted_goal = item.message.find("a role running family programs") != std::string::npos &&
                          item.message.find("change-careers") == std::string::npos;
    CHECK(quoted_goal);

    PitchAnalyzer fr = reader("fr");
    PitchAnalysisOptions sans_profil;
    const PitchAnalysis b = fr.analyze("J'enseigne l'histoire depuis onze ans.", sans_profil);
    REQUIRE_FALSE(b.advice.empty());
    CHECK(b.advice[0].code == "missing-interest");
    CHECK(b.advice[0].message.find("Je m'intéresse à <domaine>") != std::string::npos);
}

TEST_CASE("a missing model file is reported, naming it, when the analysis runs") {
    const auto missing = rapport::test::TempDir();
    PitchModels models{std::make_shared<language::Classifier>(missing / "nope.ftz", Language::english),
                       nullptr};
    PitchAnalyzer en(shipped_cues("en"), models);
    CHECK_THROWS_WITH_AS(en.analyze("I like maps.", {}), doctest::Contains("nope.ftz"), Error);
    CHECK_THROWS_AS(shipped_pitch_models("de"), Error);
}

TEST_CASE("a question to the listener says nothing about the speaker, even with component words") {
    const std::pair<const char*, const char*> questions[] = {
        {"en", "Are you interested in what my degree in chemistry taught me? "
               "Would my experience in retail help in your field?"},
        {"fr", "Est-ce que mon diplôme en chimie vous intéresse ? Mon expérience en boutique "
               "servirait-elle dans votre métier ?"}};
    for (const auto& [language, script] : questions) {
        PitchAnalyzer analyzer = reader(language);
        for (const ComponentCoverage& c : analyzer.analyze(script, {}).components) {
            CAPTURE(language);
            CAPTURE(component_name(c.component));
            CHECK(c.status == ComponentStatus::missing);
        }
    }
    PitchAnalyzer en = reader("en");
    // The same words said as statements are read.
    const PitchAnalysis said = en.analyze("I have a degree in chemistry.", {});
    CHECK(said.coverage(PitchComponent::education).status == ComponentStatus::present);
}

TEST_CASE("a job ask shows no interest and no goal, and stays a job ask") {
    PitchAnalyzer fr = reader("fr");
    const PitchAnalysis a = fr.analyze("Je serais très intéressée par un poste dans votre équipe.", {});
    REQUIRE(a.asks.size() == 1);
    CHECK(a.asks[0].kind == AskKind::job);
    CHECK(a.coverage(PitchComponent::interest).status == ComponentStatus::missing);
    CHECK(a.coverage(PitchComponent::goals).status == ComponentStatus::missing);
    // Interest in a field, said on its own, is still interest.
    CHECK(fr.analyze("Je suis très intéressée par la biologie marine.", {})
              .coverage(PitchComponent::interest).status == ComponentStatus::present);
}

TEST_CASE("a long English sentence that says two things is read clause by clause too") {
    const std::string sentence =
        "I'm a second-year forestry student at UNB, and what I can't stop reading about is how "
        "fires move through peat bogs.";
    PitchModels models = shipped_pitch_models("en");
    REQUIRE(models.read_clauses);
    const SentenceReading both = read_sentence(models, sentence, {});
    models.read_clauses = false;
    const SentenceReading whole = read_sentence(models, sentence, {});
    const auto at = [](const SentenceReading& r, PitchComponent c) {
        return r.confidence[static_cast<std::size_t>(c)];
    };
    for (PitchComponent c : {PitchComponent::education, PitchComponent::interest}) {
        CAPTURE(component_name(c));
        CHECK(at(both, c) >= kPresentConfidence);
        CHECK(at(both, c) >= at(whole, c));
    }
    // Read whole, the sentence misses at least one of the two.
    CHECK(std::min(at(whole, PitchComponent::education), at(whole, PitchComponent::interest)) <
          kPresentConfidence);
    // The evidence is the whole sentence, so the Pitch screen highlights it.
    PitchAnalyzer en = reader("en");
    const PitchAnalysis a = en.analyze(sentence, {});
    CHECK(a.coverage(PitchComponent::interest).evidence.at(0).sentence == sentence);
    // French reads whole sentences (clauses cost precision there on cross-validation).
    CHECK_FALSE(shipped_pitch_models("fr").read_clauses);
}
