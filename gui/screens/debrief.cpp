// Debrief: right after a meeting, the checklist (critical questions answered,
// new questions, referrals, what the place felt like, next steps, résumé
// feedback), free notes, and the thank-you note to send within 24 hours.
//
// All state and actions live in DebriefModel (gui/models/debrief_model.h);
// this file only draws it and forwards input. The checklist is data: each
// item is drawn by its kind (choice, text, referrals).
#include "engine/base/date_format.h"
#include "engine/base/paths.h"
#include "gui/copy_button.h"
#include "gui/i18n.h"
#include "gui/models/debrief_model.h"
#include "gui/models/spell_check_model.h"
#include "gui/outreach_panel.h"
#include "gui/screens/all_screens.h"
#include "gui/spelling_panel.h"
#include "gui/widgets.h"
#include "gui/wrapped_editor.h"
#include "gui/i18n.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>
#include <string>

namespace rapport::gui {
namespace {

std::string meeting_label(const DebriefableMeeting& m, const std::string& language) {
    std::string label = m.contact_name;
    if (!m.company.empty()) label += " · " + m.company;
    label += " · " + format_date_time(m.at, language);
    if (m.thank_you_sent) label += "  \u2713 thanked";
    return label;
}

class DebriefScreen : public Screen {
public:
    const char* id() const override { return "debrief"; }
    const char* name() const override { return _("Debrief"); }

    void draw(AppContext& ctx) override {
        const bool just_shown = ImGui::GetFrameCount() != last_frame_ + 1;
        last_frame_ = ImGui::GetFrameCount();
        if (!model_) model_.emplace(ctx.db, shipped_banks_dir());
        else if (just_shown) model_->refresh();  // meetings may have been added meanwhile
        if (!outreach_) outreach_.emplace(ctx.db, shipped_banks_dir());
        DebriefModel& m = *model_;
        if (seen_profile_revision_ != ctx.profile_revision) {
            if (seen_profile_revision_ >= 0) {
                m.profile_changed();  // the name, the language
                outreach_->profile_changed();
                if (spell_) spell_->refresh_words();
            }
            seen_profile_revision_ = ctx.profile_revision;
        }
        if (!spell_) spell_.emplace(ctx.db, m.language());
        else if (just_shown) spell_->refresh_words();  // contacts may have been added meanwhile
        spell_->set_language(m.language());
        if (ctx.request_meeting_id != 0) {
            m.select_meeting(ctx.request_meeting_id);
            ctx.request_meeting_id = 0;
        }
        m.tick();

        heading(*ctx.fonts, _("Debrief"));
        if (!ctx.db) colored_text(kErrorColor, _("Without the database there is nothing to debrief."));
        if (!m.error().empty()) colored_text(kErrorColor, m.error().c_str());
        if (m.meetings().empty() && !m.meeting_id()) {
            draw_empty_state(ctx);
            return;
        }
        draw_meeting_picker(m);

        Panes panes(40.0f * ImGui::GetFontSize());
        panes.begin("##checklist", 0.55f, 20.0f * ImGui::GetFontSize());
        draw_checklist(m);
        draw_notes(ctx, m);
        panes.next("##thank-you");
        draw_thank_you(m, panes.side_by_side());
        panes.end();
        if (request_profile_) {
            ctx.request_screen = "profile";
            request_profile_ = false;
        }
    }

    bool animating() const override {
        return (model_ && model_->save_scheduled()) || spelling_working() ||
               copy_feedback_showing(thank_you_copied_) || (outreach_ && outreach_->animating());
    }

    double seconds_until_change() const override {
        if (spelling_working()) return 0.05;  // a dictionary or suggestions on their way
        // The first of: the scheduled save, a "Copied" label going back.
        double wait = 3600;
        if (model_ && model_->save_scheduled())
            wait = std::chrono::duration<double>(model_->until_save()).count();
        if (copy_feedback_showing(thank_you_copied_)) wait = std::min(wait, copy_feedback_seconds_left(thank_you_copied_));
        if (outreach_ && outreach_->animating()) wait = std::min(wait, outreach_->seconds_until_change());
        return wait;
    }

    void flush(AppContext&) override {
        if (model_) model_->flush();
    }

private:
    static void draw_empty_state(AppContext& ctx) {
        hint(_("No meeting to debrief yet. Once a meeting has taken place, its debrief opens here: "
             "record it in Meetings & contacts (a past date, or marked done)."));
        if (ImGui::Button(_("Go to Meetings & contacts"))) ctx.request_screen = "meetings";
    }

