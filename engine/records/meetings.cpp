#include "engine/records/meetings.h"

#include "engine/records/contacts.h"
#include "engine/records/record_checks.h"

#include <ctime>
#include <set>

namespace rapport {
namespace {

constexpr const char* kSelectMeeting =
    "SELECT m.id, m.contact_id, c.name, m.at_local, m.minutes, m.mode, m.place, m.status, "
    "m.notes, m.created_at, m.updated_at FROM meetings m JOIN contacts c ON c.id = m.contact_id";

std::vector<SheetQuestion> read_sheet(Database& db, std::int64_t meeting_id) {
    return db
        .prepare("SELECT question_id, text, stage, minutes, asked, answered FROM sheet_questions "
                 "WHERE meeting_id = ?1 ORDER BY position")
        .bind(1, meeting_id)
        .collect([](const Statement& row) {
            SheetQuestion q;
            read_columns(row, q.id, q.text, q.stage, q.minutes, q.asked, q.answered);
            return q;
        });
}

Meeting read_meeting(Database& db, const Statement& st, bool with_sheet) {
    Meeting m;
    read_columns(st, m.id, m.contact_id, m.contact_name, m.at, m.minutes, m.mode, m.place,
                 m.status, m.notes, m.created_at, m.updated_at);
    if (with_sheet) m.sheet = read_sheet(db, m.id);
    return m;
}

void check_minutes(int minutes) {
    if (minutes < 1 || minutes > 1440)
        throw Error("minutes: " + std::to_string(minutes) + " is not between 1 and 1440");
}

void check_sheet(const std::vector<SheetQuestion>& sheet) {
    std::set<std::string> seen;
    for (const auto& q : sheet) {
        require_utf8_fields({{"sheet question id", q.id}, {"sheet question text", q.text},
                             {"sheet question stage", q.stage}});
        require_text("sheet question id", q.id);
        require_text("sheet question " + q.id + " text", q.text);
        if (!seen.insert(q.id).second)
            throw Error("sheet: question id '" + q.id + "' appears twice");
    }
}

// Named after the field, so a form can show the message next to it.
void check_contact(Database& db, std::int64_t contact_id) {
    if (!find_contact(db, contact_id))
        throw Error("contact_id: no contact with id " + std::to_string(contact_id));
}

void check_meeting_fields(Database& db, const Meeting& m) {
    check_contact(db, m.contact_id);
    check_minutes(m.minutes);
    require_utf8_fields({{"place", m.place}, {"notes", m.notes}});
    require_one_of("mode", m.mode, kMeetingModes);
    require_one_of("status", m.status, kMeetingStatuses);
    check_sheet(m.sheet);
}

// A meeting is done once it has taken place. Starting a little early
// happens, so an hour's grace; marking it done days before is a slip that
// would also cancel the thank-you reminder.
constexpr std::int64_t kDoneEarlyGraceSeconds = 60 * 60;

void check_done_has_started(const std::string& status, const LocalDateTime& at) {
    if (status == "done" && at.utc_seconds() > std::time(nullptr) + kDoneEarlyGraceSeconds)
        throw Error("status: the meeting is planned for " + at.wall_clock() +
                    "; mark it done once it has taken place");
}

void write_sheet(Database& db, std::int64_t meeting_id, const std::vector<SheetQuestion>& sheet) {
    db.prepare("DELETE FROM sheet_questions WHERE meeting_id = ?1").bind(1, meeting_id).run();
    Statement insert = db.prepare(
        "INSERT INTO sheet_questions(meeting_id, position, question_id, text, stage, minutes, "
        "asked, answered) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    int position = 0;
    for (const auto& q : sheet) {
        insert.bind(1, meeting_id)
            .bind(2, position++)
            .bind(3, q.id)
            .bind(4, q.text)
            .bind(5, q.stage)
            .bind(6, q.minutes)
            .bind(7, q.asked || q.answered ? 1 : 0)
            .bind(8, q.answered ? 1 : 0)
            .run();
        insert.reset();
    }
}

}  // namespace

std::optional<Meeting> find_meeting(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string(kSelectMeeting) + " WHERE m.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_meeting(db, st, true);
}

Meeting get_meeting(Database& db, std::int64_t id) {
    if (auto m = find_meeting(db, id)) return *m;
    throw Error("no meeting with id " + std::to_string(id));
}

std::vector<Meeting> list_meetings(Database& db, std::optional<std::int64_t> contact_id,
                                   bool with_sheets) {
    Statement st = db.prepare(std::string(kSelectMeeting) +
                              " WHERE ?1 IS NULL OR m.contact_id = ?1 ORDER BY m.at_utc, m.id");
    st.bind(1, contact_id);
    std::vector<Meeting> out;
    while (st.step()) out.push_back(read_meeting(db, st, with_sheets));
    return out;
}

std::vector<Meeting> list_planned_meetings(Database& db) {
    Statement st = db.prepare(std::string(kSelectMeeting) +
                              " WHERE m.status = 'planned' ORDER BY m.at_utc, m.id");
    std::vector<Meeting> out;
    while (st.step()) out.push_back(read_meeting(db, st, false));
    return out;
}

std::int64_t count_meetings(Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM meetings");
    st.step();
    return st.column_int(0);
}

void insert_meeting_verbatim(Database& db, const Meeting& m) {
    check_meeting_fields(db, m);
    db.prepare("INSERT INTO meetings(id, contact_id, at_local, at_utc, minutes, mode, place, "
               "status, notes, created_at, updated_at) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind_all(m.id, m.contact_id, m.at.iso(), m.at.utc_seconds(), m.minutes, m.mode, m.place,
                  m.status, m.notes, m.created_at, m.updated_at)
        .run();
    write_sheet(db, m.id, m.sheet);
}

std::int64_t add_meeting(Database& db, const Meeting& meeting) {
    check_done_has_started(meeting.status, meeting.at);
    return insert_new_record(db, "meetings", meeting, insert_meeting_verbatim);
}

void edit_meeting(Database& db, std::int64_t id, const MeetingChanges& ch) {
    db.transaction([&] {
        const Meeting before = get_meeting(db, id);
        if (ch.status || ch.at)
            check_done_has_started(ch.status.value_or(before.status), ch.at.value_or(before.at));
        if (ch.contact_id) check_contact(db, *ch.contact_id);
        if (ch.minutes) check_minutes(*ch.minutes);
        require_utf8_fields({{"place", ch.place.value_or("")}, {"notes", ch.notes.value_or("")}});
        if (ch.mode) require_one_of("mode", *ch.mode, kMeetingModes);
        if (ch.status) require_one_of("status", *ch.status, kMeetingStatuses);
        if (ch.sheet) check_sheet(*ch.sheet);
        db.prepare("UPDATE meetings SET contact_id = coalesce(?2, contact_id), "
                   "at_local = coalesce(?3, at_local), at_utc = coalesce(?4, at_utc), "
                   "minutes = coalesce(?5, minutes), mode = coalesce(?6, mode), "
                   "place = coalesce(?7, place), status = coalesce(?8, status), "
                   "notes = coalesce(?9, notes), updated_at = ?10 WHERE id = ?1")
            .bind_all(id, ch.contact_id,
                      ch.at ? std::optional<std::string>(ch.at->iso()) : std::nullopt,
                      ch.at ? std::optional<std::int64_t>(ch.at->utc_seconds()) : std::nullopt,
                      ch.minutes, ch.mode, ch.place, ch.status, ch.notes, now_utc_iso())
            .run();
        if (ch.sheet) write_sheet(db, id, *ch.sheet);
    });
}

void remove_meeting(Database& db, std::int64_t id) {
    db.transaction([&] {
        get_meeting(db, id);
        db.prepare("DELETE FROM meetings WHERE id = ?1").bind(1, id).run();
    });
}

void mark_question(Database& db, std::int64_t meeting_id, std::string_view question_id,
                   std::optional<bool> asked, std::optional<bool> answered) {
    db.transaction([&] {
        get_meeting(db, meeting_id);
        // Answered implies asked; not asked implies not answered.
        if (answered == true) asked = true;
        if (asked == false) answered = false;
        db.prepare("UPDATE sheet_questions SET asked = coalesce(?3, asked), "
                   "answered = coalesce(?4, answered) WHERE meeting_id = ?1 AND question_id = ?2")
            .bind_all(meeting_id, question_id,
                      asked ? std::optional<int>(*asked ? 1 : 0) : std::nullopt,
                      answered ? std::optional<int>(*answered ? 1 : 0) : std::nullopt)
            .run();
        if (db.changes() == 0)
            throw Error("meeting " + std::to_string(meeting_id) + " has no question '" +
                        std::string(question_id) + "' on its sheet");
        db.prepare("UPDATE meetings SET updated_at = ?2 WHERE id = ?1")
            .bind(1, meeting_id)
            .bind(2, now_utc_iso())
            .run();
    });
}

namespace {

std::string text_field(const JsonSource& src, const nlohmann::json& q, const std::string& ptr,
                       const char* key, bool required) {
    if (!q.contains(key)) {
        if (required) throw Error(src.where(ptr) + ": " + ptr + ": missing \"" + key + "\"");
        return {};
    }
    const auto& v = q.at(key);
    if (!v.is_string() || (required && trimmed(v.get<std::string>()).empty()))
        throw Error(src.where(ptr + "/" + key) + ": " + ptr + "/" + key +
                    ": must be a non-empty string");
    return v.get<std::string>();
}

bool flag_field(const JsonSource& src, const nlohmann::json& q, const std::string& ptr,
                const char* key) {
    if (!q.contains(key)) return false;
    if (!q.at(key).is_boolean())
        throw Error(src.where(ptr + "/" + key) + ": " + ptr + "/" + key + ": must be true or false");
    return q.at(key).get<bool>();
}

}  // namespace

std::vector<SheetQuestion> sheet_from_json(const JsonSource& src) {
    const auto& root = src.root;
    if (!root.is_object() || !root.contains("questions") || !root.at("questions").is_array())
        throw Error(src.where("") + ": a question sheet needs a \"questions\" array");
    std::vector<SheetQuestion> sheet;
    const auto& questions = root.at("questions");
    for (size_t i = 0; i < questions.size(); ++i) {
        const std::string ptr = "/questions/" + std::to_string(i);
        const auto& q = questions[i];
        if (!q.is_object()) throw Error(src.where(ptr) + ": " + ptr + ": must be an object");
        SheetQuestion sq;
        sq.id = text_field(src, q, ptr, "id", true);
        sq.text = text_field(src, q, ptr, "text", true);
        sq.stage = text_field(src, q, ptr, "stage", false);
        if (q.contains("minutes")) {
            if (!q.at("minutes").is_number() || q.at("minutes").get<double>() < 0)
                throw Error(src.where(ptr + "/minutes") + ": " + ptr +
                            "/minutes: must be a number of minutes");
            sq.minutes = q.at("minutes").get<double>();
        }
        sq.asked = flag_field(src, q, ptr, "asked");
        sq.answered = flag_field(src, q, ptr, "answered");
        sheet.push_back(std::move(sq));
    }
    try {
        check_sheet(sheet);
    } catch (const Error& e) {
        throw Error(src.where("/questions") + ": " + e.what());
    }
    return sheet;
}

}  // namespace rapport
