#include "engine/base/date_format.h"

#include "engine/base/error.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/simpletz.h>

#include <memory>

namespace rapport {
namespace {

std::string format_with(icu::DateFormat* format, const LocalDateTime& value) {
    if (!format) throw Error("cannot set up date formatting");
    format->adoptTimeZone(
        new icu::SimpleTimeZone(value.utc_offset_minutes * 60 * 1000, icu::UnicodeString("local")));
    icu::UnicodeString text;
    format->format(static_cast<UDate>(value.utc_seconds()) * 1000.0, text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

std::string format_date_time(const LocalDateTime& value, std::string_view language) {
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
        icu::DateFormat::kMedium, icu::DateFormat::kShort, icu::Locale(std::string(language).c_str())));
    return format_with(format.get(), value);
}

std::string format_date(const LocalDateTime& value, std::string_view language) {
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(
        icu::DateFormat::kLong, icu::Locale(std::string(language).c_str())));
    return format_with(format.get(), value);
}

}  // namespace rapport
