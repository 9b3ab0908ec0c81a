#include "engine/base/text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace rapport {
namespace {

constexpr std::array kLanguages = {Language::english, Language::french};

// ---------------------------------------------------------------------------
// Character classes for the ASCII path (no locale, no table lookups).
// ---------------------------------------------------------------------------

bool is_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
// Space, tab, newline, other control characters: all separate words alike.
bool is_space_or_control(unsigned char c) { return c <= 0x20 || c == 0x7f; }

// ---------------------------------------------------------------------------
// ICU normalization (only for text that is not pure ASCII)
// ---------------------------------------------------------------------------

// What people type (or word processors insert) instead of ASCII ', " and -.
UChar32 straighten(UChar32 c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ‘ ’ ‚ ‛
        case 0x2032: case 0x02BC: case 0x00B4: case 0x0060:  // ′ ʼ ´ `
        case 0xFF07:
            return '\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
        case 0x00AB: case 0x00BB: case 0x2033:               // « » ″
            return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013:  // hyphens and dashes
        case 0x2014: case 0x2015: case 0x2212:
            return '-';
        default:
            return c;
    }
}

// Letters that no normalization splits but that readers treat as two
// letters or as a plain Latin letter.
const char* latin_replacement(UChar32 c) {
    switch (c) {
        case 0x0153: return "oe";  // œ
        case 0x00E6: return "ae";  // æ
        case 0x00F8: return "o";   // ø
        case 0x0111: return "d";   // đ
        case 0x0142: return "l";   // ł
        case 0x0131: return "i";   // ı
        default: return nullptr;
    }
}

struct Normalizers {
    const icu::Normalizer2* decompose_fold;  // NFKD + case folding
    const icu::Normalizer2* compose;         // NFC
};

// ICU owns these singletons and builds them once; fetching them is a lookup.
Normalizers normalizers() {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers n{icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, status),
                  nullptr};
    n.compose = icu::Normalizer2::getNFCInstance(status);
    // Missing ICU data is a broken installation, not a user error.
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalization data is not available");
    return n;
}

// The whole normalize_for_matching() pipeline for non-ASCII text.
std::string fold_with_icu(std::string_view utf8) {
    const Normalizers n = normalizers();
    const icu::UnicodeString input =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));

    icu::UnicodeString straight;
    for (int32_t i = 0; i < input.length();) {
        const UChar32 c = input.char32At(i);
        straight.append(straighten(c));
        i += U16_LENGTH(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = n.decompose_fold->normalize(straight, status);

    icu::UnicodeString cleaned;
    bool space_pending = false;
    bool all_ascii = true;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = straighten(decomposed.char32At(i));
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;  // accents
        if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
            space_pending = !cleaned.isEmpty();
            continue;
        }
        if (space_pending) cleaned.append(static_cast<UChar>(' '));
        space_pending = false;
        if (const char* latin = latin_replacement(c)) {
            cleaned.append(icu::UnicodeString(latin, -1, icu::UnicodeString::kInvariant));
            continue;
        }
        cleaned.append(c);
        all_ascii = all_ascii && c < 0x80;
    }
    if (!all_ascii) cleaned = n.compose->normalize(cleaned, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");
    std::string out;
    cleaned.toUTF8String(out);
    return out;
}

std::string fold_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space_pending = false;
    for (char c : text) {
        if (is_space_or_control(static_cast<unsigned char>(c))) {
            space_pending = !out.empty();
            continue;
        }
        if (space_pending) out.push_back(' ');
        space_pending = false;
        out.push_back(to_lower(c));
    }
    return out;
}

// ---------------------------------------------------------------------------
// Contractions and elisions. Tables are sorted so lookups are binary searches
// over a few dozen short strings.
// ---------------------------------------------------------------------------

using Expansion = std::pair<std::string_view, std::string_view>;

