#include "gui/models/pitch_model.h"

#include "engine/base/error.h"
#include "engine/pitch/cues.h"
#include "engine/pitch/word_count.h"
#include "engine/records/profile.h"
#include "gui/i18n.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <utility>

namespace rapport::gui {
namespace {

PitchTimer::Duration to_duration(double seconds) {
    return std::chrono::duration_cast<PitchTimer::Duration>(std::chrono::duration<double>(seconds));
}

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Punctuation or spaces alone: nothing to analyze or to save yet.
bool has_no_words(const PitchScript& script) {
    return WordSegmenter(script.language).count_words(script.text) == 0;
}

PitchScript new_draft() {
    PitchScript draft;
    draft.title = _(PitchModel::kNewScriptTitle);
    return draft;
}

}  // namespace

double round_to_tenths(double seconds) { return std::round(seconds * 10) / 10; }

std::string clock_text(double seconds, bool whole_seconds) {
    const long tenths = std::lround(round_to_tenths(seconds) * 10);
    const long minutes = tenths / 600;
    if (whole_seconds) return format("%ld:%02ld", minutes, tenths / 10 % 60);
    // The tenths after the language's decimal mark: "0:35.6", "0:35,6".
    const double rest = static_cast<double>(tenths % 600) / 10;
    return format("%ld:%s%s", minutes, rest < 10 ? "0" : "", decimal(rest, 1).c_str());
}

PitchModel::PitchModel(Database* db, std::filesystem::path banks_dir, Now now)
    : db_(db), banks_dir_(std::move(banks_dir)), now_(std::move(now)),
      timer_(to_duration(kDefaultPitchTargetSeconds), now_) {
    script_ = new_draft();
    load_profile_hints();
    load_scripts();
    // The script touched last is the one the user is working on.
    auto latest = std::max_element(scripts_.begin(), scripts_.end(),
                                   [](const PitchScript& a, const PitchScript& b) {
                                       return std::tie(a.updated_at, a.id) < std::tie(b.updated_at, b.id);
                                   });
    open_script(latest != scripts_.end() ? *latest : new_draft());
}

// Runs one engine action; its error becomes the message the screen shows.
template <class Fn>
bool PitchModel::guarded(Fn&& fn) {
    try {
        fn();
        return true;
    } catch (const std::exception& e) {
        error_ = e.what();
        return false;
    }
}

// The field and goals the advice writes its suggestions from.
void PitchModel::load_profile_hints() {
    if (!db_) return;
    guarded([&] {
        const Profile profile = load_profile(*db_);
        profile_ = {profile.field, profile.goals};
    });
}

void PitchModel::load_scripts() {
    if (!db_) return;
    guarded([&] { scripts_ = list_pitch_scripts(*db_); });
}

void PitchModel::open_script(PitchScript script) {
    script_ = std::move(script);
    dirty_since_.reset();
    save_refused_ = false;
    // The engine allows any target of 5-600 s, which the timer accepts too.
    timer_.set_target(to_duration(target_seconds()));
    reload_history();
    analyze();
}

// Saves what is pending; false (stay) when the engine refused the script's
// edits and leaving would lose words the user typed.
bool PitchModel::leave_script() {
    flush();
    return !(save_refused_ && !is_blank(script_.text));
}

void PitchModel::select_script(std::int64_t id) {
    if (script_.id == id || !leave_script() || !db_) return;
    guarded([&] { open_script(get_pitch_script(*db_, id)); });
}

void PitchModel::new_script() {
    if (leave_script()) open_script(new_draft());
}

// --- Editing ---------------------------------------------------------------

void PitchModel::mark_dirty() {
    if (!dirty_since_) dirty_since_ = now_();
}

void PitchModel::set_title(const std::string& title) {
    if (title == script_.title) return;
    script_.title = title;
    mark_dirty();
}

void PitchModel::set_text(const std::string& text) {
    if (text == script_.text) return;
    script_.text = text;
    mark_dirty();
    analyze();
}

void PitchModel::set_language(const std::string& language) {
    if (language == script_.language) return;
    script_.language = language;
    mark_dirty();
    analyze();
}

void PitchModel::set_target_seconds(double seconds) {
    if (script_.target_seconds == seconds) return;
    if (!guarded([&] { check_pitch_target(seconds); })) return;
    script_.target_seconds = seconds;
    timer_.set_target(to_duration(seconds));
    mark_dirty();
    analyze();
    summarize_history();
}

void PitchModel::set_no_target() {
    if (!script_.target_seconds) return;
    script_.target_seconds.reset();
    timer_.set_target(to_duration(target_seconds()));
    mark_dirty();
    analyze();
    summarize_history();
}

// --- Saving ------------------------------------------------------------------

void PitchModel::tick() {
    if (dirty_since_ && now_() - *dirty_since_ >= kSaveDelay) save_script();
}

void PitchModel::flush() {
    if (dirty_since_) save_script();
    if (unsaved_ && can_save()) save_attempt();
}

bool PitchModel::wants_wakeups() const {
    return timer_.state() == PitchTimer::State::running || (dirty_since_ && can_save());
}

PitchModel::Clock::duration PitchModel::until_next_change(Clock::duration resolution) const {
    Clock::duration wait = timer_.read(resolution).until_next_change;
    if (dirty_since_ && can_save())
        wait = std::min(wait, std::max(Clock::duration::zero(), *dirty_since_ + kSaveDelay - now_()));
    return wait;
}

// One engine call, so one transaction: the whole script as it is now.
// A title left blank is stored as the default one rather than refused, so
// the text typed with it is not lost.
void PitchModel::save_script() {
    dirty_since_.reset();  // a refused save waits for the next edit, not the next frame
    if (!db_) return;
    if (has_no_words(script_)) {
        // The engine would refuse it with a message for programmers; say what it means.
        save_refused_ = true;
        error_ = _("Your pitch has no words yet, so this change is not saved: the last saved "
                   "version is kept until you type something.");
        return;
    }
    const std::string title = is_blank(script_.title) ? _(kNewScriptTitle) : script_.title;
    save_refused_ = !guarded([&] {
        if (script_.id == 0) {
            script_.id = add_pitch_script(
                *db_, {title, script_.text, script_.language, script_.target_seconds});
        } else {
            edit_pitch_script(*db_, script_.id,
                              {title, script_.text, script_.language, script_.target_seconds,
                               !script_.target_seconds});
        }
    });
    if (save_refused_) return;
    error_.clear();
    load_scripts();
}

// --- Analysis ----------------------------------------------------------------

PitchAnalyzer* PitchModel::analyzer_for(const std::string& language) {
    if (auto it = analyzers_.find(language); it != analyzers_.end()) return &it->second;
    PitchAnalyzer analyzer(load_pitch_cues(pitch_cues_file(banks_dir_, language)),
                           shipped_pitch_models(language));
    return &analyzers_.emplace(language, std::move(analyzer)).first->second;
}

void PitchModel::analyze() {
    analysis_.reset();
    analysis_problem_.clear();
    try {
        PitchAnalysisOptions options;
        options.target_seconds = script_.target_seconds;
        options.measured_wpm = measured_wpm_;
        options.profile = profile_;
        analysis_ = analyzer_for(script_.language)->analyze(script_.text, options);
    } catch (const std::exception& e) {
        analysis_problem_ = has_no_words(script_)
                                ? _("Write your pitch in the box above: who you are, what you "
                                    "do or study, what you want to learn about. As you type, "
                                    "the coach shows what it covers, how long it takes to say "
                                    "and what to improve.")
                                : e.what();
    }
}

// --- Timer and attempts ------------------------------------------------------

bool PitchModel::start() {
    const PitchTimer::State state = timer_.state();
    if (state != PitchTimer::State::idle && state != PitchTimer::State::stopped) return false;
    if (unsaved_ && can_save()) save_attempt();
    unsaved_.reset();  // saved, or with no database nowhere to keep it
    return timer_.start();
}

bool PitchModel::stop() {
    if (!timer_.stop()) return false;
    unsaved_ = UnsavedAttempt{round_to_tenths(timer_.elapsed_seconds()),
                              std::chrono::duration<double>(timer_.target()).count(), 0, {}};
    return true;
}

void PitchModel::reset() {
    timer_.reset();
    unsaved_.reset();
}

void PitchModel::toggle() {
    switch (timer_.state()) {
        case PitchTimer::State::idle:
        case PitchTimer::State::stopped: start(); break;
        case PitchTimer::State::running:
        case PitchTimer::State::paused: stop(); break;
    }
}

void PitchModel::set_attempt_rating(int rating) {
    if (unsaved_) unsaved_->rating = std::clamp(rating, 0, 5);
}

void PitchModel::set_attempt_note(const std::string& note) {
    if (unsaved_) unsaved_->note = note;
}

// The attempt is logged against the script as saved, so the script goes
// first: its word count then matches what was spoken.
void PitchModel::save_attempt() {
    if (!unsaved_) return;
    if (!db_) {
        error_ = _("no database: attempts cannot be saved");
        return;
    }
    if (dirty_since_) save_script();
    NewPitchAttempt attempt;
    if (script_.id != 0) attempt.script_id = script_.id;
    attempt.target_seconds = unsaved_->target_seconds;
    attempt.seconds = unsaved_->seconds;
    if (unsaved_->rating > 0) attempt.rating = unsaved_->rating;
    if (!unsaved_->note.empty()) attempt.note = unsaved_->note;
    if (!guarded([&] { record_pitch_attempt(*db_, attempt); })) return;
    error_.clear();
    unsaved_.reset();
    timer_.reset();
    reload_history();
    analyze();  // the measured speaking rate may have changed
}

void PitchModel::reload_history() {
    attempts_.clear();
    measured_wpm_.reset();
    progress_ = {};
    if (!db_ || script_.id == 0) return;
    guarded([&] {
        attempts_ = list_pitch_attempts(*db_, script_.id);
        measured_wpm_ = measured_words_per_minute(*db_, script_.id);
    });
    summarize_history();
}

void PitchModel::summarize_history() {
    progress_ = summarize_pitch_attempts(attempts_, kPitchProgressLastCount,
                                         has_target() ? PitchLengthGoal::target : PitchLengthGoal::usual_range);
}

std::string PitchModel::unsaved_attempt_line() const {
    if (!unsaved_) return {};
    if (!has_target()) return format(_("This attempt: %s"), clock_text(unsaved_->seconds).c_str());
    return format(_("This attempt: %s (%s s from target)"), clock_text(unsaved_->seconds).c_str(),
                  decimal(unsaved_->seconds - unsaved_->target_seconds, 1, true).c_str());
}

std::vector<std::string> PitchModel::history_summary() const {
    const PitchProgress& p = progress_;
    if (p.attempts == 0) return {};
    const auto count = static_cast<unsigned long>(p.attempts);
    if (!has_target())
        return {format(P_("%d attempt · best %s s", "%d attempts · best %s s", count), p.attempts,
                       decimal(p.best->seconds, 1).c_str()),
                format(_("Average %s s · last %s s"), decimal(p.average_seconds, 1).c_str(),
                       decimal(p.last_seconds, 1).c_str())};
    return {format(P_("%d attempt · best %s s (%s s from target)", "%d attempts · best %s s (%s s from target)",
                      count),
                   p.attempts, decimal(p.best->seconds, 1).c_str(), decimal(distance_from_target(*p.best), 1).c_str()),
            format(_("Average %s s, %s s from target · last %s s"), decimal(p.average_seconds, 1).c_str(),
                   decimal(p.average_distance_seconds, 1).c_str(), decimal(p.last_offset_seconds, 1, true).c_str())};
}

}  // namespace rapport::gui
