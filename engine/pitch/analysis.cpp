#include "engine/pitch/analysis.h"

#include "engine/base/error.h"
#include "engine/base/utf8.h"
#include "engine/pitch/advice.h"
#include "engine/pitch/wording.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <utility>

namespace rapport {
namespace {

// ---------------------------------------------------------------------------
// Cue matching, inside one sentence
// ---------------------------------------------------------------------------

struct TokenRange {
    std::size_t first = 0;  // first token of the match
    std::size_t end = 0;    // one past the last token
};

bool token_matches(const CueToken& cue, const ScriptToken& token) {
    if (cue.text == ",") return token.kind == ScriptToken::Kind::pause;
    if (token.kind != ScriptToken::Kind::word) return false;
    return cue.prefix ? token.folded.starts_with(cue.text) : token.folded == cue.text;
}

// The match of cue starting exactly at tokens[start], if any. Pauses the cue
// does not ask for are skipped between its words.
std::optional<TokenRange> match_at(const std::vector<ScriptToken>& tokens, std::size_t start,
                                   const CuePhrase& cue) {
    std::size_t i = start;
    for (std::size_t k = 0; k < cue.tokens.size(); ++k) {
        const bool wants_word = cue.tokens[k].text != ",";
        while (k > 0 && wants_word && i < tokens.size() &&
               tokens[i].kind == ScriptToken::Kind::pause)
            ++i;
        if (i >= tokens.size() || !token_matches(cue.tokens[k], tokens[i])) return std::nullopt;
        ++i;
    }
    return TokenRange{start, i};
}

// Every non-overlapping match of cue in a sentence, left to right.
std::vector<TokenRange> find_all(const ScriptSentence& sentence, const CuePhrase& cue) {
    std::vector<TokenRange> found;
    for (std::size_t start = 0; start < sentence.tokens.size();) {
        if (auto m = match_at(sentence.tokens, start, cue)) {
            found.push_back(*m);
            start = m->end;
        } else {
            ++start;
        }
    }
    return found;
}

struct Occurrence {
    std::size_t sentence = 0;
    TokenRange range;
};

// Finds cues in one script. Most cues start with a plain word, so an index
// from each word to where it occurs lets a cue skip the sentences and
// positions where it cannot start; only cues starting with a wildcard word
// scan every position. This keeps analysis cheap enough for every keystroke.
class CueFinder {
public:
    explicit CueFinder(const SegmentedScript& script) : script_(script) {
        for (std::size_t s = 0; s < script.sentences.size(); ++s) {
            const auto& tokens = script.sentences[s].tokens;
            for (std::size_t t = 0; t < tokens.size(); ++t)
                if (tokens[t].kind == ScriptToken::Kind::word)
                    positions_[tokens[t].folded].push_back({s, t});
        }
    }