template <std::size_t N>
std::string_view lookup(const std::array<Expansion, N>& table, std::string_view key) {
    auto it = std::lower_bound(table.begin(), table.end(), key,
                               [](const Expansion& e, std::string_view k) { return e.first < k; });
    return (it != table.end() && it->first == key) ? it->second : std::string_view();
}

// Contractions typed without the apostrophe, and chat spellings (sorted).
constexpr std::array<Expansion, 57> kEnglishInformal = {{
    {"abt", "about"}, {"arent", "are not"}, {"b4", "before"},
    {"btw", "by the way"}, {"cannot", "can not"}, {"cant", "can not"},
    {"cld", "could"}, {"couldnt", "could not"}, {"coz", "because"},
    {"cud", "could"}, {"cuz", "because"}, {"didnt", "did not"},
    {"doesnt", "does not"}, {"dont", "do not"}, {"dunno", "do not know"},
    {"gimme", "give me"}, {"gonna", "going to"}, {"gotta", "got to"},
    {"hasnt", "has not"}, {"havent", "have not"}, {"hows", "how is"},
    {"idk", "i do not know"}, {"im", "i am"}, {"isnt", "is not"},
    {"ive", "i have"}, {"kinda", "kind of"}, {"lemme", "let me"},
    {"mgr", "manager"}, {"pls", "please"}, {"plz", "please"},
    {"ppl", "people"}, {"r", "are"},
    {"shouldnt", "should not"}, {"shud", "should"}, {"sorta", "sort of"},
    {"tbh", "to be honest"}, {"thats", "that is"}, {"theres", "there is"},
    {"theyre", "they are"}, {"tho", "though"}, {"thru", "through"},
    {"thx", "thanks"}, {"u", "you"}, {"ur", "your"},
    {"wanna", "want to"}, {"wasnt", "was not"}, {"wat", "what"},
    {"whats", "what is"}, {"whos", "who is"}, {"wld", "would"},
    {"wouldnt", "would not"}, {"wud", "would"}, {"wut", "what"},
    {"youd", "you would"}, {"youre", "you are"}, {"youve", "you have"},
    {"yrs", "years"},
}};

// Words whose "'s" means "is" rather than a possessive (sorted).
constexpr std::array<std::string_view, 19> kEnglishIsStems = {
    "everybody", "everyone", "everything", "he",        "here",  "how",   "it",
    "nobody",    "nothing",  "she",        "somebody",  "someone", "something", "that",
    "there",     "what",     "when",       "where",     "who",
};

// "n't" stems whose base is not the stem without its n.
constexpr std::array<Expansion, 4> kEnglishNotStems = {{
    {"ai", "is"}, {"ca", "can"}, {"sha", "shall"}, {"wo", "will"},
}};

constexpr std::array<Expansion, 5> kEnglishSuffixes = {{
    {"d", "would"}, {"ll", "will"}, {"m", "am"}, {"re", "are"}, {"ve", "have"},
}};

// French elisions typed without the apostrophe ("cest", "jai") and chat
// spellings ("koi", "cb", "stp"), so "c koi ton salaire" reads like "c'est quoi"
// (sorted).
constexpr std::array<Expansion, 36> kFrenchInformal = {{
    {"bcp", "beaucoup"}, {"bjr", "bonjour"}, {"c", "ce est"}, {"cb", "combien"},
    {"cest", "ce est"}, {"chui", "je suis"}, {"chuis", "je suis"},
    {"cmb", "combien"}, {"cmt", "comment"}, {"dsl", "desole"},
    {"jai", "je ai"}, {"jaimerais", "je aimerais"}, {"jpeux", "je peux"},
    {"jsp", "je sais pas"}, {"jsuis", "je suis"}, {"jveux", "je veux"},
    {"kel", "quel"}, {"kelle", "quelle"}, {"keske", "que est ce que"},
    {"koi", "quoi"}, {"mtn", "maintenant"}, {"pk", "pourquoi"},
    {"pq", "pourquoi"}, {"ptet", "peut etre"},
    {"qd", "quand"}, {"qqch", "quelque chose"}, {"qqn", "quelque un"},
    {"slt", "salut"}, {"stp", "si il te plait"}, {"svp", "si il vous plait"},
    {"tjrs", "toujours"}, {"tjs", "toujours"}, {"tkt", "te inquiete pas"},
    {"tt", "tout"}, {"vrmt", "vraiment"}, {"ya", "il y a"},
}};

