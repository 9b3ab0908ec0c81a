#include "engine/base/error.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace rapport;

namespace {

PitchAnalyzer shipped_analyzer(const std::string& language) {
    return PitchAnalyzer(load_pitch_cues(
        pitch_cues_file(rapport::test::source_dir() / "question-banks", language)));
}

bool covers(const PitchAnalysis& a, PitchComponent c) {
    return a.components.at(static_cast<std::size_t>(c)).covered;
}

int count_code(const PitchAnalysis& a, std::string_view code) {
    int n = 0;
    for (const auto& w : a.warnings) n += w.code == code;
    return n;
}

std::string first_message(const PitchAnalysis& a, std::string_view code) {
    for (const auto& w : a.warnings)
        if (w.code == code) return w.message;
    return "";
}

// n words, no cue, no filler, split into sentences of at most 10 words.
std::string plain_words(int n) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += (i % 10 == 1 ? "Tree" : "tree") + std::string(i % 10 == 0 || i == n ? ". " : " ");
    return out;
}

// A sentence of exactly n words with no cue.
std::string sentence_of(int n) {
    std::string out = "Rivers";
    for (int i = 1; i < n; ++i) out += " rivers";
    return out + ".";
}

constexpr const char* kNeutral = "The weather was mild and the train left on time.";

struct ComponentCase {
    PitchComponent component;
    const char* sentence;
};

}  // namespace

TEST_CASE("a neutral script covers no component and warns for each one") {
    for (const char* lang : {"en", "fr"}) {
        CAPTURE(lang);
        PitchAnalyzer analyzer = shipped_analyzer(lang);
        PitchAnalysis a = analyzer.analyze(kNeutral, {});
        REQUIRE(a.components.size() == 8);
        for (const auto& c : a.components) CHECK_FALSE(c.covered);
        CHECK(count_code(a, "missing-component") == 8);
    }
}

TEST_CASE("each English component is found from its cues, and only then") {
    PitchAnalyzer en = shipped_analyzer("en");
    const ComponentCase cases[] = {
        {PitchComponent::interest, "I'm interested in urban planning."},
        {PitchComponent::skills, "I'm good at turning messy data into clear charts."},
        {PitchComponent::knowledge, "I'm familiar with the rules on public tenders."},
        {PitchComponent::education, "I studied chemistry in Leeds."},
        {PitchComponent::experience, "I've worked as a line cook for six years."},
        {PitchComponent::strengths, "My greatest strength is patience."},
        {PitchComponent::accomplishments, "I won a regional award for our recycling plan."},
        {PitchComponent::goals, "Long-term, I'd like to run a small lab."},
    };
    for (const auto& [component, sentence] : cases) {
        CAPTURE(sentence);
        PitchAnalysis with = en.analyze(std::string(kNeutral) + " " + sentence, {});
        CHECK(covers(with, component));
        CHECK_FALSE(with.components[static_cast<std::size_t>(component)].cue.empty());
        CHECK(count_code(with, "missing-component") == 7);
        PitchAnalysis without = en.analyze(kNeutral, {});
        CHECK_FALSE(covers(without, component));
    }
}

TEST_CASE("each French component is found from its cues") {
    PitchAnalyzer fr = shipped_analyzer("fr");
    const ComponentCase cases[] = {
        {PitchComponent::interest, "Je m'intéresse à l'urbanisme."},
        {PitchComponent::skills, "Je maîtrise la gestion de projet."},
        {PitchComponent::knowledge, "J'ai une bonne compréhension des marchés publics."},
        {PitchComponent::education, "J'ai étudié la chimie à Lille."},
        {PitchComponent::experience, "J'ai travaillé six ans en cuisine."},
        {PitchComponent::strengths, "Mon point fort, c'est la patience."},
        {PitchComponent::accomplishments, "J'ai remporté un concours régional."},
        {PitchComponent::goals, "À long terme, j'aimerais diriger un laboratoire."},
    };
    for (const auto& [component, sentence] : cases) {
        CAPTURE(sentence);
        PitchAnalysis with = fr.analyze(std::string("Il faisait beau et le train est parti à l'heure. ") + sentence, {});
        CHECK(covers(with, component));
        CHECK(count_code(with, "missing-component") == 7);
    }
}

