// Plays a recording back through PortAudio (a kept take, on the Pitch
// screen). The audio callback reads the clip, which never changes while the
// stream runs, and moves an atomic position: it never blocks or allocates.
// A device that cannot be opened is a rapport::Error with a message for the
// user, and nothing else changes.
#pragma once

#include "engine/audio/audio_clip.h"

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

namespace rapport {

struct SpeakerOptions {
    std::string device;  // a PortAudio output device name (or part of it); empty: the default output
};

// Output device names PortAudio sees (empty without a sound card).
std::vector<std::string> output_device_names();

class Player {
public:
    // Starts playing at once. Throws rapport::Error ("No speakers or
    // headphones found…", "The sound output is busy…").
    explicit Player(AudioClip clip, const SpeakerOptions& options = {});
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    bool playing() const { return !finished_.load(); }
    double position_seconds() const { return double(next_.load()) / clip_.sample_rate; }
    double seconds() const { return clip_.seconds(); }
    void stop();

    // Called on the audio thread only: fills `out` from the clip (silence
    // past its end); returns false once the clip has all been handed over.
    bool fill(float* out, std::size_t frames);
    // Called by PortAudio when the stream has stopped (the end, or stop()).
    void stream_finished() { finished_ = true; }

private:
    AudioClip clip_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> finished_{false};
    void* stream_ = nullptr;
    bool initialized_ = false;
};

}  // namespace rapport
