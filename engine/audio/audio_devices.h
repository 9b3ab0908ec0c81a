// PortAudio device lookup, shared by the microphone and the player.
#pragma once

#include <string>
#include <vector>

namespace rapport {

enum class AudioDirection { input, output };

// The device whose name contains `name` (empty: the default one), or -1.
// Call between Pa_Initialize() and Pa_Terminate().
int find_audio_device(const std::string& name, AudioDirection direction);

// Names of the devices PortAudio sees in that direction (empty without a
// sound card). Initializes and releases PortAudio itself.
std::vector<std::string> audio_device_names(AudioDirection direction);

}  // namespace rapport