TEST_CASE("matching ignores case, accents, curly quotes and hyphens") {
    PitchAnalyzer en = shipped_analyzer("en");
    CHECK(covers(en.analyze("I’M INTERESTED IN maps.", {}), PitchComponent::interest));
    CHECK(covers(en.analyze("In the long-run I will teach.", {}), PitchComponent::goals));
    PitchAnalyzer fr = shipped_analyzer("fr");
    CHECK(covers(fr.analyze("JE M’INTERESSE aux cartes.", {}), PitchComponent::interest));
    CHECK(covers(fr.analyze("Je suis passionnée de cartes.", {}), PitchComponent::interest));  // passionn*
    // The match is reported as the script wrote it.
    PitchAnalysis a = fr.analyze("Bref. JE M’INTERESSE aux cartes.", {});
    CHECK(a.components[0].excerpt == "JE M’INTERESSE");
    CHECK(a.components[0].cue == "je m'intéresse");
}

TEST_CASE("a cue does not match across sentences") {
    PitchAnalyzer en = shipped_analyzer("en");
    CHECK_FALSE(covers(en.analyze("I was interested. In May I left.", {}), PitchComponent::interest));
}

TEST_CASE("words, estimate and speaking rate") {
    PitchAnalyzer en = shipped_analyzer("en");
    PitchAnalysis a = en.analyze(plain_words(70), {});
    CHECK(a.words == 70);
    CHECK(a.wpm == 140);
    CHECK(a.wpm_source == WpmSource::fallback);
    CHECK(a.estimated_seconds == doctest::Approx(30.0));
    CHECK_FALSE(a.target_seconds);  // none unless chosen

    PitchAnalysisOptions measured;
    measured.measured_wpm = 105;
    a = en.analyze(plain_words(70), measured);
    CHECK(a.wpm_source == WpmSource::measured);
    CHECK(a.estimated_seconds == doctest::Approx(40.0));

    PitchAnalysisOptions given = measured;
    given.wpm = 120;  // --wpm wins over the measured rate
    a = en.analyze(plain_words(70), given);
    CHECK(a.wpm_source == WpmSource::option);
    CHECK(a.estimated_seconds == doctest::Approx(35.0));
}

TEST_CASE("too-long and too-short at the ±15% boundaries") {
    PitchAnalyzer en = shipped_analyzer("en");
    PitchAnalysisOptions o;
    o.target_seconds = 60;
    o.wpm = 120;  // 2 words a second: 51 s = 102 words, 69 s = 138 words
    auto run = [&](int words) { return en.analyze(plain_words(words), o); };
    CHECK_FALSE(run(138).has_warning("too-long"));
    CHECK(run(139).has_warning("too-long"));
    CHECK_FALSE(run(102).has_warning("too-short"));
    CHECK(run(101).has_warning("too-short"));
    CHECK_FALSE(run(120).has_warning("too-long"));
    CHECK_FALSE(run(120).has_warning("too-short"));
    // The message says how much to cut or add.
    CHECK(run(150).warnings[0].message.find("Cut about 12 words") != std::string::npos);
    CHECK(run(90).warnings[0].message.find("Add about 12 words") != std::string::npos);
}

