#include "engine/audio/audio_clip.h"

#include "engine/base/error.h"
#include "engine/base/private_file.h"

#include <sndfile.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <numeric>
#include <string>

namespace rapport {
namespace {

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

std::string cannot_read(const std::filesystem::path& path, const std::string& why) {
    return path.string() + ": cannot read audio (" + why + ")";
}

constexpr int kZeroCrossings = 16;

double blackman(double x) {  // x in [-1, 1]
    const double t = std::numbers::pi * (x + 1);
    return 0.42 - 0.5 * std::cos(t) + 0.08 * std::cos(2 * t);
}

}  // namespace

std::vector<float> resample_to(std::span<const float> samples, int from_rate, int to_rate) {
    if (from_rate == to_rate || samples.empty()) return {samples.begin(), samples.end()};
    // Output sample i sits at input position i * down / up. With the rates'
    // ratio reduced, there are only `up` distinct fractional positions, so the
    // filter taps of each are computed once (a polyphase filter).
    const long g = std::gcd(from_rate, to_rate);
    const long up = to_rate / g, down = from_rate / g;
    if (up > 8192) throw Error("cannot resample from " + std::to_string(from_rate) + " Hz");
    const double cutoff = 0.95 * std::min(1.0, double(up) / down) / 2;  // of the input rate
    const double half_width = kZeroCrossings / (2 * cutoff);            // in input samples
    const long reach = static_cast<long>(std::ceil(half_width));
    const long taps = 2 * reach + 1;

    std::vector<float> filter(static_cast<std::size_t>(up * taps));
    for (long phase = 0; phase < up; ++phase) {
        const double frac = double(phase) / up;
        double total = 0;
        for (long t = 0; t < taps; ++t) {
            const double d = (t - reach) - frac;
            const double x = 2 * cutoff * d;
            const double sinc = x == 0 ? 1 : std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
            const double w = std::abs(d) < half_width ? sinc * blackman(d / half_width) : 0;
            filter[static_cast<std::size_t>(phase * taps + t)] = static_cast<float>(w);
            total += w;
        }
        // Unit gain at 0 Hz for every phase.
        for (long t = 0; t < taps; ++t) filter[static_cast<std::size_t>(phase * taps + t)] /= static_cast<float>(total);
    }

    const auto n = static_cast<long>(samples.size());
    const auto out_count = static_cast<std::size_t>(n * up / down);
    std::vector<float> out(out_count);
    for (std::size_t i = 0; i < out_count; ++i) {
        const long position = static_cast<long>(i) * down;
        const long base = position / up;
        const float* taps_of_phase = &filter[static_cast<std::size_t>((position % up) * taps)];
        float sum = 0;
        const long first = std::max(0L, reach - base);
        const long last = std::min(taps, n - base + reach);
        for (long t = first; t < last; ++t) sum += taps_of_phase[t] * samples[static_cast<std::size_t>(base - reach + t)];
        out[i] = sum;
    }
    return out;
}

AudioClip read_audio_file(const std::filesystem::path& path) {
    SF_INFO info{};
    SndfileHandle file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file) throw Error(cannot_read(path, sf_strerror(nullptr)));
    if (info.channels < 1 || info.samplerate < 1000 || info.frames <= 0)
        throw Error(cannot_read(path, "no audio samples"));
    if (info.frames > static_cast<sf_count_t>(info.samplerate) * 60 * 30)
        throw Error(cannot_read(path, "longer than 30 minutes"));

    std::vector<float> interleaved(static_cast<std::size_t>(info.frames) * info.channels);
    const sf_count_t got = sf_readf_float(file.get(), interleaved.data(), info.frames);
    if (got <= 0) throw Error(cannot_read(path, sf_strerror(file.get())));

    std::vector<float> mono(static_cast<std::size_t>(got));
    for (std::size_t f = 0; f < mono.size(); ++f) {
        double sum = 0;
        for (int c = 0; c < info.channels; ++c) sum += interleaved[f * info.channels + c];
        mono[f] = static_cast<float>(sum / info.channels);
    }
    return AudioClip{resample_to(mono, info.samplerate, kAnalysisSampleRate), kAnalysisSampleRate};
}

void write_wav_file(const std::filesystem::path& path, const AudioClip& clip) {
    write_private_file_with(path, [&](const std::filesystem::path& temp) {
        SF_INFO info{};
        info.samplerate = clip.sample_rate;
        info.channels = 1;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        SndfileHandle file(sf_open(temp.c_str(), SFM_WRITE, &info));
        if (!file) throw Error(path.string() + ": cannot write audio (" + sf_strerror(nullptr) + ")");
        const auto count = static_cast<sf_count_t>(clip.samples.size());
        if (sf_write_float(file.get(), clip.samples.data(), count) != count)
            throw Error(path.string() + ": cannot write audio (" + sf_strerror(file.get()) + ")");
    });
}

}  // namespace rapport
