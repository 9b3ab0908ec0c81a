// Prepare: pick tags and the meeting's length, get a tailored question sheet,
// adjust it (move, pin, swap, remove, add your own question with the avoid
// check shown as you type), tick the preparation checklist, then save or copy
// the sheet. All state and actions live in PrepareModel; this file draws it
// and forwards clicks and keys.
//
// Keys: Ctrl+F search industries (Enter picks the first match), Enter in
// "your own question" adds it, Ctrl+S saves the sheet to the named file,
// Esc cancels a pending confirmation.
#include "engine/base/date_format.h"
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "gui/copy_button.h"
#include "gui/i18n.h"
#include "gui/models/prepare_model.h"
#include "gui/models/spell_check_model.h"
#include "gui/screens/all_screens.h"
#include "gui/spelling_panel.h"
#include "gui/widgets.h"
#include "gui/i18n.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace rapport::gui {
namespace {

ImVec4 verdict_color(Verdict verdict) {
    switch (verdict) {
        case Verdict::avoid: return kAlertColor;
        case Verdict::caution: return kCautionColor;
        case Verdict::ok: break;
    }
    return kGoodColor;
}

const char* verdict_title(Verdict verdict) {
    switch (verdict) {
        case Verdict::avoid: return _("Avoid");
        case Verdict::caution: return _("Caution");
        case Verdict::ok: break;
    }
    return _("Fine");
}

const char* language_name(const std::string& code) {
    if (code == "en") return "English";
    if (code == "fr") return "Français";
    return code.c_str();
}

// A word in white on a coloured, rounded box, the height of a text line.
void badge(const char* text, const ImVec4& color) {
    const ImVec2 pad(ImGui::GetFontSize() * 0.4f, 0.0f);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        at, ImVec2(at.x + size.x + 2 * pad.x, at.y + size.y), ImGui::GetColorU32(color),
        ImGui::GetFontSize() * 0.25f);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, pad.x * 2);
    ImGui::NewLine();
}

// A one-line text field bound to a model value; calls set when it changes.
template <class Set>
void text_field(const char* label, const char* hint_text, const std::string& value, Set set) {
    std::string buffer = value;
    if (hinted_input(label, hint_text, &buffer)) set(std::move(buffer));
}

bool ctrl_pressed(int key) {
    return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(key, false);
}

class PrepareScreen : public Screen {
public:
    const char* id() const override { return "prepare"; }
    const char* name() const override { return _("Prepare"); }

    bool animating() const override {
        return (model_ && model_->save_pending()) || (spell_ && spell_->working()) ||
               copy_feedback_showing(copy_feedback_);
    }

    // Only the "Copied" confirmation waiting to go: sleep until then.
    double seconds_until_change() const override {
        const bool busy = (model_ && model_->save_pending()) || (spell_ && spell_->working());
        return busy ? 0.1 : copy_feedback_seconds_left(copy_feedback_);
    }

    void flush(AppContext&) override {
        if (model_ && model_->save_pending()) model_->save_session();
    }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, _("Prepare a meeting"));
        if (!ensure_model(ctx)) return;
        if (seen_profile_revision_ != ctx.profile_revision) {
            // The model read the profile when it was made; a later change of
            // its language switches the sheet's.
            if (seen_profile_revision_ >= 0) model_->profile_changed();
            seen_profile_revision_ = ctx.profile_revision;
        }
        try {
            // An engine error leaves the panes open: draw_recovering closes them first.
            draw_recovering([&] {
                draw_messages();
                // The meeting column keeps 18 font sizes; below 36 the sheet goes under it.
                Panes panes(36.0f * ImGui::GetFontSize());
                panes.begin("##meeting", 0.0f, 18.0f * ImGui::GetFontSize());
                draw_meeting();
                panes.next("##sheet-side");
                draw_sheet_side(ctx, panes.side_by_side());
                panes.end();
                save_when_quiet();
            });
        } catch (const Error& e) {
            failure_ = e.what();
        }
    }

