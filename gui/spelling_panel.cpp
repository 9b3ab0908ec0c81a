#include "gui/spelling_panel.h"

#include "gui/i18n.h"
#include "gui/widgets.h"
#include "gui/i18n.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace rapport::gui {
namespace {

// Suggestions shown as buttons per issue; Hunspell's later ones are rarely right.
constexpr std::size_t kShownSuggestions = 4;
// The height an issue is given in the list: its word and buttons, its reason.
constexpr float kRowsPerIssue = 2.0f;

// How a replacement reads on its button: spaces named, since they do not show.
std::string button_label(const std::string& replacement) {
    const std::string nbsp = "\u00A0";
    if (replacement == " ") return _("one space");
    if (replacement.starts_with(nbsp))
        return format(_("space + %s"), replacement.substr(nbsp.size()).c_str());
    if (replacement.ends_with(nbsp))
        return format(_("%s + space"), replacement.substr(0, replacement.size() - nbsp.size()).c_str());
    return replacement;
}

// "“word”" with line breaks and spaces shown, for the row's start.
std::string shown_word(const TextIssue& issue) {
    // TRANSLATORS: a misspelt word quoted; French uses « %s ».
    std::string shown = issue.kind == IssueKind::space
                            ? format(P_("(%zu space)", "(%zu spaces)", issue.word.size()), issue.word.size())
                            : format(_("\u201C%s\u201D"), issue.word.c_str());
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    return shown;
}

// F7 belongs to the field that has the keyboard, or to the list when none has.
bool f7_pressed_for(bool field_active) {
    return ImGui::IsKeyPressed(GLFW_KEY_F7, false) && (field_active || !ImGui::IsAnyItemActive());
}

// The issue under a byte offset of the text, if any.
std::optional<std::size_t> issue_at(const SpellCheckModel& spell, std::size_t offset) {
    const auto& issues = spell.issues();
    for (std::size_t i = 0; i < issues.size(); ++i)
        if (offset >= issues[i].offset && offset <= issues[i].offset + issues[i].length) return i;
    return std::nullopt;
}

// The right-click menu of one issue: its reason, its suggestions, "Add to my
// words". Returns the new text when a suggestion was taken.
std::optional<std::string> issue_menu(const char* popup, SpellCheckModel& spell, const std::string& text) {
    std::optional<std::string> replaced;
    if (!ImGui::BeginPopup(popup)) return replaced;
    const int stored = ImGui::GetStateStorage()->GetInt(ImGui::GetID("issue"), 0);
    const auto index = static_cast<std::size_t>(stored);
    if (index >= spell.issues().size()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return replaced;
    }
    const TextIssue& issue = spell.issues()[index];
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextDisabled("%s", issue.reason.c_str());
    ImGui::PopTextWrapPos();
    const auto suggestions = spell.suggestions(index);
    if (!suggestions) ImGui::TextDisabled("%s", _("looking for suggestions…"));
    else if (suggestions->empty()) ImGui::TextDisabled("%s", _("no suggestion"));
    else
        for (std::size_t k = 0; k < std::min(kShownSuggestions, suggestions->size()); ++k) {
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Selectable(button_label((*suggestions)[k]).c_str()))
                replaced = spell.replace(text, index, (*suggestions)[k]);
            ImGui::PopID();
        }
    if (issue.kind == IssueKind::spelling) {
        ImGui::Separator();
        if (ImGui::Selectable(_("Add to my words"))) spell.add_to_my_words(index);
    }
    ImGui::EndPopup();
    return replaced;
}

}  // namespace

float spelling_issue_list_height(const SpellCheckModel& spell, int max_rows) {
    if (!spell.error().empty()) return 2 * ImGui::GetTextLineHeightWithSpacing();
    const auto count = spell.issues().size();
    if (count == 0) return 0;
    // The summary may wrap to two lines; a warning takes two more.
    const float lines = 2.0f + (spell.warning().empty() ? 0.0f : 2.0f);
    // Each issue takes two rows: the word and its buttons, then the reason.
    return lines * ImGui::GetTextLineHeightWithSpacing() +
           std::min<float>(static_cast<float>(count), static_cast<float>(max_rows)) * kRowsPerIssue *
               ImGui::GetFrameHeightWithSpacing() +
           2 * ImGui::GetStyle().ItemSpacing.y;
}

