#include "gui/spelling_panel.h"

#include "gui/widgets.h"
#include "gui/i18n.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

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

bool spelling_issue_list(const char* id, SpellCheckModel& spell, std::string& text, int max_rows) {
    if (!spell.error().empty()) {
        colored_text(kCautionColor, format(_("Spelling check unavailable: %s"), spell.error().c_str()));
        return false;
    }
    const auto& issues = spell.issues();
    if (issues.empty()) return false;
    if (!spell.warning().empty()) colored_text(kCautionColor, spell.warning());

    if (ImGui::IsKeyPressed(GLFW_KEY_F7, false)) spell.ask_first_fix();
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

}  // namespace rapport::gui
