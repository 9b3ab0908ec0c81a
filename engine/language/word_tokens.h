// The words of a text as a spelling checker sees them, with their byte
// offsets, split by ICU's word boundaries (UAX #29) straight over the UTF-8.
//
// ICU keeps apostrophes inside words ("don't", "l'entreprise",
// "aujourd’hui", curly or straight) and splits at hyphens ("Hydro-Québec" ->
// "Hydro", "Québec"). Tokens inside a URL or an e-mail address are marked
// `skipped`, and so are numbers and words holding a digit or a dot.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct WordToken {
    std::size_t offset = 0;  // bytes into the text
    std::size_t length = 0;  // bytes
    bool skipped = false;    // URL, e-mail, number, "e.g", "nordlys.no"
    std::string_view text(std::string_view whole) const { return whole.substr(offset, length); }
};

// Byte ranges [begin, end) of the URLs and e-mail addresses in text.
std::vector<std::pair<std::size_t, std::size_t>> link_ranges(std::string_view text);

// Splits text into word tokens. Holds an ICU BreakIterator made once; one
// WordTokenizer per thread.
class WordTokenizer {
public:
    WordTokenizer();
    ~WordTokenizer();
    WordTokenizer(const WordTokenizer&) = delete;
    WordTokenizer& operator=(const WordTokenizer&) = delete;

    std::vector<WordToken> tokens(std::string_view utf8);

private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
};

// Letters only: every letter upper case and at least two ("NASA", "UX").
bool is_all_caps(std::string_view word);
// The first code point is a lower-case letter.
bool starts_lower(std::string_view word);
// Some letter after the first is upper case ("iPhone", "McKinsey").
bool has_inner_capital(std::string_view word);
// Case folded, NFC, curly apostrophes made straight.
std::string fold_word(std::string_view word);
// Number of code points.
std::size_t code_points(std::string_view word);

}  // namespace rapport
