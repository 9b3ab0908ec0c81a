#include "engine/audio/audio_devices.h"

#include <portaudio.h>

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
