// Seeding a temp database through the engine for the Home and Debrief model
// tests, and clocks the tests set by hand.
#pragma once

#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "tests/support/test_support.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace rapport::test {

inline fs::path shipped_banks() { return source_dir() / "question-banks"; }

// Local wall-clock time in the test's zone ("2025-03-12T10:00").
inline LocalDateTime local(const std::string& text) { return parse_local_date_time(text, "test"); }

inline std::int64_t seed_contact(Database& db, const std::string& name, const std::string& company) {
    Contact c;
    c.name = name;
    c.company = company;
    return add_contact(db, c);
}

inline std::int64_t seed_meeting(Database& db, std::int64_t contact_id, const std::string& at,
                                 int minutes = 30, const std::string& status = "planned") {
    Meeting m;
    m.contact_id = contact_id;
    m.at = local(at);
    m.minutes = minutes;
    m.status = status;
    return add_meeting(db, m);
}

// A steady clock the test moves by hand (debounced saving).
struct ManualClock {
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    std::function<std::chrono::steady_clock::time_point()> function() {
        return [this] { return now; };
    }
    void advance(std::chrono::milliseconds d) { now += d; }
};

}  // namespace rapport::test
