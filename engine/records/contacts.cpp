#include "engine/records/contacts.h"

#include "engine/base/local_time.h"
#include "engine/records/record_checks.h"

#include <algorithm>
#include <unordered_map>

namespace rapport {
namespace {

constexpr const char* kSelectContact =
    "SELECT id, name, company, role, email, phone, link, how_met, referred_by, notes, "
    "created_at, updated_at FROM contacts";

Contact read_contact_columns(const Statement& st) {
    Contact c;
    read_columns(st, c.id, c.name, c.company, c.role, c.email, c.phone, c.link, c.how_met,
                 c.referred_by, c.notes, c.created_at, c.updated_at);
    return c;
}

Contact read_contact(Database& db, const Statement& st) {
    Contact c = read_contact_columns(st);
    Statement tags = db.prepare("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY tag");
    tags.bind(1, c.id);
    while (tags.step()) c.tags.push_back(tags.column_text(0));
    return c;
}

std::vector<std::string> clean_tags(std::vector<std::string> tags) {
    for (auto& t : tags) t = trimmed(t);
    std::erase_if(tags, [](const std::string& t) { return t.empty(); });
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

void replace_tags(Database& db, std::int64_t id, const std::vector<std::string>& tags) {
    db.prepare("DELETE FROM contact_tags WHERE contact_id = ?1").bind(1, id).run();
    Statement insert = db.prepare("INSERT INTO contact_tags(contact_id, tag) VALUES(?1, ?2)");
    for (const auto& tag : clean_tags(tags)) {
        insert.bind(1, id).bind(2, tag).run();
        insert.reset();
    }
}

void check_text(const Contact& c) {
    require_utf8_fields({{"name", c.name},   {"company", c.company}, {"role", c.role},
                         {"email", c.email}, {"phone", c.phone},     {"link", c.link},
                         {"how_met", c.how_met}, {"notes", c.notes}});
    require_utf8_list("tag", c.tags);
}

void check_text(const ContactChanges& ch) {
    require_utf8_fields({{"name", ch.name.value_or("")},
                         {"company", ch.company.value_or("")},
                         {"role", ch.role.value_or("")},
                         {"email", ch.email.value_or("")},
                         {"phone", ch.phone.value_or("")},
                         {"link", ch.link.value_or("")},
                         {"how_met", ch.how_met.value_or("")},
                         {"notes", ch.notes.value_or("")}});
    if (ch.tags) require_utf8_list("tag", *ch.tags);
}

void check_referrer(Database& db, std::optional<std::int64_t> referred_by, std::int64_t self) {
    if (!referred_by) return;
    if (*referred_by == self)
        throw Error("referred_by: a contact cannot be referred by themselves");
    if (!find_contact(db, *referred_by))
        throw Error("referred_by: no contact with id " + std::to_string(*referred_by));
}

}  // namespace

std::optional<Contact> find_contact(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string(kSelectContact) + " WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_contact(db, st);
}

Contact get_contact(Database& db, std::int64_t id) {
    if (auto c = find_contact(db, id)) return *c;
    throw Error("no contact with id " + std::to_string(id));
}

// The tags of every contact in one query: a query per contact cost Home
// and Debrief most of a second at 20,000 contacts.
std::vector<Contact> list_contacts(Database& db) {
    Statement st = db.prepare(std::string(kSelectContact) + " ORDER BY name COLLATE NOCASE, id");
    std::vector<Contact> out;
    std::unordered_map<std::int64_t, std::size_t> index;  // id -> position in out
    while (st.step()) {
        out.push_back(read_contact_columns(st));
        index.emplace(out.back().id, out.size() - 1);
    }
    Statement tags = db.prepare("SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag");
    while (tags.step())
        if (auto it = index.find(tags.column_int(0)); it != index.end())
            out[it->second].tags.push_back(tags.column_text(1));
    return out;
}

std::int64_t count_contacts(Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM contacts");
    st.step();
    return st.column_int(0);
}

void insert_contact_verbatim(Database& db, const Contact& c) {
    require_text("name", c.name);
    check_text(c);
    db.prepare("INSERT INTO contacts(id, name, company, role, email, phone, link, how_met, "
               "referred_by, notes, created_at, updated_at) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .bind_all(c.id, trimmed(c.name), c.company, c.role, c.email, c.phone, c.link, c.how_met,
                  c.referred_by, c.notes, c.created_at, c.updated_at)
        .run();
    replace_tags(db, c.id, c.tags);
}

std::int64_t add_contact(Database& db, const Contact& contact) {
    require_text("name", contact.name);
    return insert_new_record(db, "contacts", contact, [](Database& db, const Contact& c) {
        check_referrer(db, c.referred_by, 0);
        insert_contact_verbatim(db, c);
    });
}

void edit_contact(Database& db, std::int64_t id, const ContactChanges& ch) {
    if (ch.name) require_text("name", *ch.name);
    check_text(ch);
    db.transaction([&] {
        get_contact(db, id);
        if (ch.referred_by) check_referrer(db, *ch.referred_by, id);
        // NULL means "keep": one statement, so only the given fields change.
        db.prepare("UPDATE contacts SET name = coalesce(?2, name), company = coalesce(?3, company), "
                   "role = coalesce(?4, role), email = coalesce(?5, email), "
                   "phone = coalesce(?6, phone), link = coalesce(?7, link), "
                   "how_met = coalesce(?8, how_met), notes = coalesce(?9, notes), "
                   "referred_by = CASE WHEN ?10 THEN ?11 ELSE referred_by END, "
                   "updated_at = ?12 WHERE id = ?1")
            .bind_all(id, ch.name ? std::optional<std::string>(trimmed(*ch.name)) : std::nullopt,
                      ch.company, ch.role, ch.email, ch.phone, ch.link, ch.how_met, ch.notes,
                      ch.referred_by.has_value() ? 1 : 0,
                      ch.referred_by ? *ch.referred_by : std::nullopt, now_utc_iso())
            .run();
        if (ch.tags) replace_tags(db, id, *ch.tags);
    });
}

void remove_contact(Database& db, std::int64_t id, bool with_meetings) {
    db.transaction([&] {
        get_contact(db, id);
        Statement count = db.prepare("SELECT count(*) FROM meetings WHERE contact_id = ?1");
        count.bind(1, id).step();
        const auto meetings = count.column_int(0);
        if (meetings > 0 && !with_meetings)
            throw Error("contact " + std::to_string(id) + " has " + std::to_string(meetings) +
                        " meeting(s); remove them first, or remove them together with the contact "
                        "(--with-meetings)");
        db.prepare("DELETE FROM meetings WHERE contact_id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM contacts WHERE id = ?1").bind(1, id).run();
    });
}

}  // namespace rapport
