#include "engine/language/text_checker.h"

#include <algorithm>

namespace rapport {
namespace {

// Enough for every word of a long campaign's notes; cleared when full.
constexpr std::size_t kKnownCacheLimit = 20000;

// Whether token `next` follows token `token` after exactly one hyphen-minus:
// "week" and "end" in "week-end".
bool joined_by_hyphen(std::string_view text, const WordToken& token, const WordToken& next) {
    const std::size_t end = token.offset + token.length;
    return !token.skipped && !next.skipped && next.offset == end + 1 && text[end] == '-';
}

}  // namespace

TextChecker::TextChecker(SpellLanguage language, PersonalWords words,
                         std::shared_ptr<Dictionary> dictionary)
    : language_(language), words_(std::move(words)), dictionary_(std::move(dictionary)) {}

void TextChecker::set_personal_words(PersonalWords words) {
    words_ = std::move(words);
    known_cache_.clear();
}

Dictionary& TextChecker::dictionary() {
    if (!dictionary_) dictionary_ = Dictionary::shared(language_);
    return *dictionary_;
}

bool TextChecker::known(std::string_view word) {
    std::string key(word);
    if (auto it = known_cache_.find(key); it != known_cache_.end()) return it->second;
    const bool ok = words_.contains(word) || dictionary().spell(word);
    if (known_cache_.size() >= kKnownCacheLimit) known_cache_.clear();
    known_cache_.emplace(std::move(key), ok);
    return ok;
}

std::string TextChecker::spelling_reason(std::string_view word) const {
    const SpellLanguageInfo& info = spell_language_info(language_);
    if (!info.english)
        return "\u00AB\u00A0" + std::string(word) +
               "\u00A0\u00BB n\u2019est ni dans le dictionnaire fran\u00E7ais ni dans vos mots.";
    return "\u201C" + std::string(word) + "\u201D is not in the " + std::string(info.name) +
           " dictionary or in your words.";
}

// The word tokenizer splits at hyphens, but dictionaries hold compounds whose
// parts are not words on their own ("week-end", "start-up" in French): a chain
// of tokens joined by hyphens that the dictionary knows whole is correct.
std::vector<bool> TextChecker::known_compounds(std::string_view text,
                                               const std::vector<WordToken>& tokens) {
    std::vector<bool> covered(tokens.size(), false);
    for (std::size_t first = 0; first < tokens.size();) {
        std::size_t last = first;
        while (last + 1 < tokens.size() && joined_by_hyphen(text, tokens[last], tokens[last + 1])) ++last;
        if (last > first) {
            const std::size_t end = tokens[last].offset + tokens[last].length;
            if (known(text.substr(tokens[first].offset, end - tokens[first].offset)))
                std::fill(covered.begin() + static_cast<std::ptrdiff_t>(first),
                          covered.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
        }
        first = last + 1;
    }
    return covered;
}

std::vector<TextIssue> TextChecker::check(std::string_view text) {
    const std::vector<WordToken> tokens = tokenizer_.tokens(text);
    const std::vector<bool> in_known_compound = known_compounds(text, tokens);
    std::vector<TextIssue> issues;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const WordToken& token = tokens[i];
        const std::string_view word = token.text(text);
        if (in_known_compound[i] || token.skipped || code_points(word) < 2 || is_all_caps(word) ||
            known(word))
            continue;
        TextIssue issue{IssueKind::spelling, token.offset, token.length, line_at(text, token.offset),
                        std::string(word), {}, spelling_reason(word)};
        if (auto cached = dictionary().cached_suggestions(word)) issue.suggestions = std::move(*cached);
        issues.push_back(std::move(issue));
    }
    auto writing = writing_issues(text, tokens, spell_language_info(language_).english);
    // A misspelled word is not also reported as repeated or lower case.
    std::erase_if(writing, [&](const TextIssue& w) {
        return std::any_of(issues.begin(), issues.end(), [&](const TextIssue& s) {
            return s.offset < w.offset + w.length && w.offset < s.offset + s.length &&
                   (w.kind == IssueKind::repeat || w.kind == IssueKind::capital);
        });
    });
    issues.insert(issues.end(), writing.begin(), writing.end());
    std::stable_sort(issues.begin(), issues.end(),
                     [](const TextIssue& a, const TextIssue& b) { return a.offset < b.offset; });
    return issues;
}

void TextChecker::add_suggestions(std::vector<TextIssue>& issues) {
    for (auto& issue : issues)
        if (issue.kind == IssueKind::spelling && issue.suggestions.empty())
            issue.suggestions = dictionary().suggest(issue.word);
}

}  // namespace rapport
