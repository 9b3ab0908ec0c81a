#include "engine/audio/voice_activity.h"

#include <algorithm>
#include <cmath>

namespace rapport {
namespace {

// The quietest tenth of the first seconds: a fair first guess of the room's
// noise, even when the speaker starts at once.
float first_guess_of_floor(const std::vector<float>& levels) {
    const std::size_t look = std::min<std::size_t>(levels.size(), 300);
    std::vector<float> first(levels.begin(), levels.begin() + static_cast<long>(look));
    if (first.empty()) return kSilenceDb;
    auto tenth = first.begin() + static_cast<long>(first.size() / 10);
    std::nth_element(first.begin(), tenth, first.end());
    return *tenth;
}

void drop_short_runs(std::vector<bool>& voiced) {
    const auto shortest = static_cast<std::size_t>(std::lround(kShortestVoiceSeconds / kFrameSeconds));
    std::size_t i = 0;
    while (i < voiced.size()) {
        if (!voiced[i]) { ++i; continue; }
        std::size_t end = i;
        while (end < voiced.size() && voiced[end]) ++end;
        if (end - i < shortest) std::fill(voiced.begin() + long(i), voiced.begin() + long(end), false);
        i = end;
    }
}

}  // namespace

float frame_level_db(std::span<const float> frame) {
    double energy = 0;
    for (float s : frame) energy += double(s) * s;
    if (frame.empty() || energy <= 0) return kSilenceDb;
    return std::max(kSilenceDb, 10 * std::log10(energy / frame.size()));
}

VoiceActivityDetector::VoiceActivityDetector(float initial_floor_db, bool guess_given)
    : floor_(initial_floor_db), started_(guess_given) {}

bool VoiceActivityDetector::push(float level_db) {
    if (!started_) {
        floor_ = level_db;
        started_ = true;
    }
    const float margin = static_cast<float>(in_speech_ ? kKeepMarginDb : kStartMarginDb);
    in_speech_ = level_db > floor_ + margin;
    if (level_db < floor_) {
        floor_ = level_db;  // a quieter frame: the room is at most this loud
    } else {
        floor_ += static_cast<float>(kFloorRiseDbPerSecond * kFrameSeconds);
    }
    return in_speech_;
}

VoiceActivity detect_voice_activity(const AudioClip& clip) {
    VoiceActivity out;
    const std::span<const float> samples(clip.samples);
    const std::size_t frames = samples.size() / kFrameSamples;
    out.level_db.reserve(frames);
    for (std::size_t f = 0; f < frames; ++f)
        out.level_db.push_back(frame_level_db(samples.subspan(f * kFrameSamples, kFrameSamples)));

    VoiceActivityDetector detector(first_guess_of_floor(out.level_db), true);
    out.voiced.reserve(frames);
    out.floor_db.reserve(frames);
    for (float level : out.level_db) {
        out.voiced.push_back(detector.push(level));
        out.floor_db.push_back(detector.floor_db());
    }
    drop_short_runs(out.voiced);

    const auto first = std::find(out.voiced.begin(), out.voiced.end(), true);
    if (first == out.voiced.end()) return out;
    const auto last = std::find(out.voiced.rbegin(), out.voiced.rend(), true);
    out.any_speech = true;
    out.speech_start = double(first - out.voiced.begin()) * kFrameSeconds;
    out.speech_end = double(out.voiced.rend() - last) * kFrameSeconds;

    // Pauses: the silent gaps between the voiced spans, when long enough.
    const auto spans = voiced_spans(out, 0);
    for (std::size_t i = 1; i < spans.size(); ++i) {
        const Pause gap{spans[i - 1].end, spans[i].start};
        if (gap.seconds() >= kPauseSeconds - 1e-9) out.pauses.push_back(gap);
    }
    return out;
}

std::vector<Pause> voiced_spans(const VoiceActivity& activity, double min_gap) {
    std::vector<Pause> spans;
    const auto& v = activity.voiced;
    std::size_t i = 0;
    while (i < v.size()) {
        if (!v[i]) { ++i; continue; }
        std::size_t end = i;
        while (end < v.size() && v[end]) ++end;
        const Pause span{double(i) * kFrameSeconds, double(end) * kFrameSeconds};
        if (!spans.empty() && span.start - spans.back().end < min_gap) spans.back().end = span.end;
        else spans.push_back(span);
        i = end;
    }
    return spans;
}

namespace {

// The frame at the middle of the quietest kQuietFrames-frame stretch of
// levels [from, to).
std::size_t quietest_frame(const std::vector<float>& level_db, std::size_t from, std::size_t to) {
    constexpr std::size_t kQuietFrames = 5;  // 50 ms: a gap between words, not one quiet frame
    std::size_t best = from;
    double best_sum = 0;
    for (std::size_t f = from; f + kQuietFrames <= to; ++f) {
        double sum = 0;
        for (std::size_t k = f; k < f + kQuietFrames; ++k) sum += level_db[k];
        if (f == from || sum < best_sum) {
            best_sum = sum;
            best = f + kQuietFrames / 2;
        }
    }
    return best;
}

}  // namespace

std::vector<Pause> utterance_spans(const VoiceActivity& activity) {
    std::vector<Pause> out;
    const auto frame_of = [](double seconds) { return static_cast<std::size_t>(std::lround(seconds / kFrameSeconds)); };
    for (Pause span : voiced_spans(activity, kJoinGapSeconds)) {
        while (span.seconds() > kLongestUtteranceSeconds) {
            const std::size_t cut = quietest_frame(activity.level_db, frame_of(span.start + kShortestUtteranceSeconds),
                                                   frame_of(span.start + kLongestUtteranceSeconds));
            out.push_back({span.start, double(cut) * kFrameSeconds});
            span.start = out.back().end;
        }
        out.push_back(span);
    }
    return out;
}

}  // namespace rapport