bool spelling_issue_list(const char* id, SpellCheckModel& spell, std::string& text, int max_rows,
                         bool field_active) {
    if (!spell.error().empty()) {
        colored_text(kCautionColor, format(_("Spelling check unavailable: %s"), spell.error().c_str()));
        return false;
    }
    const auto& issues = spell.issues();
    if (issues.empty()) return false;
    if (!spell.warning().empty()) colored_text(kCautionColor, spell.warning());

    if (f7_pressed_for(field_active)) spell.ask_first_fix();
    std::optional<std::string> replaced = spell.first_fix(text);

    ImGui::TextWrapped(_("%s (F7 takes the first suggestion)"), spell.summary().c_str());
    const float row = kRowsPerIssue * ImGui::GetFrameHeightWithSpacing();
    const float height = std::min<float>(static_cast<float>(issues.size()), static_cast<float>(max_rows)) * row +
                         ImGui::GetStyle().ItemSpacing.y;
    // Buttons wrap to the next line rather than run off a narrow pane.
    ImGui::BeginChild(id, ImVec2(0, height), false);
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const TextIssue& issue = issues[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(issue.kind == IssueKind::spelling ? kErrorColor : kCautionColor,
                           "%s", shown_word(issue).c_str());
        const auto suggestions = spell.suggestions(i);
        if (!suggestions) {
            const char* looking = _("looking for suggestions\u2026");
            same_line_if_fits(ImGui::CalcTextSize(looking).x);
            ImGui::TextDisabled("%s", looking);
        } else {
            for (std::size_t k = 0; k < std::min(kShownSuggestions, suggestions->size()); ++k) {
                const std::string label = button_label((*suggestions)[k]);
                ImGui::PushID(static_cast<int>(k));
                same_line_for_button(label.c_str());
                if (ImGui::SmallButton(label.c_str())) replaced = spell.replace(text, i, (*suggestions)[k]);
                ImGui::PopID();
            }
        }
        if (issue.kind == IssueKind::spelling) {
            same_line_for_button(_("Add to my words"));
            if (ImGui::SmallButton(_("Add to my words"))) spell.add_to_my_words(i);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", issue.reason.c_str());
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (!replaced) return false;
    text = *replaced;
    spell.update(text);
    return true;
}

bool spell_checked_editor(const char* id, std::string& text, SpellCheckModel& spell,
                          WrappedEditorOptions options, int list_rows, bool* field_active) {
    spell.update(text);
    std::vector<TextRange> underlines;
    for (const auto& [begin, end] : spell.underlined_spans()) underlines.push_back({begin, end});
    options.underlines = &underlines;
    ImGui::PushID(id);
    const WrappedEditorResult field = wrapped_editor(id, text, options);
    bool changed = field.changed;
    if (field_active) *field_active = field.active;
    spell.update(text);

    if (field.right_clicked_offset)
        if (const auto index = issue_at(spell, *field.right_clicked_offset)) {
            ImGui::GetStateStorage()->SetInt(ImGui::GetID("issue"), static_cast<int>(*index));
            ImGui::OpenPopup("##spelling-menu");
        }
    std::optional<std::string> replaced = issue_menu("##spelling-menu", spell, text);
    // Hovering an underlined word says why, without moving anything on the screen.
    if (field.hovered_offset && !ImGui::IsPopupOpen("##spelling-menu"))
        if (const auto index = issue_at(spell, *field.hovered_offset)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
            ImGui::TextUnformatted(spell.issues()[*index].reason.c_str());
            ImGui::TextDisabled("%s", _("Right-click for suggestions."));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }

    if (list_rows > 0) {
        changed |= spelling_issue_list("##spelling-list", spell, text, list_rows, field.active);
    } else {
        // Without a list, F7 is only for the field with the keyboard (a screen has several).
        if (field.active && ImGui::IsKeyPressed(GLFW_KEY_F7, false)) spell.ask_first_fix();
        if (!replaced) replaced = spell.first_fix(text);
        // No count under the field: the underlines say it, and the screen's
        // layout stays put while the user types.
        if (!spell.error().empty()) {
            std::string message = _("Spelling check unavailable: %s");
            message.replace(message.find("%s"), 2, spell.error());
            colored_text(kCautionColor, message);
        }
    }
    ImGui::PopID();
    if (replaced) {
        text = *replaced;
        spell.update(text);
        changed = true;
    }
    return changed;
}

void underline_last_input(const std::string& text, const SpellCheckModel& spell) {
    const auto spans = spell.underlined_spans();
    if (spans.empty()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    const float scroll = state ? state->ScrollX : 0.0f;  // only a field with the keyboard scrolls
    const float left = min.x + style.FramePadding.x - scroll;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(ImVec2(min.x + style.FramePadding.x, min.y),
                       ImVec2(max.x - style.FramePadding.x, max.y), true);
    const float bottom = min.y + style.FramePadding.y + ImGui::GetFontSize() + 1;
    for (const auto& [begin, end] : spans) {
        if (end > text.size()) continue;
        const float x0 = left + ImGui::CalcTextSize(text.data(), text.data() + begin).x;
        const float x1 = left + ImGui::CalcTextSize(text.data(), text.data() + end).x;
        spelling_underline(draw, x0, x1, bottom, ImGui::GetFontSize());
    }
    draw->PopClipRect();
}

bool SpellCheckedField::draw(const char* id, std::string& text, Database* db, const std::string& language,
                             const WrappedEditorOptions& options) {
    const int frame = ImGui::GetFrameCount();
    if (!spell_) spell_.emplace(db, language);
    else if (frame != last_frame_ + 1) spell_->refresh_words();  // the screen came back
    last_frame_ = frame;
    spell_->set_language(language);
    return spell_checked_editor(id, text, *spell_, options, 0, &active_);
}

}  // namespace rapport::gui