    static void draw_meeting_picker(DebriefModel& m) {
        const DebriefableMeeting* current = m.meeting();
        const std::string shown = current ? meeting_label(*current, interface_language()) : _("Choose a meeting");
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        std::optional<std::int64_t> picked;  // applied after the loop: it re-reads the list
        if (begin_combo_fitted("##meeting", shown)) {
            draw_rows_in_view(m.meetings().size(), [&](std::size_t i) {
                const DebriefableMeeting& option = m.meetings()[i];
                ImGui::PushID(static_cast<int>(option.id));
                if (ImGui::Selectable(meeting_label(option, interface_language()).c_str(),
                                      m.meeting_id() == option.id))
                    picked = option.id;
                ImGui::PopID();
            });
            ImGui::EndCombo();
        }
        if (picked) {
            m.select_meeting(*picked);
            current = m.meeting();
        }
        if (current)
            hint(format(m.save_pending() ? _("Promised %d minutes. Saving…")
                                         : _("Promised %d minutes. Every answer is saved as you go."),
                        current->minutes)
                     .c_str());
    }

    // --- Left: the checklist and notes -----------------------------------

    void draw_checklist(DebriefModel& m) {
        ImGui::TextUnformatted(m.checklist().title.c_str());
        ImGui::Separator();
        for (const ChecklistItem& item : m.checklist().items) {
            ImGui::PushID(item.id.c_str());
            ImGui::TextWrapped("%s", item.prompt.c_str());
            if (item.kind == "choice") draw_choice(m, item);
            else if (item.kind == "referrals") draw_referrals(m);
            else draw_text_item(m, item);
            ImGui::Spacing();
            ImGui::PopID();
        }
    }

    // Saved the moment one is clicked.
    static void draw_choice(DebriefModel& m, const ChecklistItem& item) {
        const std::string answer = m.answer(item.id);
        for (size_t i = 0; i < item.choices.size(); ++i) {
            const ChecklistChoice& choice = item.choices[i];
            if (i > 0) same_line_if_fits(radio_width(choice.label.c_str()));
            if (ImGui::RadioButton(choice.label.c_str(), answer == choice.id))
                m.set_choice(item.id, choice.id);
        }
    }

    static void draw_text_item(DebriefModel& m, const ChecklistItem& item) {
        std::string text = m.answer(item.id);
        if (wrapped_editor("##text", text, {.min_lines = 2, .max_lines = 8}).changed)
            m.set_text(item.id, text);
    }

    void draw_referrals(DebriefModel& m) {
        if (m.referrals().empty()) hint(_("None yet."));
        std::optional<std::int64_t> promote;  // applied after the loop: it re-reads the list
        for (const Referral& r : m.referrals()) {
            ImGui::PushID(static_cast<int>(r.id));
            ImGui::Bullet();
            std::string line = r.name;
            if (!r.company.empty()) line += ", " + r.company;
            if (!r.notes.empty()) line += " — " + r.notes;
            ImGui::TextWrapped("%s", line.c_str());
            if (r.contact_id) {
                same_line_if_fits(ImGui::CalcTextSize(_("(a contact now)")).x);
                ImGui::TextDisabled("%s", _("(a contact now)"));
                same_line_for_button(_("Draft a request"));
                if (ImGui::SmallButton(_("Draft a request"))) outreach_->open(*r.contact_id);
            } else {
                same_line_for_button(_("Make a contact"));
                if (ImGui::SmallButton(_("Make a contact"))) promote = r.id;
            }
            ImGui::PopID();
        }
        // A new contact's name is one of the user's words from now on (the
        // spelling check of the notes and drafts).
        if (promote && m.make_contact(*promote) && spell_) spell_->refresh_words();
        const bool any_to_promote = std::any_of(m.referrals().begin(), m.referrals().end(),
                                                [](const Referral& r) { return !r.contact_id; });
        if (any_to_promote) hint(_("Make a referral a contact to draft your request for a conversation."));
        if (outreach_->draw(m.language())) request_profile_ = true;
        const float field = 9.0f * ImGui::GetFontSize();
        const bool entered = referral_field("##referral-name", _("Name"), referral_name_, field);
        same_line_if_fits(field);
        const bool entered_company =
            referral_field("##referral-company", _("Company"), referral_company_, field);
        same_line_for_button(_("Add referral"));
        const bool add = action_button(_("Add referral"), !referral_name_.empty());
        if ((add || entered || entered_company) &&
            m.add_referral(referral_name_, referral_company_, "")) {
            referral_name_.clear();
            referral_company_.clear();
        }
    }

