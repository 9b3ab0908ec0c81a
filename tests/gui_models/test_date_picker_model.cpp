// The calendar of the date fields: month grids, moving between months, and
// the text the field receives.
#include "gui/models/date_picker_model.h"

#include "engine/base/date_format.h"

#include <doctest/doctest.h>

using namespace rapport;
using namespace rapport::gui;

TEST_CASE("month grids start on the language's first weekday") {
    CHECK(weekday_of(2026, 11, 29) == 0);  // a Sunday
    CHECK(weekday_of(2024, 2, 29) == 4);   // a Thursday, in a leap year
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);

    // November 2026 begins on a Sunday: first cell in an English grid, the
    // seventh in a French one (weeks start on Monday).
    const auto sunday_first = month_weeks(2026, 11, 0);
    CHECK(sunday_first.front()[0] == 1);
    CHECK(sunday_first.size() == 5);
    CHECK(sunday_first.back()[1] == 30);
    const auto monday_first = month_weeks(2026, 11, 1);
    CHECK(monday_first.front()[6] == 1);
    CHECK(monday_first.front()[0] == 0);
    CHECK(monday_first.size() == 6);
    CHECK(monday_first.back()[0] == 30);

    CHECK(calendar_week("en").first_weekday == 0);
    CHECK(calendar_week("fr").first_weekday == 1);
    CHECK(calendar_week("fr").day_names[0].rfind("lu", 0) == 0);
    CHECK(format_month_title(2026, 11, "fr") == "novembre 2026");
    CHECK(format_month_title(2026, 11, "en") == "November 2026");
}

TEST_CASE("the picker opens on a value, moves across years and writes the field's text") {
    DatePickerModel picker;
    LocalDateTime value;
    value.year = 2026, value.month = 12, value.day = 30, value.hour = 9, value.minute = 5;
    picker.open_at(value);
    CHECK(picker.text() == "2026-12-30 09:05");
    CHECK(picker.picked_day_shown() == 30);
    picker.next_month();
    CHECK(picker.year() == 2027);
    CHECK(picker.month() == 1);
    CHECK(picker.picked_day_shown() == 0);  // the picked day is in December
    picker.next_month();
    picker.pick_day(31);  // clamped to February's last day
    picker.set_hour(25);
    picker.set_minute(-3);
    CHECK(picker.text() == "2027-02-28 23:00");
    picker.previous_month();
    picker.previous_month();
    picker.previous_month();
    CHECK(picker.year() == 2026);
    CHECK(picker.month() == 11);
}
