#include "gui/models/home_model.h"

#include "gui/models/guarded.h"

#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/outreach.h"
#include "engine/pitch/store.h"
#include "engine/records/profile.h"

#include <map>
#include <utility>

namespace rapport::gui {

HomeModel::HomeModel(Database* db, std::filesystem::path banks_dir, LocalNow now)
    : db_(db), banks_dir_(std::move(banks_dir)), now_(std::move(now)) {
    refresh();
}

void HomeModel::refresh() {
    now_value_ = now_();
    if (!db_) return;
    guarded(error_, [&] {
        const Profile profile = load_profile(*db_);
        language_ = profile.language;
        user_name_ = profile.name;
    });
    read_meetings();
    guarded(error_, [&] { followups_ = due_followups(*db_, now_value_); });
    read_pitch_trend();
}

// Planned meetings that have not ended, in time order (the engine lists them so).
void HomeModel::read_meetings() {
    guarded(error_, [&] {
        // Counts and the planned meetings only: years of records stay unread.
        contacts_ = static_cast<int>(count_contacts(*db_));
        meetings_ = static_cast<int>(count_meetings(*db_));
        const std::int64_t now_utc = now_value_.utc_seconds();
        const std::string today = now_value_.date();
        upcoming_.clear();
        for (const Meeting& m : list_planned_meetings(*db_)) {
            const std::int64_t start = m.at.utc_seconds(), end = start + m.minutes * 60;
            if (end <= now_utc) continue;
            if (upcoming_.size() == kUpcomingLimit) break;
            const std::optional<Contact> contact = find_contact(*db_, m.contact_id);
            upcoming_.push_back({m.id, m.contact_name, contact ? contact->company : std::string(),
                                 m.at, m.minutes, local_from_utc(start).date() == today,
                                 start <= now_utc});
        }
    });
}

// The script practised last is the one the user is working on; its recent
// attempts make the trend.
void HomeModel::read_pitch_trend() {
    trend_ = {};
    guarded(error_, [&] {
        const std::vector<PitchAttempt> all = list_pitch_attempts(*db_);
        if (all.empty()) return;
        const std::optional<std::int64_t> script = all.back().script_id;
        std::vector<PitchAttempt> same;
        for (const PitchAttempt& a : all)
            if (a.script_id == script) same.push_back(a);
        PitchLengthGoal goal = PitchLengthGoal::target;
        if (script) {
            const PitchScript s = get_pitch_script(*db_, *script);
            trend_.title = s.title;
            goal = length_goal_of(s);
        }
        // With no target, attempts are measured against the usual 30 s to 2 min
        // (as on the Pitch screen), not the 2 min the clock ran to.
        trend_.has_target = goal == PitchLengthGoal::target;
        const std::size_t first = same.size() > kTrendLength ? same.size() - kTrendLength : 0;
        for (std::size_t i = first; i < same.size(); ++i) {
            trend_.seconds.push_back(static_cast<float>(same[i].seconds));
            trend_.target_seconds.push_back(static_cast<float>(same[i].target_seconds));
            trend_.at.push_back(same[i].at);
        }
        trend_.first_number = static_cast<int>(first) + 1;
        trend_.progress = summarize_pitch_attempts(same, kPitchProgressLastCount, goal);
    });
}

bool HomeModel::mark_thank_you_sent(std::int64_t meeting_id) {
    if (!db_) return false;
    const bool done = guarded(error_, [&] {
        DebriefChanges changes;
        changes.thank_you_sent_at = now_();
        update_debrief(*db_, meeting_id, changes, load_debrief_checklist(banks_dir_, language_));
    });
    if (done) error_.clear();
    refresh();
    return done;
}

bool HomeModel::record_follow_up_sent(std::int64_t contact_id) {
    if (!db_) return false;
    const bool done = guarded(error_, [&] { add_outreach(*db_, contact_id, now_(), "email"); });
    if (done) error_.clear();
    refresh();
    return done;
}

}  // namespace rapport::gui
