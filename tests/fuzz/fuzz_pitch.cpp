// Pitch analysis on arbitrary script text, with the shipped cues.
#include "engine/base/paths.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static PitchAnalyzer english(load_pitch_cues(shipped_banks_dir() / "pitch-cues.en.json"));
    static PitchAnalyzer french(load_pitch_cues(shipped_banks_dir() / "pitch-cues.fr.json"));
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::refusing([&] { english.analyze(text, {}); });
    fuzz::refusing([&] { french.analyze(text, {}); });
    return 0;
}
