// Home: where a session starts — thank-you notes and follow-ups due (first,
// because they are the most urgent), the meetings coming up, the pitch
// practice trend and quick actions. A new user with nothing recorded sees a
// short welcome and the first steps instead.
//
// All state and actions live in HomeModel (gui/models/home_model.h); this
// file only draws it, forwards clicks and asks the App for other screens
// (AppContext::request_screen).
#include "engine/base/date_format.h"
#include "engine/base/paths.h"
#include "engine/pitch/analysis.h"
#include "gui/models/home_model.h"
#include "gui/plot.h"
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"
#include "gui/i18n.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace rapport::gui {
namespace {

std::string followup_text(const FollowUp& f) {
    std::string who = f.contact_name;
    if (!f.company.empty()) who += " (" + f.company + ")";
    if (f.kind == "thank-you") return format(_("Thank %s for the meeting"), who.c_str());
    if (f.kind == "outreach-follow-up")
        return format(_("No reply yet: one polite follow-up to %s"), who.c_str());
    return format(_("No reply from %s: reach a second person there"), who.c_str());
}

std::string minutes_text(int minutes) { return format(_("%d min"), minutes); }

class HomeScreen : public Screen {
public:
    const char* id() const override { return "home"; }
    const char* name() const override { return _("Home"); }

    void draw(AppContext& ctx) override {
        const bool just_shown = ImGui::GetFrameCount() != last_frame_ + 1;
        last_frame_ = ImGui::GetFrameCount();
        if (!model_) model_.emplace(ctx.db, shipped_banks_dir());
        else if (just_shown || minute_changed()) model_->refresh();
        HomeModel& m = *model_;

        if (!m.error().empty()) colored_text(kErrorColor, m.error().c_str());
        if (m.empty()) {
            draw_first_steps(ctx);
            return;
        }
        heading(*ctx.fonts, m.user_name().empty() ? _("Home") : format(_("Hello, %s"), m.user_name().c_str()).c_str());
        draw_followups(ctx, m);
        draw_upcoming(ctx, m);
        draw_pitch_trend(ctx, m);
        draw_quick_actions(ctx);
    }

private:
    // Due times move with the clock: read again when the minute has turned
    // (only checked when something is drawn anyway; Home never wakes the app).
    bool minute_changed() const {
        const LocalDateTime now = now_local();
        const LocalDateTime& then = model_->now();
        return now.minute != then.minute || now.hour != then.hour || now.day != then.day;
    }

