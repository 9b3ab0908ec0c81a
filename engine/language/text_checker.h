// Checks a text before it is sent: spelling (Hunspell, plus the user's own
// words) and the writing checks of writing_checks.h, in text order.
//
//   TextChecker checker(SpellLanguage::fr, PersonalWords(phrases));
//   auto issues = checker.check(note);      // fast: ~1 ms for 300 words
//   checker.add_suggestions(issues);        // slow the first time (Hunspell)
//
// Skipped by the spelling check: URLs, e-mail addresses, numbers and words
// with a digit or a dot, ALL-CAPS acronyms, single letters. The dictionary
// loads on the first check (see spelling.h); a missing one throws
// rapport::Error naming the Debian package. One TextChecker per thread.
#pragma once

#include "engine/language/personal_words.h"
#include "engine/language/spelling.h"
#include "engine/language/word_tokens.h"
#include "engine/language/writing_checks.h"

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport {

class TextChecker {
public:
    explicit TextChecker(SpellLanguage language, PersonalWords words = {},
                         std::shared_ptr<Dictionary> dictionary = nullptr);

    SpellLanguage language() const { return language_; }
    const PersonalWords& personal_words() const { return words_; }
    void set_personal_words(PersonalWords words);

    // All issues in text order. Spelling issues carry the suggestions
    // already known (see add_suggestions); the other kinds carry theirs.
    std::vector<TextIssue> check(std::string_view text);
    // Asks the dictionary for the suggestions of spelling issues that have
    // none yet (50-300 ms a new word; remembered afterwards).
    void add_suggestions(std::vector<TextIssue>& issues);
    // Whether the dictionary or the user's words know this word.
    bool known(std::string_view word);

private:
    Dictionary& dictionary();
    // For each token, whether it is part of a hyphenated compound known whole.
    std::vector<bool> known_compounds(std::string_view text, const std::vector<WordToken>& tokens);
    std::string spelling_reason(std::string_view word) const;

    SpellLanguage language_;
    PersonalWords words_;
    std::shared_ptr<Dictionary> dictionary_;
    WordTokenizer tokenizer_;
    // Words already looked up: typing re-checks the same words again and again.
    std::unordered_map<std::string, bool> known_cache_;
};

}  // namespace rapport
