// What the Pitch screen shows and does, without ImGui, so tests can drive it
// on a temp database with a fake clock.
//
// The model holds:
//   - the script being edited (one of the saved scripts, or a new draft that
//     is added to the database once it has words). Every change marks it
//     dirty; tick() saves it once it has been dirty for kSaveDelay, and
//     flush() saves at once. Each save is one engine call, so one transaction.
//     A save the engine refuses (a text with no words, a database error) is
//     reported in error() and retried only after the next edit; while the
//     edits are refused, switching to another script is refused too (the
//     user would lose them). A blank title is saved as kNewScriptTitle;
//   - the live analysis of the text (engine/pitch/analysis.h), redone only
//     when the text, language or target changed. The analyzer of a language
//     is built once, from the shipped cue file and models (read on first
//     use); its advice uses the profile's field and goals, read once;
//   - the practice timer (engine/pitch/timer.h), whose target follows the
//     script's;
//   - the attempt that was just stopped and not yet saved, with the rating
//     and note being typed for it. Starting a new attempt, switching script
//     and flush() save it as it is; discard_attempt() throws it away;
//   - the attempts of the current script (oldest first) and their progress.
//
// With no database (db null) everything works except saving: can_save() is
// false and the screen says why.
//
// Engine errors never escape: each action catches rapport::Error and keeps
// its message in error() until the next action succeeds or clear_error().
#pragma once

#include "engine/records/database.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/progress.h"
#include "engine/pitch/store.h"
#include "engine/pitch/timer.h"
#include "gui/i18n.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

// The one rounding rule for a timed length: tenths of a second, to the
// nearest. A stopped attempt keeps this value, so the clock, the attempt line,
// the history and the database all say the same (35.56 s is 0:35.6 and 35.6 s).
double round_to_tenths(double seconds);
// "1:05.3" (minutes, seconds, tenths, rounded as above), or "1:05" with
// whole_seconds (a running clock, given the whole seconds elapsed).
std::string clock_text(double seconds, bool whole_seconds = false);

class PitchModel {
public:
    using Clock = PitchTimer::Clock;
    using Now = PitchTimer::Now;

    // Edits are saved after being pending this long (the "within a second" promise).
    static constexpr Clock::duration kSaveDelay = std::chrono::milliseconds(800);
    // The targets offered as one-click choices, in seconds; any other is "custom".
    static constexpr std::array<int, 4> kTargetChoices = {30, 60, 90, 120};
    static constexpr const char* kNewScriptTitle = N_("My pitch");  // translated where used

    // banks_dir holds pitch-cues.<lang>.json (shipped_banks_dir() in the app).
    // Opens the most recently edited script, else a new draft.
    PitchModel(Database* db, std::filesystem::path banks_dir, Now now = &Clock::now);

    // --- Scripts -----------------------------------------------------------
    const std::vector<PitchScript>& scripts() const { return scripts_; }
    // The saved id of the script being edited; none for a draft not yet saved.
    std::optional<std::int64_t> script_id() const { return script_.id ? std::optional(script_.id) : std::nullopt; }
    void select_script(std::int64_t id);
    void new_script();

    const std::string& title() const { return script_.title; }
    const std::string& text() const { return script_.text; }
    const std::string& language() const { return script_.language; }
    // The clock's target: the script's, or with "No target" the usual longest
    // pitch (attempt_target_seconds()). has_target() tells which.
    double target_seconds() const { return attempt_target_seconds(script_); }
    bool has_target() const { return script_.target_seconds.has_value(); }
    void set_title(const std::string& title);
    void set_text(const std::string& text);
    void set_language(const std::string& language);
    // 5 to 600 s (check_pitch_target); a bad value is refused with error().
    void set_target_seconds(double seconds);
    // "No target": the analysis shows the estimate without a length verdict.
    void set_no_target();

    // --- Saving ------------------------------------------------------------
    bool can_save() const { return db_ != nullptr; }
    bool save_pending() const { return dirty_since_.has_value(); }
    // The engine refused the last save of the script: the edits are not stored.
    bool save_refused() const { return save_refused_; }
    // Call once per frame: saves the script when its delay is up.
    void tick();
    // Saves the script and any stopped attempt now (on close, before switching).
    void flush();
    // True while the model needs the app to wake up by itself: a running timer
    // or an edit waiting for its save.
    bool wants_wakeups() const;
    // How long the app may sleep before something changes: the clock's next
    // step at the resolution it is shown in, or the pending save falling due;
    // PitchTimer::kForever when neither.
    Clock::duration until_next_change(Clock::duration resolution) const;

    // --- Analysis ----------------------------------------------------------
    const std::optional<PitchAnalysis>& analysis() const { return analysis_; }
    // Why there is no analysis (an empty script, a missing cue file).
    const std::string& analysis_problem() const { return analysis_problem_; }

    // --- Timer -------------------------------------------------------------
    const PitchTimer& timer() const { return timer_; }
    bool start();  // saves a stopped attempt first
    bool pause() { return timer_.pause(); }
    bool resume() { return timer_.resume(); }
    bool stop();   // the attempt then waits in unsaved_attempt()
    void reset();  // discards a stopped attempt too
    // Space: start when idle or stopped, stop when running or paused.
    void toggle();

    // --- The attempt just stopped -----------------------------------------
    struct UnsavedAttempt {
        double seconds = 0;
        double target_seconds = 0;
        int rating = 0;  // 0: not rated, else 1-5
        std::string note;
    };
    const std::optional<UnsavedAttempt>& unsaved_attempt() const { return unsaved_; }
    // "This attempt: 1:05.3 (+5.3 s from target)"; with no target only the
    // length. Empty when there is no such attempt.
    std::string unsaved_attempt_line() const;
    void set_attempt_rating(int rating);
    void set_attempt_note(const std::string& note);
    void save_attempt();
    void discard_attempt() { reset(); }

    // --- History -----------------------------------------------------------
    const std::vector<PitchAttempt>& attempts() const { return attempts_; }  // oldest first
    // Measured from the target, or with no target from the usual 30 s to
    // 2 min (PitchLengthGoal::usual_range).
    const PitchProgress& progress() const { return progress_; }
    // What the history says above its plot, translated: best, average and
    // last, "from target" only when the script has one. Empty with no attempts.
    std::vector<std::string> history_summary() const;
    // After an attempt was logged elsewhere (the Record mode, recording_model.h).
    void refresh_history() { reload_history(); }

    // --- Messages ----------------------------------------------------------
    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }

private:
    template <class Fn>
    bool guarded(Fn&& fn);
    void load_profile_hints();
    void load_scripts();
    void open_script(PitchScript script);
    void mark_dirty();
    bool leave_script();
    void save_script();
    void reload_history();
    void summarize_history();
    void analyze();
    PitchAnalyzer* analyzer_for(const std::string& language);

    Database* db_;
    std::filesystem::path banks_dir_;
    Now now_;
    std::vector<PitchScript> scripts_;
    PitchScript script_;  // id 0: a draft not saved yet
    std::optional<Clock::time_point> dirty_since_;
    bool save_refused_ = false;
    std::map<std::string, PitchAnalyzer> analyzers_;
    std::optional<double> measured_wpm_;
    PitchProfileHints profile_;
    std::optional<PitchAnalysis> analysis_;
    std::string analysis_problem_;
    PitchTimer timer_;
    std::optional<UnsavedAttempt> unsaved_;
    std::vector<PitchAttempt> attempts_;
    PitchProgress progress_;
    std::string error_;
};

}  // namespace rapport::gui
