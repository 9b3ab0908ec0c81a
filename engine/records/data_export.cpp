#include "engine/records/data_export.h"

#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "engine/records/outreach.h"
#include "engine/records/record_checks.h"
#include "engine/records/schema.h"
#include "engine/records/settings.h"
#include "engine/records/word_list.h"

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
        const ojson personal_words = list_personal_words(db);
        db.exec("COMMIT");
        return ojson{{"format", kExportFormat},
                     {"format_version", kExportFormatVersion},
                     {"schema_version", latest_schema_version()},
                     {"exported_at", now_utc_iso()},
                     {"settings", settings},
                     {"contacts", contacts},
                     {"meetings", meetings},
                     {"outreach", outreach},
                     {"personal_words", personal_words}};
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
        fail_at(where(ptr), ptr, what);
    }
    // For a value whose place was noted earlier (where() of a streamed element).
    [[noreturn]] static void fail_at(const std::string& where, const std::string& ptr,
                                     const std::string& what) {
        throw Error(where + ": " + (ptr.empty() ? "/" : ptr) + ": " + what);
    }
    std::string where(const std::string& ptr) const { return src_.where(ptr); }

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

// Ids are positive and small enough for every place that stores them (the
// search index keeps id * 4 + kind in a 64-bit row id).
void check_record_id(const FieldReader& r, const std::string& ptr, std::int64_t id) {
    if (id < 1 || id > kMaxRecordId)
        r.fail(ptr, "must be a whole number from 1 to " + std::to_string(kMaxRecordId) + ", not " +
                        std::to_string(id));
}

// Old id -> id in this database.
class IdMap {
public:
    IdMap(const char* what, bool keep, std::int64_t next) : what_(what), keep_(keep), next_(next) {}
    std::int64_t add(const FieldReader& r, const std::string& ptr, std::int64_t old_id) {
        check_record_id(r, ptr + "/id", old_id);
        if (map_.count(old_id)) r.fail(ptr + "/id", std::string("the ") + what_ + " id " +
                                                        std::to_string(old_id) + " appears twice");
        return map_[old_id] = keep_ ? old_id : next_++;
    }
    std::int64_t find(const FieldReader& r, const std::string& ptr, std::int64_t old_id) const {
        auto it = map_.find(old_id);
        if (it == map_.end()) r.fail(ptr, missing(old_id));
        return it->second;
    }
    bool contains(std::int64_t old_id) const { return map_.count(old_id) > 0; }
    std::string missing(std::int64_t old_id) const {
        return std::string("no ") + what_ + " with id " + std::to_string(old_id) + " in this file";
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
        const std::string name = key, text = value.get<std::string>();  // clang 14: no captured bindings
        r.located("/settings/" + name, [&] { check_setting(name, text); });
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


// Reads one contact of the file. Its referrer is set at once when already
// read, else once the whole file is in (a link may point forward).
Contact read_contact(const FieldReader& r, const json& j, const std::string& ptr, IdMap& ids) {
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
    return c;
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
            check_record_id(r, rptr + "/id", ref.id);
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

Meeting read_meeting(const FieldReader& r, const json& j, const std::string& ptr,
                     const IdMap& contact_ids, IdMap& meeting_ids) {
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
    return m;
}

Outreach read_outreach(const FieldReader& r, const json& j, const std::string& ptr,
                       const IdMap& contact_ids, IdMap& ids) {
    Outreach o;
    o.id = ids.add(r, ptr, r.integer(j, ptr, "id"));
    o.contact_id = contact_ids.find(r, ptr + "/contact_id", r.integer(j, ptr, "contact_id"));
    o.sent_at = r.date_time(j, ptr, "sent_at");
    o.channel = r.text(j, ptr, "channel", true);
    if (j.contains("replied_at") && !j.at("replied_at").is_null())
        o.replied_at = r.date_time(j, ptr, "replied_at");
    o.created_at = r.timestamp(j, ptr, "created_at");
    return o;
}

class CacheSizeForImport {
public:
    explicit CacheSizeForImport(Database& db) : db_(db) {
        Statement st = db.prepare("PRAGMA cache_size");
        st.step();
        previous_ = st.column_int(0);
        db.exec("PRAGMA cache_size = -" + std::to_string(kImportCacheKiB));
    }
    ~CacheSizeForImport() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
        } catch (const Error&) {
        }
    }
    CacheSizeForImport(const CacheSizeForImport&) = delete;
    CacheSizeForImport& operator=(const CacheSizeForImport&) = delete;

private:
    static constexpr std::int64_t kImportCacheKiB = 256 * 1024;  // at most 256 MB
    Database& db_;
    std::int64_t previous_ = 0;
};

// Exports from before the word list existed have no "personal_words".
int import_personal_words(Database& db, const FieldReader& r, const json& root) {
    if (!root.contains("personal_words")) return 0;
    const json& list = r.array(root, "", "personal_words");
    int added = 0;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string ptr = "/personal_words/" + std::to_string(i);
        if (!list[i].is_string()) r.fail(ptr, "must be a string");
        r.located(ptr, [&] { added += add_personal_word(db, list[i].get<std::string>()) ? 1 : 0; });
    }
    return added;
}



