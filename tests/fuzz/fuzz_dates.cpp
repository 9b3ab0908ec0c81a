// The date-time parsers: whatever parses prints back to text that parses to
// the same instant.
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
    return 0;
}
