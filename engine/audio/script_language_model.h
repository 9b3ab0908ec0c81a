// A small trigram language model built from the script being rehearsed, in
// ARPA text form, for the recogniser (speech_recognizer.h).
//
// The script's words follow each other as written (sentence after sentence,
// one stream), with Witten-Bell-like fixed discounting: kScriptFollowShare of
// each context's probability goes to what the script says next and the rest
// backs off to single words, so skipping a sentence, repeating one or going
// back costs little. The single words are the script's, the fillers (um, uh,
// er) and a short list of common English words: a way out when the speaker
// says something that is not in the script, so the decoder does not have to
// force those sounds onto script words.
#pragma once

#include <string>
#include <vector>

namespace rapport {

inline constexpr double kScriptFollowShare = 0.8;
inline const std::vector<std::string> kFillerWords = {"um", "uh", "er"};

// sentences: lower-case words as the recogniser's dictionary spells them.
std::string build_script_language_model(const std::vector<std::vector<std::string>>& sentences);

// Common words the model offers besides the script's.
const std::vector<std::string>& escape_words();

}  // namespace rapport
