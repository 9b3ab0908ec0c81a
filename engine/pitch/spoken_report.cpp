#include "engine/pitch/spoken_report.h"

#include "engine/audio/script_language_model.h"
#include "engine/audio/syllables.h"
#include "engine/base/error.h"
#include "engine/pitch/word_count.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace rapport {
namespace {

struct ScriptPart {
    std::string text;                // as written
    int words = 0;                   // counted as in count_words()
    std::vector<std::string> spelled;  // the words the recogniser can hear
};

std::vector<ScriptPart> split_script(const std::string& script, const std::string& language) {
    WordSegmenter segmenter(language);
    std::vector<ScriptPart> parts;
    for (const ScriptSentence& sentence : segmenter.segment(script).sentences) {
        ScriptPart part;
        std::size_t begin = std::string::npos, end = 0;
        for (const ScriptToken& token : sentence.tokens) {
            if (token.kind != ScriptToken::Kind::word) continue;
            begin = std::min(begin, token.begin);
            end = std::max(end, token.end);
            const std::string word =
                dictionary_spelling(std::string_view(script).substr(token.begin, token.end - token.begin));
            if (!word.empty()) part.spelled.push_back(word);
        }
        if (begin == std::string::npos) continue;
        part.text = script.substr(begin, end - begin);
        part.words = sentence.words;
        parts.push_back(std::move(part));
    }
    return parts;
}

bool is_filler(const std::string& word) {
    return std::find(kFillerWords.begin(), kFillerWords.end(), word) != kFillerWords.end();
}

// For each part, how many of its words the recognised words match in order
// (a longest common subsequence over the whole script).
std::vector<int> heard_words_per_part(const std::vector<ScriptPart>& parts,
                                      const std::vector<std::string>& heard) {
    std::vector<std::pair<std::size_t, const std::string*>> script;  // (part, word)
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (const auto& w : parts[p].spelled) script.emplace_back(p, &w);
    const std::size_t n = script.size(), m = heard.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = *script[i].second == heard[j] ? lcs[i + 1][j + 1] + 1
                                                      : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<int> matched(parts.size(), 0);
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (*script[i].second == heard[j]) {
            ++matched[script[i].first];
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return matched;
}

// Words per window: `events` (word or syllable times), each worth `scale` words.
std::vector<PacePoint> pace_curve(const std::vector<double>& events, double scale, double start, double end) {
    std::vector<PacePoint> curve;
    for (double t = start; t < end - 1e-9; t += kPaceWindowSeconds) {
        const double length = std::min(kPaceWindowSeconds, end - t);
        if (length < 3 && !curve.empty()) break;  // a short tail says little
        const auto count = std::count_if(events.begin(), events.end(),
                                         [&](double e) { return e >= t && e < t + length; });
        curve.push_back({std::round(t * 10) / 10, std::round(count * scale / length * 600) / 10});
    }
    return curve;
}

std::string clock_text(double seconds) {
    const int s = static_cast<int>(std::lround(seconds));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}

std::string number_text(double value, int decimals = 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string first_words(const std::string& text, std::size_t limit = 48) {
    if (text.size() <= limit) return text;
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    return text.substr(0, cut) + "…";
}

struct Suggestion {
    double weight;
    std::string text;
};

std::vector<std::string> suggestions_for(const SpokenReport& r) {
    std::vector<Suggestion> all;
    if (const int skipped = r.skipped_sentences(); skipped > 0) {
        const auto first = std::find_if(r.sentences.begin(), r.sentences.end(),
                                        [](const SpokenSentence& s) { return !s.said; });
        all.push_back({200.0 + skipped,
                       "You skipped " + std::to_string(skipped) + (skipped == 1 ? " sentence" : " sentences") +
                           " of your script, starting with \"" + first_words(first->text) +
                           "\". Rehearse that part on its own, then the whole pitch again."});
    }
    if (r.target_seconds) {
        const double target = *r.target_seconds;
        const double over = r.speaking_seconds - target;
        if (std::abs(over) > 0.15 * target) {
            const double words = std::abs(over) / 60 * r.wpm;
            all.push_back({50 + 100 * std::abs(over) / target,
                           over > 0 ? "You spoke for " + clock_text(r.speaking_seconds) + " against a " +
                                          clock_text(target) + " target: cut about " +
                                          number_text(std::round(words / 5) * 5) + " words."
                                    : "You spoke for " + clock_text(r.speaking_seconds) + " of a " +
                                          clock_text(target) +
                                          " target: there is room for one more concrete example."});
        }
    }
    const double reference = r.usual_wpm.value_or(145);
    const double pace_gap = (r.wpm - reference) / reference;
    const std::string against = r.usual_wpm ? "your usual " + number_text(*r.usual_wpm) : "a calm 130-160";
    if (r.wpm > 0 && (pace_gap > 0.15 || r.wpm > 175))
        all.push_back({40 + 100 * std::max(pace_gap, (r.wpm - 175) / 175),
                       "You spoke at " + number_text(r.wpm) + " words a minute (" + against +
                           "): slow down and let each sentence land."});
    else if (r.wpm > 0 && (pace_gap < -0.2 || r.wpm < 110))
        all.push_back({30 + 100 * std::max(-pace_gap, (110 - r.wpm) / 110),
                       "You spoke at " + number_text(r.wpm) + " words a minute (" + against +
                           "): a little more pace will sound surer."});
    if (r.fillers_per_minute >= kFillersPerMinuteToMention)
        all.push_back({30 + 5 * r.fillers_per_minute,
                       std::to_string(r.fillers.size()) + " fillers (" + number_text(r.fillers_per_minute, 1) +
                           " a minute), first at " + clock_text(r.fillers.front().at) +
                           ": pause silently instead of saying \"" + r.fillers.front().word + "\"."});
    if (const int long_ones = r.long_pauses(); long_ones > 0) {
        const auto longest = std::max_element(r.pauses.begin(), r.pauses.end(),
                                              [](const Pause& a, const Pause& b) { return a.seconds() < b.seconds(); });
        all.push_back({20 + 5.0 * long_ones,
                       std::to_string(long_ones) + (long_ones == 1 ? " long pause" : " long pauses") +
                           " (the longest " + number_text(longest->seconds(), 1) + " s at " +
                           clock_text(longest->start) + "): know what comes next there by heart."});
    }
    std::stable_sort(all.begin(), all.end(), [](const Suggestion& a, const Suggestion& b) { return a.weight > b.weight; });
    std::vector<std::string> out;
    for (const auto& s : all) {
        if (out.size() == static_cast<std::size_t>(kMaxSuggestions)) break;
        out.push_back(s.text);
    }
    return out;
}

}  // namespace

int SpokenReport::long_pauses() const {
    return static_cast<int>(std::count_if(pauses.begin(), pauses.end(),
                                          [](const Pause& p) { return p.seconds() >= kLongPauseSeconds; }));
}

int SpokenReport::skipped_sentences() const {
    return static_cast<int>(std::count_if(sentences.begin(), sentences.end(), [](const SpokenSentence& s) { return !s.said; }));
}

SpokenReport analyze_spoken_pitch(const AudioClip& clip, const SpokenPitchOptions& options) {
    SpokenReport r;
    r.language = options.language;
    r.clip_seconds = clip.seconds();
    r.target_seconds = options.target_seconds;
    r.usual_wpm = options.usual_wpm;

    const VoiceActivity activity = detect_voice_activity(clip);
    if (!activity.any_speech || activity.speaking_seconds() < 0.5)
        throw Error("no speech heard, only silence or steady noise (is the microphone muted?)");
    r.speaking_seconds = std::round(activity.speaking_seconds() * 100) / 100;
    r.speech_start = activity.speech_start;
    r.pauses = activity.pauses;

    std::vector<ScriptPart> parts;
    if (options.script) parts = split_script(*options.script, options.language);
    const bool has_script = !parts.empty();

    std::vector<double> events;  // word times for the pace curve
    if (has_script && options.language == "en" && options.recognize && english_model_available()) {
        std::vector<std::vector<std::string>> spelled;
        for (const auto& p : parts) spelled.push_back(p.spelled);
        r.word_timings = recognize_script_speech(clip, utterance_spans(activity), spelled);
        r.recognized = true;
        std::vector<std::string> heard;
        for (const auto& w : r.word_timings) {
            if (is_filler(w.word)) {
                r.fillers.push_back({w.word, std::round(w.start * 100) / 100});
            } else {
                heard.push_back(w.word);
                events.push_back((w.start + w.end) / 2);
            }
        }
        const std::vector<int> matched = heard_words_per_part(parts, heard);
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const double share = parts[p].spelled.empty() ? 1.0 : double(matched[p]) / parts[p].spelled.size();
            r.sentences.push_back({parts[p].text, share >= kSaidShare, std::round(share * 100) / 100});
            if (share >= kSaidShare) r.words += parts[p].words;
        }
    } else if (has_script) {
        for (const auto& p : parts) r.words += p.words;
    }

    if (has_script) {
        r.wpm_source = "script";
    } else {
        r.wpm_source = "estimate";
        events = find_syllable_nuclei(clip, activity);
        r.words = static_cast<int>(std::lround(events.size() / syllables_per_word(options.language)));
    }
    if (events.empty()) events = find_syllable_nuclei(clip, activity);  // the pace curve's shape
    r.wpm = std::round(r.words / r.speaking_seconds * 600) / 10;
    const double scale = events.empty() ? 0 : double(r.words) / events.size();
    r.pace = pace_curve(events, scale, activity.speech_start, activity.speech_end);
    r.fillers_per_minute = std::round(r.fillers.size() / r.speaking_seconds * 600) / 10;

    if (!has_script)
        r.limits.push_back("Without the script, the word count is an estimate from syllables, and "
                           "skipped parts and fillers cannot be told.");
    else if (options.language == "fr")
        r.limits.push_back("French speech is not recognised (no French speech model is installed): "
                           "this report cannot tell which sentences you said or skipped, nor your "
                           "fillers; the pace assumes you said the whole script.");
    else if (!r.recognized)
        r.limits.push_back("Speech recognition was not available: skipped parts and fillers cannot "
                           "be told; the pace assumes you said the whole script.");
    r.suggestions = suggestions_for(r);
    return r;
}

}  // namespace rapport
