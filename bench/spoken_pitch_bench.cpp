// Analysis time and memory of a two-minute spoken pitch, with and without
// recognition. Usage: spoken_pitch_bench [FILE.wav SCRIPT.txt]; without
// arguments it speaks a two-minute pitch with espeak-ng into a temp folder.
// Targets (issue 15): < 3 s with the script (English), < 0.3 s without
// recognition, on one core; < 100 MB extra memory.
#include "engine/audio/audio_clip.h"
#include "engine/pitch/spoken_report.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

long max_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of fn on this thread's process (other programs sharing the
// machine do not count; the analysis is single-threaded), and wall time.
template <class Fn>
double seconds_of(Fn&& fn) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    fn();
    const double cpu = cpu_seconds() - cpu_start;
    std::printf("  [cpu %.3f s, wall %.3f s]\n", cpu,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return cpu;
}

const char* kPitch =
    "I studied chemistry and spent four years in a water treatment lab. "
    "Last spring I started teaching myself data analysis in the evenings. "
    "Now I want to understand how public utilities use their data. "
    "Your team at Quellbrook Water does exactly that work. "
    "Could I ask you about the path that led you there? "
    "Twenty minutes of your time would help me a great deal. ";

}  // namespace

int main(int argc, char** argv) {
    fs::path wav;
    std::string script;
    fs::path folder;
    if (argc == 3) {
        wav = argv[1];
        std::ifstream in(argv[2]);
        std::stringstream text;
        text << in.rdbuf();
        script = text.str();
    } else {
        folder = fs::temp_directory_path() / ("rapport-bench-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        for (int i = 0; i < 5; ++i) script += kPitch;
        wav = folder / "pitch.wav";
        const std::string command = "espeak-ng -s 150 -w '" + wav.string() + "' '" + script + "'";
        if (std::system(command.c_str()) != 0) {
            std::cerr << "espeak-ng failed\n";
            return 1;
        }
    }
    const long rss_start = max_rss_kb();
    rapport::AudioClip clip;
    const double read_s = seconds_of([&] { clip = rapport::read_audio_file(wav); });
    std::printf("recording: %.1f s of audio; read + resample to 16 kHz: %.3f s\n", clip.seconds(), read_s);

    rapport::SpokenPitchOptions plain;
    plain.script = script;
    plain.recognize = false;
    rapport::SpokenReport report;
    const double plain_s = seconds_of([&] { report = rapport::analyze_spoken_pitch(clip, plain); });
    std::printf("without recognition: %.3f s (target < 0.3 s), %.0f wpm, %zu pauses\n", plain_s, report.wpm,
                report.pauses.size());

    rapport::SpokenPitchOptions estimate;
    const double estimate_s = seconds_of([&] { report = rapport::analyze_spoken_pitch(clip, estimate); });
    std::printf("no script (syllable estimate): %.3f s, %.0f wpm\n", estimate_s, report.wpm);

    rapport::SpokenPitchOptions with_script;
    with_script.script = script;
    const double asr_s = seconds_of([&] { report = rapport::analyze_spoken_pitch(clip, with_script); });
    std::printf("English with the script: %.3f s (target < 3 s), %zu words recognised, %d of %zu sentences said\n",
                asr_s, report.word_timings.size(), int(report.sentences.size()) - report.skipped_sentences(),
                report.sentences.size());
    std::printf("peak memory: %.1f MB at start, %.1f MB at the end (+%.1f MB; target < 100 MB extra)\n",
                rss_start / 1024.0, max_rss_kb() / 1024.0, (max_rss_kb() - rss_start) / 1024.0);
    if (!folder.empty()) fs::remove_all(folder);
    return 0;
}
