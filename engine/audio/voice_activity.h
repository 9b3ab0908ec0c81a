// Speech versus silence, 10 ms at a time, robust to steady background noise.
//
// Each frame's level (RMS, dBFS) is compared with a noise floor that follows
// the quietest recent frames: it drops at once to a quieter frame and rises
// slowly (kFloorRiseDbPerSecond), so a fan or a hum raises it while speech,
// which always has quiet gaps between syllables, does not. A frame is voiced
// when it stands kStartMarginDb above the floor (kKeepMarginDb once speech has
// started: hysteresis keeps soft word endings), and runs of voice shorter
// than kShortestVoiceSeconds (clicks, a door) are dropped.
//
// VoiceActivityDetector works on a live stream (the recorder feeds it as the
// microphone delivers); detect_voice_activity() runs it over a whole clip.
#pragma once

#include "engine/audio/audio_clip.h"

#include <cstddef>
#include <span>
#include <vector>

namespace rapport {

inline constexpr double kFrameSeconds = 0.010;
inline constexpr std::size_t kFrameSamples = 160;  // at 16 kHz
inline constexpr double kPauseSeconds = 0.5;       // a silence this long inside speech is a pause
inline constexpr double kStartMarginDb = 10;
inline constexpr double kKeepMarginDb = 3;
inline constexpr double kFloorRiseDbPerSecond = 1.0;
inline constexpr double kShortestVoiceSeconds = 0.06;
inline constexpr double kSilenceDb = -90;  // level of digital silence

struct Pause {
    double start = 0;  // seconds from the start of the clip
    double end = 0;
    double seconds() const { return end - start; }
};

struct VoiceActivity {
    std::vector<float> level_db;   // per frame
    std::vector<float> floor_db;   // the noise floor at each frame
    std::vector<bool> voiced;      // per frame, after dropping short runs
    bool any_speech = false;
    double speech_start = 0;       // first voiced frame (seconds)
    double speech_end = 0;         // end of the last voiced frame
    std::vector<Pause> pauses;     // silences >= kPauseSeconds between them

    double speaking_seconds() const { return any_speech ? speech_end - speech_start : 0; }
};

// Level of one frame in dBFS, floored at kSilenceDb.
float frame_level_db(std::span<const float> frame);

class VoiceActivityDetector {
public:
    // initial_floor_db: a first guess (the quietest part of a clip); live
    // capture starts from the first frame's level.
    explicit VoiceActivityDetector(float initial_floor_db = kSilenceDb, bool guess_given = false);

    // Returns whether this frame is (raw) voice.
    bool push(float level_db);
    float floor_db() const { return floor_; }

private:
    float floor_;
    bool started_;
    bool in_speech_ = false;
};

VoiceActivity detect_voice_activity(const AudioClip& clip);

// Voiced runs as [start, end) seconds, silences shorter than min_gap merged.
std::vector<Pause> voiced_spans(const VoiceActivity& activity, double min_gap);

// The stretches the recogniser decodes one at a time: voiced runs with
// silences shorter than kJoinGapSeconds merged, and any stretch longer than
// kLongestUtteranceSeconds cut at its quietest moment (a breath, a stop
// between words) at least kShortestUtteranceSeconds from its start, so an
// utterance stays short (the decoder's memory and search stay bounded) even
// for someone who never pauses. On the bench's gap-less takes the cut did not
// change which sentences were found.
inline constexpr double kJoinGapSeconds = 0.30;
inline constexpr double kShortestUtteranceSeconds = 4;
inline constexpr double kLongestUtteranceSeconds = 10;
std::vector<Pause> utterance_spans(const VoiceActivity& activity);

}  // namespace rapport
