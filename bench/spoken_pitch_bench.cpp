// Analysis time, memory and accuracy of a two-minute spoken pitch, with and
// without recognition.
//
// Usage: spoken_pitch_bench [FILE.wav SCRIPT.txt]
//   With a file: times the analysis of that recording against that script.
//   Without: speaks two two-minute takes of a 24-sentence pitch with espeak-ng
//   and sox (tests/support/spoken_audio.h) and reports time and accuracy on each:
//     - "paused": 0.25 s between sentences, three longer pauses, six fillers
//       ("um"/"uh") and three sentences left out, in steady noise;
//     - "gap-less": every sentence, no silence between them (continuous speech);
//     - "one-breath": the whole pitch in one espeak-ng run (its own short
//       breaks between sentences);
//     - "held-out": another pitch and voice, written after the settings were
//       frozen, with fillers (er too), pauses and two sentences left out.
// Targets (issue 15): < 3 s CPU with the script (English), < 0.3 s without
// recognition, on one core; < 100 MB extra memory.
#include "engine/audio/audio_clip.h"
#include "engine/pitch/spoken_report.h"
#include "engine/pitch/word_count.h"
#include "tests/support/spoken_audio.h"
#include "tests/support/test_support.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using rapport::test::Take;
using rapport::test::TakePlan;

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

// CPU time of fn (all threads of this process; other programs sharing the
// machine do not count), with the wall time printed beside it.
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

// A two-minute pitch at 150 words a minute, written for this bench: distinct
// sentences (a repeated script would let a lost sentence hide behind its twin),
// with names no dictionary holds.
const std::vector<std::string> kPitch = {
    "I studied chemistry and spent four years in a water treatment lab.",
    "My days were spent testing samples and writing the weekly quality reports.",
    "Last spring I started teaching myself data analysis in the evenings.",
    "I built a small dashboard that showed which pumps failed most often.",
    "My manager used it to plan repairs before the summer peak.",
    "That project made me curious about the rest of the utility.",
    "Now I want to understand how public utilities use their data.",
    "Your team at Quellbrook Water does exactly that work.",
    "I read the report your group published on leak detection last year.",
    "The part about listening to pipes with cheap sensors surprised me.",
    "I would love to hear how that idea started.",
    "I am not asking for a job today.",
    "I am trying to learn what the work looks like from the inside.",
    "Could I ask you about the path that led you there?",
    "I would also like to know which skills matter most in your first year.",
    "Some people tell me that statistics matter more than programming.",
    "Others say that knowing the pipes and pumps is the real advantage.",
    "You have seen both sides, so your view would help me choose.",
    "I have prepared five short questions and I will keep to time.",
    "If there is someone else I should speak with, I would be glad to hear it.",
    "Twenty minutes of your time would help me a great deal.",
    "Any day next week works for me, morning or afternoon.",
    "I can come to your office in Harwick or call you, whichever is easier.",
    "Thank you for reading this far, and I hope we can talk soon."};

constexpr int kSpeed = 125;  // espeak-ng's -s; its real pace is faster (about 150 wpm)

// Written after the recogniser's settings were frozen (commit "Fillers: a lone
// stretch…"), another speaker and topic: the held-out check of the figures.
const std::vector<std::string> kHeldOutPitch = {
    "For six years I worked nights as a nurse on a busy surgical ward.",
    "Most of my shifts ended with a pile of forms that nobody enjoyed filling in.",
    "I started sketching better versions of those forms on the back of old charts.",
    "Two of my sketches are now used on every ward in our hospital.",
    "That small win pulled me toward user research.",
    "I finished an evening course in interview methods this winter.",
    "Your studio at Brennholt Design builds tools for clinics and pharmacies.",
    "I noticed that your case studies always quote the people who use the product.",
    "I would like to understand how you find those people and earn their trust.",
    "I am also curious about what a junior researcher does in the first month.",
    "Do you think my clinical background would help or get in the way?",
    "I promise to keep our talk under half an hour.",
    "A video call or a coffee near your office would both suit me.",
    "Thank you for considering it, whatever you decide."};

struct Accuracy {
    int sentences_right = 0;       // said / skipped as reported
    int said_reported_skipped = 0;
    int skipped_reported_said = 0;
    int fillers_found = 0;
    int fillers_spurious = 0;
    double wpm = 0, true_wpm = 0;
};

bool left_out(const TakePlan& plan, std::size_t i) {
    return std::find(plan.left_out.begin(), plan.left_out.end(), i) != plan.left_out.end();
}

// sentences: the script's sentences (the plan may speak them as one).
Accuracy score(const rapport::SpokenReport& r, const Take& take, const TakePlan& plan,
               const std::vector<std::string>& sentences) {
    Accuracy a;
    rapport::WordSegmenter words("en");
    int true_words = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const bool said = !left_out(plan, i);
        if (said) true_words += words.count_words(sentences[i]);
        if (i >= r.sentences.size()) continue;
        if (r.sentences[i].said == said) ++a.sentences_right;
        else if (said) ++a.said_reported_skipped;
        else ++a.skipped_reported_said;
    }
    for (const auto& [word, at] : take.fillers)
        a.fillers_found += std::any_of(r.fillers.begin(), r.fillers.end(),
                                       [&](const rapport::SpokenFiller& f) { return std::abs(f.at - at) <= 0.5; });
    a.fillers_spurious = static_cast<int>(r.fillers.size()) - a.fillers_found;
    a.wpm = r.wpm;
    a.true_wpm = true_words / take.speaking_seconds() * 60;
    return a;
}