private:
    // ---- setup and messages --------------------------------------------
    bool ensure_model(AppContext& ctx) {
        if (!model_ && failure_.empty()) {
            try {
                model_ = std::make_unique<PrepareModel>(shipped_banks_dir(), ctx.db);
                spell_ = std::make_unique<SpellCheckModel>(ctx.db, model_->lang());
                seen_revision_ = model_->revision();
                for (ExportFormat f : {ExportFormat::markdown, ExportFormat::html, ExportFormat::text})
                    if (model_->export_path().ends_with(export_extension(f))) format_ = f;
            } catch (const Error& e) {
                failure_ = e.what();
            }
        }
        if (!model_) colored_text(kAlertColor, format(_("The question banks could not be loaded: %s"), failure_.c_str()));
        return model_ != nullptr;
    }

    void draw_messages() {
        if (!failure_.empty()) colored_text(kAlertColor, failure_);
        if (!model_->error().empty()) colored_text(kAlertColor, model_->error());
        for (const auto& problem : model_->load_problems()) colored_text(kCautionColor, problem);
    }

    // Saves about a second after the last change; animating() keeps frames
    // coming while a save is pending.
    void save_when_quiet() {
        const double now = ImGui::GetTime();
        if (model_->revision() != seen_revision_) {
            seen_revision_ = model_->revision();
            last_change_ = now;
        }
        if (model_->save_pending() && now - last_change_ >= kSaveDelaySeconds) model_->save_session();
    }

    // ---- left: the meeting ----------------------------------------------
    void draw_meeting() {
        PrepareModel& m = *model_;
        bool first = true;
        for (const auto& code : m.languages()) {
            if (!first) same_line_if_fits(radio_width(language_name(code)));
            first = false;
            if (ImGui::RadioButton(language_name(code), m.lang() == code)) m.set_lang(code);
        }

        ImGui::TextUnformatted(_("Meeting length (minutes)"));
        int minutes = m.minutes();
        ImGui::SetNextItemWidth(8.0f * ImGui::GetFontSize());
        if (ImGui::InputInt("##minutes", &minutes, 5, 15)) m.set_minutes(minutes);

        const bool focus_search = ctrl_pressed(GLFW_KEY_F);
        tag_picker(TagKind::industry, _("Their industry"), industry_query_, focus_search);
        tag_picker(TagKind::goal, _("Your goals"), goal_query_, false);

        ImGui::Spacing();
        ImGui::TextUnformatted(_("Optional details"));
        ImGui::SetNextItemWidth(-1);
        text_field("##contact", _("Contact's name"), m.contact(), [&](std::string v) { m.set_contact(std::move(v)); });
        ImGui::SetNextItemWidth(-1);
        text_field("##company", _("Company"), m.company(), [&](std::string v) { m.set_company(std::move(v)); });
        ImGui::SetNextItemWidth(-1);
        text_field("##role", _("Their role"), m.role(), [&](std::string v) { m.set_role(std::move(v)); });

        ImGui::Spacing();
        draw_checklist();
    }

    void tag_picker(TagKind kind, const char* title, std::string& query, bool focus) {
        PrepareModel& m = *model_;
        ImGui::PushID(static_cast<int>(kind));
        ImGui::Spacing();
        ImGui::TextUnformatted(title);
        const auto chosen = m.selected(kind);  // a copy: clicking edits the list
        for (size_t k = 0; k < chosen.size(); ++k) {
            // A chip: the label (cut with "…" when longer than the line) and its ×.
            const std::string label = m.tag_label(kind, chosen[k]);
            const float cross = button_width("  ×");
            const std::string text = fit_with_ellipsis(label, ImGui::GetContentRegionAvail().x - cross) + "  ×";
            if (k > 0) same_line_for_button(text.c_str());  // on the same line while it fits
            if (ImGui::SmallButton((text + "###" + chosen[k]).c_str())) m.toggle_tag(kind, chosen[k]);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Remove %s"), label.c_str());
        }

        const auto matches = m.search_tags(kind, query);
        // Enter ends ImGui's editing of the field; the focus comes back the
        // next frame so the next tag can be typed straight away.
        bool& refocus = refocus_search_[kind == TagKind::industry ? 0 : 1];
        if (focus || refocus) ImGui::SetKeyboardFocusHere();
        refocus = false;
        ImGui::SetNextItemWidth(-1);
        if (hinted_input("##search", _("Type to search…"), &query, ImGuiInputTextFlags_EnterReturnsTrue) &&
            !matches.empty()) {
            m.toggle_tag(kind, matches.front()->id);
            query.clear();
            refocus = true;
        }
        const float rows = 5.5f;
        ImGui::BeginChild("##tags", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()), true);
        for (const Tag* tag : matches) {
            bool on = m.is_selected(kind, tag->id);
            // A checkbox's box takes the room a radio button's circle does.
            const std::string shown = fit_with_ellipsis(tag->label, ImGui::GetContentRegionAvail().x - radio_width(""));
            if (ImGui::Checkbox((shown + "###" + tag->id).c_str(), &on)) m.toggle_tag(kind, tag->id);
            if (shown != tag->label && ImGui::IsItemHovered()) full_text_tooltip(tag->label);
        }
        if (matches.empty()) hint(_("Nothing matches."));
        ImGui::EndChild();
        ImGui::PopID();
    }

    void draw_checklist() {
        PrepareModel& m = *model_;
        if (!ImGui::CollapsingHeader(_("Before the meeting"), ImGuiTreeNodeFlags_DefaultOpen)) return;
        for (const auto& item : m.checklist()) {
            // The box, then the item wrapped beside it (hover either for the detail).
            ImGui::PushID(item.id.c_str());
            bool ticked = m.is_ticked(item.id);
            if (ImGui::Checkbox("##tick", &ticked)) m.set_ticked(item.id, ticked);
            bool hovered = ImGui::IsItemHovered();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", item.text.c_str());
            hovered |= ImGui::IsItemHovered();
            ImGui::PopID();
            if (!item.detail.empty() && hovered) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(24.0f * ImGui::GetFontSize());
                ImGui::TextUnformatted(item.detail.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        if (m.checklist().empty()) hint(_("No checklist for this language."));
    }

    // ---- right: sheet, own question, export ------------------------------
    // Beside the meeting column the sheet scrolls between the bars; under
    // it, everything follows in the screen's own scrolling.
    void draw_sheet_side(AppContext& ctx, bool side_by_side) {
        draw_export_bar();
        draw_keep_with_meeting();
        ImGui::Separator();
        if (!side_by_side) {
            draw_sheet(ctx);
            ImGui::Separator();
            draw_own_question();
            return;
        }
        // The box below takes what it took last frame; the sheet scrolls above it.
        const float reserve = own_height_ + 2 * ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("##sheet", ImVec2(0, -reserve), false);
        draw_sheet(ctx);
        ImGui::EndChild();
        ImGui::Separator();
        const float top = ImGui::GetCursorPosY();
        draw_own_question();
        own_height_ = ImGui::GetCursorPosY() - top;
    }

    void draw_sheet(AppContext& ctx) {
        PrepareModel& m = *model_;
        if (!m.has_sheet()) {
            hint(_("Pick at least one industry and one goal on the left: the sheet appears here, "
                 "sized to the meeting."));
            return;
        }
        const Sheet& sheet = m.sheet();
        if (m.over_budget())
            colored_text(kCautionColor,
                         format(_("Planned: %d of %d minutes of questions in a %d-minute meeting — over "
                                  "the time; remove a question to keep your word."),
                                sheet.total_minutes, sheet.budget_minutes, sheet.meeting_minutes));
        else
            ImGui::TextWrapped(_("Planned: %d of %d minutes of questions in a %d-minute meeting"),
                               sheet.total_minutes, sheet.budget_minutes, sheet.meeting_minutes);
        draw_swap_notice(sheet);
        if (m.removed_count() > 0) {
            const std::string restore = format(_("Bring back %d removed"), static_cast<int>(m.removed_count()));
            same_line_for_button(restore.c_str());
            if (ImGui::SmallButton(restore.c_str())) m.restore_removed();
        }

        // A copy: an action rebuilds the sheet while we walk it.
        const std::vector<SheetItem> items = sheet.items;
        for (size_t i = 0; i < items.size(); ++i) {
            if (i == 0 || items[i].stage != items[i - 1].stage) {
                ImGui::Spacing();
                ImGui::PushFont(ctx.fonts->heading);
                ImGui::TextUnformatted(items[i].stage_label.c_str());
                ImGui::PopFont();
            }
            draw_item(items[i], i + 1);
        }
    }

    void draw_item(const SheetItem& item, size_t number) {
        PrepareModel& m = *model_;
        ImGui::PushID(item.id.c_str());
        // The buttons sit right of the text, or under it when that would
        // leave the text too narrow to read.
        const float actions_width = item_actions_width();
        const bool beside = ImGui::GetContentRegionAvail().x - actions_width >= 14.0f * ImGui::GetFontSize();
        const float text_width = ImGui::GetContentRegionAvail().x - (beside ? actions_width : 0.0f);
        const float top = ImGui::GetCursorPosY();

        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
        ImGui::Text(_("%zu. %s  (%d min)"), number, item.text.c_str(), item.minutes);
        std::string why;
        for (const auto& reason : item.why) why += (why.empty() ? "" : " · ") + reason;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped(_("Why: %s"), why.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        const float bottom = ImGui::GetCursorPosY();

        if (beside) ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + text_width + ImGui::GetStyle().ItemSpacing.x, top));
        const bool custom = m.is_custom(item.id);
        const bool pinned = m.is_pinned(item.id);
        if (action("↑", _("Move up"), m.can_move(item.id, -1))) m.move(item.id, -1);
        if (action("↓", _("Move down"), m.can_move(item.id, +1))) m.move(item.id, +1);
        if (pinned) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (action(pinned ? _("Unpin") : _("Pin"), _("Keep this question whatever else changes"), !custom))
            m.toggle_pin(item.id);
        if (pinned) ImGui::PopStyleColor();
        if (action(_("Swap"), _("Swap for another question of this stage; the one you pick is pinned so it stays"),
                   !custom))
            ImGui::OpenPopup("swap");
        if (action("×", _("Remove from the sheet"), true, false)) m.remove(item.id);
        draw_swap_popup(item);

        ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
        ImGui::PopID();
    }

    // The width of the buttons drawn by draw_item, at the current font.
    static float item_actions_width() {
        const ImGuiStyle& style = ImGui::GetStyle();
        // The labels are measured as translated: the wider of Pin and Unpin;
        // a pixel a button for the rounding of each item's position.
        const float pin = std::max(ImGui::CalcTextSize(_("Unpin")).x, ImGui::CalcTextSize(_("Pin")).x);
        return ImGui::CalcTextSize("↑↓×").x + pin + ImGui::CalcTextSize(_("Swap")).x +
               5 * 2 * style.FramePadding.x + 5 * style.ItemSpacing.x + 5.0f;
    }

    // A small button with a tooltip; false while disabled.
    static bool action(const char* label, const char* tip, bool enabled, bool same_line_after = true) {
        ImGui::BeginDisabled(!enabled);
        const bool clicked = ImGui::SmallButton(label);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
        if (same_line_after) ImGui::SameLine();
        return clicked;
    }

    void draw_swap_popup(const SheetItem& item) {
        if (!ImGui::BeginPopup("swap")) return;
        PrepareModel& m = *model_;
        ImGui::TextUnformatted(_("Swap for another question of this stage (the one you pick is pinned, so it stays):"));
        ImGui::Separator();
        const auto options = m.swap_options(item.id);
        ImGui::PushTextWrapPos(36.0f * ImGui::GetFontSize());
        for (const auto& option : options) {
            const std::string label = format(_("%s  (%d min)"), option.text.c_str(), option.minutes);
            if (ImGui::Selectable(label.c_str())) {
                m.swap(item.id, option.id);
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopTextWrapPos();
        if (options.empty()) hint(_("No other question of this stage fits your tags."));
        ImGui::EndPopup();
    }

    // After a swap: the chosen question is pinned (else the engine would put
    // its own pick in the slot), and the user is told so and how to undo it.
    void draw_swap_notice(const Sheet& sheet) {
        const std::string& id = model_->last_swapped();
        for (const SheetItem& item : sheet.items) {
            if (item.id != id || id.empty()) continue;
            char text[1024];
            std::snprintf(text, sizeof text,
                          _("“%s” is swapped in and pinned, so it stays whatever else changes; "
                            "Unpin lets the sheet choose again."),
                          item.text.c_str());
            hint(text);
        }
    }

    void draw_own_question() {
        PrepareModel& m = *model_;
        ImGui::TextUnformatted(_("Add your own question"));
        if (focus_draft_) {
            ImGui::SetKeyboardFocusHere();
            focus_draft_ = false;
        }
        const char* add_label = _("Add to the sheet");
        const float add_width = ImGui::CalcTextSize(add_label).x + 2 * ImGui::GetStyle().FramePadding.x;
        std::string draft = m.draft();
        ImGui::SetNextItemWidth(field_width_before(add_width, 14.0f * ImGui::GetFontSize()));
        const bool enter = hinted_input("##draft", _("Type a question; it is checked as you type"), &draft,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
        // Back on this screen: contacts or the English spelling may have changed.
        if (ImGui::GetFrameCount() != spell_frame_ + 1) spell_->refresh_words();
        spell_frame_ = ImGui::GetFrameCount();
        spell_->set_language(model_->lang());
        spell_->update(draft);
        underline_last_input(draft, *spell_);  // the misspelled words, under the question itself
        if (draft != m.draft()) {
            m.set_draft(draft);
            confirm_avoid_ = false;
        }
        same_line_if_fits(add_width);
        ImGui::BeginDisabled(m.draft().empty() || !m.has_sheet());
        if (ImGui::Button(add_label) || enter) add_draft(false);
        ImGui::EndDisabled();

        const Stage stage = m.draft_stage();
        const TagSet* tags = m.tags();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("Stage"));
        ImGui::SameLine();
        // As wide as the longest stage (« Regards sur le métier » was cut to « Regards sur… »),
        // within the pane; the minutes go under it when they no longer fit beside.
        float widest = 0;
        for (Stage s : kStages) widest = std::max(widest, ImGui::CalcTextSize(tags ? tags->stage_label(s).c_str() : "").x);
        const float stage_width = widest + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SetNextItemWidth(std::min(stage_width, ImGui::GetContentRegionAvail().x));
        if (begin_combo_fitted("##stage", tags ? tags->stage_label(stage) : "")) {
            for (Stage s : kStages)
                if (ImGui::Selectable(tags ? tags->stage_label(s).c_str() : "", s == stage)) m.set_draft_stage(s);
            ImGui::EndCombo();
        }
        const float minutes_width = 6.0f * ImGui::GetFontSize();
        same_line_if_fits(minutes_width + ImGui::CalcTextSize("min").x + ImGui::GetStyle().ItemInnerSpacing.x);
        int minutes = m.draft_minutes();
        ImGui::SetNextItemWidth(minutes_width);
        if (ImGui::InputInt("min##draft-minutes", &minutes)) m.set_draft_minutes(minutes);

        draw_draft_check();
        draw_draft_spelling();
    }

    void draw_draft_spelling() {
        spell_->set_language(model_->lang());
        std::string draft = model_->draft();
        spell_->update(draft);
        if (spelling_issue_list("##own-spelling", *spell_, draft, 3)) model_->set_draft(draft);
    }

    void add_draft(bool confirmed) {
        if (!model_->has_sheet()) return;
        const AddOutcome outcome = model_->add_draft(confirmed);
        confirm_avoid_ = outcome == AddOutcome::needs_confirmation;
        if (outcome == AddOutcome::added) focus_draft_ = true;
    }

    void draw_draft_check() {
        PrepareModel& m = *model_;
        if (m.draft().empty()) return;
        const DraftCheck& check = m.draft_check();
        badge(verdict_title(check.verdict), verdict_color(check.verdict));
        ImGui::SameLine();
        if (check.flags.empty()) {
            ImGui::TextWrapped(_("Nothing to worry about in this question."));
            return;
        }
        const DraftFlag flag = check.flags.front();
        ImGui::TextWrapped("%s", flag.reason.c_str());
        ImGui::TextWrapped(_("Ask instead: %s"), flag.suggestion.c_str());
        if (ImGui::Button(_("Use suggestion"))) {
            m.use_suggestion(0);
            confirm_avoid_ = false;
            focus_draft_ = true;  // edit it further, or Enter to add it
        }
        if (!confirm_avoid_) return;
        same_line_if_fits(ImGui::CalcTextSize(_("Add it anyway?")).x);
        colored_text(kAlertColor, _("Add it anyway?"));
        same_line_for_button(_("Add anyway"));
        if (ImGui::Button(_("Add anyway"))) add_draft(true);
        same_line_for_button(_("Cancel"));
        if (ImGui::Button(_("Cancel")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) confirm_avoid_ = false;
    }

    void draw_export_bar() {
        PrepareModel& m = *model_;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("Save or copy"));
        const std::pair<ExportFormat, const char*> formats[] = {
            {ExportFormat::markdown, _("Markdown")}, {ExportFormat::html, _("Printable HTML")}, {ExportFormat::text, _("Text")}};
        for (const auto& [format, label] : formats) {
            same_line_if_fits(radio_width(label));
            if (ImGui::RadioButton(label, format_ == format)) {
                format_ = format;
                m.match_export_extension(format);
                confirm_overwrite_ = false;
            }
        }
        // Printable HTML would paste as markup: Copy gives the plain text then, and says so.
        const bool copies_plain = PrepareModel::clipboard_format(format_) != format_;
        const char* copy_label = copies_plain ? _("Copy as plain text") : _("Copy to clipboard");
        const float buttons = button_width(_("Save")) + copy_button_width(copy_label) + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(field_width_before(buttons, 14.0f * ImGui::GetFontSize()));
        text_field("##export-path", _("File to save to"), m.export_path(), [&](std::string v) {
            m.set_export_path(std::move(v));
            confirm_overwrite_ = false;
        });
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.export_path().c_str());
        same_line_for_button(_("Save"));
        ImGui::BeginDisabled(!m.has_sheet());
        if (ImGui::Button(_("Save")) || (m.has_sheet() && ctrl_pressed(GLFW_KEY_S))) save(false);
        same_line_if_fits(copy_button_width(copy_label));
        if (copy_button(copy_label, copy_feedback_, m.has_sheet(), [&] { return m.clipboard_text(format_); })) {
            copied_ = true;
            copied_plain_ = copies_plain;
        }
        if (copies_plain && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", _("Printable HTML is for the saved file; pasted, its markup would show. "
                                      "The clipboard gets the plain text."));
        ImGui::EndDisabled();

        if (confirm_overwrite_) {
            colored_text(kCautionColor, format(_("%s Replace it?"), m.export_status().c_str()));
            if (ImGui::Button(_("Replace"))) save(true);
            same_line_for_button(_("Keep it"));
            if (ImGui::Button(_("Keep it")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) confirm_overwrite_ = false;
        } else if (copied_) {
            hint(copied_plain_ ? _("Copied to the clipboard as plain text (printable HTML is for the saved file).")
                               : _("Copied to the clipboard."));
        } else if (!m.export_status().empty()) {
            hint(m.export_status().c_str());
        }
    }

    // Keeps the sheet as shown with a planned meeting, for the live screen.
    void draw_keep_with_meeting() {
        PrepareModel& m = *model_;
        // A reference to the model's cache: only keep_with_meeting(), the
        // last use below, can make it read the meetings again.
        const std::vector<Meeting>& meetings = m.planned_meetings();
        if (meetings.empty()) return;  // nothing to keep it with (or no database)
        auto label_of = [](const Meeting& meeting) {
            return format_date_time(meeting.at, interface_language()) + " · " + meeting.contact_name;
        };
        // None is chosen until the user picks one (which makes the sheet
        // follow it): a preselected meeting looked followed while the sheet
        // kept another length and contact, and was kept with it so.
        const Meeting* chosen = nullptr;
        for (const Meeting& meeting : meetings)
            if (meeting.id == meeting_id_) chosen = &meeting;
        if (!chosen) meeting_id_ = 0;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("For the meeting"));
        const char* keep_label = _("Keep the sheet with it");
        const float button = button_width(keep_label);
        const float min_combo = 10.0f * ImGui::GetFontSize();
        same_line_if_fits(min_combo);
        const float combo = field_width_before(button, min_combo);
        ImGui::SetNextItemWidth(combo);
        std::optional<std::int64_t> picked;  // followed after the list: it rebuilds the sheet
        if (begin_combo_fitted("##keep-meeting", chosen ? label_of(*chosen) : _("(choose the meeting)"))) {
            draw_rows_in_view(meetings.size(), [&](std::size_t i) {  // years of meetings
                const Meeting& meeting = meetings[i];
                if (ImGui::Selectable(label_of(meeting).c_str(), meeting.id == meeting_id_))
                    picked = meeting.id;
            });
            ImGui::EndCombo();
        }
        if (picked) {
            meeting_id_ = *picked;
            m.follow_meeting(*picked);
        }
        same_line_for_button(keep_label);
        ImGui::BeginDisabled(!m.has_sheet() || meeting_id_ == 0);
        if (ImGui::Button(keep_label)) m.keep_with_meeting(meeting_id_);
        ImGui::EndDisabled();
        if (!m.meeting_status().empty()) hint(m.meeting_status().c_str());
    }

    void save(bool confirmed) {
        copied_ = false;
        confirm_overwrite_ = model_->save_export(format_, confirmed) == SaveOutcome::needs_confirmation;
    }

    static constexpr double kSaveDelaySeconds = 0.8;

    std::unique_ptr<PrepareModel> model_;
    std::string failure_;
    std::string industry_query_, goal_query_;
    ExportFormat format_ = ExportFormat::markdown;
    bool confirm_avoid_ = false, confirm_overwrite_ = false, copied_ = false, focus_draft_ = false;
    bool copied_plain_ = false;      // the last copy gave plain text for printable HTML
    CopyFeedback copy_feedback_;     // the Copy button reads "Copied" for a moment
    bool refocus_search_[2] = {};    // industry, goal: Enter picked a tag last frame
    std::int64_t meeting_id_ = 0;  // the planned meeting chosen to keep the sheet with
    int seen_profile_revision_ = -1;  // the AppContext's profile revision last followed
    unsigned seen_revision_ = 0;
    double last_change_ = 0;
    float own_height_ = 0;
    std::unique_ptr<SpellCheckModel> spell_;  // your own question's spelling
    int spell_frame_ = -2;                    // the last frame it was drawn
};

}  // namespace

std::unique_ptr<Screen> make_prepare_screen() { return std::make_unique<PrepareScreen>(); }

}  // namespace rapport::gui
