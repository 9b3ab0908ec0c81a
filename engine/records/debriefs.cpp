#include "engine/records/debriefs.h"

#include "engine/records/contacts.h"
#include "engine/base/json_source.h"
#include "engine/records/meetings.h"
#include "engine/records/record_checks.h"

#include <set>

namespace rapport {
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// The checklist file
// ---------------------------------------------------------------------------

const ChecklistItem* DebriefChecklist::item(std::string_view id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

namespace {

std::string required_string(const JsonSource& src, const nlohmann::json& obj,
                            const std::string& ptr, const char* key) {
    if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_string() ||
        trimmed(obj.at(key).get<std::string>()).empty())
        throw Error(src.where(ptr) + ": " + (ptr.empty() ? "/" : ptr) + ": needs a non-empty \"" +
                    key + "\" string");
    return obj.at(key).get<std::string>();
}

ChecklistItem read_item(const JsonSource& src, const nlohmann::json& j, const std::string& ptr) {
    ChecklistItem item;
    item.id = required_string(src, j, ptr, "id");
    item.kind = required_string(src, j, ptr, "kind");
    item.prompt = required_string(src, j, ptr, "prompt");
    if (item.kind != "choice" && item.kind != "text" && item.kind != "referrals")
        throw Error(src.where(ptr + "/kind") + ": " + ptr +
                    "/kind: must be \"choice\", \"text\" or \"referrals\"");
    if (item.kind != "choice") return item;
    if (!j.contains("choices") || !j.at("choices").is_array() || j.at("choices").empty())
        throw Error(src.where(ptr) + ": " + ptr + ": a choice item needs a \"choices\" list");
    for (size_t c = 0; c < j.at("choices").size(); ++c) {
        const std::string cptr = ptr + "/choices/" + std::to_string(c);
        item.choices.push_back({required_string(src, j.at("choices")[c], cptr, "id"),
                                required_string(src, j.at("choices")[c], cptr, "label")});
    }
    return item;
}

}  // namespace

DebriefChecklist load_debrief_checklist(const fs::path& banks_dir, std::string_view language) {
    const fs::path file = banks_dir / ("debrief." + std::string(language) + ".json");
    std::error_code ec;
    if (!fs::exists(file, ec))
        throw Error(file.string() + ": no debrief checklist for language '" +
                    std::string(language) + "'");
    const JsonSource src = load_json_source(file);
    DebriefChecklist list;
    list.file = file;
    list.language = required_string(src, src.root, "", "language");
    list.title = required_string(src, src.root, "", "title");
    if (!src.root.contains("items") || !src.root.at("items").is_array())
        throw Error(src.where("") + ": needs an \"items\" list");
    std::set<std::string> ids;
    const auto& items = src.root.at("items");
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string ptr = "/items/" + std::to_string(i);
        ChecklistItem item = read_item(src, items[i], ptr);
        if (!ids.insert(item.id).second)
            throw Error(src.where(ptr + "/id") + ": item id '" + item.id + "' appears twice");
        list.items.push_back(std::move(item));
    }
    return list;
}

// ---------------------------------------------------------------------------
// Stored debriefs
// ---------------------------------------------------------------------------