    // Non-overlapping matches of cue, in script order.
    std::vector<Occurrence> find(const CuePhrase& cue) const {
        std::vector<Occurrence> found;
        // The cue's first word, after any pauses it starts with.
        std::size_t lead = 0;
        while (lead < cue.tokens.size() && cue.tokens[lead].text == ",") ++lead;
        if (cue.tokens[lead].prefix) {
            for (std::size_t s = 0; s < script_.sentences.size(); ++s)
                for (TokenRange r : find_all(script_.sentences[s], cue)) found.push_back({s, r});
            return found;
        }
        const auto it = positions_.find(cue.tokens[lead].text);
        if (it == positions_.end()) return found;
        for (const auto& [s, t] : it->second) {
            if (t < lead) continue;
            const std::size_t start = t - lead;
            if (!found.empty() && found.back().sentence == s && start < found.back().range.end)
                continue;  // inside the previous match
            if (auto m = match_at(script_.sentences[s].tokens, start, cue)) found.push_back({s, *m});
        }
        return found;
    }

private:
    const SegmentedScript& script_;
    std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, std::size_t>>>
        positions_;
};

// The words of the script a match covers (pauses at either end left out).
std::string excerpt_of(std::string_view script, const ScriptSentence& sentence, TokenRange range) {
    std::size_t first = range.first, last = range.end - 1;
    while (first < last && sentence.tokens[first].kind == ScriptToken::Kind::pause) ++first;
    while (last > first && sentence.tokens[last].kind == ScriptToken::Kind::pause) --last;
    const std::size_t begin = sentence.tokens[first].begin;
    return std::string(script.substr(begin, sentence.tokens[last].end - begin));
}

struct Found {
    const CuePhrase* cue;
    std::string excerpt;
};

// Every match of every cue in the list, in script order per cue.
std::vector<Found> find_cues(std::string_view script, const SegmentedScript& segmented,
                             const CueFinder& finder, const std::vector<CuePhrase>& cues) {
    std::vector<Found> found;
    for (const CuePhrase& cue : cues)
        for (const Occurrence& o : finder.find(cue))
            found.push_back({&cue, excerpt_of(script, segmented.sentences[o.sentence], o.range)});
    return found;
}

// The first cue of the list that matches, at its first place in the script.
std::optional<Found> find_first_cue(std::string_view script, const SegmentedScript& segmented,
                                    const CueFinder& finder, const std::vector<CuePhrase>& cues) {
    for (const CuePhrase& cue : cues)
        if (const auto found = finder.find(cue); !found.empty())
            return Found{&cue, excerpt_of(script, segmented.sentences[found.front().sentence],
                                          found.front().range)};
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

std::string whole_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
}

const PitchWording& wording(const PitchAnalysis& a) { return pitch_wording(a.language); }

std::string seconds_text(const PitchAnalysis& a, double seconds) {
    return whole_number(seconds) + wording(a).seconds_unit;
}

// A few words of the script, inside a warning.
std::string quoted(const PitchAnalysis& a, const std::string& text) {
    return wording(a).plain_open_quote + text + wording(a).plain_close_quote;
}

std::string at_rate(const PitchAnalysis& a) {
    return fill(wording(a).at_rate,
                {{"seconds", seconds_text(a, a.estimated_seconds)}, {"wpm", whole_number(a.wpm)}});
}

void warn(PitchAnalysis& a, std::string code, std::string message) {
    a.warnings.push_back({std::move(code), std::move(message)});
}

// Only against a target the user chose: with none, any usual length is fine.
void check_length(PitchAnalysis& a, double exact_seconds) {
    if (!a.target_seconds) return;
    const double target = *a.target_seconds;
    const double lowest = target * (1 - kPitchTargetTolerance);
    const double highest = target * (1 + kPitchTargetTolerance);
    const double slack = 1e-9;  // 60 * 1.15 is not exactly 69 in binary
    if (exact_seconds > highest + slack) {
        const int fitting = static_cast<int>(std::floor(highest * a.wpm / 60 + slack));
        warn(a, "too-long",
             fill(wording(a).too_long, {{"at_rate", at_rate(a)},
                                        {"target", seconds_text(a, target)},
                                        {"highest", seconds_text(a, highest)},
                                        {"words", std::to_string(a.words - fitting)}}));
    } else if (exact_seconds < lowest - slack) {
        const int needed = static_cast<int>(std::ceil(lowest * a.wpm / 60 - slack));
        warn(a, "too-short",
             fill(wording(a).too_short, {{"at_rate", at_rate(a)},
                                         {"target", seconds_text(a, target)},
                                         {"lowest", seconds_text(a, lowest)},
                                         {"words", std::to_string(needed - a.words)}}));
    }
}

void check_job_requests(PitchAnalysis& a) {
    std::string sentences;
    for (const PitchAsk& ask : a.asks)
        if (ask.kind == AskKind::job) sentences += (sentences.empty() ? "" : ", ") + quoted(a, ask.sentence);
    if (sentences.empty()) return;
    warn(a, "mentions-job", fill(wording(a).mentions_job, {{"sentences", sentences}}));
}

void check_fillers(PitchAnalysis& a, std::string_view script, const SegmentedScript& s,
                   const CueFinder& finder, const PitchCues& cues) {
    // Counted per cue, shown as the script wrote the first one.
    std::vector<std::pair<std::string, int>> counts;
    std::map<const CuePhrase*, std::size_t> slot;
    for (const Found& f : find_cues(script, s, finder, cues.filler_words)) {
        auto [it, fresh] = slot.emplace(f.cue, counts.size());
        if (fresh) counts.emplace_back(f.excerpt, 0);
        ++counts[it->second].second;
    }
    if (counts.empty()) return;
    std::string list;
    for (const auto& [word, n] : counts)
        list += (list.empty() ? "" : ", ") + quoted(a, word) +
                (n > 1 ? fill(wording(a).repeat, {{"n", std::to_string(n)}}) : "");
    warn(a, "filler-words", fill(wording(a).fillers, {{"list", list}}));
}

void check_sentences(PitchAnalysis& a, std::string_view script, const SegmentedScript& s,
                     int limit) {
    for (std::size_t i = 0; i < s.sentences.size(); ++i) {
        const ScriptSentence& sentence = s.sentences[i];
        if (sentence.words <= limit) continue;
        // The first few words, so the user can find the sentence.
        std::size_t shown = 0, last = 0;
        for (std::size_t t = 0; t < sentence.tokens.size() && shown < 6; ++t)
            if (sentence.tokens[t].kind == ScriptToken::Kind::word) ++shown, last = t;
        const std::size_t begin = sentence.tokens.front().begin;
        const std::string start(script.substr(begin, sentence.tokens[last].end - begin));
        warn(a, "long-sentence",
             fill(wording(a).long_sentence, {{"number", std::to_string(i + 1)},
                                             {"start", start},
                                             {"words", std::to_string(sentence.words)},
                                             {"limit", std::to_string(limit)}}));
    }
}

void check_components(PitchAnalysis& a) {
    const PitchWording& w = wording(a);
    for (const ComponentCoverage& c : a.components)
        if (c.status == ComponentStatus::missing) {
            const auto slot = static_cast<std::size_t>(c.component);
            warn(a, "missing-component", fill(w.missing, {{"name", w.names[slot]},
                                                          {"label", w.labels[slot]},
                                                          {"description", w.descriptions[slot]}}));
        }
}

// ---------------------------------------------------------------------------
// Reading the sentences
// ---------------------------------------------------------------------------

struct SentenceSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// From the first word to the last, with the full stop, question or
// exclamation mark that ends it (French puts a space, often a no-break one,
// before "?" and "!").
SentenceSpan span_of(std::string_view script, const ScriptSentence& sentence) {
    SentenceSpan span{sentence.tokens.front().begin, sentence.tokens.back().end};
    std::size_t at = span.end;
    for (std::string_view space : {" ", "\u00A0", "\u202F"})
        if (script.substr(at).starts_with(space)) at += space.size();
    while (at < script.size() && std::string_view(".!?").find(script[at]) != std::string_view::npos)
        span.end = ++at;
    return span;
}

// The first cue of each component (and of the job and introduction requests) found in each sentence.
std::vector<SentenceCues> cues_per_sentence(const SegmentedScript& segmented,
                                            const CueFinder& finder, const PitchCues& cues) {
    std::vector<SentenceCues> found(segmented.sentences.size());
    for (PitchComponent c : kPitchComponents) {
        const auto slot = static_cast<std::size_t>(c);
        for (const CuePhrase& cue : cues.cues_for(c))
            for (const Occurrence& o : finder.find(cue))
                if (!found[o.sentence].components[slot]) found[o.sentence].components[slot] = &cue;
    }
    for (const CuePhrase& cue : cues.job_requests)
        for (const Occurrence& o : finder.find(cue))
            if (!found[o.sentence].job_request) found[o.sentence].job_request = &cue;
    for (const CuePhrase& cue : cues.introduction_requests)
        for (const Occurrence& o : finder.find(cue))
            if (!found[o.sentence].introduction_request) found[o.sentence].introduction_request = &cue;
    return found;
}

struct ReadSentence {
    SentenceSpan span;
    SentenceCues cues;
    SentenceReading reading;
};

void add_evidence(ComponentCoverage& coverage, std::string_view script, const ReadSentence& s) {
    const auto slot = static_cast<std::size_t>(coverage.component);
    const double confidence = s.reading.confidence[slot];
    if (confidence < kMaybeConfidence) return;
    const CuePhrase* cue = s.cues.components[slot];
    coverage.evidence.push_back({std::string(script.substr(s.span.begin, s.span.end - s.span.begin)),
                                 s.span.begin, s.span.end, confidence, cue ? cue->text : ""});
}

// Status and confidence from the evidence, most confident first.
void settle(ComponentCoverage& coverage) {
    std::stable_sort(coverage.evidence.begin(), coverage.evidence.end(),
                     [](const ComponentEvidence& x, const ComponentEvidence& y) {
                         return x.confidence > y.confidence;
                     });
    coverage.confidence = coverage.evidence.empty() ? 0 : coverage.evidence.front().confidence;
    coverage.status = coverage.confidence >= kPresentConfidence ? ComponentStatus::present
                      : coverage.confidence >= kMaybeConfidence ? ComponentStatus::maybe
                                                                : ComponentStatus::missing;
    coverage.covered = coverage.status == ComponentStatus::present;
}

std::pair<double, WpmSource> choose_rate(const PitchAnalysisOptions& options) {
    if (options.wpm) {
        check_words_per_minute(*options.wpm);
        return {*options.wpm, WpmSource::option};
    }
    if (options.measured_wpm) return {*options.measured_wpm, WpmSource::measured};
    return {kDefaultWordsPerMinute, WpmSource::fallback};
}

}  // namespace

std::string_view wpm_source_name(WpmSource source) {
    switch (source) {
        case WpmSource::option: return "option";
        case WpmSource::measured: return "measured";
        case WpmSource::fallback: return "default";
    }
    return "";
}

bool PitchAnalysis::has_warning(std::string_view code) const {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const PitchWarning& w) { return w.code == code; });
}

