#include "gui/models/live_meeting_model.h"

#include "gui/models/guarded.h"

#include "engine/questions/bank.h"
#include "engine/records/profile.h"
#include "gui/i18n.h"

#include <algorithm>
#include <utility>

namespace rapport::gui {

LiveMeetingModel::LiveMeetingModel(Database* db, Now now, WallNow wall_now,
                                   const std::filesystem::path& banks_dir)
    : db_(db), now_(std::move(now)), wall_now_(std::move(wall_now)), notes_debounce_(now_),
      clock_(make_meeting_clock(kDefaultMeetingMinutes, now_)) {
    if (db_ && !banks_dir.empty()) {
        guarded(error_, [&] {
            const Banks banks = load_tags(bank_dirs(banks_dir)).banks;  // labels only
            const TagSet& tags = banks.require_tags(load_profile(*db_).language);
            for (Stage stage : kStages) stage_labels_[std::string(stage_id(stage))] = tags.stage_label(stage);
        });
    }
    refresh();
}

std::string LiveMeetingModel::stage_label(const std::string& stage) const {
    const auto found = stage_labels_.find(stage);
    return found == stage_labels_.end() ? stage : found->second;
}

void LiveMeetingModel::refresh() {
    if (!db_) return;
    // Only planned meetings can go live: years of past ones are not read.
    std::vector<Meeting> planned;
    if (!guarded(error_, [&] { planned = list_planned_meetings(*db_); })) return;
    reload_meeting();
    if (!meeting_) open(choose_live_meeting(planned, wall_now_()));
    choices_ = std::move(planned);
    // The open meeting stays a choice once done, in its place in time.
    if (!meeting_ || std::any_of(choices_.begin(), choices_.end(),
                                 [&](const Meeting& m) { return m.id == meeting_->id; }))
        return;
    Meeting current = *meeting_;
    current.sheet.clear();  // choices are listed without sheets
    const auto key = [](const Meeting& m) { return std::pair(m.at.utc_seconds(), m.id); };
    choices_.insert(std::upper_bound(choices_.begin(), choices_.end(), current,
                                     [&](const Meeting& a, const Meeting& b) { return key(a) < key(b); }),
                    std::move(current));
}

bool LiveMeetingModel::can_switch() const {
    const PitchTimer::State s = clock_.state();
    return s != PitchTimer::State::running && s != PitchTimer::State::paused;
}

void LiveMeetingModel::select_meeting(std::int64_t id) {
    if (!can_switch() || (meeting_ && meeting_->id == id)) return;
    flush();
    open(id);
    refresh();
}

// Opens a meeting (or none) with a fresh clock set to its promised length.
void LiveMeetingModel::open(std::optional<std::int64_t> id) {
    meeting_.reset();
    notes_.clear();
    notes_debounce_.clear();
    clock_ = make_meeting_clock(kDefaultMeetingMinutes, now_);
    if (!id || !db_) return;
    guarded(error_, [&] {
        meeting_ = get_meeting(*db_, *id);
        notes_ = meeting_->notes;
        clock_ = make_meeting_clock(meeting_->minutes, now_);
    });
}

// The open meeting as stored; notes still being typed are kept.
void LiveMeetingModel::reload_meeting() {
    if (!meeting_ || !db_) return;
    std::optional<Meeting> fresh;
    if (!guarded(error_, [&] { fresh = find_meeting(*db_, meeting_->id); })) return;
    if (!fresh) {  // removed on another screen
        open(std::nullopt);
        return;
    }
    // A new promised length applies to a clock not yet started.
    if (fresh->minutes != meeting_->minutes && clock_.state() == PitchTimer::State::idle)
        clock_ = make_meeting_clock(fresh->minutes, now_);
    meeting_ = std::move(fresh);
    if (!notes_debounce_.pending()) notes_ = meeting_->notes;
}

// --- The sheet -------------------------------------------------------------------

void LiveMeetingModel::mark(const std::string& question_id, std::optional<bool> asked,
                            std::optional<bool> answered) {
    if (!meeting_) return;
    if (!db_) {
        error_ = _("no database: the ticks cannot be saved");
        return;
    }
    if (!guarded(error_, [&] { mark_question(*db_, meeting_->id, question_id, asked, answered); })) return;
    error_.clear();
    reload_meeting();
}

void LiveMeetingModel::set_asked(const std::string& question_id, bool asked) {
    mark(question_id, asked, std::nullopt);
}

void LiveMeetingModel::set_answered(const std::string& question_id, bool answered) {
    mark(question_id, std::nullopt, answered);
}

int LiveMeetingModel::asked_count() const {
    if (!meeting_) return 0;
    return static_cast<int>(std::count_if(meeting_->sheet.begin(), meeting_->sheet.end(),
                                          [](const SheetQuestion& q) { return q.asked; }));
}

int LiveMeetingModel::answered_count() const {
    if (!meeting_) return 0;
    return static_cast<int>(std::count_if(meeting_->sheet.begin(), meeting_->sheet.end(),
                                          [](const SheetQuestion& q) { return q.answered; }));
}

// --- Notes and status ------------------------------------------------------------------

void LiveMeetingModel::set_notes(const std::string& notes) {
    if (!meeting_ || notes == notes_) return;
    notes_ = notes;
    notes_debounce_.edited();
}

void LiveMeetingModel::save_notes() {
    notes_debounce_.clear();  // a refused save waits for the next edit
    if (!meeting_ || !db_) return;
    MeetingChanges ch;
    ch.notes = notes_;
    if (guarded(error_, [&] { edit_meeting(*db_, meeting_->id, ch); })) {
        error_.clear();
        meeting_->notes = notes_;
    }
}

void LiveMeetingModel::mark_done() {
    if (!meeting_) return;
    if (!db_) {
        error_ = _("no database: the meeting cannot be marked done");
        return;
    }
    clock_.stop();
    MeetingChanges ch;
    ch.notes = notes_;
    ch.status = std::string("done");
    if (!guarded(error_, [&] { edit_meeting(*db_, meeting_->id, ch); })) return;
    notes_debounce_.clear();
    error_.clear();
    reload_meeting();
}

// --- Saving and waking ---------------------------------------------------------------------

void LiveMeetingModel::tick() {
    if (notes_debounce_.due()) save_notes();
}

void LiveMeetingModel::flush() {
    if (notes_debounce_.pending()) save_notes();
}

bool LiveMeetingModel::wants_wakeups() const {
    return clock_.state() == PitchTimer::State::running || (save_pending() && can_save());
}

LiveMeetingModel::Clock::duration LiveMeetingModel::until_next_change(Clock::duration resolution) const {
    Clock::duration wait = clock_.read(resolution).until_next_change;
    if (can_save()) wait = std::min(wait, notes_debounce_.wait());
    return wait;
}

}  // namespace rapport::gui