namespace {

void check_answer(const DebriefChecklist& checklist, const std::string& item_id,
                  const std::string& answer) {
    const ChecklistItem* item = checklist.item(item_id);
    if (!item) {
        std::string ids;
        for (const auto& i : checklist.items)
            if (i.kind != "referrals") ids += (ids.empty() ? "" : ", ") + i.id;
        throw Error("debrief item '" + item_id + "' is not in " + checklist.file.string() +
                    " (items: " + ids + ")");
    }
    if (item->kind == "referrals")
        throw Error("debrief item '" + item_id + "' takes referrals, not an answer");
    if (item->kind != "choice" || answer.empty()) return;
    std::string ids;
    for (const auto& c : item->choices) {
        if (c.id == answer) return;
        ids += (ids.empty() ? "" : ", ") + c.id;
    }
    throw Error("debrief item '" + item_id + "': '" + answer + "' is not one of " + ids);
}

void ensure_debrief_row(Database& db, std::int64_t meeting_id) {
    const std::string now = now_utc_iso();
    db.prepare("INSERT INTO debriefs(meeting_id, created_at, updated_at) VALUES(?1, ?2, ?2) "
               "ON CONFLICT(meeting_id) DO UPDATE SET updated_at = excluded.updated_at")
        .bind(1, meeting_id)
        .bind(2, now)
        .run();
}

void write_answer(Database& db, std::int64_t meeting_id, const std::string& item,
                  const std::string& answer) {
    if (answer.empty()) {
        db.prepare("DELETE FROM debrief_answers WHERE meeting_id = ?1 AND item_id = ?2")
            .bind(1, meeting_id)
            .bind(2, item)
            .run();
        return;
    }
    db.prepare("INSERT INTO debrief_answers(meeting_id, item_id, answer) VALUES(?1, ?2, ?3) "
               "ON CONFLICT(meeting_id, item_id) DO UPDATE SET answer = excluded.answer")
        .bind(1, meeting_id)
        .bind(2, item)
        .bind(3, answer)
        .run();
}

void insert_referral(Database& db, const Referral& r) {
    require_utf8_fields({{"referral name", r.name},
                         {"referral company", r.company},
                         {"referral notes", r.notes}});
    require_text("referral name", r.name);
    db.prepare("INSERT INTO referrals(id, meeting_id, name, company, notes, contact_id) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        .bind_all(r.id, r.meeting_id, trimmed(r.name), r.company, r.notes, r.contact_id)
        .run();
}

std::optional<LocalDateTime> optional_time(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return parse_stored_date_time(*text, "thank_you_sent_at");
}

}  // namespace

std::vector<Referral> list_referrals(Database& db, std::optional<std::int64_t> meeting_id) {
    Statement st = db.prepare("SELECT id, meeting_id, name, company, notes, contact_id "
                              "FROM referrals WHERE ?1 IS NULL OR meeting_id = ?1 ORDER BY id");
    st.bind(1, meeting_id);
    std::vector<Referral> out;
    while (st.step())
        out.push_back({st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3),
                       st.column_text(4), st.column_optional_int(5)});
    return out;
}

std::unordered_set<std::int64_t> meetings_thanked(Database& db) {
    std::unordered_set<std::int64_t> ids;
    Statement st = db.prepare("SELECT meeting_id FROM debriefs WHERE thank_you_sent_at IS NOT NULL");
    while (st.step()) ids.insert(st.column_int(0));
    return ids;
}

std::vector<TakenPlaceMeeting> list_meetings_taken_place(Database& db, std::int64_t now_utc) {
    return db
        .prepare("SELECT m.id, c.name, c.company, m.at_local, m.minutes, "
                 "d.thank_you_sent_at IS NOT NULL FROM meetings m "
                 "JOIN contacts c ON c.id = m.contact_id "
                 "LEFT JOIN debriefs d ON d.meeting_id = m.id "
                 "WHERE m.status != 'cancelled' AND (m.status = 'done' OR m.at_utc + m.minutes * 60 <= ?1) "
                 "ORDER BY m.at_utc DESC, m.id DESC")
        .bind(1, now_utc)
        .collect([](const Statement& row) {
            TakenPlaceMeeting m;
            read_columns(row, m.id, m.contact_name, m.company, m.at, m.minutes, m.thank_you_sent);
            return m;
        });
}

Debrief get_debrief(Database& db, std::int64_t meeting_id) {
    get_meeting(db, meeting_id);
    Debrief d;
    d.meeting_id = meeting_id;
    Statement st = db.prepare("SELECT notes, thank_you_sent_at, created_at, updated_at "
                              "FROM debriefs WHERE meeting_id = ?1");
    st.bind(1, meeting_id);
    if (!st.step()) return d;
    d.recorded = true;
    d.notes = st.column_text(0);
    d.thank_you_sent_at = optional_time(st.column_optional_text(1));
    d.created_at = st.column_text(2);
    d.updated_at = st.column_text(3);
    Statement answers = db.prepare(
        "SELECT item_id, answer FROM debrief_answers WHERE meeting_id = ?1 ORDER BY item_id");
    answers.bind(1, meeting_id);
    while (answers.step()) d.answers[answers.column_text(0)] = answers.column_text(1);
    d.referrals = list_referrals(db, meeting_id);
    return d;
}