    // A one-line field kept on this screen; true when Enter was pressed in it.
    static bool referral_field(const char* id, const char* placeholder, std::string& value, float width) {
        std::string typed = value;
        ImGui::SetNextItemWidth(width);
        const bool entered = hinted_input(id, placeholder, &typed, ImGuiInputTextFlags_EnterReturnsTrue);
        if (edited_unless_escape(typed != value)) value = typed;
        return entered;
    }

    void draw_notes(AppContext& ctx, DebriefModel& m) {
        ImGui::Separator();
        if (!m.meeting_notes().empty()) {
            ImGui::TextUnformatted(_("Notes taken during the meeting"));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("%s", m.meeting_notes().c_str());
            ImGui::PopStyleColor();
            ImGui::Spacing();
        }
        ImGui::TextUnformatted(_("Notes"));
        std::string notes = m.notes();
        if (notes_spelling_.draw("##notes", notes, ctx.db, m.language(), {.min_lines = 4, .max_lines = 12}))
            m.set_notes(notes);
    }

    // --- Right: the thank-you note ----------------------------------------

    // Beside the checklist the note fills the pane's height; under it, a fixed 12 lines.
    void draw_thank_you(DebriefModel& m, bool side_by_side) {
        SpellCheckModel& spell = *spell_;
        ImGui::TextUnformatted(_("Thank-you note"));
        ImGui::Separator();
        if (const auto& sent = m.thank_you_sent_at()) {
            colored_text(kGoodColor,
                         format(_("Sent %s."), format_date_time(*sent, interface_language()).c_str()));
        } else {
            hint(_("Send it within 24 hours. Rapport never sends anything: copy the note into "
                 "your email, adjust it, send it, then mark it sent."));
        }
        if (!m.draft_problem().empty())
            colored_text(kCautionColor, format(_("To finish the draft: %s"), m.draft_problem().c_str()));
        if (m.draft_needs_name() && ImGui::Button(_("Open Profile"))) request_profile_ = true;

        std::string draft = m.draft_text();
        spell.update(draft);
        // The note fills the height left above its buttons and spelling list, and at least 8 lines.
        const float buttons = 2.5f * ImGui::GetFrameHeightWithSpacing() + spelling_issue_list_height(spell);
        const int lines = side_by_side ? std::max(8, static_cast<int>((ImGui::GetContentRegionAvail().y - buttons) /
                                                                      ImGui::GetFontSize()) - 1)
                                       : 12;
        // The words the spelling check found, underlined in the note and listed under it.
        if (spell_checked_editor("##draft", draft, spell, {.min_lines = lines, .max_lines = lines}, 2))
            m.set_draft_text(draft);

        // Spelling issues are shown once before copying or marking sent; never a block.
        copy_button(_("Copy"), thank_you_copied_, !m.draft_text().empty(), [&] { return m.draft_text(); },
                    [&] { return spell.go_ahead(SendStep::copy); });
        const char* mark = m.thank_you_sent_at() ? _("Mark not sent") : _("Mark thank-you sent");
        same_line_for_button(mark);
        if (ImGui::Button(mark)) {
            if (m.thank_you_sent_at()) m.mark_thank_you_not_sent();
            else if (spell.go_ahead(SendStep::mark_sent)) m.mark_thank_you_sent();
        }
        if (m.draft_edited()) {
            same_line_for_button(_("Back to the generated draft"));
            if (ImGui::Button(_("Back to the generated draft"))) m.reset_draft();
        }
        hint(m.draft_edited() ? _("Your edits to the note are kept; Copy takes it all.")
                              : _("The draft follows your answers until you edit it; Copy takes it all."));
    }

    std::optional<DebriefModel> model_;  // built at the first frame, when the database is known
    std::optional<SpellCheckModel> spell_;  // the thank-you note's spelling
    SpellCheckedField notes_spelling_;

    bool spelling_working() const { return (spell_ && spell_->working()) || notes_spelling_.working(); }
    int last_frame_ = -10;
    int seen_profile_revision_ = -1;  // the AppContext's profile revision last followed
    bool request_profile_ = false;    // "Open Profile" was clicked this frame
    std::string referral_name_, referral_company_;
    std::optional<OutreachPanel> outreach_;  // the request to a referral, when one is open
    CopyFeedback thank_you_copied_;
};

}  // namespace

std::unique_ptr<Screen> make_debrief_screen() { return std::make_unique<DebriefScreen>(); }

}  // namespace rapport::gui
