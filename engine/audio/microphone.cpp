#include "engine/audio/microphone.h"

#include "engine/audio/audio_devices.h"
#include "engine/audio/voice_activity.h"
#include "engine/base/error.h"

#include <portaudio.h>

#include <chrono>
#include <cmath>

namespace rapport {
namespace {

// Seconds of audio the ring holds: the reader drains it every 10 ms, so this
// only matters when the machine stalls.
constexpr double kRingSeconds = 4;

std::string friendly(PaError error) {
    switch (error) {
        case paDeviceUnavailable:
            return "The microphone is busy (another program may be using it).";
        case paInvalidDevice:
        case paNoDevice:
            return "No microphone found. Plug one in, or record with another program and use "
                   "\"Analyse a file…\" (or rapport-cli pitch listen FILE).";
        case paInvalidSampleRate:
            return "The microphone does not record at the rate Rapport needs.";
        default:
            return std::string("The microphone could not be opened (") + Pa_GetErrorText(error) + ").";
    }
}

// The audio thread: copy into the ring, count what did not fit. No locks,
// no allocation, no system calls.
int on_audio(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
             PaStreamCallbackFlags, void* mic) {
    if (input) static_cast<Microphone*>(mic)->deliver(static_cast<const float*>(input), frames);
    return paContinue;
}

}  // namespace

std::vector<std::string> input_device_names() { return audio_device_names(AudioDirection::input); }

Microphone::Microphone(const MicrophoneOptions& options)
    : ring_(static_cast<std::size_t>(options.sample_rate * kRingSeconds)), rate_(options.sample_rate) {
    if (const PaError e = Pa_Initialize(); e != paNoError) throw Error(friendly(e));
    initialized_ = true;
    const PaDeviceIndex device = find_audio_device(options.device, AudioDirection::input);
    if (device == paNoDevice) {
        Pa_Terminate();
        initialized_ = false;
        throw Error(options.device.empty() ? friendly(paNoDevice)
                                           : "No microphone named \"" + options.device + "\".");
    }
    if (const PaError e = start_mono_stream(&stream_, device, AudioDirection::input, rate_, &on_audio, this);
        e != paNoError) {
        Pa_Terminate();
        initialized_ = false;
        throw Error(friendly(e));
    }
}

Microphone::~Microphone() {
    if (stream_) {
        Pa_StopStream(stream_);
        Pa_CloseStream(stream_);
    }
    if (initialized_) Pa_Terminate();
}


Recorder::Recorder(const MicrophoneOptions& options)
    : mic_(std::make_unique<Microphone>(options)), rate_(mic_->sample_rate()) {
    status_.running = true;
    worker_ = std::thread([this] { run(); });
}

Recorder::~Recorder() {
    stop();
}

void Recorder::stop() {
    stop_requested_ = true;
    if (worker_.joinable()) worker_.join();
    mic_.reset();  // closes the device as soon as the take ends
}

RecorderStatus Recorder::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

AudioClip Recorder::take() const {
    std::lock_guard lock(mutex_);
    return AudioClip{resample_to(samples_, rate_, kAnalysisSampleRate),
                     kAnalysisSampleRate};
}

void Recorder::run() {
    const int rate = rate_;
    const auto frame = static_cast<std::size_t>(rate * kFrameSeconds);
    VoiceActivityDetector vad;
    std::vector<float> fresh;
    std::size_t analysed = 0;      // samples already through the detector
    std::size_t first_voice = 0, last_voice = 0;
    bool heard = false;
    while (!stop_requested_) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        fresh.clear();
        mic_->read(fresh);
        std::lock_guard lock(mutex_);
        samples_.insert(samples_.end(), fresh.begin(), fresh.end());
        for (; analysed + frame <= samples_.size(); analysed += frame) {
            const float level = frame_level_db(std::span<const float>(samples_).subspan(analysed, frame));
            status_.level_db = level;
            if (!vad.push(level)) continue;
            if (!heard) first_voice = analysed;
            heard = true;
            last_voice = analysed + frame;
        }
        status_.seconds = double(samples_.size()) / rate;
        status_.heard_voice = heard;
        status_.clock = heard ? double(samples_.size() - first_voice) / rate : 0;
        status_.dropped = mic_->dropped();
        const double silent_for = heard ? double(samples_.size() - last_voice) / rate : 0;
        if (silent_for >= kStopAfterSilenceSeconds || status_.seconds >= kLongestTakeSeconds) break;
    }
    std::lock_guard lock(mutex_);
    status_.running = false;
}

}  // namespace rapport
