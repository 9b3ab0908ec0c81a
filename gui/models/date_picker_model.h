// The calendar of the date fields, without ImGui: which month is shown, the
// day and time picked, and the text that goes back into the field. The field
// itself still takes typed dates (engine/base/date_input.h); the picker is a
// second way in, and writes the one form every language reads back
// ("2026-11-30 10:00").
#pragma once

#include "engine/base/local_time.h"

#include <array>
#include <string>
#include <vector>

namespace rapport::gui {

int days_in_month(int year, int month);
// 0 = Sunday … 6 = Saturday.
int weekday_of(int year, int month, int day);

// A month in weeks of seven cells, starting on first_weekday (0 = Sunday);
// 0 marks a cell outside the month.
std::vector<std::array<int, 7>> month_weeks(int year, int month, int first_weekday);

class DatePickerModel {
public:
    // Opens on value's month with its day and time picked.
    void open_at(const LocalDateTime& value);
    void previous_month();
    void next_month();
    void pick_day(int day);       // clamped to the shown month
    void set_hour(int hour);      // clamped to 0–23
    void set_minute(int minute);  // clamped to 0–59

    int year() const { return year_; }
    int month() const { return month_; }
    // The picked day when it is in the shown month, else 0.
    int picked_day_shown() const;
    int hour() const { return hour_; }
    int minute() const { return minute_; }
    // "2026-11-30 10:00": what the field receives.
    std::string text() const;

private:
    int year_ = 2026, month_ = 1;                        // the month shown
    int picked_year_ = 2026, picked_month_ = 1, day_ = 1;  // the day picked
    int hour_ = 10, minute_ = 0;
};

}  // namespace rapport::gui
