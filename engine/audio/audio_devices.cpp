#include "engine/audio/audio_devices.h"

namespace rapport {
namespace {

int channels_of(const PaDeviceInfo& info, AudioDirection direction) {
    return direction == AudioDirection::input ? info.maxInputChannels : info.maxOutputChannels;
}

}  // namespace

int find_audio_device(const std::string& name, AudioDirection direction) {
    const PaDeviceIndex count = Pa_GetDeviceCount();
    if (name.empty()) {
        if (count <= 0) return paNoDevice;
        return direction == AudioDirection::input ? Pa_GetDefaultInputDevice() : Pa_GetDefaultOutputDevice();
    }
    for (PaDeviceIndex i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (info && channels_of(*info, direction) > 0 && std::string(info->name).find(name) != std::string::npos)
            return i;
    }
    return paNoDevice;
}

PaError start_mono_stream(PaStream** stream, int device, AudioDirection direction, double rate,
                          PaStreamCallback* callback, void* user, PaStreamFinishedCallback* finished) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(device);
    if (!info) return paInvalidDevice;
    PaStreamParameters params{};
    params.device = device;
    params.channelCount = 1;
    params.sampleFormat = paFloat32;
    const bool input = direction == AudioDirection::input;
    // Low latency for the meter; playback prefers not to stutter.
    params.suggestedLatency = input ? info->defaultLowInputLatency : info->defaultHighOutputLatency;
    PaError e = Pa_OpenStream(stream, input ? &params : nullptr, input ? nullptr : &params, rate,
                              paFramesPerBufferUnspecified, paClipOff, callback, user);
    if (e == paNoError && finished) e = Pa_SetStreamFinishedCallback(*stream, finished);
    if (e == paNoError) e = Pa_StartStream(*stream);
    if (e != paNoError && *stream) {
        Pa_CloseStream(*stream);
        *stream = nullptr;
    }
    return e;
}

std::vector<std::string> audio_device_names(AudioDirection direction) {
    std::vector<std::string> names;
    if (Pa_Initialize() != paNoError) return names;
    for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i)
        if (const PaDeviceInfo* info = Pa_GetDeviceInfo(i); info && channels_of(*info, direction) > 0)
            names.push_back(info->name);
    Pa_Terminate();
    return names;
}

}  // namespace rapport
