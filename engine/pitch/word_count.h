// Words and sentences of a script, with ICU 72 segmentation.
//
// A word is what ICU's word break iterator marks as a letter, number, kana or
// ideograph segment, with two rules on top so a count matches what a speaker
// says:
//   - words joined by a single hyphen (U+002D, U+2010, U+2011) with no space
//     count once: "well-known", "c'est-à-dire", "e-mail";
//   - punctuation, symbols, spaces and emoji never count.
// Contractions count once because ICU keeps "don't", "I’m" (curly apostrophe
// too) in one segment. French elisions also stay in one segment and count
// once: "l'informatique", "j'ai", "aujourd'hui" — they are said as one
// phonological word, and word processors count them the same way.
//
// Besides counting, segment() returns the tokens the cue matcher needs: per
// sentence, the words (folded for matching, see normalize_for_matching() in text.h, hyphenated parts
// kept apart so "long-term" matches the cue "long term") and the pauses
// (, ; : dashes and brackets, folded to ","), each with its byte range in the
// original UTF-8 text.
//
// A WordSegmenter keeps its ICU break iterators for its whole life (creating
// them is the slow part); it is not thread-safe: one per thread.
#pragma once

#include "engine/base/utf8.h"  // require_utf8


#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// ICU's own forward declaration (its namespace is versioned, e.g. icu_72).
#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace rapport {

struct ScriptToken {
    enum class Kind { word, pause };
    Kind kind = Kind::word;
    std::string folded;        // folded text ("," for every pause)
    std::size_t begin = 0;     // byte range in the original UTF-8 text
    std::size_t end = 0;
    bool hyphen_joined = false;  // a word glued to the previous one by a hyphen
};

struct ScriptSentence {
    std::vector<ScriptToken> tokens;  // words and pauses, in order
    int words = 0;                    // counted as in count_words()
};

struct SegmentedScript {
    std::vector<ScriptSentence> sentences;
    int words = 0;
};

class WordSegmenter {
public:
    // language: "en" or "fr" (any ICU locale name works). Throws rapport::Error
    // when ICU cannot create the iterators.
    explicit WordSegmenter(const std::string& language);
    ~WordSegmenter();
    WordSegmenter(WordSegmenter&&) noexcept;
    WordSegmenter& operator=(WordSegmenter&&) noexcept;

    int count_words(std::string_view utf8);
    SegmentedScript segment(std::string_view utf8);

private:
    std::unique_ptr<icu::BreakIterator> words_;
    std::unique_ptr<icu::BreakIterator> sentences_;
};



}  // namespace rapport
