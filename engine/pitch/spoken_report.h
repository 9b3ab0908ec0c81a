// The coach's report on one spoken attempt at a pitch (a recording or the
// microphone), computed on this machine.
//
// analyze_spoken_pitch() measures:
//   - speaking time: first to last voiced frame (voice_activity.h);
//   - pauses of 0.5 s or more inside it, with start and end;
//   - pace: words per minute over the speaking time, and a pace curve over
//     kPaceWindowSeconds windows. With a script, the words are the script's
//     (only the sentences said, when recognition can tell) and wpm_source is
//     "script"; without one, words are estimated from syllable nuclei
//     (syllables.h) and wpm_source is "estimate";
//   - English with a script: recognition against the script
//     (speech_recognizer.h) gives word timings, the fillers (um, uh, er) with
//     their times, and for each sentence whether it was said (at least
//     kSaidShare of its words heard, in order);
//   - French, or no script, or no English model: no recognition, and
//     `limits` says what the report cannot tell.
// Then at most three suggestions, most important first. The length is judged
// against the target only when there is one: with no target (a script saved
// without one) there is no length suggestion, and target_seconds stays empty
// (shown as the speaking time beside the usual 30 s to 2 min of a pitch).
#pragma once

#include "engine/audio/audio_clip.h"
#include "engine/audio/speech_recognizer.h"
#include "engine/audio/voice_activity.h"

#include <optional>
#include <string>
#include <vector>

namespace rapport {

inline constexpr double kPaceWindowSeconds = 10;
inline constexpr double kSaidShare = 0.5;
inline constexpr double kLongPauseSeconds = 2.0;  // a pause worth a remark
inline constexpr double kFillersPerMinuteToMention = 3;
inline constexpr int kMaxSuggestions = 3;

struct PacePoint {
    double at = 0;   // window start, seconds from the start of the clip
    double wpm = 0;
};

struct SpokenFiller {
    std::string word;
    double at = 0;
};

struct SpokenSentence {
    std::string text;
    bool said = false;
    double heard_share = 0;  // share of its words heard, in order
};

struct SpokenPitchOptions {
    std::optional<std::string> script;  // the text being rehearsed
    std::string language = "en";        // "en" or "fr"
    std::optional<double> target_seconds = 60;  // none: no length verdict
    std::optional<double> usual_wpm;    // the user's own pace on earlier attempts
    bool recognize = true;              // false: voice activity and pace only
};

struct SpokenReport {
    std::string language = "en";
    double clip_seconds = 0;
    double speaking_seconds = 0;
    double speech_start = 0;
    std::optional<double> target_seconds = 60;  // none: no target, no length verdict
    std::vector<Pause> pauses;
    int words = 0;
    double wpm = 0;
    std::string wpm_source = "estimate";  // "script" or "estimate"
    std::optional<double> usual_wpm;
    std::vector<PacePoint> pace;
    bool recognized = false;              // recognition ran
    std::vector<RecognizedWord> word_timings;
    std::vector<SpokenFiller> fillers;
    double fillers_per_minute = 0;
    std::vector<SpokenSentence> sentences;  // English with a script only
    std::vector<std::string> suggestions;   // at most kMaxSuggestions, most important first
    std::vector<std::string> limits;        // what this report cannot tell

    int long_pauses() const;
    int skipped_sentences() const;
};

// Throws rapport::Error when the clip holds no speech at all, or when
// recognition fails to start.
SpokenReport analyze_spoken_pitch(const AudioClip& clip, const SpokenPitchOptions& options);

}  // namespace rapport