void update_debrief(Database& db, std::int64_t meeting_id, const DebriefChanges& ch,
                    const DebriefChecklist& checklist) {
    require_utf8_fields({{"notes", ch.notes.value_or("")}});
    for (const auto& [item, answer] : ch.answers) check_answer(checklist, item, answer);
    for (const auto& r : ch.new_referrals) require_text("referral name", r.name);
    db.transaction([&] {
        const Meeting meeting = get_meeting(db, meeting_id);
        if (ch.thank_you_sent_at && *ch.thank_you_sent_at &&
            (*ch.thank_you_sent_at)->utc_seconds() < meeting.at.utc_seconds())
            throw Error("thank_you_sent_at: " + (*ch.thank_you_sent_at)->wall_clock() +
                        " is before the meeting (" + meeting.at.wall_clock() +
                        "); a thank-you follows the meeting");
        ensure_debrief_row(db, meeting_id);
        for (const auto& [item, answer] : ch.answers) write_answer(db, meeting_id, item, answer);
        if (ch.notes)
            db.prepare("UPDATE debriefs SET notes = ?2 WHERE meeting_id = ?1")
                .bind(1, meeting_id)
                .bind(2, *ch.notes)
                .run();
        if (ch.thank_you_sent_at) {
            const auto& at = *ch.thank_you_sent_at;
            db.prepare("UPDATE debriefs SET thank_you_sent_at = ?2 WHERE meeting_id = ?1")
                .bind(1, meeting_id)
                .bind(2, at ? std::optional<std::string>(at->iso()) : std::nullopt)
                .run();
        }
        for (Referral r : ch.new_referrals) {
            r.id = next_id(db, "referrals");
            r.meeting_id = meeting_id;
            r.contact_id.reset();
            insert_referral(db, r);
        }
    });
}

std::int64_t promote_referral(Database& db, std::int64_t referral_id) {
    return db.transaction([&] {
        Statement st = db.prepare(
            "SELECT r.name, r.company, r.notes, r.contact_id, m.contact_id "
            "FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = ?1");
        st.bind(1, referral_id);
        if (!st.step()) throw Error("no referral with id " + std::to_string(referral_id));
        if (auto existing = st.column_optional_int(3))
            throw Error("referral " + std::to_string(referral_id) + " is already contact " +
                        std::to_string(*existing));
        Contact c;
        c.name = st.column_text(0);
        c.company = st.column_text(1);
        c.notes = st.column_text(2);
        c.referred_by = st.column_int(4);
        const std::int64_t id = add_contact(db, c);
        db.prepare("UPDATE referrals SET contact_id = ?2 WHERE id = ?1")
            .bind(1, referral_id)
            .bind(2, id)
            .run();
        return id;
    });
}

void insert_debrief_verbatim(Database& db, const Debrief& d) {
    get_meeting(db, d.meeting_id);
    require_utf8_fields({{"notes", d.notes}});
    db.prepare("INSERT INTO debriefs(meeting_id, notes, thank_you_sent_at, created_at, "
               "updated_at) VALUES(?1, ?2, ?3, ?4, ?5)")
        .bind(1, d.meeting_id)
        .bind(2, d.notes)
        .bind(3, d.thank_you_sent_at ? std::optional<std::string>(d.thank_you_sent_at->iso())
                                     : std::nullopt)
        .bind(4, d.created_at)
        .bind(5, d.updated_at)
        .run();
    for (const auto& [item, answer] : d.answers) write_answer(db, d.meeting_id, item, answer);
    for (Referral r : d.referrals) {
        r.meeting_id = d.meeting_id;
        if (r.contact_id) get_contact(db, *r.contact_id);
        insert_referral(db, r);
    }
}

}  // namespace rapport