// French elided words; "s'" is "si" before il/ils and "se" otherwise.
constexpr std::array<Expansion, 14> kFrenchElisions = {{
    {"c", "ce"},        {"d", "de"},           {"j", "je"},          {"jusqu", "jusque"},
    {"l", "l"},         {"lorsqu", "lorsque"}, {"m", "me"},          {"n", "ne"},
    {"presqu", "presque"}, {"puisqu", "puisque"}, {"qu", "que"},     {"quelqu", "quelque"},
    {"quoiqu", "quoique"}, {"t", "te"},
}};

constexpr bool sorted_by_key(std::span<const Expansion> table) {
    return std::is_sorted(table.begin(), table.end(),
                          [](const Expansion& a, const Expansion& b) { return a.first < b.first; });
}
static_assert(sorted_by_key(kEnglishInformal) && sorted_by_key(kEnglishNotStems) &&
                  sorted_by_key(kEnglishSuffixes) && sorted_by_key(kFrenchInformal) &&
                  sorted_by_key(kFrenchElisions),
              "lookup() needs every expansion table sorted");

}  // namespace

// ---------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------

std::optional<Language> language_from_code(std::string_view code) {
    if (code == "en") return Language::english;
    if (code == "fr") return Language::french;
    return std::nullopt;
}

std::string_view language_code(Language language) {
    return language == Language::french ? "fr" : "en";
}

std::span<const Language> supported_languages() { return kLanguages; }

std::string normalize_for_matching(std::string_view utf8) {
    return is_ascii(utf8) ? fold_ascii(utf8) : fold_with_icu(utf8);
}

// ---------------------------------------------------------------------------
// WordSplitter
// ---------------------------------------------------------------------------

struct WordSplitter::IcuState {
    std::unique_ptr<icu::BreakIterator> words;
};

WordSplitter::WordSplitter(Language language) : language_(language), icu_(new IcuState) {
    UErrorCode status = U_ZERO_ERROR;
    // The root locale's rules: the same for every language, so the ASCII path
    // below can follow them exactly.
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break rules are not available");
}

WordSplitter::~WordSplitter() = default;

std::span<const std::string_view> WordSplitter::split(std::string_view utf8) {
    buffer_.clear();
    spans_.clear();
    if (is_ascii(utf8)) {
        split_ascii(utf8);
    } else {
        folded_ = fold_with_icu(utf8);
        if (is_ascii(folded_)) split_ascii(folded_);
        else split_with_break_iterator(folded_);
    }
    return finish();
}

std::span<const std::string_view> WordSplitter::split_with_icu(std::string_view utf8) {
    buffer_.clear();
    spans_.clear();
    folded_ = fold_with_icu(utf8);
    split_with_break_iterator(folded_);
    return finish();
}

// Follows ICU's word-boundary rules (UAX #29) as they apply to ASCII: letters
// and digits form words; ' and . join two letters; . , ; join two digits;
// _ joins anything. Everything else separates words and is dropped.
void WordSplitter::split_ascii(std::string_view text) {
    std::size_t start = buffer_.size();  // the word being built sits at the end of buffer_
    auto flush = [&] {
        if (buffer_.size() > start) {
            std::string word = buffer_.substr(start);  // small; add_word appends to buffer_
            buffer_.resize(start);
            add_word(word);
        }
        start = buffer_.size();
    };
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = to_lower(text[i]);
        const bool building = buffer_.size() > start;
        const char prev = building ? buffer_.back() : '\0';
        const char next = i + 1 < n ? text[i + 1] : '\0';
        const bool joins = building &&
            (((c == '\'' || c == '.') && is_alpha(prev) && is_alpha(next)) ||
             ((c == '.' || c == ',' || c == ';') && is_digit(prev) && is_digit(next)));
        if (is_alpha(c) || is_digit(c) || c == '_' || joins) buffer_.push_back(c);
        else flush();
    }
    flush();
}

