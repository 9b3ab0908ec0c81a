// What the "Meetings & contacts" screen shows and does, without ImGui, so
// tests can drive it on a temp database with a fake clock.
//
// The model holds:
//   - the search box and what it finds: with no words, every contact (by
//     name) and every meeting (newest first); with words, the engine's
//     full-text search (engine/records/search.h: accents and case ignored, the last
//     word may be unfinished), contacts and meetings in the order found;
//   - the selected contact (with the history of their meetings) or meeting
//     (with its sheet);
//   - at most one open form, for a new or an existing contact or meeting.
//     The form saves on confirm_form(), each save one engine call (one
//     transaction), and only the fields that changed. The engine checks the
//     values: a refusal is sorted into FormMessages by the field it names and
//     the form stays open with everything typed. The notes of an existing
//     record are saved as they are typed (after Debounce::kSaveDelay), even
//     if the form is then cancelled; flush() saves pending notes and confirms
//     an open form that has changes, so closing the app loses nothing;
//   - a delete waiting for the user's confirmation, with the question to ask.
//
// Engine errors never escape: they become error() (or the form's messages).
#pragma once

#include "engine/records/search.h"
#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"
#include "gui/models/debounce.h"
#include "gui/models/form_messages.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

// The editable fields of a contact as the form holds them.
struct ContactForm {
    std::int64_t id = 0;  // 0: a new contact
    std::string name, company, role;
    std::string tags;  // comma-separated: "museums, public sector"
    std::string email, phone, link, how_met, notes;
    std::optional<std::int64_t> referred_by;
    bool operator==(const ContactForm&) const = default;
};

// The editable fields of a meeting as the form holds them.
struct MeetingForm {
    std::int64_t id = 0;  // 0: a new meeting
    std::int64_t contact_id = 0;
    std::string at;  // local time, "YYYY-MM-DDTHH:MM"
    int minutes = kDefaultMeetingMinutes;
    std::string mode = "in-person", place, status = "planned", notes;
    bool operator==(const MeetingForm&) const = default;
};

// One line of a list: a contact or a meeting, with the words that matched.
// Its label comes from RecordsModel::label(), made when first shown.
struct RecordEntry {
    std::int64_t id = 0;
    std::string snippet;  // empty unless searching; matches between [ and ]
    std::size_t record = 0;  // index in all_contacts() or in the model's meetings
};

class RecordsModel {
public:
    using Clock = Debounce::Clock;
    using Now = Debounce::Now;
    using WallNow = std::function<LocalDateTime()>;
    enum class Kind { none, contact, meeting };
    static constexpr int kSearchLimit = 50;
    // While searching: how many contacts and meetings match in all (the
    // lists hold the best kSearchLimit hits).
    const SearchCounts& match_counts() const { return match_counts_; }

    // wall_now: the local time, for a new meeting's default date.
    RecordsModel(Database* db, Now now = &Clock::now, WallNow wall_now = &now_local);

    // Reads everything again (another screen may have changed the records).
    void refresh();

    // --- Search ------------------------------------------------------------
    const std::string& query() const { return query_; }
    void set_query(const std::string& query);
    const std::vector<RecordEntry>& contacts() const { return contact_entries_; }
    const std::vector<RecordEntry>& meetings() const { return meeting_entries_; }
    // The line shown for contacts()[index] or meetings()[index]. Made on
    // first use and kept: years of meetings would otherwise cost a second of
    // date formatting before the screen first shows, for the few lines seen.
    const std::string& label(Kind kind, std::size_t index);
    // Every contact, by name: for the pickers of the forms.
    const std::vector<Contact>& all_contacts() const { return all_contacts_; }
    // "" when unknown.
    std::string contact_name(std::int64_t id) const;

    // --- Selection (refused while a form is open) ---------------------------
    Kind selected_kind() const { return kind_; }
    std::int64_t selected_id() const { return selected_id_; }
    void select_contact(std::int64_t id);
    void select_meeting(std::int64_t id);
    const std::optional<Contact>& contact() const { return contact_; }
    const std::vector<Meeting>& history() const { return history_; }  // in time order
    const std::optional<Meeting>& meeting() const { return meeting_; }

    // --- Forms ---------------------------------------------------------------
    void new_contact();
    // For the selected contact, or the contact of the selected meeting.
    void new_meeting();
    void edit_selected();
    bool form_open() const { return contact_form_ || meeting_form_; }
    // The open form, to edit its fields in place; null when another (or none) is open.
    ContactForm* contact_form() { return contact_form_ ? &*contact_form_ : nullptr; }
    MeetingForm* meeting_form() { return meeting_form_ ? &*meeting_form_ : nullptr; }
    // Notes go through here so an existing record's notes are saved as typed.
    void set_form_notes(const std::string& notes);
    // Saves the form; true when the engine took it (the form then closes and
    // its record is selected).
    bool confirm_form();
    // Closes the form; the notes typed in it stay saved.
    void cancel_form();
    const FormMessages& messages() const { return messages_; }
    // The window's language ("en"/"fr": the profile's, else the system's):
    // how typed dates and the calendar read.
    const std::string& language() const { return language_; }

    // --- Delete --------------------------------------------------------------
    // Asks about the selected record: delete_question() then says what goes.
    void ask_delete();
    const std::string& delete_question() const { return delete_question_; }
    void confirm_delete();
    void cancel_delete() { delete_question_.clear(); }

    // --- Saving ---------------------------------------------------------------
    bool can_save() const { return db_ != nullptr; }
    bool save_pending() const { return notes_debounce_.pending(); }
    void tick();   // once per frame: saves the notes when due
    void flush();  // on close: pending notes now, and an open form with changes
    bool wants_wakeups() const { return save_pending() && can_save(); }
    Clock::duration until_next_change() const { return notes_debounce_.wait(); }

    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }

private:
    void load_lists();
    void build_entries();
    void fill_entries();
    void load_selection();
    void save_notes();
    void save_contact_form();
    void save_meeting_form();
    LocalDateTime typed_date_time(const std::string& text);
    void close_form();

    Database* db_;
    Debounce notes_debounce_;
    WallNow wall_now_;
    std::string language_ = "en";
    std::string query_;
    SearchCounts match_counts_;
    std::vector<Contact> all_contacts_;
    std::vector<Meeting> all_meetings_;  // without sheets
    std::vector<RecordEntry> contact_entries_, meeting_entries_;
    std::vector<std::string> contact_labels_, meeting_labels_;  // by entry; "" until made
    Kind kind_ = Kind::none;
    std::int64_t selected_id_ = 0;
    std::optional<Contact> contact_;
    std::vector<Meeting> history_;
    std::optional<Meeting> meeting_;
    std::optional<ContactForm> contact_form_, contact_origin_;
    std::optional<MeetingForm> meeting_form_, meeting_origin_;
    FormMessages messages_;
    std::string delete_question_;
    std::string error_;
};

// "2025-03-14T09:30": how the form shows a meeting's time.
std::string form_time(const LocalDateTime& at);

}  // namespace rapport::gui
