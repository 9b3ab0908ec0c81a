// The date-time parsers (stored, ISO and typed): whatever parses prints back
// to text that parses to the same instant.
#include "engine/base/date_input.h"
#include "engine/base/local_time.h"
#include "tests/fuzz/fuzz_support.h"

#include <cstdlib>

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool zone_set = [] { return setenv("TZ", "Europe/Paris", 1) == 0; }();
    (void)zone_set;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::refusing([&] {
        const LocalDateTime t = parse_local_date_time(text, "at");
        if (t.year < kFirstYear || t.year > kLastYear) fuzz::fail("a year out of range passed");
        if (parse_local_date_time(t.iso(), "at").utc_seconds() != t.utc_seconds())
            fuzz::fail("iso() does not read back to the same instant");
    });
    fuzz::refusing([&] {
        const LocalDateTime t = parse_stored_date_time(text, "at_local");
        if (parse_stored_date_time(t.iso(), "at_local").iso() != t.iso())
            fuzz::fail("a stored date does not read back");
    });
    // Dates as people type them, in both languages: what reads is a real
    // time whose stored form reads back to the same instant.
    LocalDateTime now;
    now.year = 2026, now.month = 11, now.day = 29, now.hour = 19, now.minute = 40;
    for (Language language : {Language::english, Language::french}) {
        fuzz::refusing([&] {
            const LocalDateTime t = parse_date_time_input(text, language, now, "at");
            if (parse_date_time_input(t.iso(), language, now, "at").utc_seconds() != t.utc_seconds())
                fuzz::fail("a typed date does not read back from its stored form");
        });
    }
    return 0;
}