void WordSplitter::split_with_break_iterator(std::string_view folded_utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(folded_utf8.data(), static_cast<int32_t>(folded_utf8.size())));
    icu::BreakIterator& words = *icu_->words;
    words.setText(text);
    std::string word;
    int32_t start = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
        word.clear();
        text.tempSubStringBetween(start, end).toUTF8String(word);
        add_word(word);
    }
}

void WordSplitter::add_word(std::string_view word) {
    if (language_ == Language::french) add_french_word(word);
    else add_english_word(word);
}

void WordSplitter::add_english_word(std::string_view word) {
    const auto apostrophe = word.rfind('\'');
    if (apostrophe == std::string_view::npos) {
        emit_expanded(word, lookup(kEnglishInformal, word));
        return;
    }
    const std::string_view stem = word.substr(0, apostrophe);
    const std::string_view suffix = word.substr(apostrophe + 1);
    if (suffix == "t" && stem.size() > 1 && stem.back() == 'n') {  // don't, can't, won't
        const std::string_view base = stem.substr(0, stem.size() - 1);
        const std::string_view irregular = lookup(kEnglishNotStems, base);
        add_english_word(irregular.empty() ? base : irregular);
        emit("not");
    } else if (suffix == "s") {  // what's = what is; the company's = company 's
        add_english_word(stem);
        if (stem == "let") emit("us");
        else emit(std::binary_search(kEnglishIsStems.begin(), kEnglishIsStems.end(), stem) ? "is" : "'s");
    } else if (const std::string_view full = lookup(kEnglishSuffixes, suffix); !full.empty()) {
        add_english_word(stem);  // we're, I've, you'll, I'd, I'm
        emit(full);
    } else if (word == "y'all") {
        emit("you");
        emit("all");
    } else {
        emit(word);  // o'clock and the like stay whole
    }
}

void WordSplitter::add_french_word(std::string_view word) {
    const auto apostrophe = word.find('\'');
    if (apostrophe == std::string_view::npos) {
        if (word != "t") emit_expanded(word, lookup(kFrenchInformal, word));  // -t- of "a-t-il": no meaning
        return;
    }
    const std::string_view prefix = word.substr(0, apostrophe);
    const std::string_view rest = word.substr(apostrophe + 1);
    std::string_view elided = lookup(kFrenchElisions, prefix);
    if (prefix == "s") elided = (rest == "il" || rest == "ils") ? "si" : "se";
    if (elided.empty()) {
        emit(word);  // aujourd'hui, prud'homme
        return;
    }
    emit(elided);
    add_french_word(rest);
}

// The words of expansion ("going to"), or word itself when there is none.
void WordSplitter::emit_expanded(std::string_view word, std::string_view expansion) {
    if (expansion.empty()) {
        emit(word);
        return;
    }
    for (std::size_t start = 0; start <= expansion.size();) {
        const std::size_t space = std::min(expansion.find(' ', start), expansion.size());
        emit(expansion.substr(start, space - start));
        start = space + 1;
    }
}

void WordSplitter::emit(std::string_view word) {
    spans_.emplace_back(buffer_.size(), word.size());
    buffer_.append(word);
}

std::span<const std::string_view> WordSplitter::finish() {
    words_.clear();
    for (const auto& [offset, length] : spans_) words_.emplace_back(buffer_.data() + offset, length);
    return words_;
}

}  // namespace rapport