// Keeping the search index in step record by record is most of an import's
// cost: the triggers re-index a meeting for each question of its sheet, and
// FTS5 re-reads a row to delete it (75 % of the CPU for 4,000 contacts and
// 10,000 meetings). While importing, those triggers are set aside and the new
// records are indexed once, at the end. It all happens inside the import's
// transaction, so a failed import puts the triggers back with the rest.
class SearchIndexAtEnd {
public:
    explicit SearchIndexAtEnd(Database& db) : db_(db) {
        Statement st = db.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE "
            "'%search_index%' ORDER BY rowid");
        while (st.step()) triggers_.emplace_back(st.column_text(0), st.column_text(1));
        for (const auto& [name, sql] : triggers_) db.exec("DROP TRIGGER \"" + name + "\"");
    }

    // Indexes the records with ids from these on (what the import added) and
    // puts the triggers back.
    void finish(std::int64_t first_contact, std::int64_t first_meeting) {
        const auto index = [&](const char* view, std::int64_t first_id) {
            db_.prepare(std::string("INSERT INTO search_index(rowid, title, body) "
                                    "SELECT doc, title, body FROM ") +
                        view + " WHERE id >= ?1 ORDER BY id")
                .bind(1, first_id)
                .run();
        };
        index("contact_documents", first_contact);
        index("meeting_documents", first_meeting);
        index("debrief_documents", first_meeting);
        for (const auto& [name, sql] : triggers_) db_.exec(sql);
    }

private:
    Database& db_;
    std::vector<std::pair<std::string, std::string>> triggers_;  // name, CREATE TRIGGER text
};

// A link to a record later in the file, set once the whole file is read.
struct PendingLink {
    std::int64_t id;          // of the record holding the link, in this database
    std::int64_t old_target;  // as written in the file
    std::string where;        // "file:line" of the link, for messages
    std::string pointer;      // "/contacts/3/referred_by"
};

// Loads the records of an export as the parser reads them, one at a time,
// so memory stays small whatever the size of the file. Meetings and
// outreach need the contacts' ids: in an export written by Rapport the
// contacts come first; in a file where they come later, the records that
// came before them wait in memory until the contacts are in.
class Importer {
public:
    Importer(Database& db, std::size_t bytes_total, const ImportProgressHandler& progress)
        : db_(db),
          keep_ids_(!database_has_records(db)),
          contact_ids_("contact", keep_ids_, next_id(db, "contacts")),
          meeting_ids_("meeting", keep_ids_, next_id(db, "meetings")),
          outreach_ids_("outreach", keep_ids_, next_id(db, "outreach")),
          next_referral_(keep_ids_ ? 0 : next_id(db, "referrals")),
          first_contact_(keep_ids_ ? 0 : next_id(db, "contacts")),
          first_meeting_(keep_ids_ ? 0 : next_id(db, "meetings")),
          search_index_(db),
          bytes_total_(bytes_total),
          progress_(progress) {
        summary_.ids_kept = keep_ids_;
    }

    static const std::vector<std::string>& streamed_arrays() {
        static const std::vector<std::string> arrays{"/contacts", "/meetings", "/outreach"};
        return arrays;
    }

    void on_item(const std::string& array, const json& item, size_t index, const JsonSource& src) {
        const FieldReader r(src);
        // A file that is not an export is refused before anything is written
        // when its header comes first, as in every export.
        if (!header_checked_ && src.root.contains("format")) {
            check_header(r, src.root);
            header_checked_ = true;
        }
        const std::string ptr = array + "/" + std::to_string(index);
        if (array == "/contacts") {
            add_contact(r, item, ptr);
        } else if (!src.root.contains("contacts")) {
            waiting_.push_back({array, item, ptr});  // the contacts come later in the file
        } else {
            r.array(src.root, "", "contacts");  // "must be a list" rather than "no contact with id"
            add_linked(r, array, item, ptr);
        }
        report_progress(src.bytes_read);
    }

    // Once the whole file is read: the rest of the document, the records
    // that waited for the contacts, and the forward links.
    ImportSummary finish(const JsonSource& src) {
        const FieldReader r(src);
        const json& root = src.root;
        check_header(r, root);
        r.array(root, "", "contacts");
        r.array(root, "", "meetings");
        if (root.contains("outreach")) r.array(root, "", "outreach");  // older exports have none
        for (const auto& w : waiting_) add_linked(r, w.array, w.item, w.pointer);
        waiting_.clear();
        for (const auto& link : referrers_)
            db_.prepare("UPDATE contacts SET referred_by = ?2 WHERE id = ?1")
                .bind(1, link.id)
                .bind(2, find_later(r, contact_ids_, link))
                .run();
        for (const auto& link : follow_ups_)
            db_.prepare("UPDATE outreach SET follow_up_of = ?2 WHERE id = ?1")
                .bind(1, link.id)
                .bind(2, find_later(r, outreach_ids_, link))
                .run();
        summary_.settings = import_settings(db_, r, root);
        summary_.personal_words = import_personal_words(db_, r, root);
        search_index_.finish(first_contact_, first_meeting_);
        report_progress(bytes_total_, true);
        return summary_;
    }

private:
    struct Waiting {
        std::string array;
        json item;
        std::string pointer;
    };

