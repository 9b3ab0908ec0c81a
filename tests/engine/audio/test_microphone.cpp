// The capture path without a sound card: the lock-free ring between the
// audio callback and the reader, a device that cannot be opened, and one
// real capture through ALSA's "null" device when PortAudio lists it.
#include "engine/audio/microphone.h"
#include "engine/audio/player.h"
#include "engine/audio/ring_buffer.h"
#include "engine/base/error.h"
#include "tests/support/null_audio_device.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

using namespace rapport;
using rapport::test::NullAudioDevice;

TEST_CASE("the sample ring hands samples over in order and counts what did not fit") {
    SampleRing ring(8);
    const float a[5] = {1, 2, 3, 4, 5};
    CHECK(ring.push(a, 5) == 0);
    CHECK(ring.push(a, 5) == 2);  // 3 more fit, 2 are dropped
    std::vector<float> out;
    CHECK(ring.pop_into(out) == 8);
    CHECK(out == std::vector<float>{1, 2, 3, 4, 5, 1, 2, 3});
    CHECK(ring.pop_into(out) == 0);
}

TEST_CASE("the sample ring keeps order across a producer and a consumer thread") {
    SampleRing ring(64);
    constexpr std::size_t kBlocks = 30000, kBlock = 7, kTotal = kBlocks * kBlock;
    std::thread producer([&] {
        float next = 0;
        for (std::size_t b = 0; b < kBlocks; ++b) {
            float block[kBlock];
            for (float& x : block) x = next++;
            std::size_t offset = 0;
            while (offset < kBlock) {  // retry what did not fit: the test wants every sample
                offset = kBlock - ring.push(block + offset, kBlock - offset);
                if (offset < kBlock) std::this_thread::yield();
            }
        }
    });
    std::vector<float> got;
    while (got.size() < kTotal)
        if (!ring.pop_into(got)) std::this_thread::yield();
    producer.join();
    bool in_order = got.size() == kTotal;
    for (std::size_t i = 0; i < got.size(); ++i) in_order = in_order && got[i] == float(i);
    CHECK(in_order);
}

TEST_CASE("a microphone that cannot be opened gives a message for the user, and nothing else breaks") {
    try {
        Recorder recorder(MicrophoneOptions{"no-such-microphone-anywhere", 16000});
        FAIL("opened a device that does not exist");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("No microphone") != std::string::npos);
    }
    // PortAudio was released: a second attempt behaves the same way.
    CHECK_THROWS_AS(Microphone(MicrophoneOptions{"no-such-microphone-anywhere", 16000}), Error);
}

TEST_CASE("capture through ALSA's null device runs the recorder end to end") {
    rapport::test::TempDir tmp;
    NullAudioDevice null(tmp);
    if (!null.listed(input_device_names())) return;
    {
        Recorder recorder(MicrophoneOptions{NullAudioDevice::kName, 16000});
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        recorder.stop();
        const RecorderStatus status = recorder.status();
        CHECK(!status.running);
        CHECK(status.seconds > 0);     // samples went callback -> ring -> reader
        // ALSA's null device delivers as fast as it is read and its content
        // is not defined: only the plumbing is checked here.
        const AudioClip take = recorder.take();
        CHECK(take.sample_rate == 16000);
        CHECK(!take.samples.empty());
        MESSAGE("null device: " << status.seconds << " s captured in 0.3 s, " << status.dropped << " samples dropped");
    }
}

TEST_CASE("playback through ALSA's null device plays the clip to its end; no output device is a message") {
    try {
        Player player(AudioClip{std::vector<float>(1600, 0.1f), 16000}, SpeakerOptions{"no-such-speaker-anywhere"});
        FAIL("opened an output that does not exist");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("no-such-speaker-anywhere") != std::string::npos);
    }
    CHECK_THROWS_WITH_AS(Player(AudioClip{{}, 16000}), "The recording is empty.", Error);

    rapport::test::TempDir tmp;
    NullAudioDevice null(tmp);
    if (!null.listed(output_device_names())) return;
    // Two seconds of audio: the null device takes it as fast as it is given.
    Player player(AudioClip{std::vector<float>(32000, 0.1f), 16000}, SpeakerOptions{NullAudioDevice::kName});
    CHECK(player.seconds() == doctest::Approx(2.0));
    for (int i = 0; i < 300 && player.playing(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(!player.playing());
    CHECK(player.position_seconds() == doctest::Approx(2.0));
    player.stop();  // stopping a finished player is harmless
}
