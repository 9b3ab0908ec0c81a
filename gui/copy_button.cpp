#include "gui/copy_button.h"

#include "gui/i18n.h"
#include "gui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace rapport::gui {

float copy_button_width(const char* label) {
    return std::max(button_width(label), button_width(_("Copied")));
}

bool copy_button(const char* label, CopyFeedback& feedback, bool enabled,
                 const std::function<std::string()>& text, const std::function<bool()>& go_ahead) {
    const bool showing = feedback.showing(ImGui::GetTime());
    // "###" keeps one ID whichever label shows.
    const std::string shown = std::string(showing ? _("Copied") : label) + "###copy-" + label;
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::Button(shown.c_str(), ImVec2(copy_button_width(label), 0));
    ImGui::EndDisabled();
    if (!clicked || (go_ahead && !go_ahead())) return false;
    ImGui::SetClipboardText(text().c_str());
    feedback.copied(ImGui::GetTime());
    return true;
}

bool copy_feedback_showing(const CopyFeedback& feedback) { return feedback.showing(ImGui::GetTime()); }

double copy_feedback_seconds_left(const CopyFeedback& feedback) {
    return feedback.seconds_left(ImGui::GetTime());
}

}  // namespace rapport::gui
