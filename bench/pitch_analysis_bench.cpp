// How long pitch analysis takes on a 300-word script: it must be cheap enough
// to run on every keystroke in the app. Prints the median and the slowest of
// many runs, with the analyzer (and its ICU objects) built once, as the app
// does, and the one-off cost of building it.
#include "engine/base/paths.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// About 300 words of pitch-like English: cues, fillers, a long sentence.
std::string script_of_300_words() {
    const std::string paragraph =
        "I'm interested in user research, the part of product design that starts by listening "
        "to people. For nine years I worked as an emergency-room nurse in Lyon, so I'm good at "
        "interviewing people who are tired, worried or in pain, and at turning what they say "
        "into clear notes. My strengths are staying calm under pressure and, um, asking the "
        "question behind the question. Last year I completed a certificate in human-centred "
        "design and taught myself survey analysis in R. ";
    std::string text;
    while (rapport::WordSegmenter("en").count_words(text) < 300) text += paragraph;
    return text;
}

double microseconds(Clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

}  // namespace

int main() {
    const auto cue_file = rapport::pitch_cues_file(rapport::shipped_banks_dir(), "en");
    const auto build_start = Clock::now();
    rapport::PitchAnalyzer analyzer(rapport::load_pitch_cues(cue_file));
    const auto build_time = Clock::now() - build_start;

    const std::string script = script_of_300_words();
    constexpr int kRuns = 2000;
    std::vector<double> times;
    int words = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = Clock::now();
        words = analyzer.analyze(script, {}).words;
        times.push_back(microseconds(Clock::now() - start));
    }
    std::sort(times.begin(), times.end());
    std::printf("pitch analysis of a %d-word script (%zu bytes), %d runs\n", words, script.size(),
                kRuns);
    std::printf("  median %.1f us, p99 %.1f us, max %.1f us\n", times[kRuns / 2],
                times[kRuns * 99 / 100], times.back());
    std::printf("  building the analyzer (load cues, ICU iterators): %.1f us, once\n",
                microseconds(build_time));
}
