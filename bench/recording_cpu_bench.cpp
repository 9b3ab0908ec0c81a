// CPU used while recording (issue 15 target: under 10 % of a core): the
// recorder runs for some seconds on an input device and the process's CPU
// time is compared with the wall time and with the audio captured.
//
// Usage: recording_cpu_bench [DEVICE [SECONDS]]   (default: the default input, 10 s)
// Test machines have no sound card. Two stand-ins:
//   - ALSA's null device (ALSA_CONFIG_PATH naming pcm.rapport_null, as the
//     tests do) delivers samples as fast as they are read: the figure that
//     means something is then the CPU per second of audio captured;
//   - a JACK server with its dummy driver keeps real time:
//       jackd --no-realtime -d dummy -r 16000 -p 160 &
//       recording_cpu_bench system 10
//     gives the share of a core at the real rate.
#include "engine/audio/microphone.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    rapport::MicrophoneOptions options;
    if (argc > 1) options.device = argv[1];
    const double seconds = argc > 2 ? std::atof(argv[2]) : 10;
    try {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = cpu_seconds();
        rapport::Recorder recorder(options);
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        recorder.stop();
        const double cpu = cpu_seconds() - cpu_start;
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const rapport::RecorderStatus status = recorder.status();
        const double delivered = status.seconds + double(status.dropped) / options.sample_rate;
        std::printf("device \"%s\": %.1f s wall, %.2f s audio captured (+%.2f s dropped)\n", options.device.c_str(),
                    wall, status.seconds, double(status.dropped) / options.sample_rate);
        std::printf("CPU %.3f s: %.1f %% of a core over the wall time; %.2f %% of a core per second of audio "
                    "delivered (target < 10 %%)\n",
                    cpu, 100 * cpu / wall, delivered > 0 ? 100 * cpu / delivered : 0.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