    static void section(const AppContext& ctx, const char* title) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts->heading);
        ImGui::TextUnformatted(title);
        ImGui::PopFont();
        ImGui::Separator();
    }

    static void go(AppContext& ctx, const char* screen, std::int64_t meeting_id = 0) {
        ctx.request_screen = screen;
        ctx.request_meeting_id = meeting_id;
    }
    // Meetings & contacts with a new contact's or meeting's form open.
    static void open_form(AppContext& ctx, const char* form) {
        go(ctx, "meetings");
        ctx.request_form = form;
    }

    // --- Empty database: the welcome and what to do first -----------------

    static void draw_first_steps(AppContext& ctx) {
        heading(*ctx.fonts, _("Welcome to Rapport"));
        ImGui::TextWrapped(
            _("Rapport helps you before, during and after informational interviews — short "
            "meetings where you ask someone about their field, their company or their role."));
        ImGui::Spacing();
        ImGui::TextUnformatted(_("To begin:"));
        step(ctx, "1.", _("Add the person you would like to meet."), _("Add a contact"), "meetings");
        step(ctx, "2.", _("Prepare a short question sheet that fits the time they offer."),
             _("Prepare questions"), "prepare");
        step(ctx, "3.", _("Rehearse your elevator pitch against a clock."), _("Practise your pitch"), "pitch");
        ImGui::Spacing();
        hint(_("After each meeting, the Debrief screen walks you through what you learned and "
             "drafts your thank-you note; Home then shows what is due."));
        ImGui::Separator();
        if (ctx.db) {
            ImGui::Text(_("Your records are kept in %s"), ctx.db->path().c_str());
            hint(_("Only you can read this file; Rapport never connects to the network."));
        }
    }

    static void step(AppContext& ctx, const char* number, const char* text, const char* button,
                     const char* screen) {
        ImGui::PushID(screen);
        ImGui::TextUnformatted(number);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", text);
        same_line_for_button(button);
        if (ImGui::SmallButton(button)) {
            go(ctx, screen);
            if (std::string(screen) == "meetings") ctx.request_form = "contact";
        }
        ImGui::PopID();
    }

    // --- Thank-yous and follow-ups -----------------------------------------

    static void draw_followups(AppContext& ctx, HomeModel& m) {
        section(ctx, _("Due now"));
        if (m.followups().empty()) {
            hint(_("Nothing due. A thank-you note becomes due here as soon as a meeting ends."));
            return;
        }
        // Years of records can leave thousands due: a scrolling list that
        // draws only the rows in view (draw_rows_in_view), at most a few rows
        // tall, so the sections below stay on screen.
        const std::vector<FollowUp>& followups = m.followups();
        const float row_height = 2.0f * ImGui::GetTextLineHeightWithSpacing();
        const float height = row_height * std::min<float>(static_cast<float>(followups.size()), 6.0f);
        std::optional<FollowUpAction> action;
        ImGui::BeginChild("##due", ImVec2(0, height + ImGui::GetStyle().ItemSpacing.y));
        draw_rows_in_view(followups.size(), [&](std::size_t i) {
            draw_followup(ctx, m, followups[i], static_cast<int>(i), action);
        });
        ImGui::EndChild();
        if (followups.size() > 6) hint(format(P_("%zu due in all", "%zu due in all", followups.size()), followups.size()).c_str());
        // Acted on after the loop: an action re-reads the list being drawn.
        if (action) apply(ctx, m, *action);
    }

    struct FollowUpAction {
        enum class Kind { draft, mark_sent, follow_up_sent, add_contact } kind;
        FollowUp item;
    };

    static void draw_followup(AppContext& ctx, const HomeModel& /*m*/, const FollowUp& f, int index,
                              std::optional<FollowUpAction>& action) {
        ImGui::PushID(index);
        const ImVec4 color = f.overdue ? kErrorColor : kCautionColor;
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::Bullet();
        truncated_text(followup_text(f));
        ImGui::PopStyleColor();
        // The due time and the actions on a second line, under the text.
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        const std::string due = format(f.overdue ? _("overdue since %s") : _("due by %s"),
                                       format_date_time(f.due_at, interface_language()).c_str());
        ImGui::TextDisabled("%s", due.c_str());
        if (auto kind = draw_followup_actions(ctx, f)) action = FollowUpAction{*kind, f};
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PopID();
    }

    static void apply(AppContext& ctx, HomeModel& m, const FollowUpAction& a) {
        switch (a.kind) {
            case FollowUpAction::Kind::draft: go(ctx, "debrief", *a.item.meeting_id); break;
            case FollowUpAction::Kind::mark_sent: m.mark_thank_you_sent(*a.item.meeting_id); break;
            case FollowUpAction::Kind::follow_up_sent: m.record_follow_up_sent(a.item.contact_id); break;
            case FollowUpAction::Kind::add_contact: open_form(ctx, "contact"); break;
        }
    }

    static std::optional<FollowUpAction::Kind> draw_followup_actions(AppContext&, const FollowUp& f) {
        using Kind = FollowUpAction::Kind;
        if (f.kind == "thank-you") {
            same_line_for_button(_("Draft"));
            if (ImGui::SmallButton(_("Draft"))) return Kind::draft;
            same_line_for_button(_("Mark sent"));
            if (ImGui::SmallButton(_("Mark sent"))) return Kind::mark_sent;
        } else if (f.kind == "outreach-follow-up") {
            same_line_for_button(_("Mark follow-up sent"));
            if (ImGui::SmallButton(_("Mark follow-up sent"))) return Kind::follow_up_sent;
        } else {
            same_line_for_button(_("Add a contact"));
            if (ImGui::SmallButton(_("Add a contact"))) return Kind::add_contact;
        }
        return std::nullopt;
    }

    // --- Meetings coming up --------------------------------------------------

    static void draw_upcoming(AppContext& ctx, const HomeModel& m) {
        section(ctx, _("Coming up"));
        if (m.upcoming().empty()) {
            hint(_("No meeting planned. Plan one in Meetings & contacts, then prepare your questions."));
            return;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (!ImGui::BeginTable("##upcoming", 4, flags)) return;
        ImGui::TableSetupColumn(_("When"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(_("Contact"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(_("Company"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(_("Length"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        for (const UpcomingMeeting& u : m.upcoming()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string when = format_date_time(u.at, interface_language());
            // Cells end in "…" when narrow, the whole text on hover.
            if (u.under_way || u.today) {
                ImGui::PushStyleColor(ImGuiCol_Text, kGoodColor);
                truncated_text(format(u.under_way ? _("Now · %s") : _("Today · %s"), when.c_str()));
                ImGui::PopStyleColor();
            } else {
                truncated_text(when);
            }
            ImGui::TableNextColumn();
            truncated_text(u.contact_name);
            ImGui::TableNextColumn();
            truncated_text(u.company);
            ImGui::TableNextColumn();
            truncated_text(minutes_text(u.minutes));
        }
        ImGui::EndTable();
    }

    // --- Pitch practice ---------------------------------------------------------

    static void draw_pitch_trend(AppContext& ctx, const HomeModel& m) {
        section(ctx, _("Pitch practice"));
        const PitchTrend& t = m.pitch_trend();
        if (t.empty()) {
            hint(_("No timed attempt yet: rehearse your pitch on the Pitch screen to see your progress here."));
            return;
        }
        const PitchProgress& p = t.progress;
        const auto n = static_cast<unsigned long>(p.attempts);
        const double best = p.best ? p.best->seconds : 0.0;
        const std::string line =
            !t.has_target  // only a saved script can have no target
                ? format(P_("%d attempt of \u201C%s\u201D · last %.0f s · best %.0f s (no target: 30 s to 2 min is usual)",
                            "%d attempts of \u201C%s\u201D · last %.0f s · best %.0f s (no target: 30 s to 2 min is usual)", n),
                         p.attempts, t.title.c_str(), t.seconds.back(), best)
            : t.title.empty()
                ? format(P_("%d attempt without a script · last %.0f s (%+.0f s from target) · best %.0f s",
                            "%d attempts without a script · last %.0f s (%+.0f s from target) · best %.0f s", n),
                         p.attempts, t.seconds.back(), p.last_offset_seconds, best)
                : format(P_("%d attempt of \u201C%s\u201D · last %.0f s (%+.0f s from target) · best %.0f s",
                            "%d attempts of \u201C%s\u201D · last %.0f s (%+.0f s from target) · best %.0f s", n),
                         p.attempts, t.title.c_str(), t.seconds.back(), p.last_offset_seconds, best);
        ImGui::TextWrapped("%s", line.c_str());
        if (t.seconds.size() < 2) return;
        std::vector<PlotPoint> points;
        for (size_t i = 0; i < t.seconds.size(); ++i) points.push_back({t.seconds[i], local_day_of(t.at[i])});
        // With no target the plot shades the usual 30 s to 2 min and draws no target line.
        const std::optional<float> target =
            t.has_target ? std::optional(t.target_seconds.back()) : std::nullopt;
        attempts_plot("##trend", points, target, static_cast<float>(kPitchTargetTolerance),
                      6.0f * ImGui::GetFontSize(), t.first_number);
    }

    // --- Quick actions ------------------------------------------------------------

    static void draw_quick_actions(AppContext& ctx) {
        section(ctx, _("Quick actions"));
        if (ImGui::Button(_("New contact"))) open_form(ctx, "contact");
        same_line_for_button(_("New meeting"));
        if (ImGui::Button(_("New meeting"))) open_form(ctx, "meeting");
        same_line_for_button(_("Practise pitch"));
        if (ImGui::Button(_("Practise pitch"))) go(ctx, "pitch");
        same_line_for_button(_("Prepare questions"));
        if (ImGui::Button(_("Prepare questions"))) go(ctx, "prepare");
        same_line_for_button(_("Debrief"));
        if (ImGui::Button(_("Debrief"))) go(ctx, "debrief");
    }

    std::optional<HomeModel> model_;  // built at the first frame, when the database is known
    int last_frame_ = -10;
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace rapport::gui