TEST_CASE("mentions-job: asking for work is flagged, talking about a job is not") {
    PitchAnalyzer en = shipped_analyzer("en");
    PitchAnalysis asks = en.analyze("I love maps. Are you hiring at the moment?", {});
    REQUIRE(asks.has_warning("mentions-job"));
    PitchAnalysis fine = en.analyze("My first job was in a bakery. How do people usually find work in this field?", {});
    CHECK_FALSE(fine.has_warning("mentions-job"));
    PitchAnalyzer fr = shipped_analyzer("fr");
    CHECK(fr.analyze("Est-ce que vous recrutez en ce moment ?", {}).has_warning("mentions-job"));
    CHECK_FALSE(fr.analyze("Mon premier emploi était dans une boulangerie.", {}).has_warning("mentions-job"));
}

TEST_CASE("filler-words: counted and quoted; 'like' only between pauses") {
    PitchAnalyzer en = shipped_analyzer("en");
    PitchAnalysis a = en.analyze("Um, I basically, like, draw maps. Um, you know, maps.", {});
    REQUIRE(a.has_warning("filler-words"));
    const std::string message = first_message(a, "filler-words");
    CHECK(message.find("\"Um\" x2") != std::string::npos);
    CHECK(message.find("\"basically\"") != std::string::npos);
    CHECK(message.find("\"like\"") != std::string::npos);
    CHECK(message.find("\"you know\"") != std::string::npos);
    CHECK_FALSE(en.analyze("I'd like to draw maps that people like.", {}).has_warning("filler-words"));
    PitchAnalyzer fr = shipped_analyzer("fr");
    CHECK(fr.analyze("Euh, du coup, je dessine des cartes.", {}).has_warning("filler-words"));
    CHECK_FALSE(fr.analyze("Je dessine des cartes.", {}).has_warning("filler-words"));
}

TEST_CASE("long-sentence: one warning per sentence over the limit") {
    PitchAnalyzer en = shipped_analyzer("en");
    CHECK_FALSE(en.analyze(sentence_of(30), {}).has_warning("long-sentence"));
    PitchAnalysis a = en.analyze(sentence_of(31) + " Short one. " + sentence_of(40), {});
    CHECK(count_code(a, "long-sentence") == 2);
    CHECK(first_message(a, "long-sentence").find("Sentence 1 (\"Rivers rivers") != std::string::npos);
}

TEST_CASE("missing-component: none for a complete pitch") {
    PitchAnalyzer en = shipped_analyzer("en");
    const char* complete =
        "I'm interested in public health. I'm good at statistics. I'm familiar with survey "
        "design. I studied biology. I've worked as a lab technician. My strengths are care and "
        "patience. I built a sample tracking tool. Long term, I hope to lead studies.";
    PitchAnalysis a = en.analyze(complete, {});
    CHECK(count_code(a, "missing-component") == 0);
    for (const auto& c : a.components) CHECK(c.covered);
}

TEST_CASE("warnings come in their documented order") {
    PitchAnalyzer en = shipped_analyzer("en");
    PitchAnalysisOptions o;
    o.target_seconds = 60;
    PitchAnalysis a = en.analyze("Um, are you hiring? " + sentence_of(35), o);
    REQUIRE(a.warnings.size() >= 5);
    CHECK(a.warnings[0].code == "too-short");
    CHECK(a.warnings[1].code == "mentions-job");
    CHECK(a.warnings[2].code == "filler-words");
    CHECK(a.warnings[3].code == "long-sentence");
    CHECK(a.warnings[4].code == "missing-component");
}

TEST_CASE("an empty script and bad options are refused") {
    PitchAnalyzer en = shipped_analyzer("en");
    CHECK_THROWS_WITH_AS(en.analyze("", {}), doctest::Contains("empty"), Error);
    CHECK_THROWS_WITH_AS(en.analyze(" ... 🚀 ", {}), doctest::Contains("empty"), Error);
    PitchAnalysisOptions o;
    o.wpm = 5;
    CHECK_THROWS_WITH_AS(en.analyze("Hello there.", o), doctest::Contains("words per minute"), Error);
    o = {};
    o.target_seconds = 0;
    CHECK_THROWS_WITH_AS(en.analyze("Hello there.", o), doctest::Contains("target"), Error);
}