std::string join(const std::vector<std::string>& sentences) {
    std::string out;
    for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s;
    return out;
}

void time_plain_analysis(const rapport::AudioClip& clip, const std::string& script) {
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
}

rapport::SpokenReport time_recognition(const rapport::AudioClip& clip, const std::string& script) {
    rapport::SpokenPitchOptions with_script;
    with_script.script = script;
    rapport::SpokenReport report;
    const double asr_s = seconds_of([&] { report = rapport::analyze_spoken_pitch(clip, with_script); });
    std::printf("English with the script: %.3f s CPU (target < 3 s), %zu words recognised, %d of %zu sentences "
                "reported said\n",
                asr_s, report.word_timings.size(), int(report.sentences.size()) - report.skipped_sentences(),
                report.sentences.size());
    return report;
}

void bench_take(const fs::path& folder, const std::string& name, const TakePlan& plan,
                const std::vector<std::string>& sentences) {
    const Take take = rapport::test::make_take(folder, name, plan);
    const rapport::AudioClip clip = rapport::read_audio_file(take.file);
    std::printf("\n== %s take: %.1f s of audio, %zu sentences (%zu left out), %zu fillers\n", name.c_str(),
                clip.seconds(), sentences.size(), plan.left_out.size(), take.fillers.size());
    const std::string script = join(sentences);
    time_plain_analysis(clip, script);
    const rapport::SpokenReport report = time_recognition(clip, script);
    const Accuracy a = score(report, take, plan, sentences);
    std::printf("accuracy: %d of %zu sentences right (%d said but reported skipped, %d skipped but reported "
                "said); fillers %d of %zu found, %d spurious; wpm %.0f (true %.0f, %+.0f %%)\n",
                a.sentences_right, sentences.size(), a.said_reported_skipped, a.skipped_reported_said,
                a.fillers_found, take.fillers.size(), a.fillers_spurious, a.wpm, a.true_wpm,
                (a.wpm / a.true_wpm - 1) * 100);
    for (const auto& [word, at] : take.fillers)
        if (std::none_of(report.fillers.begin(), report.fillers.end(),
                         [&](const rapport::SpokenFiller& f) { return std::abs(f.at - at) <= 0.5; }))
        {
            std::string near;
            for (const auto& w : report.word_timings)
                if (std::abs(w.start - at) <= 1.0) near += " " + w.word + "@" + std::to_string(w.start).substr(0, 5);
            std::printf("  missed: \"%s\" at %.2f s (heard:%s)\n", word.c_str(), at, near.c_str());
        }
    for (const auto& f : report.fillers)
        if (std::none_of(take.fillers.begin(), take.fillers.end(),
                         [&](const auto& inserted) { return std::abs(f.at - inserted.second) <= 0.5; }))
            std::printf("  spurious: \"%s\" at %.2f s\n", f.word.c_str(), f.at);
    for (std::size_t i = 0; i < report.sentences.size(); ++i)
        if (report.sentences[i].said == left_out(plan, i))
            std::printf("  wrong: sentence %zu (heard %.0f %%): %s\n", i + 1, report.sentences[i].heard_share * 100,
                        report.sentences[i].text.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const long rss_start = max_rss_kb();
    if (argc == 3) {
        std::ifstream in(argv[2]);
        std::stringstream text;
        text << in.rdbuf();
        rapport::AudioClip clip;
        const double read_s = seconds_of([&] { clip = rapport::read_audio_file(argv[1]); });
        std::printf("recording: %.1f s of audio; read + resample to 16 kHz: %.3f s\n", clip.seconds(), read_s);
        time_plain_analysis(clip, text.str());
        time_recognition(clip, text.str());
    } else if (argc == 1) {
        if (!rapport::test::speech_tools_available()) {
            std::cerr << "espeak-ng and sox are needed (scripts/setup)\n";
            return 1;
        }
        rapport::test::TempDir tmp;
        TakePlan base;
        base.sentences = kPitch;
        base.speed = kSpeed;
        TakePlan paused = base;
        paused.pause_after = {{4, 0.8}, {11, 1.5}, {17, 2.5}};
        paused.left_out = {6, 14, 20};
        paused.filler_before = {{2, "um"}, {5, "uh"}, {9, "um"}, {13, "uh"}, {16, "um"}, {22, "uh"}};
        bench_take(tmp.path(), "paused", paused, kPitch);

        TakePlan gapless = base;
        gapless.gap = 0.02;
        bench_take(tmp.path(), "gap-less", gapless, kPitch);

        TakePlan one_breath = base;  // espeak-ng's own rhythm between sentences
        one_breath.sentences = {join(kPitch)};
        bench_take(tmp.path(), "one-breath", one_breath, kPitch);

        TakePlan held_out;
        held_out.sentences = kHeldOutPitch;
        held_out.voice = "en-us+f3";
        held_out.speed = 140;
        held_out.pause_after = {{3, 1.2}, {9, 0.7}};
        held_out.left_out = {5, 11};
        held_out.filler_before = {{1, "er"}, {4, "uh"}, {7, "um"}, {10, "uh"}, {13, "er"}};
        bench_take(tmp.path(), "held-out", held_out, kHeldOutPitch);
    } else {
        std::cerr << "usage: spoken_pitch_bench [FILE.wav SCRIPT.txt]\n";
        return 2;
    }
    std::printf("\npeak memory: %.1f MB at start, %.1f MB at the end (+%.1f MB; target < 100 MB extra)\n",
                rss_start / 1024.0, max_rss_kb() / 1024.0, (max_rss_kb() - rss_start) / 1024.0);
    return 0;
}
