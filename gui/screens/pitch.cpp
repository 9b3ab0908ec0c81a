// Pitch: write the elevator pitch and see what it covers and how long it
// takes to say (left), practise it against a large clock, save each attempt
// and watch the attempts get closer to the target (right).
//
// All state and actions live in PitchModel (gui/models/pitch_model.h); this
// file only draws it and forwards input.
#include "engine/base/paths.h"
#include "engine/pitch/advice.h"
#include "engine/pitch/wording.h"
#include "gui/i18n.h"
#include "gui/models/pitch_model.h"
#include "gui/plot.h"
#include "gui/screens/all_screens.h"
#include "gui/screens/pitch_record.h"
#include "gui/spelling_panel.h"
#include "gui/widgets.h"
#include "gui/wrapped_editor.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {
namespace {

using State = PitchTimer::State;
// A running clock shows whole seconds, so the app redraws once a second; a
// stopped one shows the exact tenths.
constexpr PitchTimer::Duration kRunningResolution = std::chrono::seconds(1);
using Phase = PitchTimer::Phase;

constexpr int kPlottedAttempts = 20;

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

std::string target_label(int seconds) {
    return seconds % 60 == 0 && seconds >= 120 ? format(_("%d min"), seconds / 60) : format(_("%d s"), seconds);
}

const char* rate_origin(WpmSource source) {
    switch (source) {
        case WpmSource::option: return _("given rate");
        case WpmSource::measured: return _("your measured rate");
        case WpmSource::fallback: break;
    }
    return _("usual rate");
}

ImVec4 phase_color(Phase phase) {
    switch (phase) {
        case Phase::under: return kGoodColor;
        case Phase::closing: return kCautionColor;
        case Phase::over: break;
    }
    return kAlertColor;
}

// ---------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------

class PitchScreen : public Screen {
public:
    const char* id() const override { return "pitch"; }
    const char* name() const override { return _("Pitch"); }

    void draw(AppContext& ctx) override {
        if (!model_) model_.emplace(ctx.db, shipped_banks_dir());
        PitchModel& m = *model_;
        m.tick();
        handle_space(m);

        heading(*ctx.fonts, _("Elevator pitch"));
        draw_messages(ctx, m);

        const float font = ImGui::GetFontSize();
        Panes panes(40.0f * font);
        panes.begin("##script", 0.52f, 20.0f * font);
        draw_script_picker(m);
        draw_editor(ctx, m);
        draw_analysis(m);
        panes.next("##practice");
        draw_target_picker(m);
        draw_clock(ctx, m);
        draw_timer_buttons(m);
        record_.draw(ctx, m);
        draw_unsaved_attempt(m);
        draw_history(m);
        panes.end();
    }

    bool animating() const override {
        return (model_ && model_->wants_wakeups()) || record_.busy() || script_spelling_.working();
    }

    double seconds_until_change() const override {
        // The level meter and the clock; a dictionary or suggestions on their way.
        if (record_.busy() || script_spelling_.working()) return 0.05;
        return std::chrono::duration<double>(model_->until_next_change(kRunningResolution)).count();
    }

