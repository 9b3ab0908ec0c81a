// Cue-phrase rules for pitch analysis, loaded from question-banks/.
//
// One file per language, question-banks/pitch-cues.<lang>.json:
//   {
//     "language": "en",
//     "long_sentence_words": 30,
//     "components": { "interest": ["i'm interested in", ...], ... all eight ... },
//     "job_requests": ["are you hiring", ...],
//     "introduction_requests": ["introduce me to", ...],   (optional)
//     "filler_words": ["um", ", like ,", ...],
//     "suggestions": { "interest": {"with_field": "I'm exploring {field}...",
//                                   "plain": "I'm exploring ..."}, ... }   (optional)
//   }
// A cue is a phrase matched word by word inside one sentence, ignoring case,
// accents and curly quotes (see normalize_for_matching() in text.h) and the hyphens between words.
// Two marks are allowed in a cue: "," requires a pause (comma, semicolon,
// colon, dash, bracket) at that place, so ", like ," is a filler where "I'd
// like to" is not; a trailing "*" on a word matches any word starting with it
// ("passionn*" matches "passionnée"). Pauses the cue does not ask for are
// skipped in the script.
//
// load_pitch_cues() checks everything and throws rapport::Error "file:line:
// message" for the first problem: bad JSON, a wrong or missing field, an
// unknown or missing component, an empty list, a cue with no word, a cue
// listed twice in one list.
#pragma once

#include "engine/pitch/word_count.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The eight parts of an elevator pitch, in the order a pitch usually says them.
enum class PitchComponent {
    interest,
    skills,
    knowledge,
    education,
    experience,
    strengths,
    accomplishments,
    goals
};
inline constexpr std::size_t kPitchComponentCount = 8;
inline constexpr std::array<PitchComponent, kPitchComponentCount> kPitchComponents = {
    PitchComponent::interest,   PitchComponent::skills,    PitchComponent::knowledge,
    PitchComponent::education,  PitchComponent::experience, PitchComponent::strengths,
    PitchComponent::accomplishments, PitchComponent::goals};

// "interest", "skills", ... (the JSON keys of the cue files and the CLI output).
std::string_view component_name(PitchComponent component);
std::optional<PitchComponent> component_from_name(std::string_view name);

struct CueToken {
    std::string text;    // folded word, or "," for a required pause
    bool prefix = false; // written with a trailing '*'
};

struct CuePhrase {
    std::string text;  // as written in the file, for messages
    std::vector<CueToken> tokens;
};

// An example sentence the advice offers for a missing component, in the
// cue file's language: with_field uses the profile's field ({field}); plain
// is for a user with no field in the profile.
struct ComponentSuggestion {
    std::string with_field;
    std::string plain;
};

struct PitchCues {
    std::string language;
    std::filesystem::path source;
    int long_sentence_words = 30;
    std::array<std::vector<CuePhrase>, kPitchComponentCount> components;
    std::vector<CuePhrase> job_requests;
    std::vector<CuePhrase> introduction_requests;  // empty when not given
    std::vector<CuePhrase> filler_words;
    std::array<ComponentSuggestion, kPitchComponentCount> suggestions;  // empty when not given

    const std::vector<CuePhrase>& cues_for(PitchComponent c) const {
        return components[static_cast<std::size_t>(c)];
    }
};

// The languages shipped with cue files.
inline constexpr std::array<std::string_view, 2> kPitchLanguages = {"en", "fr"};

// banks_dir/pitch-cues.<language>.json
std::filesystem::path pitch_cues_file(const std::filesystem::path& banks_dir,
                                      std::string_view language);

// Loads and checks one cue file (see the format above).
PitchCues load_pitch_cues(const std::filesystem::path& file);

// Splits and folds one cue phrase the way scripts are split and folded.
// Throws rapport::Error when the phrase has no word.
CuePhrase parse_cue_phrase(std::string_view text, WordSegmenter& segmenter);

}  // namespace rapport
