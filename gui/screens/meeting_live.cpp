// Meeting (live): during a meeting, a clock against the length promised to
// the contact, which warns a few minutes before time is up (left), quick
// notes, and the question sheet with tick boxes for asked and answered
// (right).
//
// All state and actions live in LiveMeetingModel
// (gui/models/live_meeting_model.h); this file only draws it and forwards
// input. Space starts and stops the clock when not typing.
#include "engine/base/date_format.h"
#include "engine/base/paths.h"
#include "gui/models/live_meeting_model.h"
#include "gui/screens/all_screens.h"
#include "gui/spelling_panel.h"
#include "gui/widgets.h"
#include "gui/wrapped_editor.h"
#include "gui/i18n.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

namespace rapport::gui {
namespace {

using State = PitchTimer::State;
using Phase = PitchTimer::Phase;
// The clock shows whole seconds: the app redraws once a second while it runs.
constexpr PitchTimer::Duration kResolution = std::chrono::seconds(1);

// "12:05", or "1:02:05" past an hour.
std::string clock_text(PitchTimer::Duration elapsed) {
    const long total = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());
    char buffer[32];
    if (total >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
    return buffer;
}

long whole_seconds(PitchTimer::Duration d) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}
// Time left in whole minutes, rounded up: "3 min" while 2:10 remain.
long minutes_up(PitchTimer::Duration d) { return (whole_seconds(d) + 59) / 60; }
// Time past in whole minutes, rounded down: 0:04 past is not yet "1 min over".
long minutes_down(PitchTimer::Duration d) { return whole_seconds(d) / 60; }

std::string meeting_choice_label(const Meeting& m) {
    const std::string when = format_date_time(m.at, interface_language());
    return m.status == "planned"
               ? format(_("%s · %s · %d min"), when.c_str(), m.contact_name.c_str(), m.minutes)
               : format(_("%s · %s · %d min · %s"), when.c_str(), m.contact_name.c_str(), m.minutes,
                        meeting_value_label(m.status).c_str());
}

class MeetingLiveScreen : public Screen {
public:
    const char* id() const override { return "meeting"; }
    const char* short_name() const override { return _("Live"); }
    const char* name() const override { return _("Meeting (live)"); }

    void draw(AppContext& ctx) override {
        // Back from another screen: a meeting may have been planned there.
        // (A model built now has just read everything: reading it twice cost
        // the first frame a second at 50,000 meetings.)
        if (!model_) model_.emplace(ctx.db, &LiveMeetingModel::Clock::now, &now_local, shipped_banks_dir());
        else if (ImGui::GetFrameCount() != last_frame_ + 1) model_->refresh();
        LiveMeetingModel& m = *model_;
        last_frame_ = ImGui::GetFrameCount();
        m.tick();
        handle_space(m);

        heading(*ctx.fonts, _("Meeting (live)"));
        if (!ctx.db) error_text(_("Nothing can be saved without the database; the clock still works."));
        if (!m.error().empty()) error_text(m.error());
        draw_picker(m);
        if (!m.meeting()) {
            hint(_("No planned meeting. Plan one on Meetings & contacts (Ctrl+4); on the day it "
                 "opens here by itself."));
            return;
        }

        Panes panes(40.0f * ImGui::GetFontSize());
        panes.begin("##clock", 0.42f, 18.0f * ImGui::GetFontSize());
        draw_clock(ctx, m);
        draw_clock_buttons(m);
        draw_notes(ctx, m, panes.side_by_side());
        draw_done(m);
        panes.next("##sheet", true);
        draw_sheet(m, panes.side_by_side());
        panes.end();
    }

    bool animating() const override {
        return (model_ && model_->wants_wakeups()) || notes_spelling_.working();
    }

    double seconds_until_change() const override {
        if (notes_spelling_.working()) return 0.05;  // a dictionary or suggestions on their way
        return std::chrono::duration<double>(model_->until_next_change(kResolution)).count();
    }

