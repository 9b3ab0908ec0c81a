// Pitch analysis on text that is not UTF-8 (issue 19): a named refusal,
// not std::out_of_range from mismatched byte offsets.
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"

#include <doctest/doctest.h>

using namespace rapport;

TEST_CASE("analyze refuses a script that is not UTF-8, naming it") {
    PitchAnalyzer analyzer(load_pitch_cues(shipped_banks_dir() / "pitch-cues.en.json"));
    CHECK_THROWS_WITH_AS(analyzer.analyze("I am Sam and I plan \xff\xfe cities.", {}),
                         doctest::Contains("script text: not valid UTF-8"), Error);
    CHECK(analyzer.analyze("I am Sam and I plan cities for people.", {}).words > 0);
}
