// What the Debrief screen shows and does, without ImGui, so tests drive it on
// a temp database with fake clocks.
//
// The model holds:
//   - the meetings that can be debriefed: not cancelled, and marked done or
//     already ended (start + promised minutes <= now), most recent first. The
//     one opened by default is the most recent whose debrief is not finished
//     — a debrief is finished once its thank-you is marked sent, the last
//     step of the checklist — else the most recent of all;
//   - the checklist (engine/records/debriefs.h, in the profile's language) and the
//     meeting's debrief as stored, with the edits not saved yet on top;
//   - the thank-you draft (engine/followups/drafts.h, profile language), rebuilt from
//     the debrief after each save until the user edits it; an edited draft is
//     kept in the settings table (kDraftSettingPrefix + meeting id) so it
//     survives a restart, and reset_draft() goes back to the generated one.
//
// Saving: a choice, a new referral, "make a contact" and the thank-you mark
// are saved at once (one engine call each). Free text (text items, notes,
// the edited draft) is saved once it has been pending for kSaveDelay, and by
// flush() (on close and before another meeting is opened). A refused save
// keeps the edits and shows the engine's message in error().
//
// With no database (db null) nothing can be listed or saved: meetings() is
// empty and the screen says why. Engine errors never escape an action.
#pragma once

#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/followups/drafts.h"
#include "engine/base/local_time.h"
#include "engine/records/meetings.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

inline constexpr std::string_view kDraftSettingPrefix = "debrief.thank-you-draft.";

// A meeting as the picker lists it.
using DebriefableMeeting = TakenPlaceMeeting;  // engine/records/debriefs.h

class DebriefModel {
public:
    using Clock = std::chrono::steady_clock;
    using Now = std::function<Clock::time_point()>;
    using LocalNow = std::function<LocalDateTime()>;

    // Free text is saved after being pending this long ("within a second").
    static constexpr Clock::duration kSaveDelay = std::chrono::milliseconds(800);

    // banks_dir holds debrief.LANG.json and drafts.LANG.json.
    DebriefModel(Database* db, std::filesystem::path banks_dir, Now now = &Clock::now,
                 LocalNow local_now = &now_local);

    // --- Meetings ----------------------------------------------------------
    // Lists the meetings again (they may have changed elsewhere) and keeps the
    // open one; opens the default when none is open.
    void refresh();
    const std::vector<DebriefableMeeting>& meetings() const { return meetings_; }
    std::optional<std::int64_t> meeting_id() const { return meeting_id_; }
    const DebriefableMeeting* meeting() const;
    // Saves what is pending, then opens that meeting's debrief. Any meeting
    // may be opened by id (Home asks for the one whose thank-you is due).
    void select_meeting(std::int64_t id);

    // --- The checklist -----------------------------------------------------
    const DebriefChecklist& checklist() const { return checklist_; }
    const std::string& language() const { return language_; }
    // The answer as shown: a pending edit, else the stored one, else "".
    std::string answer(const std::string& item_id) const;
    void set_choice(const std::string& item_id, const std::string& choice_id);  // saved at once
    void set_text(const std::string& item_id, const std::string& text);         // debounced
    const std::string& notes() const { return notes_; }
    // The notes typed on Meeting (live) during this meeting, shown read-only
    // beside the debrief's own notes.
    const std::string& meeting_notes() const { return meeting_notes_; }
    void set_notes(const std::string& notes);  // debounced

    // --- Referrals ---------------------------------------------------------
    const std::vector<Referral>& referrals() const { return debrief_.referrals; }
    // Saved at once; false (with error()) for an empty name.
    bool add_referral(const std::string& name, const std::string& company, const std::string& notes);
    // Makes the referral a new contact in one step; returns its id.
    std::optional<std::int64_t> make_contact(std::int64_t referral_id);

    // --- Thank-you ---------------------------------------------------------
    // The draft as shown: subject line, blank line, body. Empty while
    // draft_problem() says what to record first.
    const std::string& draft_text() const { return draft_text_; }
    const std::string& draft_problem() const { return draft_problem_; }
    // The draft waits for the user's name, which the Profile screen records.
    bool draft_needs_name() const { return draft_needs_name_; }
    // Re-reads the profile's language and name (after the Profile screen saved).
    void profile_changed();
    bool draft_edited() const { return draft_edited_; }
    void set_draft_text(const std::string& text);  // debounced, kept in settings
    void reset_draft();                             // back to the generated draft
    const std::optional<LocalDateTime>& thank_you_sent_at() const { return debrief_.thank_you_sent_at; }
    void mark_thank_you_sent();      // now, saved at once
    void mark_thank_you_not_sent();  // undo

    // --- Saving ------------------------------------------------------------
    bool can_save() const { return db_ != nullptr; }
    // Free text typed and not stored yet (waiting for its delay, or refused).
    bool save_pending() const { return !pending_answers_.empty() || notes_pending_ || draft_pending_; }
    // A save is due at a set time: the app must wake up for it.
    bool save_scheduled() const { return dirty_since_.has_value(); }
    void tick();   // once per frame: saves free text whose delay is up
    void flush();  // saves free text now
    // How long until the scheduled save falls due (zero when overdue or none).
    Clock::duration until_save() const;

    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }

private:
    void load_language_files();
    void open(std::int64_t id);
    void mark_dirty();
    bool save(const DebriefChanges& changes);
    void save_pending_text();
    void reload_debrief();
    void rebuild_draft();
    std::string answer_or_empty(const std::string& item_id) const;  // as stored
    std::string draft_setting_key() const;

    Database* db_;
    std::filesystem::path banks_dir_;
    Now now_;
    LocalNow local_now_;
    std::string language_ = "en";
    DebriefChecklist checklist_;
    std::optional<DraftTemplates> templates_;
    std::vector<DebriefableMeeting> meetings_;
    std::optional<std::int64_t> meeting_id_;
    Debrief debrief_;
    std::map<std::string, std::string> pending_answers_;  // text items typed, not saved yet
    std::string notes_;
    std::string meeting_notes_;
    bool notes_pending_ = false;
    std::string draft_text_, draft_problem_;
    bool draft_edited_ = false, draft_pending_ = false, draft_needs_name_ = false;
    std::optional<Clock::time_point> dirty_since_;
    std::string error_;
};

}  // namespace rapport::gui
