// How alike two questions are, to keep near-repeats off one sheet.
//
// Similarity is the word overlap (Jaccard index) of the two texts' content
// words: lowercased (ASCII letters; accented letters kept as they are),
// split on anything that is not a letter or digit, without common English
// and French function words and words shorter than three letters.
// Two questions whose overlap reaches kNearRepeatOverlap count as repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

inline constexpr double kNearRepeatOverlap = 0.5;

// Sorted, unique content words of text.
std::vector<std::string> content_words(std::string_view text);

// |a ∩ b| / |a ∪ b| for sorted unique word lists; 0 when both are empty.
double word_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b);

bool near_repeat(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Sorted distinct byte trigrams of " text " (spaces added at both ends), to
// find near-copies among training and test lines of the learned checks.
std::vector<std::uint32_t> character_trigrams(std::string_view text);

// How many entries two sorted unique lists share.
std::size_t shared_count(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

}  // namespace rapport
