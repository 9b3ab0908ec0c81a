#include "engine/questions/word_pattern.h"

#include "engine/base/error.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace rapport {
namespace {

constexpr std::uint32_t kUnboundedGap = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kLongestCountedGap = 99;

std::vector<std::string_view> split_on(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

std::vector<std::string_view> tokens_of(std::string_view text) {
    std::vector<std::string_view> tokens;
    for (auto part : split_on(text, ' '))
        if (!part.empty()) tokens.push_back(part);
    return tokens;
}

void sort_unique(std::vector<WordId>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// "*" or "*N": the largest number of words the gap may skip.
std::uint32_t parse_gap(std::string_view token) {
    if (token == "*") return kUnboundedGap;
    std::uint32_t n = 0;
    const auto digits = token.substr(1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n < 1 || n > kLongestCountedGap)
        throw Error("gap " + quoted(token) + " must be '*' or '*N' with N from 1 to 99");
    return n;
}

std::uint32_t add_gaps(std::uint32_t a, std::uint32_t b) {
    return (a == kUnboundedGap || b == kUnboundedGap) ? kUnboundedGap : a + b;
}

// The normalized words of one written word or phrase.
std::vector<std::string> normalized_words(std::string_view text, WordSplitter& splitter) {
    std::vector<std::string> words;
    for (auto w : splitter.split(text)) words.emplace_back(w);
    return words;
}

// The steps one word token ("pay", "a|b", "@money?", "what's") stands for.
std::vector<PatternStep> compile_word_token(std::string_view token, const WordClasses& classes,
                                            WordSplitter& splitter, Vocabulary& vocabulary) {
    PatternStep step;
    if (token.size() > 1 && token.back() == '?') {
        step.optional = true;
        token.remove_suffix(1);
    }
    const auto alternatives = split_on(token, '|');
    for (auto alternative : alternatives) {
        if (alternative.empty())
            throw Error("empty alternative in " + quoted(token) + " (check the '|' signs)");
        if (alternative.front() == '@') {
            auto it = classes.find(alternative.substr(1));
            if (it == classes.end())
                throw Error("unknown word class " + quoted(alternative) +
                            " (define it under \"word_classes\")");
            step.words.insert(step.words.end(), it->second.begin(), it->second.end());
            continue;
        }
        const auto words = normalized_words(alternative, splitter);
        if (words.empty()) throw Error(quoted(alternative) + " has no letters or digits");
        // A plain multi-word token ("what's" -> what is) becomes several steps.
        if (words.size() > 1 && alternatives.size() == 1 && !step.optional) {
            std::vector<PatternStep> steps;
            for (const auto& w : words) steps.push_back(PatternStep{{vocabulary.add(w)}, false, 0});
            return steps;
        }
        if (words.size() > 1)
            throw Error(quoted(alternative) + " is several words (" + words.front() + " " +
                        words[1] + "...); alternatives and optional words must be single words");
        step.words.push_back(vocabulary.add(words.front()));
    }
    sort_unique(step.words);
    return {step};
}

}  // namespace

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

WordId Vocabulary::add(std::string_view word) {
    if (auto it = ids_.find(word); it != ids_.end()) return it->second;
    const auto id = static_cast<WordId>(ids_.size() + 1);
    ids_.emplace(std::string(word), id);
    return id;
}

WordId Vocabulary::find(std::string_view word) const {
    auto it = ids_.find(word);
    return it == ids_.end() ? kUnknownWord : it->second;
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

bool PatternStep::accepts(WordId word) const {
    if (word == kUnknownWord) return false;
    if (words.size() <= 8) return std::find(words.begin(), words.end(), word) != words.end();
    return std::binary_search(words.begin(), words.end(), word);
}

// Can steps[step..] match, with steps[step] beginning somewhere between
// position and position + (allowed gap)?
bool WordPattern::match_from(std::span<const WordId> words, std::size_t step,
                             std::size_t position, std::uint64_t gap_allowance) const {
    if (step == steps.size())
        return !anchored_end || words.size() - position <= gap_allowance + max_gap_after;
    const PatternStep& s = steps[step];
    const std::uint64_t allowance =
        s.max_gap_before == kUnboundedGap ? words.size() : gap_allowance + s.max_gap_before;
    for (std::size_t p = position; p < words.size() && p - position <= allowance; ++p)
        if (s.accepts(words[p]) && match_from(words, step + 1, p + 1, 0)) return true;
    // A missing optional word: what was allowed before it carries over.
    return s.optional && match_from(words, step + 1, position, allowance);
}

bool WordPattern::matches_at(std::span<const WordId> words, std::size_t start) const {
    if (anchored_start && start != 0) return false;
    return start < words.size() && match_from(words, 0, start, 0);
}

bool WordPattern::matches_anywhere(std::span<const WordId> words) const {
    for (std::size_t start = 0; start < words.size(); ++start)
        if (matches_at(words, start)) return true;
    return false;
}

// ---------------------------------------------------------------------------
// Compiling
// ---------------------------------------------------------------------------

std::vector<WordId> compile_word_list(std::span<const std::string> words, WordSplitter& splitter,
                                      Vocabulary& vocabulary) {
    std::vector<WordId> ids;
    for (const auto& word : words) {
        const auto normalized = normalized_words(word, splitter);
        if (normalized.size() != 1)
            throw Error(quoted(word) + (normalized.empty() ? " has no letters or digits"
                                                          : " is more than one word"));
        ids.push_back(vocabulary.add(normalized.front()));
    }
    sort_unique(ids);
    return ids;
}

WordPattern compile_word_pattern(std::string_view text, const WordClasses& classes,
                                 WordSplitter& splitter, Vocabulary& vocabulary) {
    WordPattern pattern;
    pattern.source = std::string(text);
    auto tokens = tokens_of(text);
    if (!tokens.empty() && tokens.front() == "^") {
        pattern.anchored_start = true;
        tokens.erase(tokens.begin());
    }
    if (!tokens.empty() && tokens.back() == "$") {
        pattern.anchored_end = true;
        tokens.pop_back();
    }
    std::uint32_t pending_gap = 0;
    for (auto token : tokens) {
        if (token == "^" || token == "$")
            throw Error(quoted(token) + " may only be the first (^) or last ($) token");
        if (token.front() == '*') {
            if (pattern.steps.empty())
                throw Error("starts with a gap; patterns already match anywhere, so remove the leading *");
            pending_gap = add_gaps(pending_gap, parse_gap(token));
            continue;
        }
        for (auto& step : compile_word_token(token, classes, splitter, vocabulary)) {
            step.max_gap_before = pending_gap;
            pending_gap = 0;
            pattern.steps.push_back(std::move(step));
        }
    }
    if (pattern.steps.empty()) throw Error("has no words");
    if (pending_gap != 0 && !pattern.anchored_end)
        throw Error("ends with a gap; patterns already match anywhere, so remove the trailing *");
    pattern.max_gap_after = pending_gap;
    if (std::all_of(pattern.steps.begin(), pattern.steps.end(),
                    [](const PatternStep& s) { return s.optional; }))
        throw Error("every word is optional, so it would match any question");
    return pattern;
}

}  // namespace rapport