    void add_contact(const FieldReader& r, const json& j, const std::string& ptr) {
        Contact c = read_contact(r, j, ptr, contact_ids_);
        if (auto referrer = r.optional_integer(j, ptr, "referred_by")) {
            if (contact_ids_.contains(*referrer)) {
                c.referred_by = contact_ids_.find(r, ptr + "/referred_by", *referrer);
            } else {
                referrers_.push_back(
                    {c.id, *referrer, r.where(ptr + "/referred_by"), ptr + "/referred_by"});
            }
        }
        r.located(ptr, [&] { insert_contact_verbatim(db_, c); });
        ++summary_.contacts;
    }

    void add_linked(const FieldReader& r, const std::string& array, const json& j,
                    const std::string& ptr) {
        if (array == "/meetings") return add_meeting(r, j, ptr);
        const Outreach o = read_outreach(r, j, ptr, contact_ids_, outreach_ids_);
        r.located(ptr, [&] { insert_outreach_verbatim(db_, o); });
        if (auto f = r.optional_integer(j, ptr, "follow_up_of"))
            follow_ups_.push_back({o.id, *f, r.where(ptr + "/follow_up_of"), ptr + "/follow_up_of"});
        ++summary_.outreach;
    }

    void add_meeting(const FieldReader& r, const json& j, const std::string& ptr) {
        const Meeting m = read_meeting(r, j, ptr, contact_ids_, meeting_ids_);
        r.located(ptr, [&] { insert_meeting_verbatim(db_, m); });
        ++summary_.meetings;
        if (!j.contains("debrief") || j.at("debrief").is_null()) return;
        const Debrief d =
            read_debrief(r, j.at("debrief"), ptr + "/debrief", m.id, contact_ids_, next_referral_);
        r.located(ptr + "/debrief", [&] { insert_debrief_verbatim(db_, d); });
        ++summary_.debriefs;
    }

    static std::int64_t find_later(const FieldReader& r, const IdMap& ids, const PendingLink& link) {
        if (!ids.contains(link.old_target))
            FieldReader::fail_at(link.where, link.pointer, ids.missing(link.old_target));
        return ids.find(r, link.pointer, link.old_target);
    }

    // About every 1 % of the file, and once at the end.
    void report_progress(std::size_t bytes_read, bool done = false) {
        if (!progress_ || (!done && bytes_read < next_report_)) return;
        next_report_ = bytes_read + std::max<std::size_t>(bytes_total_ / 100, 1);
        progress_(ImportProgress{std::min(bytes_read, bytes_total_), bytes_total_,
                                 summary_.contacts, summary_.meetings});
    }

    Database& db_;
    bool keep_ids_;
    IdMap contact_ids_;
    IdMap meeting_ids_;
    IdMap outreach_ids_;
    std::int64_t next_referral_;  // 0: referrals keep their ids
    std::int64_t first_contact_;  // the first id the import adds (0: all ids are the file's)
    std::int64_t first_meeting_;
    SearchIndexAtEnd search_index_;
    std::size_t bytes_total_;
    const ImportProgressHandler& progress_;
    std::size_t next_report_ = 0;
    bool header_checked_ = false;
    std::vector<Waiting> waiting_;
    std::vector<PendingLink> referrers_;
    std::vector<PendingLink> follow_ups_;
    ImportSummary summary_;
};

}  // namespace

ImportSummary import_export(Database& db, std::string_view text, const std::filesystem::path& name,
                            const ImportProgressHandler& progress) {
    // One transaction (all or nothing) touches most pages of the search
    // index many times: with SQLite's default 2 MB cache the dirty pages
    // spill to the -wal over and over (96,000 writes of 4 KB for 2,000
    // contacts and 5,000 meetings). A bounded larger cache while importing
    // writes each page about once.
    const CacheSizeForImport bigger_cache(db);
    return db.transaction([&] {
        // Links may point forward in the file; they are checked at commit.
        db.exec("PRAGMA defer_foreign_keys = ON");
        Importer importer(db, text.size(), progress);
        const JsonSource document = stream_json_arrays(
            text, name, Importer::streamed_arrays(),
            [&](const std::string& array, const json& item, size_t index, const JsonSource& src) {
                importer.on_item(array, item, index, src);
            });
        return importer.finish(document);
    });
}

ImportSummary import_export_file(Database& db, const std::filesystem::path& file,
                                 const ImportProgressHandler& progress) {
    return import_export(db, read_text_file(file), file, progress);
}

}  // namespace rapport
