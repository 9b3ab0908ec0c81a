// Dates shown to the user, by ICU in their language (engine/base/date_format.h).
#include "engine/base/date_format.h"

#include <doctest/doctest.h>

using namespace rapport;

namespace {

LocalDateTime march_14() {
    LocalDateTime at;
    at.year = 2025, at.month = 3, at.day = 14, at.hour = 9, at.minute = 30;
    return at;
}

}  // namespace

TEST_CASE("dates read in the language asked for, in its own order and words") {
    CHECK(format_date(march_14(), "en") == "March 14, 2025");
    CHECK(format_date(march_14(), "fr") == "14 mars 2025");
    // The chart axes' short day: month first in English, day first in French.
    CHECK(format_short_day(march_14(), "en") == "Mar 14");
    CHECK(format_short_day(march_14(), "fr") == "14 mars");
    CHECK(format_month_title(2026, 11, "fr") == "novembre 2026");
    CHECK(format_month_title(2026, 11, "en") == "November 2026");
}