    void flush(AppContext&) override {
        if (model_) model_->flush();
    }

private:
    static void handle_space(LiveMeetingModel& m) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput || io.NavVisible || io.KeyCtrl || io.KeyAlt) return;
        if (!ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) return;
        switch (m.clock().state()) {
            case State::idle:
            case State::stopped: m.start(); break;
            case State::running:
            case State::paused: m.stop(); break;
        }
    }

    static void draw_picker(LiveMeetingModel& m) {
        const std::string current = m.meeting() ? meeting_choice_label(*m.meeting()) : _("(none)");
        ImGui::BeginDisabled(!m.can_switch());
        const ImGuiStyle& style = ImGui::GetStyle();
        const float width = std::min(32.0f * ImGui::GetFontSize(),
                                     ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(_("Meeting")).x -
                                         style.ItemInnerSpacing.x);
        ImGui::SetNextItemWidth(width);
        std::optional<std::int64_t> picked;  // applied after the loop: it re-reads the choices
        if (begin_combo_fitted(_("Meeting"), current)) {
            draw_rows_in_view(m.choices().size(), [&](std::size_t i) {
                const Meeting& choice = m.choices()[i];
                ImGui::PushID(static_cast<int>(choice.id));
                const bool selected = m.meeting() && m.meeting()->id == choice.id;
                if (ImGui::Selectable(meeting_choice_label(choice).c_str(), selected)) picked = choice.id;
                ImGui::PopID();
            });
            ImGui::EndCombo();
        }
        if (picked) m.select_meeting(*picked);
        ImGui::EndDisabled();
        if (!m.can_switch()) {
            ImGui::SameLine();
            hint(_("Stop the clock to switch."));
        }
        ImGui::Spacing();
    }

    // --- Left: the clock, notes and "done" -----------------------------------------

    static void draw_clock(const AppContext& ctx, const LiveMeetingModel& m) {
        const PitchTimer::Reading r = m.clock().read(kResolution);
        const ImVec4 color = r.state == State::idle ? ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]
                             : r.phase == Phase::under   ? kGoodColor
                             : r.phase == Phase::closing ? kCautionColor
                                                         : kAlertColor;
        fitted_big_text(ctx.fonts->clock, clock_text(r.elapsed), color);

        const int promised = m.meeting()->minutes;
        const char* state = r.state == State::running  ? _("running")
                            : r.state == State::paused  ? _("paused")
                            : r.state == State::stopped ? _("stopped")
                                                        : _("ready");
        if (r.remaining >= PitchTimer::Duration::zero())
            ImGui::TextWrapped(_("%s · %ld min left of the %d you promised"), state, minutes_up(r.remaining), promised);
        else if (minutes_down(-r.remaining) == 0)
            ImGui::TextWrapped(_("%s · just past the %d minutes you promised"), state, promised);
        else
            ImGui::TextWrapped(_("%s · %ld min over the %d you promised"), state, minutes_down(-r.remaining), promised);
        if (r.state == State::idle) return;
        if (r.phase == Phase::closing)
            colored_text(kCautionColor, _("Time to wrap up: ask your last question, then thank them."));
        if (r.phase == Phase::over)
            colored_text(kAlertColor, _("Past the time you promised: offer to stop here, or ask "
                                        "whether they can stay a little longer."));
    }

    static void draw_clock_buttons(LiveMeetingModel& m) {
        clock_buttons_for(m, m.clock().state());
        hint(_("Space starts and stops the clock when you are not typing."));
        ImGui::Separator();
    }

    // Beside the sheet the notes fill the pane's height; above it, 8 lines.
    void draw_notes(AppContext& ctx, LiveMeetingModel& m, bool side_by_side) {
        ImGui::TextUnformatted(_("Quick notes"));
        std::string notes = m.notes();
        // The notes fill the height left above the hint and the Done row.
        const float room = ImGui::GetContentRegionAvail().y - 5.0f * ImGui::GetFontSize() -
                           2 * ImGui::GetStyle().FramePadding.y;
        const int lines = side_by_side ? std::max(6, static_cast<int>(room / ImGui::GetFontSize())) : 8;
        // Notes are in the profile's language ("": the spelling check reads it there).
        if (notes_spelling_.draw("##notes", notes, ctx.db, "", {.min_lines = lines, .max_lines = lines}))
            m.set_notes(notes);
        hint(!m.can_save()        ? _("Not saved: no database.")
             : m.save_pending()   ? _("Saving…")
                                  : _("Saved with the meeting as you type."));
    }

    static void draw_done(LiveMeetingModel& m) {
        const bool done = m.meeting()->status == "done";
        if (action_button(_("Mark meeting done"), !done && m.can_save())) m.mark_done();
        ImGui::SameLine();
        hint(done ? _("Done. Write the debrief while it is fresh (Ctrl+6).")
                  : _("Stops the clock and saves the notes."));
    }

    // --- Right: the question sheet ----------------------------------------------------

    // Side by side the table fills the pane and scrolls; stacked, it shows whole.
    static void draw_sheet(LiveMeetingModel& m, bool side_by_side) {
        const Meeting& meeting = *m.meeting();
        const int total = static_cast<int>(meeting.sheet.size());
        if (total == 0) {
            hint(_("No question sheet was kept with this meeting: prepare one on the Prepare "
                 "screen (Ctrl+2) before the meeting."));
            return;
        }
        ImGui::TextWrapped(_("Questions · asked %d of %d · answered %d"), m.asked_count(), total,
                           m.answered_count());
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
        if (side_by_side) flags |= ImGuiTableFlags_ScrollY;
        if (!ImGui::BeginTable("##questions", 3, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(_("Asked"));
        ImGui::TableSetupColumn(_("Answered"));
        ImGui::TableSetupColumn(_("Question"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        // A tick re-reads the sheet, so it is applied after the loop over it.
        std::function<void()> tick;
        std::string last_stage;
        for (const SheetQuestion& q : meeting.sheet) {
            ImGui::PushID(q.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool asked = q.asked;
            if (ImGui::Checkbox("##asked", &asked)) tick = [&m, id = q.id, asked] { m.set_asked(id, asked); };
            ImGui::TableNextColumn();
            bool answered = q.answered;
            if (ImGui::Checkbox("##answered", &answered))
                tick = [&m, id = q.id, answered] { m.set_answered(id, answered); };
            ImGui::TableNextColumn();
            if (q.stage != last_stage && !q.stage.empty()) ImGui::TextDisabled("%s", m.stage_label(q.stage).c_str());
            last_stage = q.stage;
            ImGui::TextWrapped("%s", q.text.c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (tick) tick();
    }

    std::optional<LiveMeetingModel> model_;  // built at the first frame, when the database is known
    SpellCheckedField notes_spelling_;
    int last_frame_ = -2;
};

}  // namespace

std::unique_ptr<Screen> make_meeting_live_screen() { return std::make_unique<MeetingLiveScreen>(); }

}  // namespace rapport::gui
