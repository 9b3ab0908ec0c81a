#include "engine/text_fold.h"

#include "engine/error.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace rapport {
namespace {

// What a typographic character folds to, or nullptr to keep it.
const char16_t* plain_form(UChar32 c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
            return u"'";
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
            return u"\"";
        case 0x0153: return u"oe";  // œ (case folding has turned Œ into œ)
        case 0x00E6: return u"ae";  // æ
        default: return nullptr;
    }
}

}  // namespace

TextFolder::TextFolder() {
    UErrorCode status = U_ZERO_ERROR;
    decompose_ = icu::Normalizer2::getNFKDInstance(status);
    compose_ = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw Error(std::string("ICU normalization data is unavailable: ") + u_errorName(status));
}

std::string TextFolder::fold(std::string_view utf8) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    // Decompose first: a compatibility form may expand to capitals ("Ⅻ").
    icu::UnicodeString decomposed = decompose_->normalize(text, status);
    decomposed.foldCase();

    icu::UnicodeString plain;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the accents
        if (const char16_t* replacement = plain_form(c)) plain.append(replacement);
        else plain.append(c);
    }
    icu::UnicodeString composed = compose_->normalize(plain, status);
    if (U_FAILURE(status)) throw Error(std::string("text folding failed: ") + u_errorName(status));
    std::string out;
    composed.toUTF8String(out);
    return out;
}

}  // namespace rapport
