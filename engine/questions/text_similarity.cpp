#include "engine/questions/text_similarity.h"

#include <algorithm>
#include <array>

namespace rapport {

namespace {

// Words that say nothing about a question's subject (English and French).
constexpr std::array<std::string_view, 96> kFunctionWords = {
    "about", "and", "any", "are", "been", "being", "can", "could", "did", "does", "for",
    "from", "had", "has", "have", "how", "into", "like", "more", "most", "one", "our",
    "out", "over", "should", "some", "that", "the", "their", "them", "there", "they",
    "this", "was", "were", "what", "when", "where", "which", "who", "why", "will", "with",
    "would", "you", "your", "yours", "its", "than", "then", "these", "those", "now",
    "aux", "avec", "ces", "cette", "comment", "dans", "des", "est", "les", "leur",
    "leurs", "mais", "par", "pas", "plus", "pour", "pourquoi", "que", "quel", "quelle",
    "quelles", "quels", "qui", "quoi", "sont", "sur", "une", "vos", "votre", "vous",
    "selon", "ont", "été", "avez", "faut", "fait", "elle", "ils", "son", "ses", "tout",
    "tous"};

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

bool is_content_word(const std::string& word) {
    if (word.size() < 3) return false;
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), word) == kFunctionWords.end();
}

}  // namespace

std::vector<std::string> content_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (is_content_word(word)) words.push_back(word);
        word.clear();
    };
    for (unsigned char c : text) {
        if (!is_word_byte(c)) {
            flush();
            continue;
        }
        word += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    }
    flush();
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

double word_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) return 0.0;
    size_t shared = 0, i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) ++shared, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

bool near_repeat(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return word_overlap(a, b) >= kNearRepeatOverlap;
}

std::vector<std::uint32_t> character_trigrams(std::string_view text) {
    std::string padded;  // appended, not concatenated: GCC 12 warns falsely (-Wrestrict) on " " + text
    padded.reserve(text.size() + 2);
    padded.append(1, ' ').append(text).append(1, ' ');
    std::vector<std::uint32_t> grams;
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
        grams.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i])) << 16 |
                        static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 1])) << 8 |
                        static_cast<unsigned char>(padded[i + 2]));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

std::size_t shared_count(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::size_t common = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else ++common, ++i, ++j;
    }
    return common;
}

}  // namespace rapport
