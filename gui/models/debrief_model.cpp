#include "gui/models/debrief_model.h"

#include "gui/models/guarded.h"

#include "engine/records/contacts.h"
#include "engine/base/error.h"
#include "engine/records/profile.h"
#include "engine/records/settings.h"
#include "gui/i18n.h"

#include <algorithm>
#include <utility>

namespace rapport::gui {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

DebriefModel::DebriefModel(Database* db, std::filesystem::path banks_dir, Now now, LocalNow local_now)
    : db_(db), banks_dir_(std::move(banks_dir)), now_(std::move(now)), local_now_(std::move(local_now)) {
    load_language_files();
    refresh();
}

void DebriefModel::load_language_files() {
    if (db_) guarded(error_, [&] { language_ = load_profile(*db_).language; });
    guarded(error_, [&] { checklist_ = load_debrief_checklist(banks_dir_, language_); });
    try {
        templates_ = load_draft_templates(banks_dir_, language_);
    } catch (const std::exception& e) {
        templates_.reset();
        draft_problem_ = e.what();
    }
}

// --- Meetings ----------------------------------------------------------------

void DebriefModel::refresh() {
    if (!db_) return;
    std::vector<DebriefableMeeting> found;
    const bool listed = guarded(error_, [&] {
        found = list_meetings_taken_place(*db_, local_now_().utc_seconds());
    });
    if (!listed) return;
    meetings_ = std::move(found);

    if (meeting_id_ && find_meeting(*db_, *meeting_id_)) {
        reload_debrief();
        return;
    }
    meeting_id_.reset();
    if (meetings_.empty()) return;
    auto unfinished = std::find_if(meetings_.begin(), meetings_.end(),
                                   [](const DebriefableMeeting& m) { return !m.thank_you_sent; });
    open(unfinished != meetings_.end() ? unfinished->id : meetings_.front().id);
}

const DebriefableMeeting* DebriefModel::meeting() const {
    for (const auto& m : meetings_)
        if (meeting_id_ && m.id == *meeting_id_) return &m;
    return nullptr;
}

void DebriefModel::select_meeting(std::int64_t id) {
    if (meeting_id_ == id || !db_) return;
    flush();
    if (save_pending()) return;  // the edits were refused: stay, or they would be lost
    // A meeting Home asked for may not be listed yet (it ended a moment ago).
    if (std::none_of(meetings_.begin(), meetings_.end(),
                     [id](const DebriefableMeeting& m) { return m.id == id; })) {
        bool exists = false;
        guarded(error_, [&] { exists = find_meeting(*db_, id).has_value(); });
        if (!exists) {
            error_ = format(_("There is no meeting with id %lld."), static_cast<long long>(id));
            return;
        }
    }
    open(id);
}

void DebriefModel::open(std::int64_t id) {
    meeting_id_ = id;
    pending_answers_.clear();
    notes_pending_ = draft_pending_ = draft_edited_ = false;
    dirty_since_.reset();
    debrief_ = Debrief{};
    notes_.clear();
    reload_debrief();
    std::optional<std::string> kept;
    guarded(error_, [&] { kept = get_setting(*db_, draft_setting_key()); });
    if (kept) {
        draft_text_ = *kept;
        draft_problem_.clear();
        draft_needs_name_ = false;
        draft_edited_ = true;
    } else {
        rebuild_draft();
    }
}

void DebriefModel::reload_debrief() {
    if (!db_ || !meeting_id_) return;
    guarded(error_, [&] { debrief_ = get_debrief(*db_, *meeting_id_); });
    guarded(error_, [&] { meeting_notes_ = get_meeting(*db_, *meeting_id_).notes; });
    if (!notes_pending_) notes_ = debrief_.notes;
    for (auto& m : meetings_)
        if (m.id == *meeting_id_) m.thank_you_sent = debrief_.thank_you_sent_at.has_value();
}

// --- Checklist -----------------------------------------------------------------

std::string DebriefModel::answer_or_empty(const std::string& item_id) const {
    auto it = debrief_.answers.find(item_id);
    return it == debrief_.answers.end() ? std::string() : it->second;
}

std::string DebriefModel::answer(const std::string& item_id) const {
    if (auto it = pending_answers_.find(item_id); it != pending_answers_.end()) return it->second;
    return answer_or_empty(item_id);
}

void DebriefModel::set_choice(const std::string& item_id, const std::string& choice_id) {
    if (!meeting_id_ || answer(item_id) == choice_id) return;
    DebriefChanges changes;
    changes.answers[item_id] = choice_id;
    save(changes);
}

void DebriefModel::set_text(const std::string& item_id, const std::string& text) {
    if (!meeting_id_ || answer(item_id) == text) return;
    pending_answers_[item_id] = text;
    mark_dirty();
}

void DebriefModel::set_notes(const std::string& notes) {
    if (!meeting_id_ || notes == notes_) return;
    notes_ = notes;
    notes_pending_ = true;
    mark_dirty();
}

// --- Referrals -------------------------------------------------------------------

bool DebriefModel::add_referral(const std::string& name, const std::string& company,
                                const std::string& notes) {
    if (!meeting_id_) return false;
    Referral referral;
    referral.name = trimmed(name);
    referral.company = trimmed(company);
    referral.notes = trimmed(notes);
    if (referral.name.empty()) {
        error_ = _("A referral needs at least a name.");
        return false;
    }
    DebriefChanges changes;
    changes.new_referrals.push_back(std::move(referral));
    return save(changes);
}

std::optional<std::int64_t> DebriefModel::make_contact(std::int64_t referral_id) {
    if (!db_) return std::nullopt;
    std::int64_t contact_id = 0;
    if (!guarded(error_, [&] { contact_id = promote_referral(*db_, referral_id); })) return std::nullopt;
    error_.clear();
    reload_debrief();
    return contact_id;
}

// --- Thank-you ---------------------------------------------------------------------

std::string DebriefModel::draft_setting_key() const {
    return std::string(kDraftSettingPrefix) + std::to_string(meeting_id_.value_or(0));
}

// The generated draft, from the debrief as saved. Missing facts (nothing
// learned recorded yet, no name in the profile) are not errors of the user's
// action: they are shown next to the draft as what to fill in first.
void DebriefModel::rebuild_draft() {
    if (draft_edited_ || !templates_ || !db_ || !meeting_id_) return;
    draft_text_.clear();
    draft_problem_.clear();
    // The note thanks them for one thing learned (the engine's "learned"
    // item); said here in the screen's words rather than the CLI's.
    const ChecklistItem* learned = checklist_.item("learned");
    if (learned && trimmed(answer_or_empty("learned")).empty()) {
        draft_problem_ = format(_("Answer \u201C%s\u201D: the note mentions it."), learned->prompt.c_str());
        return;
    }
    draft_needs_name_ = false;
    try {
        const Draft d = draft_thank_you(*db_, *templates_, *meeting_id_);
        draft_text_ = d.subject + "\n\n" + d.body;
    } catch (const MissingDraftValue& e) {
        // The window says where to record it, never a command line.
        draft_needs_name_ = e.value == "user_name";
        draft_problem_ = draft_needs_name_
                             ? _("Add your name on the Profile screen: the note is signed with it.")
                             : e.what();
    } catch (const std::exception& e) {
        draft_problem_ = e.what();
    }
}

// The profile changed on its screen: the checklist and the draft follow its
// language and name at once, without waiting for an answer to change.
void DebriefModel::profile_changed() {
    flush();
    load_language_files();
    if (meeting_id_) open(*meeting_id_);
}

void DebriefModel::set_draft_text(const std::string& text) {
    if (!meeting_id_ || text == draft_text_) return;
    draft_text_ = text;
    draft_edited_ = draft_pending_ = true;
    mark_dirty();
}

void DebriefModel::reset_draft() {
    if (!db_ || !meeting_id_) return;
    if (!guarded(error_, [&] { erase_setting(*db_, draft_setting_key()); })) return;
    draft_edited_ = draft_pending_ = false;
    rebuild_draft();
}

void DebriefModel::mark_thank_you_sent() {
    if (!meeting_id_) return;
    flush();
    DebriefChanges changes;
    changes.thank_you_sent_at = local_now_();
    save(changes);
}

void DebriefModel::mark_thank_you_not_sent() {
    if (!meeting_id_) return;
    DebriefChanges changes;
    changes.thank_you_sent_at = std::optional<LocalDateTime>();
    save(changes);
}

// --- Saving -----------------------------------------------------------------------

void DebriefModel::mark_dirty() {
    if (!dirty_since_) dirty_since_ = now_();
}

// One engine call, one transaction; the debrief and draft are read back.
bool DebriefModel::save(const DebriefChanges& changes) {
    if (!db_ || !meeting_id_) {
        error_ = _("no database: the debrief cannot be saved");
        return false;
    }
    if (!guarded(error_, [&] { update_debrief(*db_, *meeting_id_, changes, checklist_); })) return false;
    error_.clear();
    reload_debrief();
    rebuild_draft();
    return true;
}

// A refused save stays pending (the screen says so, and another meeting is
// not opened over it); it is retried after the next edit or at flush().
void DebriefModel::save_pending_text() {
    dirty_since_.reset();
    if (!pending_answers_.empty() || notes_pending_) {
        DebriefChanges changes;
        changes.answers = pending_answers_;
        if (notes_pending_) changes.notes = notes_;
        if (save(changes)) {
            pending_answers_.clear();
            notes_pending_ = false;
        }
    }
    if (draft_pending_ && db_ &&
        guarded(error_, [&] { set_setting(*db_, draft_setting_key(), draft_text_); }))
        draft_pending_ = false;
}

void DebriefModel::tick() {
    if (dirty_since_ && now_() - *dirty_since_ >= kSaveDelay) save_pending_text();
}

void DebriefModel::flush() {
    if (save_pending()) save_pending_text();
}

DebriefModel::Clock::duration DebriefModel::until_save() const {
    if (!dirty_since_) return Clock::duration::zero();
    return std::max(Clock::duration::zero(), *dirty_since_ + kSaveDelay - now_());
}

}  // namespace rapport::gui
