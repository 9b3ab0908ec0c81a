#include "engine/records/data_export.h"

#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "engine/records/outreach.h"
#include "engine/records/record_checks.h"
#include "engine/records/schema.h"

#include <cmath>
#include <map>

namespace rapport {
namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

ojson optional_value(const std::optional<std::int64_t>& v) { return v ? ojson(*v) : ojson(nullptr); }

// Whole minutes print as 5, not 5.0.
ojson minutes_value(double minutes) {
    if (std::floor(minutes) == minutes && std::abs(minutes) < 1e9)
        return ojson(static_cast<std::int64_t>(minutes));
    return ojson(minutes);
}

}  // namespace

ojson contact_json(const Contact& c) {
    return ojson{{"id", c.id},           {"name", c.name},
                 {"company", c.company}, {"role", c.role},
                 {"tags", c.tags},       {"email", c.email},
                 {"phone", c.phone},     {"link", c.link},
                 {"how_met", c.how_met}, {"referred_by", optional_value(c.referred_by)},
                 {"notes", c.notes},     {"created_at", c.created_at},
                 {"updated_at", c.updated_at}};
}

namespace {

ojson sheet_to_json(const std::vector<SheetQuestion>& sheet) {
    ojson out = ojson::array();
    for (const auto& q : sheet) {
        ojson item{{"id", q.id}, {"text", q.text}, {"stage", q.stage}};
        if (q.minutes) item["minutes"] = minutes_value(*q.minutes);
        item["asked"] = q.asked;
        item["answered"] = q.answered;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

ojson debrief_json(const Debrief& d) {
    if (!d.recorded) return nullptr;
    ojson referrals = ojson::array();
    for (const auto& r : d.referrals)
        referrals.push_back({{"id", r.id},
                             {"name", r.name},
                             {"company", r.company},
                             {"notes", r.notes},
                             {"contact_id", optional_value(r.contact_id)}});
    ojson answers = ojson::object();
    for (const auto& [item, answer] : d.answers) answers[item] = answer;
    return ojson{{"answers", answers},
                 {"notes", d.notes},
                 {"thank_you_sent_at",
                  d.thank_you_sent_at ? ojson(d.thank_you_sent_at->iso()) : ojson(nullptr)},
                 {"referrals", referrals},
                 {"created_at", d.created_at},
                 {"updated_at", d.updated_at}};
}

ojson outreach_json(const Outreach& o) {
    return ojson{{"id", o.id},
                 {"contact_id", o.contact_id},
                 {"sent_at", o.sent_at.iso()},
                 {"channel", o.channel},
                 {"follow_up_of", optional_value(o.follow_up_of)},
                 {"replied_at", o.replied_at ? ojson(o.replied_at->iso()) : ojson(nullptr)},
                 {"created_at", o.created_at}};
}

ojson meeting_json(const Meeting& m) {
    return ojson{{"id", m.id},
                 {"contact_id", m.contact_id},
                 {"at", m.at.iso()},
                 {"minutes", m.minutes},
                 {"mode", m.mode},
                 {"place", m.place},
                 {"status", m.status},
                 {"notes", m.notes},
                 {"sheet", sheet_to_json(m.sheet)},
                 {"created_at", m.created_at},
                 {"updated_at", m.updated_at}};
}

ojson export_all(Database& db) {
    // One read transaction: the document is a consistent picture even while
    // another program writes.
    db.exec("BEGIN");
    try {
        ojson settings = ojson::object();
        Statement st = db.prepare("SELECT key, value FROM settings ORDER BY key");
        while (st.step()) settings[st.column_text(0)] = st.column_text(1);
        ojson contacts = ojson::array();
        for (const auto& c : list_contacts(db)) contacts.push_back(contact_json(c));
        std::sort(contacts.begin(), contacts.end(),
                  [](const ojson& a, const ojson& b) { return a["id"] < b["id"]; });
        ojson meetings = ojson::array();
        Statement ids = db.prepare("SELECT id FROM meetings ORDER BY id");
        while (ids.step()) {
            ojson m = meeting_json(get_meeting(db, ids.column_int(0)));
            m["debrief"] = debrief_json(get_debrief(db, ids.column_int(0)));
            meetings.push_back(std::move(m));
        }
        ojson outreach = ojson::array();
        for (const auto& o : list_outreach(db)) outreach.push_back(outreach_json(o));
        std::sort(outreach.begin(), outreach.end(),
                  [](const ojson& a, const ojson& b) { return a["id"] < b["id"]; });
        db.exec("COMMIT");
        return ojson{{"format", kExportFormat},
                     {"format_version", kExportFormatVersion},
                     {"schema_version", latest_schema_version()},
                     {"exported_at", now_utc_iso()},
                     {"settings", settings},
                     {"contacts", contacts},
                     {"meetings", meetings},
                     {"outreach", outreach}};
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

namespace {

// Reads fields of the document, reporting problems as
// "file:line: /json/pointer: what is wrong".
class FieldReader {
public:
    explicit FieldReader(const JsonSource& src) : src_(src) {}

    [[noreturn]] void fail(const std::string& ptr, const std::string& what) const {
        throw Error(src_.where(ptr) + ": " + (ptr.empty() ? "/" : ptr) + ": " + what);
    }

    const json& at(const json& obj, const std::string& ptr, const char* key) const {
        if (!obj.is_object()) fail(ptr, "must be an object");
        if (!obj.contains(key)) fail(ptr, std::string("missing \"") + key + "\"");
        return obj.at(key);
    }

    const json& array(const json& obj, const std::string& ptr, const char* key) const {
        const json& v = at(obj, ptr, key);
        if (!v.is_array()) fail(ptr + "/" + key, "must be a list");
        return v;
    }

    // Optional fields may be left out (""), required ones must be non-empty.
    std::string text(const json& obj, const std::string& ptr, const char* key,
                     bool required = false) const {
        if (!required && obj.is_object() && !obj.contains(key)) return {};
        const json& v = at(obj, ptr, key);
        if (!v.is_string() || (required && trimmed(v.get<std::string>()).empty()))
            fail(ptr + "/" + key, required ? "must be a non-empty string" : "must be a string");
        return v.get<std::string>();
    }

    std::string timestamp(const json& obj, const std::string& ptr, const char* key) const {
        const std::string t = text(obj, ptr, key);
        return t.empty() ? now_utc_iso() : t;
    }

    std::int64_t integer(const json& obj, const std::string& ptr, const char* key) const {
        const json& v = at(obj, ptr, key);
        if (!v.is_number_integer()) fail(ptr + "/" + key, "must be a whole number");
        return v.get<std::int64_t>();
    }

    std::optional<std::int64_t> optional_integer(const json& obj, const std::string& ptr,
                                                 const char* key) const {
        if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
        return integer(obj, ptr, key);
    }

    bool flag(const json& obj, const std::string& ptr, const char* key) const {
        if (!obj.contains(key)) return false;
        if (!obj.at(key).is_boolean()) fail(ptr + "/" + key, "must be true or false");
        return obj.at(key).get<bool>();
    }

    LocalDateTime date_time(const json& obj, const std::string& ptr, const char* key) const {
        const std::string t = text(obj, ptr, key, true);
        try {
            return parse_local_date_time(t, key);
        } catch (const Error& e) {
            fail(ptr + "/" + key, e.what());
        }
    }

    // Re-raises an engine check ("mode: 'x' is not one of …") at ptr.
    template <class Fn>
    void located(const std::string& ptr, Fn&& fn) const {
        try {
            fn();
        } catch (const Error& e) {
            fail(ptr, e.what());
        }
    }

private:
    const JsonSource& src_;
};

// Old id -> id in this database.
class IdMap {
public:
    IdMap(const char* what, bool keep, std::int64_t next) : what_(what), keep_(keep), next_(next) {}
    std::int64_t add(const FieldReader& r, const std::string& ptr, std::int64_t old_id) {
        if (map_.count(old_id)) r.fail(ptr + "/id", std::string("the ") + what_ + " id " +
                                                        std::to_string(old_id) + " appears twice");
        return map_[old_id] = keep_ ? old_id : next_++;
    }
    std::int64_t find(const FieldReader& r, const std::string& ptr, std::int64_t old_id) const {
        auto it = map_.find(old_id);
        if (it == map_.end())
            r.fail(ptr, std::string("no ") + what_ + " with id " + std::to_string(old_id) +
                            " in this file");
        return it->second;
    }

private:
    const char* what_;
    bool keep_;
    std::int64_t next_;
    std::map<std::int64_t, std::int64_t> map_;
};

bool database_has_records(Database& db) {
    Statement st = db.prepare("SELECT (SELECT count(*) FROM contacts) + "
                              "(SELECT count(*) FROM meetings) + (SELECT count(*) FROM outreach)");
    st.step();
    return st.column_int(0) > 0;
}

void check_header(const FieldReader& r, const json& root) {
    if (!root.is_object()) r.fail("", "an export must be a JSON object");
    if (r.text(root, "", "format", true) != kExportFormat)
        r.fail("/format", std::string("must be \"") + kExportFormat + "\"");
    const auto version = r.integer(root, "", "format_version");
    if (version < 1 || version > kExportFormatVersion)
        r.fail("/format_version", "this Rapport reads export format " +
                                      std::to_string(kExportFormatVersion) + ", not " +
                                      std::to_string(version));
}

int import_settings(Database& db, const FieldReader& r, const json& root) {
    if (!root.contains("settings")) return 0;
    const json& settings = root.at("settings");
    if (!settings.is_object()) r.fail("/settings", "must be an object");
    int count = 0;
    for (const auto& [key, value] : settings.items()) {
        if (!value.is_string()) r.fail("/settings/" + key, "must be a string");
        db.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO NOTHING")
            .bind(1, key)
            .bind(2, value.get<std::string>())
            .run();
        count += db.changes();
    }
    return count;
}

std::vector<std::string> read_tags(const FieldReader& r, const json& c, const std::string& ptr) {
    std::vector<std::string> tags;
    if (!c.contains("tags")) return tags;
    const json& list = r.array(c, ptr, "tags");
    for (size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string()) r.fail(ptr + "/tags/" + std::to_string(i), "must be a string");
        tags.push_back(list[i].get<std::string>());
    }
    return tags;
}

void import_contacts(Database& db, const FieldReader& r, const json& list, IdMap& ids) {
    std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> links;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string ptr = "/contacts/" + std::to_string(i);
        const json& j = list[i];
        Contact c;
        c.id = ids.add(r, ptr, r.integer(j, ptr, "id"));
        c.name = r.text(j, ptr, "name", true);
        c.company = r.text(j, ptr, "company");
        c.role = r.text(j, ptr, "role");
        c.tags = read_tags(r, j, ptr);
        c.email = r.text(j, ptr, "email");
        c.phone = r.text(j, ptr, "phone");
        c.link = r.text(j, ptr, "link");
        c.how_met = r.text(j, ptr, "how_met");
        c.notes = r.text(j, ptr, "notes");
        c.created_at = r.timestamp(j, ptr, "created_at");
        c.updated_at = r.timestamp(j, ptr, "updated_at");
        r.located(ptr, [&] { insert_contact_verbatim(db, c); });
        links.emplace_back(c.id, r.optional_integer(j, ptr, "referred_by"));
    }
    // Links may point forward in the list: set them once every contact exists.
    for (size_t i = 0; i < links.size(); ++i) {
        if (!links[i].second) continue;
        const std::string ptr = "/contacts/" + std::to_string(i) + "/referred_by";
        db.prepare("UPDATE contacts SET referred_by = ?2 WHERE id = ?1")
            .bind(1, links[i].first)
            .bind(2, ids.find(r, ptr, *links[i].second))
            .run();
    }
}

std::vector<SheetQuestion> read_sheet(const FieldReader& r, const json& m, const std::string& ptr) {
    std::vector<SheetQuestion> sheet;
    if (!m.contains("sheet")) return sheet;
    const json& list = r.array(m, ptr, "sheet");
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string qptr = ptr + "/sheet/" + std::to_string(i);
        SheetQuestion q;
        q.id = r.text(list[i], qptr, "id", true);
        q.text = r.text(list[i], qptr, "text", true);
        q.stage = r.text(list[i], qptr, "stage");
        if (list[i].contains("minutes")) {
            if (!list[i].at("minutes").is_number()) r.fail(qptr + "/minutes", "must be a number");
            q.minutes = list[i].at("minutes").get<double>();
        }
        q.asked = r.flag(list[i], qptr, "asked");
        q.answered = r.flag(list[i], qptr, "answered");
        sheet.push_back(std::move(q));
    }
    return sheet;
}

Debrief read_debrief(const FieldReader& r, const json& j, const std::string& ptr,
                     std::int64_t meeting_id, const IdMap& contact_ids, std::int64_t& next_referral) {
    Debrief d;
    d.meeting_id = meeting_id;
    d.recorded = true;
    d.notes = r.text(j, ptr, "notes");
    if (j.contains("thank_you_sent_at") && !j.at("thank_you_sent_at").is_null())
        d.thank_you_sent_at = r.date_time(j, ptr, "thank_you_sent_at");
    if (j.contains("answers")) {
        const json& answers = r.at(j, ptr, "answers");
        if (!answers.is_object()) r.fail(ptr + "/answers", "must be an object");
        for (const auto& [item, answer] : answers.items()) {
            if (!answer.is_string()) r.fail(ptr + "/answers/" + item, "must be a string");
            d.answers[item] = answer.get<std::string>();
        }
    }
    if (j.contains("referrals")) {
        const json& list = r.array(j, ptr, "referrals");
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string rptr = ptr + "/referrals/" + std::to_string(i);
            Referral ref;
            ref.id = next_referral > 0 ? next_referral++ : r.integer(list[i], rptr, "id");
            ref.name = r.text(list[i], rptr, "name", true);
            ref.company = r.text(list[i], rptr, "company");
            ref.notes = r.text(list[i], rptr, "notes");
            if (auto c = r.optional_integer(list[i], rptr, "contact_id"))
                ref.contact_id = contact_ids.find(r, rptr + "/contact_id", *c);
            d.referrals.push_back(std::move(ref));
        }
    }
    d.created_at = r.timestamp(j, ptr, "created_at");
    d.updated_at = r.timestamp(j, ptr, "updated_at");
    return d;
}

void import_meetings(Database& db, const FieldReader& r, const json& list, const IdMap& contact_ids,
                     IdMap& meeting_ids, bool keep_ids, ImportSummary& summary) {
    // Referrals keep their ids into an empty database, else get fresh ones.
    std::int64_t next_referral = keep_ids ? 0 : next_id(db, "referrals");
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string ptr = "/meetings/" + std::to_string(i);
        const json& j = list[i];
        Meeting m;
        m.id = meeting_ids.add(r, ptr, r.integer(j, ptr, "id"));
        m.contact_id = contact_ids.find(r, ptr + "/contact_id", r.integer(j, ptr, "contact_id"));
        m.at = r.date_time(j, ptr, "at");
        const auto minutes = r.integer(j, ptr, "minutes");
        if (minutes < 1 || minutes > 1440) r.fail(ptr + "/minutes", "must be between 1 and 1440");
        m.minutes = static_cast<int>(minutes);
        m.mode = r.text(j, ptr, "mode", true);
        m.place = r.text(j, ptr, "place");
        m.status = r.text(j, ptr, "status", true);
        m.notes = r.text(j, ptr, "notes");
        m.sheet = read_sheet(r, j, ptr);
        m.created_at = r.timestamp(j, ptr, "created_at");
        m.updated_at = r.timestamp(j, ptr, "updated_at");
        r.located(ptr, [&] { insert_meeting_verbatim(db, m); });
        ++summary.meetings;
        if (!j.contains("debrief") || j.at("debrief").is_null()) continue;
        const Debrief d =
            read_debrief(r, j.at("debrief"), ptr + "/debrief", m.id, contact_ids, next_referral);
        r.located(ptr + "/debrief", [&] { insert_debrief_verbatim(db, d); });
        ++summary.debriefs;
    }
}

void import_outreach(Database& db, const FieldReader& r, const json& root, const IdMap& contact_ids,
                     bool keep_ids, ImportSummary& summary) {
    if (!root.contains("outreach")) return;  // exports from before outreach existed
    const json& list = r.array(root, "", "outreach");
    IdMap ids("outreach", keep_ids, next_id(db, "outreach"));
    std::vector<std::pair<std::int64_t, std::int64_t>> links;  // new id, old follow_up_of
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string ptr = "/outreach/" + std::to_string(i);
        const json& j = list[i];
        Outreach o;
        o.id = ids.add(r, ptr, r.integer(j, ptr, "id"));
        o.contact_id = contact_ids.find(r, ptr + "/contact_id", r.integer(j, ptr, "contact_id"));
        o.sent_at = r.date_time(j, ptr, "sent_at");
        o.channel = r.text(j, ptr, "channel", true);
        if (j.contains("replied_at") && !j.at("replied_at").is_null())
            o.replied_at = r.date_time(j, ptr, "replied_at");
        o.created_at = r.timestamp(j, ptr, "created_at");
        r.located(ptr, [&] { insert_outreach_verbatim(db, o); });
        if (auto f = r.optional_integer(j, ptr, "follow_up_of")) links.emplace_back(o.id, *f);
        ++summary.outreach;
    }
    for (const auto& [id, old_target] : links)
        db.prepare("UPDATE outreach SET follow_up_of = ?2 WHERE id = ?1")
            .bind(1, id)
            .bind(2, ids.find(r, "/outreach", old_target))
            .run();
}

}  // namespace

ImportSummary import_all(Database& db, const JsonSource& document) {
    const FieldReader r(document);
    const json& root = document.root;
    check_header(r, root);
    ImportSummary summary;
    db.transaction([&] {
        // Links may point forward in the file; they are checked at commit.
        db.exec("PRAGMA defer_foreign_keys = ON");
        summary.ids_kept = !database_has_records(db);
        IdMap contact_ids("contact", summary.ids_kept, next_id(db, "contacts"));
        IdMap meeting_ids("meeting", summary.ids_kept, next_id(db, "meetings"));
        summary.settings = import_settings(db, r, root);
        const json& contacts = r.array(root, "", "contacts");
        import_contacts(db, r, contacts, contact_ids);
        summary.contacts = static_cast<int>(contacts.size());
        import_meetings(db, r, r.array(root, "", "meetings"), contact_ids, meeting_ids,
                        summary.ids_kept, summary);
        import_outreach(db, r, root, contact_ids, summary.ids_kept, summary);
    });
    return summary;
}

}  // namespace rapport
