// Elevator pitch script analysis: length, coverage and advice.
//
// PitchAnalyzer::analyze() takes a script and reports:
//   - words, counted as in word_count.h;
//   - estimated_seconds = words / wpm * 60, rounded to 0.1 s, where wpm is
//     the rate given by the caller (--wpm), else the user's own rate measured
//     on earlier timed attempts of this script (pitch_store.h), else 140;
//   - which of the eight components (pitch_cues.h) a cue phrase covers, with
//     the cue and the words of the script that matched;
//   - warnings, each with a stable code and a plain message, in this order:
//       too-long / too-short  estimate outside target ±15% (bounds included
//                             in the allowed range),
//       mentions-job          the script asks for a job, a hiring decision or
//                             a referral (no place in an informational
//                             interview pitch),
//       filler-words          "um", "you know", "basically"…,
//       long-sentence         one per sentence longer than the language's
//                             long_sentence_words,
//       missing-component     one per component no cue covers.
//
// The analyzer keeps its cue rules and ICU segmenter, so the app can call
// analyze() on every keystroke (a 300-word script takes well under a
// millisecond; see bench/pitch_analysis_bench.cpp). Not thread-safe.
#pragma once

#include "engine/pitch/cues.h"
#include "engine/pitch/word_count.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

inline constexpr double kDefaultWordsPerMinute = 140;
inline constexpr double kDefaultPitchTargetSeconds = 60;
inline constexpr double kPitchTargetTolerance = 0.15;

// Where the speaking rate of an analysis came from.
enum class WpmSource { option, measured, fallback };
std::string_view wpm_source_name(WpmSource source);  // "option", "measured", "default"

struct PitchAnalysisOptions {
    double target_seconds = kDefaultPitchTargetSeconds;
    std::optional<double> wpm;           // given by the user
    std::optional<double> measured_wpm;  // from earlier attempts (measured_words_per_minute())
};

struct ComponentCoverage {
    PitchComponent component = PitchComponent::interest;
    bool covered = false;
    std::string cue;      // the cue phrase that matched, as written in the cue file
    std::string excerpt;  // the words of the script that matched it
};

struct PitchWarning {
    std::string code;
    std::string message;
};

struct PitchAnalysis {
    int words = 0;
    int sentences = 0;
    double estimated_seconds = 0;
    double target_seconds = 0;
    double wpm = 0;
    WpmSource wpm_source = WpmSource::fallback;
    std::vector<ComponentCoverage> components;  // all eight, in kPitchComponents order
    std::vector<PitchWarning> warnings;

    bool has_warning(std::string_view code) const;
};

// Checks the user-supplied numbers; throws rapport::Error naming the option.
void check_pitch_target(double seconds);  // 5 s to 10 min
void check_words_per_minute(double wpm);  // 40 to 400

class PitchAnalyzer {
public:
    explicit PitchAnalyzer(PitchCues cues);

    const PitchCues& cues() const { return cues_; }

    // Throws rapport::Error when the script has no words, or when an option
    // is out of range.
    PitchAnalysis analyze(std::string_view script, const PitchAnalysisOptions& options);

private:
    PitchCues cues_;
    WordSegmenter segmenter_;
};

}  // namespace rapport
