// What the "Meeting (live)" screen shows and does, without ImGui, so tests
// can drive it on a temp database with fake clocks.
//
// The model holds:
//   - the meetings to choose from (every planned one, plus the one open),
//     and the open meeting with its question sheet. It opens on the meeting
//     engine/followups/meeting_clock.h's choose_live_meeting() picks at the local time
//     wall_now() gives. Switching is refused while the clock runs or is
//     paused, so a meeting's time is never measured against another's length;
//   - the meeting clock (engine/followups/meeting_clock.h): a PitchTimer against the
//     promised length whose "closing" phase is the warning a few minutes
//     before time is up;
//   - the asked/answered ticks, each saved at once through mark_question()
//     (one transaction), the sheet then read back so the engine's rules
//     (answered implies asked) show;
//   - the quick notes, which are the meeting's notes: saved after
//     Debounce::kSaveDelay and on flush(), one engine call each;
//   - mark_done(): stops the clock, saves the notes, sets the status to done.
//
// Engine errors never escape: each action keeps its message in error().
#pragma once

#include "engine/records/database.h"
#include "engine/base/local_time.h"
#include "engine/followups/meeting_clock.h"
#include "engine/records/meetings.h"
#include "gui/models/debounce.h"

#include <cstdint>
#include <functional>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

class LiveMeetingModel {
public:
    using Clock = PitchTimer::Clock;
    using Now = PitchTimer::Now;
    using WallNow = std::function<LocalDateTime()>;

    // now: the monotonic clock of the meeting clock and the notes' delay;
    // wall_now: the local time, to choose the meeting to open.
    // banks_dir: where the stage names come from (in the profile's language);
    // empty shows the stage ids.
    LiveMeetingModel(Database* db, Now now = &Clock::now, WallNow wall_now = &now_local,
                     const std::filesystem::path& banks_dir = {});

    // Reads the meetings again (another screen may have planned one); keeps
    // the open meeting, or opens the default one when there is none (or it
    // was removed).
    void refresh();

    // --- The meeting ---------------------------------------------------------
    const std::vector<Meeting>& choices() const { return choices_; }  // in time order
    const std::optional<Meeting>& meeting() const { return meeting_; }
    bool can_switch() const;
    void select_meeting(std::int64_t id);

    // --- The clock -----------------------------------------------------------
    const PitchTimer& clock() const { return clock_; }
    bool start() { return meeting_ && clock_.start(); }
    bool pause() { return clock_.pause(); }
    bool resume() { return clock_.resume(); }
    bool stop() { return clock_.stop(); }
    void reset() { clock_.reset(); }

    // --- The sheet -------------------------------------------------------------
    void set_asked(const std::string& question_id, bool asked);
    void set_answered(const std::string& question_id, bool answered);
    int asked_count() const;
    int answered_count() const;
    // "Next steps" for the stage id "assignments", as Prepare says it.
    std::string stage_label(const std::string& stage_id) const;

    // --- Notes and status --------------------------------------------------------
    const std::string& notes() const { return notes_; }
    void set_notes(const std::string& notes);
    bool save_pending() const { return notes_debounce_.pending(); }
    void mark_done();

    // --- Saving and waking ---------------------------------------------------------
    bool can_save() const { return db_ != nullptr; }
    void tick();   // once per frame: saves the notes when due
    void flush();  // now: the notes
    // A running clock or notes waiting for their save.
    bool wants_wakeups() const;
    // Until the clock's next visible step at `resolution` or the notes' save.
    Clock::duration until_next_change(Clock::duration resolution) const;

    const std::string& error() const { return error_; }

private:
    void open(std::optional<std::int64_t> id);
    void reload_meeting();
    void mark(const std::string& question_id, std::optional<bool> asked, std::optional<bool> answered);
    void save_notes();

    Database* db_;
    Now now_;
    WallNow wall_now_;
    Debounce notes_debounce_;
    std::vector<Meeting> choices_;
    std::optional<Meeting> meeting_;
    PitchTimer clock_;
    std::string notes_;
    std::string error_;
    std::map<std::string, std::string> stage_labels_;  // stage id -> label
};

}  // namespace rapport::gui
