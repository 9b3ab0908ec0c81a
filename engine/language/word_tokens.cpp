#include "engine/language/word_tokens.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace rapport {
namespace {

// Calls fn(code_point) for each code point of text; stops when fn returns false.
template <class Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (!fn(c)) return;
    }
}

bool is_link_separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '(' ||
           c == ')' || c == '"' || c == '[' || c == ']';
}

bool looks_like_link(std::string_view chunk) {
    if (chunk.find("://") != std::string_view::npos) return true;
    if (chunk.rfind("www.", 0) == 0) return true;
    const auto at = chunk.find('@');
    return at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> link_ranges(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_link_separator(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && !is_link_separator(text[end])) ++end;
        // A sentence may end right after a link: its full stop is not part of it.
        std::size_t last = end;
        while (last > i && std::string_view(".,;:!?'").find(text[last - 1]) != std::string_view::npos)
            --last;
        if (last > i && looks_like_link(text.substr(i, last - i))) ranges.emplace_back(i, last);
        i = end;
    }
    return ranges;
}

struct WordTokenizer::Icu {
    std::unique_ptr<icu::BreakIterator> words;
};

WordTokenizer::WordTokenizer() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !icu_->words)
        throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
}

WordTokenizer::~WordTokenizer() = default;

std::vector<WordToken> WordTokenizer::tokens(std::string_view utf8) {
    std::vector<WordToken> out;
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU text: ") + u_errorName(status));
    icu::BreakIterator& words = *icu_->words;
    words.setText(text, status);
    const auto links = link_ranges(utf8);
    std::size_t next_link = 0;
    int32_t start = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        const int status_tag = words.getRuleStatus();
        if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
        WordToken token{static_cast<std::size_t>(start), static_cast<std::size_t>(end - start), false};
        while (next_link < links.size() && links[next_link].second <= token.offset) ++next_link;
        const bool in_link = next_link < links.size() && links[next_link].first <= token.offset;
        const std::string_view word = token.text(utf8);
        bool digit_or_dot = false;
        for_each_code_point(word, [&](UChar32 c) {
            digit_or_dot = c == '.' || u_isdigit(c);
            return !digit_or_dot;
        });
        token.skipped = in_link || digit_or_dot || status_tag < UBRK_WORD_LETTER;
        out.push_back(token);
    }
    utext_close(text);
    return out;
}

bool is_all_caps(std::string_view word) {
    int letters = 0;
    bool all_upper = true;
    for_each_code_point(word, [&](UChar32 c) {
        if (u_isalpha(c)) {
            ++letters;
            all_upper = all_upper && u_isupper(c);
        }
        return all_upper;
    });
    return all_upper && letters >= 2;
}

bool starts_lower(std::string_view word) {
    bool lower = false;
    for_each_code_point(word, [&](UChar32 c) {
        lower = u_islower(c);
        return false;
    });
    return lower;
}

bool has_inner_capital(std::string_view word) {
    bool first = true, inner = false;
    for_each_code_point(word, [&](UChar32 c) {
        inner = !first && u_isupper(c);
        first = false;
        return !inner;
    });
    return inner;
}

std::string fold_word(std::string_view word) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(u'\''));
    s.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
        icu::UnicodeString normalized = nfc->normalize(s, status);
        if (U_SUCCESS(status)) s = normalized;
    }
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::size_t code_points(std::string_view word) {
    std::size_t n = 0;
    for_each_code_point(word, [&](UChar32) {
        ++n;
        return true;
    });
    return n;
}

}  // namespace rapport
