// The microphone, through PortAudio: mono float samples at the device's
// rate, handed from the audio callback to a reader through a lock-free ring
// (ring_buffer.h), so the callback never blocks or allocates.
//
// Recorder runs a take: a worker thread drains the ring every few
// milliseconds, keeps the samples, follows the level (for a meter) and voice
// activity (voice_activity.h) — the clock starts at the first word and the
// take ends by itself after kStopAfterSilenceSeconds of silence, or on stop().
// Nothing is written to disk.
#pragma once

#include "engine/audio/audio_clip.h"
#include "engine/audio/ring_buffer.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rapport {

inline constexpr double kStopAfterSilenceSeconds = 2.0;
inline constexpr double kLongestTakeSeconds = 15 * 60;

struct MicrophoneOptions {
    std::string device;  // a PortAudio device name (or part of it); empty: the default input
    int sample_rate = kAnalysisSampleRate;
};

// Input device names PortAudio sees (empty without a sound card).
std::vector<std::string> input_device_names();

class Microphone {
public:
    // Opens and starts the stream. Throws rapport::Error with a message for
    // the user ("No microphone found…", "The microphone is busy…").
    explicit Microphone(const MicrophoneOptions& options = {});
    ~Microphone();
    Microphone(const Microphone&) = delete;
    Microphone& operator=(const Microphone&) = delete;

    int sample_rate() const { return rate_; }
    std::size_t read(std::vector<float>& out) { return ring_.pop_into(out); }
    std::size_t dropped() const { return dropped_.load(); }

    // Called on the audio thread only: never blocks, never allocates.
    void deliver(const float* samples, std::size_t count) {
        if (const std::size_t lost = ring_.push(samples, count)) dropped_.fetch_add(lost, std::memory_order_relaxed);
    }

private:
    SampleRing ring_;
    std::atomic<std::size_t> dropped_{0};
    void* stream_ = nullptr;
    int rate_ = 0;
    bool initialized_ = false;
};

struct RecorderStatus {
    bool running = false;
    bool heard_voice = false;
    double seconds = 0;       // captured so far
    double clock = 0;         // since the first word
    float level_db = -90;     // of the last 10 ms, for the meter
    std::size_t dropped = 0;  // samples lost because the reader fell behind
};

class Recorder {
public:
    // Throws rapport::Error (as Microphone) when the device cannot be opened.
    explicit Recorder(const MicrophoneOptions& options = {});
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void stop();
    RecorderStatus status() const;
    // The take so far at 16 kHz mono (call after stop()).
    AudioClip take() const;

private:
    void run();
    std::unique_ptr<Microphone> mic_;
    int rate_ = 0;  // of the microphone, kept after it closes
    std::atomic<bool> stop_requested_{false};
    mutable std::mutex mutex_;
    std::vector<float> samples_;  // at the microphone's rate
    RecorderStatus status_;
    std::thread worker_;
};

}  // namespace rapport
