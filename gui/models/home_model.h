// What the Home screen shows and does, without ImGui, so tests drive it on a
// temp database with a fixed "now".
//
// refresh() reads, at the injected local time:
//   - the meetings still to come or under way (planned, not ended yet), in
//     time order, each flagged when it is today — at most kUpcomingLimit;
//   - what is due: engine/followups/followups.h due_followups(), the same list
//     `rapport-cli followups` prints (thank-yous first, then outreach);
//   - the pitch practice trend: the attempts of the script practised last
//     (or those logged without a script), the most recent kTrendLength,
//     with their targets, and the engine's summary of them;
//   - whether the database is still empty (no contact, meeting or attempt),
//     when the screen shows first steps instead.
// Actions: mark a thank-you sent (as `rapport-cli debrief --meeting ID
// --thank-you-sent` does) and record a follow-up sent to the same contact
// (as `rapport-cli outreach add --contact ID` does); each refreshes the lists.
// Engine errors never escape: they become error().
#pragma once

#include "engine/records/database.h"
#include "engine/followups/followups.h"
#include "engine/base/local_time.h"
#include "engine/pitch/progress.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

struct UpcomingMeeting {
    std::int64_t id = 0;
    std::string contact_name;
    std::string company;
    LocalDateTime at;
    int minutes = 0;  // the length promised
    bool today = false;
    bool under_way = false;  // started, not over yet
};

struct PitchTrend {
    std::string title;                 // the script's, or empty without one
    std::vector<float> seconds;        // oldest first
    std::vector<float> target_seconds; // each attempt's own target
    bool has_target = true;            // false: the script has none (30 s to 2 min is fine)
    std::vector<std::string> at;       // when each was logged (UTC stamps)
    int first_number = 1;              // the first one's number among all the script's attempts
    PitchProgress progress;            // over the script's attempts
    bool empty() const { return seconds.empty(); }
};

class HomeModel {
public:
    using LocalNow = std::function<LocalDateTime()>;
    static constexpr std::size_t kUpcomingLimit = 8;
    static constexpr std::size_t kTrendLength = 12;

    // banks_dir holds debrief.LANG.json (marking a thank-you sent goes
    // through the debrief, which checks against the checklist).
    HomeModel(Database* db, std::filesystem::path banks_dir, LocalNow now = &now_local);

    void refresh();

    const LocalDateTime& now() const { return now_value_; }
    const std::string& language() const { return language_; }  // the profile's, for dates
    const std::string& user_name() const { return user_name_; }
    const std::vector<UpcomingMeeting>& upcoming() const { return upcoming_; }
    const std::vector<FollowUp>& followups() const { return followups_; }
    const PitchTrend& pitch_trend() const { return trend_; }
    int contact_count() const { return contacts_; }
    int meeting_count() const { return meetings_; }
    // Nothing recorded yet: the screen shows first steps.
    bool empty() const { return contacts_ == 0 && meetings_ == 0 && trend_.empty(); }

    bool mark_thank_you_sent(std::int64_t meeting_id);
    bool record_follow_up_sent(std::int64_t contact_id);

    bool can_save() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }

private:
    void read_meetings();
    void read_pitch_trend();

    Database* db_;
    std::filesystem::path banks_dir_;
    LocalNow now_;
    LocalDateTime now_value_;
    std::string language_ = "en";
    std::string user_name_;
    std::vector<UpcomingMeeting> upcoming_;
    std::vector<FollowUp> followups_;
    PitchTrend trend_;
    int contacts_ = 0, meetings_ = 0;
    std::string error_;
};

}  // namespace rapport::gui
