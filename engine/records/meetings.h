// Meetings with a contact, and the question sheet used at each.
//
// A meeting's time is local wall-clock time stored with its UTC offset (see
// local_time.h). The sheet is a snapshot: the questions are copied into the
// meeting when it is planned, each with "asked" and "answered" marks ticked
// during the meeting, so later changes to the banks never rewrite history.
// Every function is one transaction; edits change only the given fields.
#pragma once

#include "engine/records/meeting_length.h"

#include "engine/records/database.h"
#include "engine/base/json_source.h"
#include "engine/base/local_time.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

inline constexpr std::array<std::string_view, 4> kMeetingModes = {
    "in-person", "phone", "video", "email"};
inline constexpr std::array<std::string_view, 3> kMeetingStatuses = {
    "planned", "done", "cancelled"};

struct SheetQuestion {
    std::string id;
    std::string text;
    std::string stage;              // opening, trends, insights, advice, …
    std::optional<double> minutes;  // time planned for it, when the sheet said
    bool asked = false;
    bool answered = false;
};

struct Meeting {
    std::int64_t id = 0;
    std::int64_t contact_id = 0;
    std::string contact_name;  // filled when read
    LocalDateTime at;
    int minutes = kDefaultMeetingMinutes;  // the length promised to the contact
    std::string mode = "in-person";
    std::string place;
    std::string status = "planned";
    std::string notes;
    std::vector<SheetQuestion> sheet;
    std::string created_at;
    std::string updated_at;
};

struct MeetingChanges {
    std::optional<std::int64_t> contact_id;
    std::optional<LocalDateTime> at;
    std::optional<int> minutes;
    std::optional<std::string> mode, place, status, notes;
    std::optional<std::vector<SheetQuestion>> sheet;  // replaces the whole sheet
};

// Returns the new id. Throws rapport::Error naming the field for an unknown
// contact, a bad mode or status, or a length outside 1–1440 minutes.
std::int64_t add_meeting(Database& db, const Meeting& meeting);

Meeting get_meeting(Database& db, std::int64_t id);  // throws "no meeting with id N"
std::optional<Meeting> find_meeting(Database& db, std::int64_t id);

// In time order; all meetings, or one contact's. Sheets are left out unless
// asked for (a listing of years of meetings does not need them).
std::vector<Meeting> list_meetings(Database& db, std::optional<std::int64_t> contact_id = {},
                                   bool with_sheets = false);

// The planned meetings only, in time order: screens that look ahead read a
// handful of rows instead of years of meetings.
std::vector<Meeting> list_planned_meetings(Database& db);
std::int64_t count_meetings(Database& db);

void edit_meeting(Database& db, std::int64_t id, const MeetingChanges& changes);
// Removes the meeting with its sheet, debrief and referrals.
void remove_meeting(Database& db, std::int64_t id);

// Ticks (or unticks) one question of the meeting's sheet. Marking a question
// answered also marks it asked; unmarking "asked" also clears "answered".
void mark_question(Database& db, std::int64_t meeting_id, std::string_view question_id,
                   std::optional<bool> asked, std::optional<bool> answered);

// Reads a sheet in the shape `rapport-cli sheet --format json` prints:
// {"questions":[{"id","text","stage","minutes","why":[…]}],"total_minutes":N}.
// Marks may be given as "asked"/"answered" booleans. Throws rapport::Error
// "file:line: questions/2/text: …" for a malformed sheet.
std::vector<SheetQuestion> sheet_from_json(const JsonSource& source);

// Writes a complete meeting as given, id and timestamps included (import).
void insert_meeting_verbatim(Database& db, const Meeting& meeting);

}  // namespace rapport
