// What the spelling check reports, and the checks that need no dictionary:
// a word written twice, "a"/"an" before the wrong sound, a sentence that
// starts in lower case, two spaces in a row, and French typography (a space
// before ? ! ; : and inside « »; in English, none before ? ! ; :).
//
// Every issue carries the exact byte span it is about, so a front end can
// underline it, and replace_span() applies a suggestion as a pure function.
#pragma once

#include "engine/language/word_tokens.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class IssueKind { spelling, repeat, article, capital, space, typography };

std::string_view issue_kind_name(IssueKind kind);

struct TextIssue {
    IssueKind kind = IssueKind::spelling;
    std::size_t offset = 0;  // bytes into the text
    std::size_t length = 0;  // bytes
    int line = 1;            // 1-based
    std::string word;        // the text in the span ("recieve", "the the", "  ")
    std::vector<std::string> suggestions;  // replacements for the whole span, best first
    std::string reason;      // one plain sentence, in the text's language (English or French)
};

// The checks above, in text order. tokens are WordTokenizer::tokens(text).
// english: the text is English (else French); it picks the checks and the
// language of the reasons.
std::vector<TextIssue> writing_issues(std::string_view text, const std::vector<WordToken>& tokens,
                                      bool english);

// For each token: does a sentence (or a paragraph) start with it?
std::vector<bool> sentence_starts(std::string_view text, const std::vector<WordToken>& tokens);

// Whether an English word is read starting with a vowel sound ("hour",
// "MBA": yes; "university", "one", "UX": no); nullopt when unsure (acronyms
// read as words, like "NASA").
std::optional<bool> starts_with_vowel_sound(std::string_view word);

// text with the issue's span replaced; nullopt when the text changed since
// the check (the span no longer holds issue.word).
std::optional<std::string> replace_span(std::string_view text, const TextIssue& issue,
                                        std::string_view replacement);

// 1-based line of a byte offset.
int line_at(std::string_view text, std::size_t offset);

}  // namespace rapport
