// What the user should do next, and by when.
//
// - "thank-you": a meeting (not cancelled) that has ended, whose thank-you
//   is not marked sent. Due 24 hours after the meeting's end (start +
//   promised minutes); overdue after that instant.
// - "outreach-second-contact": a first request with no reply 3 business days
//   after it was sent: reach a second person at the same organization. Gone
//   once a request went to another contact of the same company after it.
// - "outreach-follow-up": no reply 7 business days after the first request:
//   one polite follow-up to the same person. Gone once it is recorded.
// An outreach suggestion is listed from its due time and is overdue once
// its due day is over. Business days skip Saturdays and Sundays; times are
// the user's local time (see local_time.h).
#pragma once

#include "engine/records/database.h"
#include "engine/base/local_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

inline constexpr int kThankYouHours = 24;
inline constexpr int kSecondContactBusinessDays = 3;
inline constexpr int kFollowUpBusinessDays = 7;

struct FollowUp {
    std::string kind;  // "thank-you", "outreach-second-contact", "outreach-follow-up"
    std::optional<std::int64_t> meeting_id;   // thank-yous
    std::optional<std::int64_t> outreach_id;  // outreach suggestions
    std::int64_t contact_id = 0;
    std::string contact_name;
    std::string company;
    LocalDateTime due_at;
    bool overdue = false;
};

// Thank-yous first, then outreach suggestions, each by due time. With
// include_upcoming, also those not due yet (thank-yous of meetings still to
// come, suggestions whose business days have not passed): for calendars.
std::vector<FollowUp> due_followups(Database& db, const LocalDateTime& now,
                                    bool include_upcoming = false);

}  // namespace rapport
