#include "gui/models/date_picker_model.h"

#include <algorithm>
#include <cstdio>

namespace rapport::gui {

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Zeller-style congruence for the Gregorian calendar (Sakamoto's table).
int weekday_of(int year, int month, int day) {
    static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    return (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
}

std::vector<std::array<int, 7>> month_weeks(int year, int month, int first_weekday) {
    std::vector<std::array<int, 7>> weeks;
    const int lead = (weekday_of(year, month, 1) - first_weekday + 7) % 7;
    std::array<int, 7> week{};
    int cell = lead;
    for (int day = 1; day <= days_in_month(year, month); ++day) {
        week[cell] = day;
        if (++cell == 7) {
            weeks.push_back(week);
            week = {};
            cell = 0;
        }
    }
    if (cell > 0) weeks.push_back(week);
    return weeks;
}

void DatePickerModel::open_at(const LocalDateTime& value) {
    year_ = picked_year_ = value.year;
    month_ = picked_month_ = value.month;
    day_ = value.day;
    hour_ = value.hour;
    minute_ = value.minute;
}

void DatePickerModel::previous_month() {
    if (--month_ == 0) month_ = 12, --year_;
}

void DatePickerModel::next_month() {
    if (++month_ == 13) month_ = 1, ++year_;
}

void DatePickerModel::pick_day(int day) {
    picked_year_ = year_;
    picked_month_ = month_;
    day_ = std::clamp(day, 1, days_in_month(year_, month_));
}

void DatePickerModel::set_hour(int hour) { hour_ = std::clamp(hour, 0, 23); }
void DatePickerModel::set_minute(int minute) { minute_ = std::clamp(minute, 0, 59); }

int DatePickerModel::picked_day_shown() const {
    return picked_year_ == year_ && picked_month_ == month_ ? day_ : 0;
}

std::string DatePickerModel::text() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", picked_year_, picked_month_, day_,
                  hour_, minute_);
    return buf;
}

}  // namespace rapport::gui
