#include "engine/pitch/word_count.h"

#include "engine/base/text.h"

#include "engine/base/error.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>

namespace rapport {
namespace {

bool is_hyphen(UChar32 c) { return c == u'-' || c == 0x2010 || c == 0x2011; }

// Punctuation a speaker pauses on inside a sentence; cue phrases can require
// one (", like ," is a filler, "I'd like" is not).
bool is_pause(UChar32 c) {
    return c == u',' || c == u';' || c == u':' || c == 0x2013 || c == 0x2014 || c == u'(' ||
           c == u')';
}

// Bytes the UTF-16 range [begin, end) takes in UTF-8 (a surrogate pair is
// two units for four bytes).
std::size_t utf8_length(const icu::UnicodeString& text, int32_t begin, int32_t end) {
    std::size_t bytes = 0;
    for (int32_t i = begin; i < end; ++i) {
        const char16_t unit = text.charAt(i);
        bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : U16_IS_SURROGATE(unit) ? 2 : 3;
    }
    return bytes;
}

std::unique_ptr<icu::BreakIterator> make_iterator(const std::string& language, bool sentences) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(language.c_str());
    std::unique_ptr<icu::BreakIterator> it(
        sentences ? icu::BreakIterator::createSentenceInstance(locale, status)
                  : icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status) || !it)
        throw Error("ICU cannot segment text for language '" + language +
                    "': " + u_errorName(status));
    return it;
}

std::vector<int32_t> boundaries(icu::BreakIterator& it) {
    std::vector<int32_t> out;
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) out.push_back(b);
    return out;
}

}  // namespace

WordSegmenter::WordSegmenter(const std::string& language)
    : words_(make_iterator(language, false)), sentences_(make_iterator(language, true)) {}

WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

int WordSegmenter::count_words(std::string_view utf8) { return segment(utf8).words; }

SegmentedScript WordSegmenter::segment(std::string_view utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    sentences_->setText(text);
    const std::vector<int32_t> sentence_ends = boundaries(*sentences_);

    SegmentedScript out;
    out.sentences.emplace_back();
    std::size_t next_sentence_end = 1;  // index into sentence_ends
    std::size_t byte = 0;
    // The hyphen rule needs the two previous segments: a word, then one hyphen.
    enum class Previous { word, hyphen_after_word, other } previous = Previous::other;

    words_->setText(text);
    for (int32_t begin = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = words_->next()) {
        if (next_sentence_end < sentence_ends.size() && begin >= sentence_ends[next_sentence_end]) {
            ++next_sentence_end;
            out.sentences.emplace_back();
            previous = Previous::other;
        }
        ScriptSentence& sentence = out.sentences.back();
        const std::size_t bytes = utf8_length(text, begin, end);
        const UChar32 first = text.char32At(begin);
        const bool single_char = text.moveIndex32(begin, 1) == end;

        if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            ScriptToken token;
            std::string original;
            text.tempSubStringBetween(begin, end).toUTF8String(original);
            token.folded = normalize_for_matching(original);
            token.begin = byte;
            token.end = byte + bytes;
            token.hyphen_joined = previous == Previous::hyphen_after_word;
            if (!token.hyphen_joined) ++sentence.words;
            sentence.tokens.push_back(std::move(token));
            previous = Previous::word;
        } else if (single_char && is_hyphen(first) && previous == Previous::word) {
            previous = Previous::hyphen_after_word;
        } else {
            if (single_char && is_pause(first))
                sentence.tokens.push_back({ScriptToken::Kind::pause, ",", byte, byte + bytes, false});
            previous = Previous::other;
        }
        byte += bytes;
    }
    for (const ScriptSentence& s : out.sentences) out.words += s.words;
    std::erase_if(out.sentences, [](const ScriptSentence& s) { return s.tokens.empty(); });
    return out;
}

}  // namespace rapport
