#include "engine/records/outreach.h"

#include "engine/records/contacts.h"
#include "engine/records/record_checks.h"

namespace rapport {
namespace {

std::optional<LocalDateTime> optional_time(const std::optional<std::string>& text, const char* field) {
    if (!text) return std::nullopt;
    return parse_local_date_time(*text, field);
}

// The contact's latest first request still waiting for a reply and not yet
// followed up, if any.
std::optional<std::int64_t> request_awaiting_follow_up(Database& db, std::int64_t contact_id) {
    Statement st = db.prepare(
        "SELECT o.id FROM outreach o WHERE o.contact_id = ?1 AND o.follow_up_of IS NULL "
        "AND o.replied_utc IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM outreach f WHERE f.follow_up_of = o.id) "
        "ORDER BY o.sent_utc DESC, o.id DESC LIMIT 1");
    st.bind(1, contact_id);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

}  // namespace

void insert_outreach_verbatim(Database& db, const Outreach& o) {
    get_contact(db, o.contact_id);
    require_one_of("channel", o.channel, kOutreachChannels);
    db.prepare("INSERT INTO outreach(id, contact_id, sent_local, sent_utc, channel, follow_up_of, "
               "replied_local, replied_utc, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, o.id)
        .bind(2, o.contact_id)
        .bind(3, o.sent_at.iso())
        .bind(4, o.sent_at.utc_seconds())
        .bind(5, o.channel)
        .bind(6, o.follow_up_of)
        .bind(7, o.replied_at ? std::optional<std::string>(o.replied_at->iso()) : std::nullopt)
        .bind(8, o.replied_at ? std::optional<std::int64_t>(o.replied_at->utc_seconds()) : std::nullopt)
        .bind(9, o.created_at)
        .run();
}

std::int64_t add_outreach(Database& db, std::int64_t contact_id, const LocalDateTime& sent_at,
                          const std::string& channel) {
    return db.transaction([&] {
        Outreach o;
        o.id = next_id(db, "outreach");
        o.contact_id = contact_id;
        o.sent_at = sent_at;
        o.channel = channel;
        get_contact(db, contact_id);
        o.follow_up_of = request_awaiting_follow_up(db, contact_id);
        o.created_at = now_utc_iso();
        insert_outreach_verbatim(db, o);
        return o.id;
    });
}

int record_reply(Database& db, std::int64_t contact_id, const LocalDateTime& at) {
    return db.transaction([&] {
        get_contact(db, contact_id);
        db.prepare("UPDATE outreach SET replied_local = ?2, replied_utc = ?3 "
                   "WHERE contact_id = ?1 AND replied_utc IS NULL AND sent_utc <= ?3")
            .bind(1, contact_id)
            .bind(2, at.iso())
            .bind(3, at.utc_seconds())
            .run();
        const int answered = db.changes();
        if (answered == 0)
            throw Error("no request to contact " + std::to_string(contact_id) +
                        " sent before " + at.wall_clock() + " is waiting for a reply");
        return answered;
    });
}

std::vector<Outreach> list_outreach(Database& db, std::optional<std::int64_t> contact_id) {
    Statement st = db.prepare(
        "SELECT id, contact_id, sent_local, channel, follow_up_of, replied_local, created_at "
        "FROM outreach WHERE ?1 IS NULL OR contact_id = ?1 ORDER BY sent_utc, id");
    st.bind(1, contact_id);
    std::vector<Outreach> out;
    while (st.step()) {
        Outreach o;
        o.id = st.column_int(0);
        o.contact_id = st.column_int(1);
        o.sent_at = parse_local_date_time(st.column_text(2), "sent_at");
        o.channel = st.column_text(3);
        o.follow_up_of = st.column_optional_int(4);
        o.replied_at = optional_time(st.column_optional_text(5), "replied_at");
        o.created_at = st.column_text(6);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace rapport
