// PortAudio device lookup, shared by the microphone and the player.
#pragma once

#include <portaudio.h>

#include <string>
#include <vector>

namespace rapport {

enum class AudioDirection { input, output };

// The device whose name contains `name` (empty: the default one), or -1.
// Call between Pa_Initialize() and Pa_Terminate().
int find_audio_device(const std::string& name, AudioDirection direction);

// Opens a mono float stream on `device` at `rate` and starts it. On failure
// the stream is closed again, *stream is null and the error is returned
// (the caller still holds its Pa_Initialize()).
PaError start_mono_stream(PaStream** stream, int device, AudioDirection direction, double rate,
                          PaStreamCallback* callback, void* user, PaStreamFinishedCallback* finished = nullptr);

// Names of the devices PortAudio sees in that direction (empty without a
// sound card). Initializes and releases PortAudio itself.
std::vector<std::string> audio_device_names(AudioDirection direction);

}  // namespace rapport
