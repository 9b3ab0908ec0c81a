// Outreach: the requests for a meeting a user sends to a contact, and the
// contact's reply. A request sent while an earlier one to the same contact
// still waits for a reply is recorded as that one's polite follow-up.
#pragma once

#include "engine/records/database.h"
#include "engine/base/local_time.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

inline constexpr std::array<std::string_view, 4> kOutreachChannels = {"email", "phone", "profile",
                                                                      "in-person"};

struct Outreach {
    std::int64_t id = 0;
    std::int64_t contact_id = 0;
    LocalDateTime sent_at;
    std::string channel = "email";
    std::optional<std::int64_t> follow_up_of;
    std::optional<LocalDateTime> replied_at;
    std::string created_at;
};

// Records a request; returns its id. Throws rapport::Error for an unknown
// contact or channel.
std::int64_t add_outreach(Database& db, std::int64_t contact_id, const LocalDateTime& sent_at,
                          const std::string& channel);

// Marks every request to the contact sent up to `at` and still waiting as
// answered. Returns how many. Throws when none was waiting.
int record_reply(Database& db, std::int64_t contact_id, const LocalDateTime& at);

// In the order sent; all, or one contact's.
std::vector<Outreach> list_outreach(Database& db, std::optional<std::int64_t> contact_id = {});

// Writes a complete record as given (import).
void insert_outreach_verbatim(Database& db, const Outreach& outreach);

}  // namespace rapport
