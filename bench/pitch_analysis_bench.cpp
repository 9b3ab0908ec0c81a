// How long pitch analysis takes: it must be cheap enough to run on every
// keystroke in the app. Prints the median and the slowest of many runs on a
// 300-word script and on a usual 60-second pitch, with the analyzer (its ICU
// objects and models) built once, as the app does; the cue-only reading for
// comparison; and the one-off costs of building the analyzer and of loading
// the models on the first analysis.
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

// A usual pitch: about 110 words, nine sentences.
const std::string kPitch =
    "Hi, I'm Sam. I'm a third-year civil engineering student at the University of Alberta. "
    "I've spent two summers as a site assistant with a road construction company. I'm "
    "comfortable with AutoCAD and I've learned a lot about drainage design. Last year our "
    "capstone team won the regional design competition out of twenty teams. My supervisors "
    "say I'm the person who keeps everyone on schedule, even when the weather ruins the plan. "
    "What draws me to transit is how much a good bus network changes people's days. I'd love "
    "to work on public transit projects after I graduate, ideally in planning. Would you be "
    "able to introduce me to someone on your transit team?";

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

void time_runs(const char* what, rapport::PitchAnalyzer& analyzer, const std::string& script) {
    constexpr int kRuns = 2000;
    std::vector<double> times;
    int words = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = Clock::now();
        words = analyzer.analyze(script, {}).words;
        times.push_back(microseconds(Clock::now() - start));
    }
    std::sort(times.begin(), times.end());
    std::printf("%s, %d-word script (%zu bytes), %d runs\n", what, words, script.size(), kRuns);
    std::printf("  median %.1f us, p99 %.1f us, max %.1f us\n", times[kRuns / 2],
                times[kRuns * 99 / 100], times.back());
}

}  // namespace

int main() {
    const auto cue_file = rapport::pitch_cues_file(rapport::shipped_banks_dir(), "en");
    const auto build_start = Clock::now();
    rapport::PitchAnalyzer analyzer(rapport::load_pitch_cues(cue_file),
                                    rapport::shipped_pitch_models("en"));
    const auto build_time = Clock::now() - build_start;
    const auto first_start = Clock::now();
    analyzer.analyze(kPitch, {});
    const auto first_time = Clock::now() - first_start;

    time_runs("pitch analysis with the models", analyzer, kPitch);
    time_runs("pitch analysis with the models", analyzer, script_of_300_words());
    rapport::PitchAnalyzer cues_only(rapport::load_pitch_cues(cue_file));
    time_runs("pitch analysis with the cues only", cues_only, kPitch);
    std::printf("building the analyzer (load cues, ICU iterators): %.1f us, once\n",
                microseconds(build_time));
    std::printf("first analysis (loads both models): %.1f ms, once\n",
                microseconds(first_time) / 1000);
}
