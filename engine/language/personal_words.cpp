#include "engine/language/personal_words.h"

#include "engine/language/word_tokens.h"

namespace rapport {
namespace {

// "zoë's" -> "zoë", "students'" -> "students" (on folded words).
std::string_view without_possessive(std::string_view word) {
    if (word.size() > 2 && word.ends_with("'s")) return word.substr(0, word.size() - 2);
    if (word.size() > 1 && word.ends_with('\'')) return word.substr(0, word.size() - 1);
    return word;
}

// "d'ångström" -> "ångström", "qu'hydro" -> "hydro": French elided words
// before a name (on folded words).
std::string_view without_elision(std::string_view word) {
    const auto apostrophe = word.find('\'');
    if (apostrophe == std::string_view::npos || apostrophe == 0 || apostrophe > 7) return word;
    const std::string_view head = word.substr(0, apostrophe);
    for (std::string_view elided : {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                    "puisqu", "quoiqu"})
        if (head == elided) return word.substr(apostrophe + 1);
    return word;
}

}  // namespace

PersonalWords::PersonalWords(const std::vector<std::string>& phrases) {
    for (const auto& phrase : phrases) add_phrase(phrase);
}

void PersonalWords::add_phrase(std::string_view phrase) {
    thread_local WordTokenizer tokenizer;
    for (const WordToken& token : tokenizer.tokens(phrase)) {
        const std::string folded = fold_word(token.text(phrase));
        folded_.insert(folded);
        folded_.insert(std::string(without_possessive(without_elision(folded))));
    }
}

bool PersonalWords::contains(std::string_view word) const {
    if (folded_.empty()) return false;
    const std::string folded = fold_word(word);
    if (folded_.count(folded)) return true;
    const std::string_view bare = without_possessive(without_elision(folded));
    return folded_.count(std::string(bare)) > 0;
}

}  // namespace rapport
