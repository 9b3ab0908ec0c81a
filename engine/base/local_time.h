// Dates and times as the user means them: local wall-clock time, stored
// unambiguously.
//
// A meeting "at 2025-03-14T09:30" happens at that time on the user's clock
// (the TZ environment variable, else the system zone). We store it as the
// wall-clock text plus the UTC offset in force then ("2025-03-14T09:30+01:00"),
// which names one instant even across clock changes and still shows the time
// the user typed. Record timestamps (created/updated) are UTC ("...Z").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rapport {

struct LocalDateTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
    int utc_offset_minutes = 0;  // local time minus UTC, e.g. +60 in Paris in winter

    // The instant, in seconds since the Unix epoch.
    std::int64_t utc_seconds() const;
    // "2025-03-14T09:30+01:00": the stored form.
    std::string iso() const;
    // "2025-03-14" (the year always four digits: "0999-…").
    std::string date() const;
    // "2025-03-14 09:30", for plain text listings.
    std::string wall_clock() const;
};

// The years Rapport accepts from the user or an import: a meeting, a request
// or a reply in a life-long campaign, not a typo such as 0202 or 9999.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2200;

// Parses "YYYY-MM-DDTHH:MM" as local time in the current zone, or
// "YYYY-MM-DDTHH:MM(:SS)?(Z|±HH:MM)" with an explicit offset. `field` names
// the option or field in messages. Throws rapport::Error for malformed text,
// impossible dates, years outside kFirstYear..kLastYear, and local times
// skipped by a clock change.
LocalDateTime parse_local_date_time(std::string_view text, std::string_view field);

// Reads a date-time the database holds: the same forms, but any year, also
// one written with fewer than four digits by an older Rapport ("999-03-14T…"),
// so records stored before the year check can still be read, shown, exported
// and deleted.
LocalDateTime parse_stored_date_time(std::string_view text, std::string_view field);

// The instant as wall-clock time in the current zone.
LocalDateTime local_from_utc(std::int64_t utc_seconds);

LocalDateTime now_local();

// Whether text has the shape YYYY-MM-DD (digits and dashes).
bool is_iso_date(std::string_view text);

// The same wall-clock time n business days later (Saturdays and Sundays do
// not count: Friday + 1 is Monday, Saturday + 1 is Monday too), with the
// UTC offset in force on that day. A time the clocks skip that day moves
// forward by the gap.
LocalDateTime add_business_days(const LocalDateTime& start, int n);
// "2025-03-14T08:30:12Z": when a record was created or changed.
std::string now_utc_iso();
// "20250314-093012": the local time now, for file names.
std::string now_local_stamp();

}  // namespace rapport
