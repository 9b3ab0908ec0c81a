// Dates and times as people type them (engine/base/date_input.h).
#include "engine/base/date_input.h"
#include "engine/base/error.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

using namespace rapport;

namespace {

// Sunday 29 November 2026, 19:40, in a zone without clock changes.
LocalDateTime sunday_evening() {
    LocalDateTime now;
    now.year = 2026, now.month = 11, now.day = 29, now.hour = 19, now.minute = 40;
    return now;
}

struct UtcZone {
    UtcZone() { setenv("TZ", "UTC", 1), tzset(); }
    ~UtcZone() { unsetenv("TZ"), tzset(); }
};

std::string read(std::string_view text, Language language = Language::english) {
    return parse_date_time_input(text, language, sunday_evening(), "at").wall_clock();
}

std::string error_of(std::string_view text, Language language = Language::english) {
    try {
        parse_date_time_input(text, language, sunday_evening(), "at");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("the forms people type become one date and time") {
    UtcZone utc;
    CHECK(read("2026-11-30T10:00") == "2026-11-30 10:00");
    CHECK(read("2026-11-30 10:00") == "2026-11-30 10:00");
    CHECK(read("  2026-11-30   10h ") == "2026-11-30 10:00");
    CHECK(read("30/11/2026 10h00", Language::french) == "2026-11-30 10:00");
    CHECK(read("30.11.2026 9h30", Language::french) == "2026-11-30 09:30");
    CHECK(read("30/11/26 14:15", Language::french) == "2026-11-30 14:15");
    CHECK(read("30 novembre 2026 à 10h", Language::french) == "2026-11-30 10:00");
    CHECK(read("1er décembre 2026 à 8h", Language::french) == "2026-12-01 08:00");
    CHECK(read("November 30, 2026 at 2:30 pm") == "2026-11-30 14:30");
    CHECK(read("Nov 30 10am") == "2026-11-30 10:00");
    CHECK(read("Dec 3rd 2 pm") == "2026-12-03 14:00");
    CHECK(read("11/30/2026 9:05") == "2026-11-30 09:05");
    CHECK(read("30/11/2026 9:05") == "2026-11-30 09:05");
}

TEST_CASE("days named from today") {
    UtcZone utc;
    CHECK(read("today 16:00") == "2026-11-29 16:00");
    CHECK(read("tomorrow 10:00") == "2026-11-30 10:00");
    CHECK(read("Demain 9h30", Language::french) == "2026-11-30 09:30");
    CHECK(read("aujourd’hui midi", Language::french) == "2026-11-29 12:00");
    CHECK(read("après-demain 14h", Language::french) == "2026-12-01 14:00");
    CHECK(read("the day after tomorrow at noon") == "2026-12-01 12:00");
    CHECK(read("monday 10:00") == "2026-11-30 10:00");
    CHECK(read("next Friday 8am") == "2026-12-04 08:00");
    CHECK(read("lundi prochain 10h", Language::french) == "2026-11-30 10:00");
    CHECK(read("sunday 10:00") == "2026-12-06 10:00");  // today is Sunday: the next one
}

TEST_CASE("a date without a year is the next such day") {
    UtcZone utc;
    CHECK(read("3 décembre 10h", Language::french) == "2026-12-03 10:00");
    CHECK(read("Jan 5 9:00") == "2027-01-05 09:00");
    CHECK(read("29/11 20h", Language::french) == "2026-11-29 20:00");
}

TEST_CASE("what cannot be read is refused with the field, the word and an example") {
    UtcZone utc;
    CHECK(error_of("next tuesdayy 10:00").find("at: did not understand 'tuesdayy'") == 0);
    CHECK(error_of("next tuesdayy 10:00").find("2026-11-30 10:00") != std::string::npos);
    CHECK(error_of("demain", Language::french).find("at: add a time") == 0);
    CHECK(error_of("05/11/2026 10:00").find("could be read two ways") != std::string::npos);
    CHECK(error_of("").find("must not be empty") != std::string::npos);
    CHECK(error_of("2026-02-30 10:00").find("not a real calendar date") != std::string::npos);
    CHECK(error_of("13pm").find("did not understand") != std::string::npos);
    CHECK(error_of("30 10:00").find("needs a day and a month") != std::string::npos);
    // A year with a leading zero is named as out of range, with what the user typed.
    CHECK(error_of("0999-01-01 10:00").find("'0999-01-01T10:00' is outside the years 1900 to 2200") !=
          std::string::npos);
    // French always writes the day first: not ambiguous there.
    CHECK(parse_date_time_input("05/11/2026 10h", Language::french, sunday_evening(), "at").month == 11);
}
