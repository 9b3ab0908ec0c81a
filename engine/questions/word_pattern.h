// Patterns over normalized words, for rules that data files describe.
//
// A pattern is a line of tokens separated by spaces, matched against the
// words WordSplitter gives for a question:
//   word      that word, written any way ("What's" means "what is", "résumé"
//             means "resume"); a contraction becomes several words
//   a|b|c     any one of these words
//   @class    any word of a word class the data file defines
//   X?        (after any of the above) the word may be missing
//   *         any number of words, none included
//   *N        at most N words (N from 1 to 99)
//   ^         (first token only) the match starts at the question's first word
//   $         (last token only) the match ends at the question's last word
// Without ^ and $ a pattern matches anywhere in the question, so it may not
// begin or end with a gap. Example: "what does * job|role|position * pay $".
//
// Words are turned into numbers once (Vocabulary); a word no pattern uses
// gets kUnknownWord, which only a gap can match. Matching backtracks over the
// gaps, which is cheap for questions of a few dozen words.
#pragma once

#include "engine/base/text.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport {

using WordId = std::uint32_t;
inline constexpr WordId kUnknownWord = 0;

// Word -> id for every word the patterns use; ids run from 1 to size().
class Vocabulary {
public:
    WordId add(std::string_view word);
    WordId find(std::string_view word) const;  // kUnknownWord when absent
    std::size_t size() const { return ids_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids_;
};

// Named sets of words ("@money"), each sorted.
using WordClasses = std::map<std::string, std::vector<WordId>, std::less<>>;

struct PatternStep {
    std::vector<WordId> words;  // sorted; the step accepts any of them
    bool optional = false;
    std::uint32_t max_gap_before = 0;  // words that may be skipped before this step

    bool accepts(WordId word) const;
};

struct WordPattern {
    std::string source;  // as written in the data file
    std::vector<PatternStep> steps;
    bool anchored_start = false;
    bool anchored_end = false;
    std::uint32_t max_gap_after = 0;  // with $: words allowed after the last step

    // True when a match begins at words[start] (or, when the leading steps are
    // optional, at the first present step at or after it).
    bool matches_at(std::span<const WordId> words, std::size_t start) const;
    bool matches_anywhere(std::span<const WordId> words) const;

private:
    bool match_from(std::span<const WordId> words, std::size_t step, std::size_t position,
                    std::uint64_t gap_allowance) const;
};

// Normalizes each word with splitter and adds it to vocabulary. Throws
// rapport::Error (without a location: the caller knows the file and line)
// when an entry is not exactly one word.
std::vector<WordId> compile_word_list(std::span<const std::string> words, WordSplitter& splitter,
                                      Vocabulary& vocabulary);

// Parses a pattern. Throws rapport::Error (without a location) explaining
// what is wrong with it.
WordPattern compile_word_pattern(std::string_view text, const WordClasses& classes,
                                 WordSplitter& splitter, Vocabulary& vocabulary);

}  // namespace rapport
