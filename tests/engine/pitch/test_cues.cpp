#include "engine/base/error.h"
#include "engine/pitch/cues.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

using namespace rapport;
using rapport::test::TempDir;

namespace {

// A valid cue file with one replacement applied to its text.
std::string cue_file(const std::string& find = "", const std::string& replace = "") {
    std::string text = R"({
  "language": "en",
  "long_sentence_words": 30,
  "components": {
    "interest": ["I'm interested in"],
    "skills": ["I'm good at"],
    "knowledge": ["familiar with"],
    "education": ["I studied"],
    "experience": ["I've worked"],
    "strengths": ["my strength"],
    "accomplishments": ["I won"],
    "goals": ["long term"]
  },
  "job_requests": ["are you hiring"],
  "filler_words": ["um", ", like ,"]
}
)";
    if (!find.empty()) {
        auto at = text.find(find);
        REQUIRE(at != std::string::npos);
        text.replace(at, find.size(), replace);
    }
    return text;
}

std::string load_error(const TempDir& tmp, const std::string& text) {
    const auto path = tmp / "pitch-cues.en.json";
    rapport::test::write_file(path, text);
    try {
        load_pitch_cues(path);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("the shipped cue files load, with every component in both languages") {
    for (auto language : kPitchLanguages) {
        CAPTURE(language);
        PitchCues cues = load_pitch_cues(
            pitch_cues_file(rapport::test::source_dir() / "question-banks", language));
        CHECK(cues.language == language);
        for (PitchComponent c : kPitchComponents) CHECK(cues.cues_for(c).size() >= 5);
        CHECK(cues.job_requests.size() >= 5);
        CHECK(cues.filler_words.size() >= 5);
    }
}

TEST_CASE("cue phrases are folded; ',' asks for a pause and '*' for a prefix") {
    TempDir tmp;
    rapport::test::write_file(tmp / "c.json", cue_file("\"long term\"", "\"Long-Term*\""));
    PitchCues cues = load_pitch_cues(tmp / "c.json");
    const CuePhrase& goal = cues.cues_for(PitchComponent::goals).at(0);
    REQUIRE(goal.tokens.size() == 2);
    CHECK(goal.tokens[0].text == "long");
    CHECK(goal.tokens[1].text == "term");
    CHECK(goal.tokens[1].prefix);
    CHECK_FALSE(goal.tokens[0].prefix);
    const CuePhrase& like = cues.filler_words.at(1);
    REQUIRE(like.tokens.size() == 3);
    CHECK(like.tokens[0].text == ",");
    CHECK(like.tokens[1].text == "like");
}

TEST_CASE("every problem in a cue file is reported as file:line") {
    TempDir tmp;
    const std::string file = (tmp / "pitch-cues.en.json").string();
    CHECK(load_error(tmp, cue_file()) == "(no error)");
    CHECK(load_error(tmp, cue_file("\"en\"", "\"de\"")) ==
          file + ":2: \"language\" must be \"en\" or \"fr\"");
    CHECK(load_error(tmp, cue_file("30", "3")) ==
          file + ":3: \"long_sentence_words\" must be a whole number from 10 to 100");
    CHECK(load_error(tmp, cue_file("\"skills\"", "\"skils\"")) ==
          file + ":6: unknown component \"skils\" (expected: interest, skills, knowledge, "
                 "education, experience, strengths, accomplishments, goals)");
    CHECK(load_error(tmp, cue_file("    \"goals\": [\"long term\"]\n", "    \"zz\": []\n")) ==
          file + ":12: unknown component \"zz\" (expected: interest, skills, knowledge, "
                 "education, experience, strengths, accomplishments, goals)");
    CHECK(load_error(tmp, cue_file(",\n    \"goals\": [\"long term\"]", "")) ==
          file + ":4: missing component \"goals\"");
    CHECK(load_error(tmp, cue_file("[\"I won\"]", "[]")) ==
          file + ":11: the list of cue phrases is empty");
    CHECK(load_error(tmp, cue_file("[\"I won\"]", "[\"I won\", 3]")) ==
          file + ":11: a cue phrase must be a string");
    CHECK(load_error(tmp, cue_file("[\"I won\"]", "[\"!?\"]")) ==
          file + ":11: cue phrase \"!?\" has no word");
    CHECK(load_error(tmp, cue_file("\"um\", ", "\"UM\", \"úm\", ")) ==
          file + ":15: cue phrase \"úm\" is listed twice (after folding case and accents)");
    CHECK(load_error(tmp, cue_file("\"job_requests\"", "\"job_request\"")) ==
          file + ":14: unknown field \"job_request\"");
    CHECK(load_error(tmp, cue_file("\"filler_words\"", "\"x\": 1, \"filler_words\"")) ==
          file + ":15: unknown field \"x\"");
    CHECK(load_error(tmp, "{ \"language\": \"en\",\n  oops }").starts_with(file + ":2:"));
    CHECK(load_error(tmp, "[]") == file + ":1: a pitch cue file must hold a JSON object");
}

TEST_CASE("a missing cue file names the file") {
    TempDir tmp;
    CHECK_THROWS_WITH_AS(load_pitch_cues(pitch_cues_file(tmp.path(), "fr")),
                         doctest::Contains("pitch-cues.fr.json"), Error);
}