    void flush(AppContext&) override {
        if (model_) model_->flush();
    }

private:
    // Space starts and stops the clock, unless the user is typing or moving
    // through the widgets with the keyboard (then Space presses the focused one).
    static void handle_space(PitchModel& m) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput || io.NavVisible || io.KeyCtrl || io.KeyAlt) return;
        if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) m.toggle();
    }

    static void draw_messages(const AppContext& ctx, const PitchModel& m) {
        if (!ctx.db)
            colored_text(kErrorColor, _("Nothing on this screen can be saved without the "
                                         "database; the analysis and the clock still work."));
        if (!m.error().empty()) colored_text(kErrorColor, m.error());
    }

    // --- Left: the script ------------------------------------------------

    static void draw_script_picker(PitchModel& m) {
        const std::string current = m.script_id() ? m.title() : format(_("%s (new)"), m.title().c_str());
        const float width = ImGui::GetContentRegionAvail().x - button_width(_("New script")) -
                            ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(width);
        std::optional<std::int64_t> picked;  // applied after the loop: it re-reads the list
        if (begin_combo_fitted("##scripts", current)) {
            for (const PitchScript& s : m.scripts()) {
                ImGui::PushID(static_cast<int>(s.id));
                if (ImGui::Selectable(s.title.c_str(), m.script_id() == s.id)) picked = s.id;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        if (picked) m.select_script(*picked);
        ImGui::SameLine();
        if (ImGui::Button(_("New script"))) m.new_script();
    }

    void draw_editor(AppContext& ctx, PitchModel& m) {
        std::string title = m.title();
        ImGui::SetNextItemWidth(-7.0f * ImGui::GetFontSize());
        if (edited_unless_escape(ImGui::InputText(_("Title"), &title))) m.set_title(title);

        int language = m.language() == "fr" ? 1 : 0;
        ImGui::TextUnformatted(_("Language:"));
        ImGui::SameLine();
        if (ImGui::RadioButton("English", &language, 0)) m.set_language("en");
        ImGui::SameLine();
        if (ImGui::RadioButton(_("French"), &language, 1)) m.set_language("fr");

        hint(_("Your pitch:"));
        std::string text = m.text();
        if (script_spelling_.draw("##text", text, ctx.db, m.language(), {.min_lines = 6, .max_lines = 14}))
            m.set_text(text);
        draw_save_status(m);
    }

    static void draw_save_status(const PitchModel& m) {
        const char* status = !m.can_save()      ? _("Not saved: no database.")
                             : m.save_pending() ? _("Saving…")
                             : m.save_refused() ? _("Not saved: see the message above.")
                             : m.script_id()    ? _("Saved.")
                                                : _("Type your pitch: it is saved as soon as it has words.");
        hint(status);
    }

    void draw_analysis(const PitchModel& m) {
        ImGui::Separator();
        if (!m.analysis()) {
            hint(m.analysis_problem().c_str());
            return;
        }
        const PitchAnalysis& a = *m.analysis();
        ImGui::TextWrapped(_("%d words, about %s s at %.0f words per minute (%s)"), a.words,
                           decimal(a.estimated_seconds, 1).c_str(), a.wpm, rate_origin(a.wpm_source));
        if (a.target_seconds)
            ImGui::TextWrapped(_("Target %.0f s: between %.0f and %.0f s is fine"), *a.target_seconds,
                               *a.target_seconds * (1 - kPitchTargetTolerance),
                               *a.target_seconds * (1 + kPitchTargetTolerance));
        ImGui::Spacing();
        draw_advice(a);
        ImGui::Spacing();
        for (const ComponentCoverage& c : a.components) draw_component(pitch_wording(a.language), c);
    }

    // One line per component: found, maybe or missing, with the sentence that
    // shows it and how sure the reading is.
    // Like the advice, the components are named in the pitch's language (wording.h).
    static void draw_component(const PitchWording& w, const ComponentCoverage& c) {
        const char* label = w.labels[static_cast<std::size_t>(c.component)];
        if (c.status == ComponentStatus::missing) {
            ImGui::TextDisabled("\u25CB  %s", label);
            return;
        }
        const bool present = c.status == ComponentStatus::present;
        ImGui::PushStyleColor(ImGuiCol_Text, present ? kGoodColor : kCautionColor);
        if (present) ImGui::Text("\u2713  %s", label);
        else ImGui::Text("?  %s %s", label, w.maybe_mark);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextWrapped("%s%s%s  %.0f%%", w.open_quote, c.evidence.front().sentence.c_str(),
                           w.close_quote, c.confidence * 100);
        if (ImGui::IsItemHovered() && c.evidence.size() > 1)
            ImGui::SetTooltip("%s", other_evidence(c).c_str());
    }

    // The other sentences that show a component, for the tooltip.
    static std::string other_evidence(const ComponentCoverage& c) {
        std::string text = _("Also:");
        for (std::size_t i = 1; i < c.evidence.size(); ++i)
            text += "\n\u2022 " + c.evidence[i].sentence;
        return text;
    }

    // The coach's advice: the first kFirstAdvice items, the rest behind "More",
    // which is worded in the pitch's language like the advice itself.
    void draw_advice(const PitchAnalysis& a) {
        ImGui::TextUnformatted(_("Advice"));
        const std::size_t shown = show_all_advice_ ? a.advice.size()
                                                   : std::min(a.advice.size(), kFirstAdvice);
        for (std::size_t i = 0; i < shown; ++i) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", a.advice[i].message.c_str());
        }
        if (a.advice.size() <= kFirstAdvice) return;
        const PitchWording& w = pitch_wording(a.language);
        const std::string more = show_all_advice_
                                     ? std::string(w.less)
                                     : fill(w.more, {{"n", std::to_string(a.advice.size() - shown)}});
        if (ImGui::SmallButton(more.c_str())) show_all_advice_ = !show_all_advice_;
    }

    // --- Right: the clock -------------------------------------------------

    // A combo of the usual targets, and a number field for any other.
    void draw_target_picker(PitchModel& m) {
        const int target = static_cast<int>(std::lround(m.target_seconds()));
        const auto& choices = PitchModel::kTargetChoices;
        const bool none = !m.has_target();
        const bool custom = !none && (custom_target_ || std::find(choices.begin(), choices.end(),
                                                                  target) == choices.end());
        const std::string shown = none ? _("No target") : custom ? _("Custom") : target_label(target);
        ImGui::SetNextItemWidth(9.0f * ImGui::GetFontSize());
        if (ImGui::BeginCombo(_("Target"), shown.c_str())) {
            if (ImGui::Selectable(_("No target"), none)) {
                custom_target_ = false;
                m.set_no_target();
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", _("The estimate is shown without a verdict: most pitches "
                                          "run 30 s to 2 min."));
            for (int choice : choices)
                if (ImGui::Selectable(target_label(choice).c_str(),
                                      !none && !custom && target == choice)) {
                    custom_target_ = false;
                    m.set_target_seconds(choice);
                }
            if (ImGui::Selectable(_("Custom"), custom)) {
                custom_target_ = true;
                if (none) m.set_target_seconds(target);  // a number to start from
            }
            ImGui::EndCombo();
        }
        if (!custom) return;
        ImGui::SameLine();
        int seconds = target;
        ImGui::SetNextItemWidth(7.0f * ImGui::GetFontSize());
        // Values typed on the way to the final one ("4" before "45") are skipped.
        if (ImGui::InputInt("s##custom", &seconds, 5, 30) && seconds >= 5 && seconds <= 600)
            m.set_target_seconds(seconds);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Any length from 5 to 600 seconds"));
    }

    static void draw_clock(const AppContext& ctx, const PitchModel& m) {
        const PitchTimer::Reading r = m.timer().read(kRunningResolution);
        const bool running = r.state == State::running;
        double elapsed = std::chrono::duration<double>(r.elapsed).count();
        // What the digits show: whole seconds while running, else the shared tenths.
        elapsed = running ? std::floor(elapsed) : round_to_tenths(elapsed);
        const ImVec4 color = r.state == State::idle ? ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]
                                                    : phase_color(r.phase);
        fitted_big_text(ctx.fonts->clock, clock_text(elapsed, running), color);

        const char* state = running                     ? _("running")
                            : r.state == State::paused  ? _("paused")
                            : r.state == State::stopped ? _("stopped")
                                                        : _("ready");
        if (!m.has_target()) {
            ImGui::TextWrapped(_("%s · no target (most pitches run 30 s to 2 min)"), state);
            return;
        }
        const double remaining = m.target_seconds() - elapsed;
        // Whole seconds while the clock runs, tenths once it stops.
        const char* templ = remaining >= 0 ? _("%s · %s s left of %s") : _("%s · %s s over %s");
        ImGui::TextWrapped(templ, state, decimal(std::abs(remaining), running ? 0 : 1).c_str(),
                           clock_text(m.target_seconds(), true).c_str());
    }

    static void draw_timer_buttons(PitchModel& m) {
        clock_buttons_for(m, m.timer().state());
        hint(_("Space starts and stops the clock when you are not typing."));
    }

    // --- Right: the attempt just stopped and the history -----------------

    static void draw_unsaved_attempt(PitchModel& m) {
        if (!m.unsaved_attempt()) return;
        const PitchModel::UnsavedAttempt& a = *m.unsaved_attempt();
        ImGui::Separator();
        ImGui::TextWrapped("%s", m.unsaved_attempt_line().c_str());
        int rating = a.rating;
        ImGui::TextUnformatted(_("Rating:"));
        const char* labels[] = {"–", "1", "2", "3", "4", "5"};  // "–": not rated
        for (int i = 0; i <= 5; ++i) {
            same_line_if_fits(radio_width(labels[i]));
            if (ImGui::RadioButton(labels[i], &rating, i)) m.set_attempt_rating(rating);
        }
        std::string note = a.note;
        const char* note_label = _("Note");  // its width depends on the language
        ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(note_label).x + ImGui::GetStyle().ItemInnerSpacing.x + 1.0f));
        const bool entered = ImGui::InputText(note_label, &note, ImGuiInputTextFlags_EnterReturnsTrue);
        if (edited_unless_escape(note != a.note)) m.set_attempt_note(note);
        if (action_button(_("Save attempt"), m.can_save()) || (entered && m.can_save())) m.save_attempt();
        ImGui::SameLine();
        if (ImGui::Button(_("Discard"))) m.discard_attempt();
        hint(m.can_save() ? _("Starting again saves this attempt as it is.")
                          : _("Without the database this attempt cannot be kept."));
    }

    static void draw_history(const PitchModel& m) {
        ImGui::Separator();
        const PitchProgress& p = m.progress();
        if (p.attempts == 0) {
            hint(_("No saved attempts of this script yet: time one and save it to see your progress."));
            return;
        }
        for (const std::string& line : m.history_summary()) ImGui::TextWrapped("%s", line.c_str());
        draw_history_plot(m);
    }

    // Recent attempt lengths against the current target's band (or the usual
    // length of a pitch, with no target).
    static void draw_history_plot(const PitchModel& m) {
        const auto& all = m.attempts();
        const size_t first = all.size() > kPlottedAttempts ? all.size() - kPlottedAttempts : 0;
        std::vector<PlotPoint> points;
        for (size_t i = first; i < all.size(); ++i)
            points.push_back({static_cast<float>(all[i].seconds), local_day_of(all[i].at)});
        const std::optional<float> target =
            m.has_target() ? std::optional(static_cast<float>(m.target_seconds())) : std::nullopt;
        attempts_plot("##history", points, target,
                      static_cast<float>(kPitchTargetTolerance), 8.0f * ImGui::GetFontSize(),
                      static_cast<int>(first) + 1);
    }

    std::optional<PitchModel> model_;  // built at the first frame, when the database is known
    SpellCheckedField script_spelling_;  // the script is said to people: checked too
    RecordPanel record_;  // the Record mode (pitch_record.cpp)
    bool custom_target_ = false;
    bool show_all_advice_ = false;  // "More" under the advice
};

}  // namespace

std::unique_ptr<Screen> make_pitch_screen() { return std::make_unique<PitchScreen>(); }

}  // namespace rapport::gui
