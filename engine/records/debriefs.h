// The debrief filled in right after a meeting: one per meeting.
//
// Its checklist is data (question-banks/debrief.LANG.json): items with an id,
// a prompt in the user's language and a kind — "choice" (one of the listed
// choice ids), "text" (free text) or "referrals" (people the contact
// suggested, each of which can become a contact in one step). Answers are
// stored by item id and choice id, so the language can change later.
// The debrief also keeps free notes and when the thank-you was sent.
#pragma once

#include "engine/records/database.h"
#include "engine/base/local_time.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace rapport {

struct ChecklistChoice {
    std::string id;
    std::string label;
};

struct ChecklistItem {
    std::string id;
    std::string kind;  // "choice", "text" or "referrals"
    std::string prompt;
    std::vector<ChecklistChoice> choices;  // for "choice"
};

struct DebriefChecklist {
    std::filesystem::path file;
    std::string language;
    std::string title;
    std::vector<ChecklistItem> items;

    const ChecklistItem* item(std::string_view id) const;
};

// Loads banks_dir/debrief.LANG.json. Throws rapport::Error "file:line: …"
// when it is missing or malformed (unknown kind, duplicate id, a choice item
// without choices).
DebriefChecklist load_debrief_checklist(const std::filesystem::path& banks_dir,
                                        std::string_view language);

struct Referral {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string name;
    std::string company;
    std::string notes;
    std::optional<std::int64_t> contact_id;  // set once it became a contact
};

struct Debrief {
    std::int64_t meeting_id = 0;
    bool recorded = false;  // false: nothing was written for this meeting yet
    std::map<std::string, std::string> answers;  // item id -> choice id or text
    std::string notes;
    std::optional<LocalDateTime> thank_you_sent_at;
    std::vector<Referral> referrals;
    std::string created_at;
    std::string updated_at;
};

struct DebriefChanges {
    std::map<std::string, std::string> answers;  // an empty answer clears the item
    std::optional<std::string> notes;
    std::vector<Referral> new_referrals;  // name (required), company, notes
    std::optional<std::optional<LocalDateTime>> thank_you_sent_at;  // inner nullopt: not sent
};

// Throws "no meeting with id N" for an unknown meeting.
Debrief get_debrief(Database& db, std::int64_t meeting_id);

// The meetings whose thank-you was sent, in one query (lists of thousands of
// meetings need no debrief each).
std::unordered_set<std::int64_t> meetings_thanked(Database& db);

// A meeting as a list of debriefs shows it.
struct TakenPlaceMeeting {
    std::int64_t id = 0;
    std::string contact_name;
    std::string company;
    LocalDateTime at;
    int minutes = 0;
    bool thank_you_sent = false;
};

// The meetings that have taken place by now_utc, most recent first: done, or
// not cancelled and over (start plus length; a planned meeting nobody marked
// done still happened). One query: years of meetings are listed without
// reading every contact and meeting in full.
std::vector<TakenPlaceMeeting> list_meetings_taken_place(Database& db, std::int64_t now_utc);

// Applies the changes in one transaction, creating the debrief when needed.
// Answers are checked against the checklist: unknown items and choices are
// refused with a message listing what is allowed.
void update_debrief(Database& db, std::int64_t meeting_id, const DebriefChanges& changes,
                    const DebriefChecklist& checklist);

// Referrals of one meeting, or of all meetings, oldest first.
std::vector<Referral> list_referrals(Database& db, std::optional<std::int64_t> meeting_id = {});

// Makes the referral a contact (name, company, notes; referred by the person
// met) and links the two. Returns the new contact's id. Throws when the
// referral is unknown or already a contact.
std::int64_t promote_referral(Database& db, std::int64_t referral_id);

// Writes a complete debrief as given, with its referrals (import).
void insert_debrief_verbatim(Database& db, const Debrief& debrief);

}  // namespace rapport
