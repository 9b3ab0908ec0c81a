// Dates and times shown to the user, formatted by ICU for their language:
// "Mar 14, 2025, 9:30 AM" in English, "14 mars 2025, 09:30" in French. The
// wall clock shown is the one stored with the value (its own UTC offset).
#pragma once

#include "engine/base/local_time.h"

#include <array>
#include <string>
#include <string_view>

namespace rapport {

// Medium date and short time: "Mar 14, 2025, 9:30 AM".
std::string format_date_time(const LocalDateTime& value, std::string_view language);

// Long date only: "March 14, 2025" / "14 mars 2025".
std::string format_date(const LocalDateTime& value, std::string_view language);

// A short day of the year, for chart axes: "Mar 14" / "14 mars".
std::string format_short_day(const LocalDateTime& value, std::string_view language);

// A calendar month's title: "November 2026" / "novembre 2026".
std::string format_month_title(int year, int month, std::string_view language);

// How a calendar of the language lays out a week: the first day (0 = Sunday,
// 1 = Monday, as ICU says for the language: Sunday in English, Monday in
// French) and the short day names in that order ("Su", "Mo"… / "lu", "ma"…).
struct CalendarWeek {
    int first_weekday = 0;
    std::array<std::string, 7> day_names;
};
CalendarWeek calendar_week(std::string_view language);

}  // namespace rapport
