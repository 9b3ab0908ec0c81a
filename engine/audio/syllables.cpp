#include "engine/audio/syllables.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace rapport {
namespace {

// A band-pass biquad (RBJ cookbook, constant 0 dB peak gain).
class BandPass {
public:
    BandPass(double center_hz, double q, double rate) {
        const double w = 2 * std::numbers::pi * center_hz / rate;
        const double alpha = std::sin(w) / (2 * q);
        const double a0 = 1 + alpha;
        b0_ = alpha / a0;
        b2_ = -alpha / a0;
        a1_ = -2 * std::cos(w) / a0;
        a2_ = (1 - alpha) / a0;
    }
    float operator()(float x) {
        const double y = b0_ * x + b2_ * x2_ - a1_ * y1_ - a2_ * y2_;
        x2_ = x1_;
        x1_ = x;
        y2_ = y1_;
        y1_ = y;
        return static_cast<float>(y);
    }

private:
    double b0_, b2_, a1_, a2_;
    double x1_ = 0, x2_ = 0, y1_ = 0, y2_ = 0;
};

std::vector<float> voice_band_levels(const AudioClip& clip) {
    BandPass filter(900, 0.6, clip.sample_rate);
    std::vector<float> levels;
    levels.reserve(clip.samples.size() / kFrameSamples);
    std::vector<float> frame(kFrameSamples);
    for (std::size_t start = 0; start + kFrameSamples <= clip.samples.size(); start += kFrameSamples) {
        for (std::size_t i = 0; i < kFrameSamples; ++i) frame[i] = filter(clip.samples[start + i]);
        levels.push_back(frame_level_db(frame));
    }
    // Smooth over 50 ms so one vowel gives one peak.
    std::vector<float> smooth(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::size_t a = i >= 2 ? i - 2 : 0, b = std::min(levels.size(), i + 3);
        double sum = 0;
        for (std::size_t k = a; k < b; ++k) sum += levels[k];
        smooth[i] = static_cast<float>(sum / double(b - a));
    }
    return smooth;
}

}  // namespace

std::vector<double> find_syllable_nuclei(const AudioClip& clip, const VoiceActivity& activity) {
    const std::vector<float> level = voice_band_levels(clip);
    const std::size_t n = std::min(level.size(), activity.voiced.size());
    const auto min_distance = static_cast<std::size_t>(std::lround(kShortestSyllableSeconds / kFrameSeconds));
    std::vector<float> voiced_levels;
    for (std::size_t i = 0; i < n; ++i)
        if (activity.voiced[i]) voiced_levels.push_back(level[i]);
    if (voiced_levels.empty()) return {};
    const auto loud = voiced_levels.begin() + long(voiced_levels.size() * 95 / 100);
    std::nth_element(voiced_levels.begin(), loud, voiced_levels.end());
    const float quietest_nucleus = *loud - static_cast<float>(kNucleusBelowLoudDb);

    std::vector<double> nuclei;
    std::size_t last_peak = 0;
    bool have_peak = false;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (!activity.voiced[i] || level[i] < quietest_nucleus) continue;
        if (level[i] < level[i - 1] || level[i] < level[i + 1]) continue;
        // Prominence: the deepest dip before the level climbs higher again, on each side.
        float left_dip = level[i], right_dip = level[i];
        for (std::size_t k = i; k-- > 0 && level[k] <= level[i];) {
            left_dip = std::min(left_dip, level[k]);
            if (!activity.voiced[k]) break;
        }
        for (std::size_t k = i + 1; k < n && level[k] <= level[i]; ++k) {
            right_dip = std::min(right_dip, level[k]);
            if (!activity.voiced[k]) break;
        }
        if (level[i] - std::max(left_dip, right_dip) < kNucleusProminenceDb) continue;
        if (have_peak && i - last_peak < min_distance) continue;
        nuclei.push_back(double(i) * kFrameSeconds);
        last_peak = i;
        have_peak = true;
    }
    return nuclei;
}

double syllables_per_word(const std::string& language) {
    // Running-speech averages (frequent words are short): about 1.4 in
    // English and 1.5 in French.
    return language == "fr" ? 1.5 : 1.4;
}

}  // namespace rapport
