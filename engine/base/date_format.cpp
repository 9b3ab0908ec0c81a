#include "engine/base/date_format.h"

#include "engine/base/error.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/simpletz.h>

#include <map>
#include <memory>
#include <string>

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

// Setting up an ICU formatter costs far more than formatting with it (a list
// of 50,000 meetings spent most of a second on it), so each thread keeps the
// ones it made, by kind and language. Formatting sets the time zone first, so
// a kept formatter carries nothing from one value to the next.
template <class Make>
icu::DateFormat* kept_format(const std::string& key, Make make) {
    thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> formats;
    auto [it, fresh] = formats.try_emplace(key);
    if (fresh) it->second.reset(make());
    return it->second.get();
}

}  // namespace

std::string format_date_time(const LocalDateTime& value, std::string_view language) {
    const std::string code(language);
    return format_with(kept_format("date-time:" + code, [&] {
                           return icu::DateFormat::createDateTimeInstance(
                               icu::DateFormat::kMedium, icu::DateFormat::kShort,
                               icu::Locale(code.c_str()));
                       }),
                       value);
}

std::string format_date(const LocalDateTime& value, std::string_view language) {
    const std::string code(language);
    return format_with(kept_format("date:" + code, [&] {
                           return icu::DateFormat::createDateInstance(icu::DateFormat::kLong,
                                                                      icu::Locale(code.c_str()));
                       }),
                       value);
}

namespace {

// ICU picks the order and words of `skeleton` ("yMMMM", "MMMd") for the language.
std::string format_skeleton(const char* skeleton, const LocalDateTime& value, std::string_view language) {
    const std::string code(language);
    icu::DateFormat* format = kept_format(std::string(skeleton) + ":" + code, [&]() -> icu::DateFormat* {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::DateFormat> made(icu::DateFormat::createInstanceForSkeleton(
            icu::UnicodeString(skeleton), icu::Locale(code.c_str()), status));
        return U_FAILURE(status) ? nullptr : made.release();
    });
    if (!format) throw Error(std::string("cannot set up date formatting for ") + skeleton);
    return format_with(format, value);
}

}  // namespace

std::string format_short_day(const LocalDateTime& value, std::string_view language) {
    return format_skeleton("MMMd", value, language);
}

std::string format_month_title(int year, int month, std::string_view language) {
    LocalDateTime first;
    first.year = year, first.month = month, first.day = 1, first.hour = 12;
    return format_skeleton("yMMMM", first, language);
}

CalendarWeek calendar_week(std::string_view language) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(std::string(language).c_str());
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(locale, status));
    icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) throw Error("cannot set up the calendar for '" + std::string(language) + "'");
    CalendarWeek week;
    week.first_weekday = static_cast<int>(calendar->getFirstDayOfWeek(status)) - UCAL_SUNDAY;
    int32_t count = 0;
    const icu::UnicodeString* names =
        symbols.getWeekdays(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::SHORT);
    for (int i = 0; i < 7; ++i) {
        // ICU's weekday array starts at index 1 (UCAL_SUNDAY).
        const int weekday = (week.first_weekday + i) % 7;
        std::string name;
        if (weekday + 1 < count) names[weekday + 1].toUTF8String(name);
        week.day_names[i] = name;
    }
    return week;
}

}  // namespace rapport
