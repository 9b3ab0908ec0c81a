// Elevator pitch script analysis: length, coverage, asks and advice, read the
// way a coach reads a pitch.
//
// PitchAnalyzer::analyze() takes a script and reports:
//   - words, counted as in word_count.h;
//   - estimated_seconds = words / wpm * 60, rounded to 0.1 s, where wpm is
//     the rate given by the caller (--wpm), else the user's own rate measured
//     on earlier timed attempts of this script (pitch_store.h), else 140;
//   - for each of the eight components (cues.h), whether the pitch says it:
//     each sentence is read by the learned component model (one-vs-all, so a
//     sentence can show several components) and by the cue phrases of the
//     language; a component is "present" when one sentence shows it with
//     confidence >= kPresentConfidence, "maybe" when the best sentence only
//     reaches kMaybeConfidence, else "missing". Every sentence that shows it
//     is kept as evidence, with its byte range in the script so the app can
//     highlight it (see reading.h for how model and cues are combined);
//   - the asks (reading.h): an ask to be introduced to people to learn from
//     (good: it is what these meetings are for) or an ask for a job, a
//     referral for a post, or a push for an application (warned);
//   - warnings, each with a stable code and a plain message, in this order:
//       too-long / too-short  only with a target: estimate outside target
//                             ±15% (bounds included in the allowed range).
//                             With no target, 30 s to 2 min is fine and no
//                             verdict is given,
//       mentions-job          the script asks for a job, a hiring decision or
//                             a referral for a post,
//       filler-words          "um", "you know", "basically"…,
//       long-sentence         one per sentence longer than the language's
//                             long_sentence_words,
//       missing-component     one per component neither model nor cue finds
//                             (a "maybe" is not missing);
//   - advice (advice.h): what a coach would say, most useful first; the app
//     shows kFirstAdvice items and the rest on demand.
//
// The analyzer keeps its cue rules, its ICU segmenter and its models (read
// from disk on first use), so the app can call analyze() on every keystroke
// (see bench/pitch_analysis_bench.cpp). Not thread-safe.
#pragma once

#include "engine/pitch/cues.h"
#include "engine/pitch/reading.h"
#include "engine/pitch/word_count.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

inline constexpr double kDefaultWordsPerMinute = 140;
inline constexpr double kDefaultPitchTargetSeconds = 60;  // a new saved script's target
inline constexpr double kPitchTargetTolerance = 0.15;
// With no target, a pitch of this length is fine.
inline constexpr double kUsualPitchShortestSeconds = 30;
inline constexpr double kUsualPitchLongestSeconds = 120;

// Where the speaking rate of an analysis came from.
enum class WpmSource { option, measured, fallback };
std::string_view wpm_source_name(WpmSource source);  // "option", "measured", "default"

// What the advice may use from the user's profile (engine/records/profile.h).
struct PitchProfileHints {
    std::string field;               // the field, industry or role of interest
    std::vector<std::string> goals;  // goal tags ("change-careers"...) or free text
};

struct PitchAnalysisOptions {
    std::optional<double> target_seconds;  // none: no length verdict (30 s to 2 min is fine)
    std::optional<double> wpm;             // given by the user
    std::optional<double> measured_wpm;    // from earlier attempts (measured_words_per_minute())
    PitchProfileHints profile;             // for the suggestions in the advice
};

enum class ComponentStatus { missing, maybe, present };
std::string_view component_status_name(ComponentStatus status);  // "missing", "maybe", "present"

// A sentence of the script that shows a component.
struct ComponentEvidence {
    std::string sentence;   // as written in the script
    std::size_t begin = 0;  // its byte range in the script
    std::size_t end = 0;
    double confidence = 0;  // 0 to 1
    std::string cue;        // the cue phrase that matched in it, if any
};

struct ComponentCoverage {
    PitchComponent component = PitchComponent::interest;
    bool covered = false;  // status == present
    ComponentStatus status = ComponentStatus::missing;
    double confidence = 0;  // of the best evidence; 0 when missing
    std::string cue;        // the first cue phrase that matched, as written in the cue file
    std::string excerpt;    // the words of the script that matched it
    std::vector<ComponentEvidence> evidence;  // most confident first
};

// An ask the pitch makes of the listener (AskKind: reading.h).
struct PitchAsk {
    AskKind kind = AskKind::introduction;
    std::string sentence;
    std::size_t begin = 0;
    std::size_t end = 0;
    double confidence = 0;
};

struct PitchWarning {
    std::string code;
    std::string message;
};

// One piece of advice: a stable code ("missing-interest", "length", "job-ask",
// "maybe-skills", "filler-words"...) and what to do, in plain words.
struct PitchAdvice {
    std::string code;
    std::string message;
};
// How many advice items the app shows before "more".
inline constexpr std::size_t kFirstAdvice = 3;

struct PitchAnalysis {
    std::string language = "en";  // of the pitch: every message is written in it (wording.h)
    int words = 0;
    int sentences = 0;
    double estimated_seconds = 0;
    std::optional<double> target_seconds;
    double wpm = 0;
    WpmSource wpm_source = WpmSource::fallback;
    std::vector<ComponentCoverage> components;  // all eight, in kPitchComponents order
    std::vector<PitchAsk> asks;                 // in script order
    std::vector<PitchWarning> warnings;
    std::vector<PitchAdvice> advice;            // most useful first

    bool has_warning(std::string_view code) const;
    const ComponentCoverage& coverage(PitchComponent c) const {
        return components[static_cast<std::size_t>(c)];
    }
};

// The estimate against the target in one sentence, in the pitch's language:
// the too-long or too-short message when there is one, else that it fits;
// with no target, the estimate alone.
std::string length_summary(const PitchAnalysis& analysis);

// Checks the user-supplied numbers; throws rapport::Error naming the option.
void check_pitch_target(double seconds);  // 5 s to 10 min
void check_words_per_minute(double wpm);  // 40 to 400

class PitchAnalyzer {
public:
    // Without models (models.components null) components come from the cues
    // alone and asks from the job-request cues alone.
    explicit PitchAnalyzer(PitchCues cues, PitchModels models = {});

    const PitchCues& cues() const { return cues_; }

    // Throws rapport::Error when the script has no words, or when an option
    // is out of range.
    PitchAnalysis analyze(std::string_view script, const PitchAnalysisOptions& options);

private:
    PitchCues cues_;
    PitchModels models_;
    WordSegmenter segmenter_;
};

}  // namespace rapport
