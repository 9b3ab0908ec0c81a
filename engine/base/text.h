// Unicode text helpers for matching what people type against data files.
//
// Two things, both built on ICU 72 and both fast enough for every keystroke:
//
// normalize_for_matching(text): compatibility normalization (NFKC), case
// folding, accents removed, curly quotes and apostrophes made straight, dashes
// made '-', runs of white space collapsed to one space and the ends trimmed.
// "  Qu’est-ce   que VOUS faites ? " -> "qu'est-ce que vous faites ?".
//
// WordSplitter::split(text): the same normalization, then the words only (no
// punctuation), with English contractions expanded ("what's" -> what is,
// "don't" -> do not, "can't" -> can not, "company's" -> company 's) and French
// elisions split ("l'entreprise" -> l entreprise, "qu'est-ce" -> que est ce,
// "s'il" -> si il; the euphonic -t- of "a-t-il" is dropped).
//
// Speed: pure ASCII text (most questions) never touches ICU. Other text is
// normalized with ICU's cached normalizer singletons; when the result is ASCII
// (accented Latin text) it goes through the same ASCII word rules, otherwise
// through an ICU word BreakIterator that the splitter creates once and reuses.
// A WordSplitter keeps its buffers between calls, so splitting allocates
// nothing once they have grown. One WordSplitter per thread.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class Language { english, french };

// "en" / "fr" <-> Language; language_from_code returns nullopt for others.
std::optional<Language> language_from_code(std::string_view code);
std::string_view language_code(Language language);
// Every language Rapport ships data for.
std::span<const Language> supported_languages();

// See the header comment. Invalid UTF-8 becomes U+FFFD, never an error.
std::string normalize_for_matching(std::string_view utf8);

class WordSplitter {
public:
    explicit WordSplitter(Language language);
    ~WordSplitter();
    WordSplitter(const WordSplitter&) = delete;
    WordSplitter& operator=(const WordSplitter&) = delete;

    Language language() const { return language_; }

    // The normalized words of text, in order. The views point into this
    // object's buffer and stay valid until the next call.
    std::span<const std::string_view> split(std::string_view utf8);

    // The same through ICU's BreakIterator even for ASCII text; tests use it
    // to prove both paths agree.
    std::span<const std::string_view> split_with_icu(std::string_view utf8);

private:
    void split_ascii(std::string_view ascii);
    void split_with_break_iterator(std::string_view folded_utf8);
    // Adds one raw word: expands contractions and elisions, drops what the
    // language says to drop.
    void add_word(std::string_view word);
    void add_english_word(std::string_view word);
    void add_french_word(std::string_view word);
    void emit(std::string_view word);
    void emit_expanded(std::string_view word, std::string_view expansion);
    std::span<const std::string_view> finish();

    struct IcuState;  // the cached BreakIterator (kept out of this header)

    Language language_;
    std::unique_ptr<IcuState> icu_;
    std::string folded_;                                  // ICU-normalized text
    std::string buffer_;                                  // output words, back to back
    std::vector<std::pair<std::size_t, std::size_t>> spans_;  // offset, length in buffer_
    std::vector<std::string_view> words_;
};

}  // namespace rapport
