// Mends typing slips before a question is judged.
//
// The avoid rules match whole words and the models learned from words spelt
// right, so "Quel est vtre slaire ?" slipped past both. A TypoMender knows the
// words a model was trained on and how often each was seen; a word it does
// not know is read as the known word one edit away (a letter missing, extra or
// wrong, or two neighbours swapped) that was seen most often: "slaire" ->
// "salaire", "satge" -> "stage", "cobmien" -> "combien".
//
// Only slips are mended, never real words: the caller (AvoidChecker) asks only
// about words no rule and no model knows, and leaves alone any word the
// spelling dictionary knows as typed ("devenu" is not a slip of "revenu");
// here, short words (under 4 letters) and words with digits are left alone,
// where one edit reaches too many other words.
//
// Lookup is a symmetric-delete index (every known word and its one-letter
// deletions, as hashes in one sorted vector): a few binary searches per
// unknown word, no allocation but one small buffer, about 1 MB for 10,000 words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport::language {

class TypoMender {
public:
    TypoMender() = default;
    // words: each word once, with how often it was seen; those seen fewer
    // than 3 times are dropped (see kLeastSeen).
    explicit TypoMender(std::vector<std::pair<std::string, std::int64_t>> words);

    bool knows(std::string_view word) const;
    // The known word word is a slip of, or "" when word is known, too short,
    // not all letters, or no known word is one edit away.
    std::string_view mend(std::string_view word) const;

private:
    struct Entry {
        std::uint64_t hash;   // of a known word, or of it with one letter deleted
        std::uint32_t word;   // index in words_
        bool operator<(const Entry& other) const {
            return hash != other.hash ? hash < other.hash : word < other.word;
        }
    };
    void candidates_for(std::uint64_t hash, std::string_view typed, std::uint32_t& best) const;

    std::vector<std::pair<std::string, std::int64_t>> words_;
    std::vector<Entry> whole_;      // hash of each known word
    std::vector<Entry> deletions_;  // hash of each known word with one letter deleted
};

// True when a and b are one edit apart (insert, delete, substitute, or swap two
// neighbours); false when equal or further.
bool one_edit_apart(std::string_view a, std::string_view b);

}  // namespace rapport::language
