// A stretch of audio as the analysis wants it: 16 kHz, mono, float samples
// in [-1, 1].
//
// read_audio_file() opens WAV, FLAC, OGG/Vorbis (anything libsndfile reads),
// mixes the channels down to mono and resamples to 16 kHz with
// resample_to() (a windowed-sinc low-pass resampler written here: libsndfile
// does not resample, and libsamplerate would be one more package for a
// dozen lines).
#pragma once

#include <filesystem>
#include <span>
#include <vector>

namespace rapport {

inline constexpr int kAnalysisSampleRate = 16000;

struct AudioClip {
    std::vector<float> samples;
    int sample_rate = kAnalysisSampleRate;

    double seconds() const { return sample_rate > 0 ? double(samples.size()) / sample_rate : 0; }
};

// Throws rapport::Error naming the file when it cannot be opened or decoded,
// or holds no samples.
AudioClip read_audio_file(const std::filesystem::path& path);

// Band-limited resampling (Blackman-windowed sinc, 16 zero crossings each
// side, cut-off just under the lower Nyquist frequency).
std::vector<float> resample_to(std::span<const float> samples, int from_rate, int to_rate);

// Writes 16-bit PCM WAV, mode 0600 (kept recordings only; see
// engine/pitch/spoken_store.h). Throws rapport::Error naming the file.
void write_wav_file(const std::filesystem::path& path, const AudioClip& clip);

}  // namespace rapport
