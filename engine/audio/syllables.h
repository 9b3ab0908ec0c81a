// Syllable nuclei: the vowels of speech, found as peaks of the loudness of
// the voice band (a band-pass around 300-2500 Hz keeps vowels and drops most
// of the hiss of fricatives). Counting them gives a speaking rate without
// recognising any word; it is an estimate (about one peak per syllable on
// clear speech, fewer when syllables run together).
//
// A peak counts when it lies in voiced frames, is no more than
// kNucleusBelowLoudDb under the loud speech of the clip (its 95th percentile,
// as in de Jong & Wempe's syllable-nuclei method: quiet murmurs and breaths
// are not syllables), stands kNucleusProminenceDb above the dips on both
// sides, and is at least kShortestSyllableSeconds from the previous nucleus.
#pragma once

#include "engine/audio/voice_activity.h"

#include <vector>

namespace rapport {

inline constexpr double kNucleusProminenceDb = 3.0;
inline constexpr double kShortestSyllableSeconds = 0.10;
inline constexpr double kNucleusBelowLoudDb = 25.0;

// Times (seconds) of the nuclei, in order.
std::vector<double> find_syllable_nuclei(const AudioClip& clip, const VoiceActivity& activity);

// Average syllables per word in running speech, for the estimate.
double syllables_per_word(const std::string& language);

}  // namespace rapport
