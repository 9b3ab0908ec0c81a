#include "engine/audio/player.h"

#include "engine/audio/audio_devices.h"
#include "engine/base/error.h"

#include <portaudio.h>

#include <algorithm>

namespace rapport {
namespace {

std::string friendly(PaError error) {
    switch (error) {
        case paDeviceUnavailable:
            return "The sound output is busy (another program may be using it).";
        case paInvalidDevice:
        case paNoDevice:
            return "No speakers or headphones found: the recording cannot be played here.";
        case paInvalidSampleRate:
            return "The sound output cannot play at the recording's rate.";
        default:
            return std::string("The sound output could not be opened (") + Pa_GetErrorText(error) + ").";
    }
}

int on_audio(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
             PaStreamCallbackFlags, void* player) {
    return static_cast<Player*>(player)->fill(static_cast<float*>(output), frames) ? paContinue : paComplete;
}

void on_finished(void* player) { static_cast<Player*>(player)->stream_finished(); }

}  // namespace

std::vector<std::string> output_device_names() { return audio_device_names(AudioDirection::output); }

Player::Player(AudioClip clip, const SpeakerOptions& options) : clip_(std::move(clip)) {
    if (clip_.samples.empty() || clip_.sample_rate <= 0) throw Error("The recording is empty.");
    if (const PaError e = Pa_Initialize(); e != paNoError) throw Error(friendly(e));
    initialized_ = true;
    const int device = find_audio_device(options.device, AudioDirection::output);
    const PaError e = device == paNoDevice
                          ? paNoDevice
                          : start_mono_stream(&stream_, device, AudioDirection::output, clip_.sample_rate,
                                              &on_audio, this, &on_finished);
    if (e != paNoError) {
        Pa_Terminate();
        initialized_ = false;
        throw Error(device == paNoDevice && !options.device.empty()
                        ? "No sound output named \"" + options.device + "\"."
                        : friendly(e));
    }
}

Player::~Player() {
    stop();
    if (initialized_) Pa_Terminate();
}

void Player::stop() {
    if (stream_) {
        Pa_StopStream(stream_);
        Pa_CloseStream(stream_);
        stream_ = nullptr;
    }
    finished_ = true;
}

bool Player::fill(float* out, std::size_t frames) {
    const std::size_t from = next_.load(std::memory_order_relaxed);
    const std::size_t count = std::min(frames, clip_.samples.size() - std::min(from, clip_.samples.size()));
    std::copy_n(clip_.samples.data() + from, count, out);
    std::fill(out + count, out + frames, 0.0f);
    next_.store(from + count, std::memory_order_relaxed);
    return from + count < clip_.samples.size();
}

}  // namespace rapport
