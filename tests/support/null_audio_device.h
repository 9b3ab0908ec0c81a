// ALSA's "null" device for the audio tests (no sound card on test machines):
// PortAudio hides ALSA's own "null", so a private ALSA configuration (the
// system one plus one line, through ALSA_CONFIG_PATH) names one, for as long
// as this object lives. It takes and gives samples as fast as it is asked.
#pragma once

#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace rapport::test {

class NullAudioDevice {
public:
    static constexpr const char* kName = "rapport_null";
    explicit NullAudioDevice(const TempDir& tmp) {
        write_file(tmp / "asound.conf", "</usr/share/alsa/alsa.conf>\npcm.rapport_null { type null }\n");
        setenv("ALSA_CONFIG_PATH", (tmp / "asound.conf").c_str(), 1);
    }
    ~NullAudioDevice() { unsetenv("ALSA_CONFIG_PATH"); }
    NullAudioDevice(const NullAudioDevice&) = delete;
    NullAudioDevice& operator=(const NullAudioDevice&) = delete;

    // Whether PortAudio lists it (it has an ALSA host here); says so when not.
    static bool listed(const std::vector<std::string>& names) {
        const bool found = std::find(names.begin(), names.end(), kName) != names.end();
        if (!found) MESSAGE("PortAudio has no ALSA host here (no ALSA configuration): the device path is not exercised");
        return found;
    }
};

}  // namespace rapport::test
