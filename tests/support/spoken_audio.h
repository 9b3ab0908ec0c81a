// Spoken pitches for tests, made at run time (nothing big is committed):
// espeak-ng speaks each sentence at a known rate, sox trims it, joins the
// sentences with silences of known length, adds "um"/"uh" at known places
// and mixes in steady white noise at -30 dBFS. The result is 16 kHz mono
// WAV, with the truth the analysis should find.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rapport::test {

struct TakePlan {
    int speed = 150;                          // espeak-ng -s (words per minute)
    std::string voice = "en-us";              // espeak-ng -v
    std::vector<std::string> sentences;
    std::map<std::size_t, double> pause_after;  // sentence index -> inserted silence (s)
    double gap = 0.25;                        // silence between other sentences (not a pause)
    std::vector<std::size_t> left_out;        // sentences not spoken (a skip)
    std::map<std::size_t, std::string> filler_before;  // sentence index -> "um" / "uh"
    bool noise = true;
    double lead = 0.5, tail = 0.5;            // silence before and after the speech
};

struct TimeSpan {
    double start = 0;
    double end = 0;
};

struct Take {
    std::filesystem::path file;
    double speech_start = 0;
    double speech_end = 0;
    std::vector<TimeSpan> pauses;                       // the inserted ones
    std::vector<std::pair<std::string, double>> fillers;  // word, start time
    double speaking_seconds() const { return speech_end - speech_start; }
};

// Whether espeak-ng and sox are installed (scripts/setup installs them).
bool speech_tools_available();

// Makes the take in `folder` as name.wav. Throws std::runtime_error when a
// tool fails.
Take make_take(const std::filesystem::path& folder, const std::string& name, const TakePlan& plan);

// Recordings (all at `rate`, mono) and silences joined end to end into
// folder/name.wav. A piece with no file is a silence of `silence` seconds.
struct TakePiece {
    std::filesystem::path file;
    double silence = 0;
};
std::filesystem::path join_recordings(const std::filesystem::path& folder, const std::string& name,
                                      const std::vector<TakePiece>& pieces, int rate);

// The six sentences the tests speak ("Quellbrook" is in no dictionary), and the script as one text.
const std::vector<std::string>& sample_sentences();
std::string sample_script();

}  // namespace rapport::test
