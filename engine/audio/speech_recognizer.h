// English speech recognition with PocketSphinx 0.8 and the en-us acoustic
// model (Debian pocketsphinx-en-us), against a language model built from the
// script being rehearsed (script_language_model.h).
//
// Only the voiced stretches are decoded (utterance_spans(): continuous speech
// cut into pieces of at most ~10 s), each as its own utterance, so silence
// costs nothing and memory stays small on long takes. The dictionary is the
// model's CMU dictionary cut down to the words the language model uses; a
// script word it does not know (a name, a company) gets a rough
// pronunciation from spelling_to_phones(), so it never breaks decoding.
// Words without letters ("2024") are left out of the model.
#pragma once

#include "engine/audio/audio_clip.h"
#include "engine/audio/voice_activity.h"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace rapport {

struct RecognizedWord {
    std::string word;  // lower case, as in the dictionary ("um" for a filler)
    double start = 0;  // seconds from the start of the clip
    double end = 0;
};

// The folder of the en-us acoustic model, and whether it is installed.
std::filesystem::path english_model_dir();
bool english_model_available();

// A word as the dictionary spells it: lower case, straight apostrophes; empty
// when it has no letter.
std::string dictionary_spelling(std::string_view word);

// Rough letter-to-sound rules (CMU phone set) for words the dictionary lacks.
std::string spelling_to_phones(std::string_view word);

// Throws rapport::Error when the model is missing or the decoder fails.
// spans: the stretches to decode (utterance_spans()); sentences: the
// script's words per sentence, spelt by dictionary_spelling().
std::vector<RecognizedWord> recognize_script_speech(const AudioClip& clip, std::span<const Pause> spans,
                                                    const std::vector<std::vector<std::string>>& sentences);

}  // namespace rapport
