#include "engine/base/utf8.h"

#include "engine/base/error.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <memory>

namespace rapport {
namespace {

// Offset of the first invalid sequence, or text.size() when there is none.
std::size_t first_invalid_byte(std::string_view text) {
    const auto size = static_cast<int32_t>(text.size());
    for (int32_t offset = 0; offset < size;) {
        const int32_t start = offset;
        UChar32 c;
        U8_NEXT(text.data(), offset, size, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return text.size();
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

bool is_valid_utf8(std::string_view text) {
    // Text longer than ICU's int32 offsets is refused rather than misread.
    return text.size() < 0x7fffffffu && first_invalid_byte(text) == text.size();
}

void require_utf8(std::string_view text, std::string_view name) {
    if (is_valid_utf8(text)) return;
    throw Error(std::string(name) + ": not valid UTF-8 text (byte " +
                std::to_string(first_invalid_byte(text) + 1) + ")");
}

std::string decode_to_utf8(std::string_view bytes, std::string_view charset) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(charset);
    std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) throw Error("unknown character set '" + name + "'");
    std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) throw Error("cannot convert to UTF-8");
    // Every source byte becomes at most 4 UTF-8 bytes (UTF-16 pairs: 4 for 4).
    std::string out(bytes.size() * 4 + 4, '\0');
    char* target = out.data();
    const char* source = bytes.data();
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source,
                   bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                   &status);
    if (U_FAILURE(status)) throw Error("cannot decode text as " + name);
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

std::string utf8_or_windows1252(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return std::string(bytes);
    return decode_to_utf8(bytes, "windows-1252");
}

std::string utf8_with_replacements(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    const auto size = static_cast<int32_t>(text.size());
    for (int32_t offset = 0; offset < size;) {
        const int32_t start = offset;
        UChar32 c;
        U8_NEXT(text.data(), offset, size, c);
        if (c < 0) out += "\xEF\xBF\xBD";
        else out.append(text.data() + start, static_cast<std::size_t>(offset - start));
    }
    return out;
}

}  // namespace rapport
