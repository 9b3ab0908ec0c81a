#include "engine/followups/followups.h"

#include "engine/records/outreach.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace rapport {
namespace {

bool by_due_time(const FollowUp& a, const FollowUp& b) {
    return a.due_at.utc_seconds() < b.due_at.utc_seconds();
}

std::vector<FollowUp> thank_yous(Database& db, const LocalDateTime& now, bool include_upcoming) {
    Statement st = db.prepare(
        "SELECT m.id, m.contact_id, c.name, c.company, m.at_utc + m.minutes * 60 AS ended "
        "FROM meetings m JOIN contacts c ON c.id = m.contact_id "
        "LEFT JOIN debriefs d ON d.meeting_id = m.id "
        "WHERE m.status <> 'cancelled' AND d.thank_you_sent_at IS NULL "
        "AND (?2 OR m.at_utc + m.minutes * 60 <= ?1) ORDER BY ended, m.id");
    st.bind(1, now.utc_seconds()).bind(2, include_upcoming ? 1 : 0);
    std::vector<FollowUp> out;
    while (st.step()) {
        FollowUp f;
        f.kind = "thank-you";
        f.meeting_id = st.column_int(0);
        f.contact_id = st.column_int(1);
        f.contact_name = st.column_text(2);
        f.company = st.column_text(3);
        const std::int64_t due = st.column_int(4) + std::int64_t{kThankYouHours} * 3600;
        f.due_at = local_from_utc(due);
        f.overdue = now.utc_seconds() > due;
        out.push_back(std::move(f));
    }
    return out;
}

// First requests still waiting for a reply, with what has happened since.
struct OpenRequest {
    std::int64_t id, contact_id;
    std::string name, company;
    LocalDateTime sent_at;
    bool followed_up, other_person_reached;
};

// Only what happened up to `as_of` (Unix seconds) counts, so --now shows the
// past as it was.
std::vector<OpenRequest> open_requests(Database& db, std::int64_t as_of) {
    Statement st = db.prepare(
        "SELECT o.id, o.contact_id, c.name, c.company, o.sent_local, "
        "EXISTS (SELECT 1 FROM outreach f WHERE f.follow_up_of = o.id AND f.sent_utc <= ?1), "
        "EXISTS (SELECT 1 FROM outreach s JOIN contacts sc ON sc.id = s.contact_id "
        "        WHERE s.contact_id <> o.contact_id AND s.follow_up_of IS NULL "
        "        AND c.company <> '' AND lower(sc.company) = lower(c.company) "
        "        AND s.sent_utc >= o.sent_utc AND s.sent_utc <= ?1) "
        "FROM outreach o JOIN contacts c ON c.id = o.contact_id "
        "WHERE o.follow_up_of IS NULL AND o.sent_utc <= ?1 "
        "AND NOT EXISTS (SELECT 1 FROM outreach r WHERE (r.id = o.id OR r.follow_up_of = o.id) "
        "                AND r.replied_utc <= ?1) "
        "ORDER BY o.sent_utc, o.id");
    st.bind(1, as_of);
    std::vector<OpenRequest> out;
    while (st.step())
        out.push_back({st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3),
                       parse_local_date_time(st.column_text(4), "sent_at"), st.column_int(5) != 0,
                       st.column_int(6) != 0});
    return out;
}

void suggest(std::vector<FollowUp>& out, const OpenRequest& r, const char* kind, int business_days,
             const LocalDateTime& now, bool include_upcoming) {
    const LocalDateTime due = add_business_days(r.sent_at, business_days);
    if (!include_upcoming && now.utc_seconds() < due.utc_seconds()) return;
    FollowUp f;
    f.kind = kind;
    f.outreach_id = r.id;
    f.contact_id = r.contact_id;
    f.contact_name = r.name;
    f.company = r.company;
    f.due_at = due;
    // Overdue once the due day is over on the user's clock.
    f.overdue = local_from_utc(now.utc_seconds()).date() > local_from_utc(due.utc_seconds()).date();
    out.push_back(std::move(f));
}

}  // namespace

std::vector<FollowUp> due_followups(Database& db, const LocalDateTime& now, bool include_upcoming) {
    std::vector<FollowUp> out = thank_yous(db, now, include_upcoming);
    std::vector<FollowUp> outreach;
    const std::int64_t as_of =
        include_upcoming ? std::numeric_limits<std::int64_t>::max() : now.utc_seconds();
    for (const auto& r : open_requests(db, as_of)) {
        if (!r.other_person_reached)
            suggest(outreach, r, "outreach-second-contact", kSecondContactBusinessDays, now,
                    include_upcoming);
        if (!r.followed_up)
            suggest(outreach, r, "outreach-follow-up", kFollowUpBusinessDays, now, include_upcoming);
    }
    std::stable_sort(outreach.begin(), outreach.end(), by_due_time);
    out.insert(out.end(), outreach.begin(), outreach.end());
    return out;
}

}  // namespace rapport