std::string length_summary(const PitchAnalysis& a) {
    for (const PitchWarning& w : a.warnings)
        if (w.code == "too-long" || w.code == "too-short") return w.message;
    if (a.target_seconds)
        return fill(wording(a).fits, {{"at_rate", at_rate(a)},
                                      {"target", seconds_text(a, *a.target_seconds)}});
    return fill(wording(a).no_target,
                {{"at_rate", at_rate(a)}, {"shortest", seconds_text(a, kUsualPitchShortestSeconds)}});
}

void check_pitch_target(double seconds) {
    if (!(seconds >= 5 && seconds <= 600))
        throw Error("target must be between 5 and 600 seconds (got " + std::to_string(seconds) +
                    ")");
}

void check_words_per_minute(double wpm) {
    if (!(wpm >= 40 && wpm <= 400))
        throw Error("speaking rate must be between 40 and 400 words per minute (got " +
                    std::to_string(wpm) + ")");
}

std::string_view component_status_name(ComponentStatus status) {
    switch (status) {
        case ComponentStatus::missing: return "missing";
        case ComponentStatus::maybe: return "maybe";
        case ComponentStatus::present: return "present";
    }
    return "";
}

PitchAnalyzer::PitchAnalyzer(PitchCues cues, PitchModels models)
    : cues_(std::move(cues)), models_(std::move(models)), segmenter_(cues_.language) {}

