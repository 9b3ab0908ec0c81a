#include "engine/pitch/analysis.h"

#include "engine/base/error.h"
#include "engine/base/utf8.h"

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

std::string seconds_text(double seconds) { return whole_number(seconds) + " s"; }

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// Completes "nothing says ..." for a missing component.
std::string_view component_description(PitchComponent c) {
    switch (c) {
        case PitchComponent::interest: return "which field you are interested in";
        case PitchComponent::skills: return "what your skills are";
        case PitchComponent::knowledge: return "what specific knowledge you bring";
        case PitchComponent::education: return "what you studied or trained in";
        case PitchComponent::experience: return "what experience you have";
        case PitchComponent::strengths: return "what your strengths are";
        case PitchComponent::accomplishments: return "what you have accomplished";
        case PitchComponent::goals: return "what your long-term goals are";
    }
    return "";
}

void warn(PitchAnalysis& a, std::string code, std::string message) {
    a.warnings.push_back({std::move(code), std::move(message)});
}

void check_length(PitchAnalysis& a, double exact_seconds) {
    const double lowest = a.target_seconds * (1 - kPitchTargetTolerance);
    const double highest = a.target_seconds * (1 + kPitchTargetTolerance);
    const double slack = 1e-9;  // 60 * 1.15 is not exactly 69 in binary
    const std::string at_rate = "About " + seconds_text(a.estimated_seconds) + " at " +
                                whole_number(a.wpm) + " words per minute";
    if (exact_seconds > highest + slack) {
        const int fitting = static_cast<int>(std::floor(highest * a.wpm / 60 + slack));
        warn(a, "too-long",
             at_rate + ": longer than the " + seconds_text(a.target_seconds) +
                 " target allows (up to " + seconds_text(highest) + "). Cut about " +
                 std::to_string(a.words - fitting) + " words.");
    } else if (exact_seconds < lowest - slack) {
        const int needed = static_cast<int>(std::ceil(lowest * a.wpm / 60 - slack));
        warn(a, "too-short",
             at_rate + ": shorter than the " + seconds_text(a.target_seconds) +
                 " target needs (at least " + seconds_text(lowest) + "). Add about " +
                 std::to_string(needed - a.words) + " words.");
    }
}

void check_job_requests(PitchAnalysis& a, std::string_view script, const SegmentedScript& s,
                        const CueFinder& finder, const PitchCues& cues) {
    const std::vector<Found> found = find_cues(script, s, finder, cues.job_requests);
    if (found.empty()) return;
    std::string excerpts;
    for (const Found& f : found) excerpts += (excerpts.empty() ? "" : ", ") + quoted(f.excerpt);
    warn(a, "mentions-job",
         "Asks for a job (" + excerpts +
             "): an informational interview is for learning about the field, not for asking "
             "for work or a referral. Take this out.");
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
        list += (list.empty() ? "" : ", ") + quoted(word) + (n > 1 ? " x" + std::to_string(n) : "");
    warn(a, "filler-words",
         "Filler words: " + list + ". Leave them out: they take time and say nothing.");
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
             "Sentence " + std::to_string(i + 1) + " (\"" + start + "...\") has " +
                 std::to_string(sentence.words) + " words (more than " + std::to_string(limit) +
                 "): split it so it is easy to say and to follow.");
    }
}

void check_components(PitchAnalysis& a, const PitchCues& cues) {
    for (const ComponentCoverage& c : a.components) {
        if (c.covered) continue;
        // Two cues as examples, skipping wildcards the user would not write.
        std::string hint;
        int shown = 0;
        for (const CuePhrase& cue : cues.cues_for(c.component)) {
            if (cue.text.find('*') != std::string::npos || shown == 2) continue;
            hint += (shown++ ? " or " : "") + quoted(cue.text);
        }
        warn(a, "missing-component",
             "No " + std::string(component_name(c.component)) + ": nothing says " +
                 std::string(component_description(c.component)) +
                 ". Add a sentence" + (hint.empty() ? "" : ", for example with " + hint) + ".");
    }
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

PitchAnalyzer::PitchAnalyzer(PitchCues cues)
    : cues_(std::move(cues)), segmenter_(cues_.language) {}

PitchAnalysis PitchAnalyzer::analyze(std::string_view script,
                                     const PitchAnalysisOptions& options) {
    check_pitch_target(options.target_seconds);
    // Byte offsets must agree between the script and ICU's reading of it,
    // which replaces bad bytes: refuse such text, naming it.
    require_utf8(script, "script text");
    const auto [wpm, source] = choose_rate(options);
    const SegmentedScript segmented = segmenter_.segment(script);
    if (segmented.words == 0) throw Error("the script is empty: there are no words to analyze");

    PitchAnalysis a;
    a.words = segmented.words;
    a.sentences = static_cast<int>(segmented.sentences.size());
    a.target_seconds = options.target_seconds;
    a.wpm = wpm;
    a.wpm_source = source;
    const double exact_seconds = a.words / wpm * 60;
    a.estimated_seconds = std::round(exact_seconds * 10) / 10;
    const CueFinder finder(segmented);
    for (PitchComponent c : kPitchComponents) {
        ComponentCoverage coverage{c, false, {}, {}};
        if (auto found = find_first_cue(script, segmented, finder, cues_.cues_for(c)))
            coverage = {c, true, found->cue->text, found->excerpt};
        a.components.push_back(std::move(coverage));
    }

    check_length(a, exact_seconds);
    check_job_requests(a, script, segmented, finder, cues_);
    check_fillers(a, script, segmented, finder, cues_);
    check_sentences(a, script, segmented, cues_.long_sentence_words);
    check_components(a, cues_);
    return a;
}

}  // namespace rapport