PitchAnalysis PitchAnalyzer::analyze(std::string_view script,
                                     const PitchAnalysisOptions& options) {
    if (options.target_seconds) check_pitch_target(*options.target_seconds);
    // Byte offsets must agree between the script and ICU's reading of it,
    // which replaces bad bytes: refuse such text, naming it.
    require_utf8(script, "script text");
    const auto [wpm, source] = choose_rate(options);
    const SegmentedScript segmented = segmenter_.segment(script);
    if (segmented.words == 0) throw Error("the script is empty: there are no words to analyze");

    PitchAnalysis a;
    a.language = cues_.language;
    a.words = segmented.words;
    a.sentences = static_cast<int>(segmented.sentences.size());
    a.target_seconds = options.target_seconds;
    a.wpm = wpm;
    a.wpm_source = source;
    const double exact_seconds = a.words / wpm * 60;
    a.estimated_seconds = std::round(exact_seconds * 10) / 10;

    const CueFinder finder(segmented);
    const std::vector<SentenceCues> cues = cues_per_sentence(segmented, finder, cues_);
    std::vector<ReadSentence> sentences;
    for (std::size_t i = 0; i < segmented.sentences.size(); ++i) {
        const ScriptSentence& sentence = segmented.sentences[i];
        if (sentence.words == 0) continue;
        const SentenceSpan span = span_of(script, sentence);
        sentences.push_back({span, cues[i],
                             read_sentence(models_, script.substr(span.begin, span.end - span.begin),
                                           cues[i])});
    }
    for (PitchComponent c : kPitchComponents) {
        ComponentCoverage coverage{c, false, ComponentStatus::missing, 0, {}, {}, {}};
        if (auto found = find_first_cue(script, segmented, finder, cues_.cues_for(c))) {
            coverage.cue = found->cue->text;
            coverage.excerpt = found->excerpt;
        }
        for (const ReadSentence& s : sentences) add_evidence(coverage, script, s);
        settle(coverage);
        a.components.push_back(std::move(coverage));
    }
    for (const ReadSentence& s : sentences)
        if (s.reading.ask)
            a.asks.push_back({*s.reading.ask,
                              std::string(script.substr(s.span.begin, s.span.end - s.span.begin)),
                              s.span.begin, s.span.end, s.reading.ask_confidence});

    check_length(a, exact_seconds);
    check_job_requests(a);
    check_fillers(a, script, segmented, finder, cues_);
    check_sentences(a, script, segmented, cues_.long_sentence_words);
    check_components(a);
    a.advice = rank_advice(a, cues_, options.profile);
    return a;
}

}  // namespace rapport
