#include "gui/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>

namespace rapport::gui {

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Spacing();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

}  // namespace rapport::gui

// --- Shared by Home and Debrief ---------------------------------------------
namespace rapport::gui {

void colored_text(const ImVec4& color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool text_edited(bool changed) {
    return changed && !ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
}

bool button_if(const char* label, bool applies) {
    ImGui::BeginDisabled(!applies);
    const bool clicked = ImGui::Button(label);
    ImGui::EndDisabled();
    return clicked;
}

}  // namespace rapport::gui

namespace rapport::gui {

void plot_against_target(const char* id, const std::vector<float>& seconds, float target,
                         float height) {
    if (seconds.size() < 2) return;
    float low = std::min(*std::min_element(seconds.begin(), seconds.end()), target);
    float high = std::max(*std::max_element(seconds.begin(), seconds.end()), target);
    const float margin = std::max(high - low, 0.2f * target) * 0.25f;
    low = std::max(0.0f, low - margin);
    high += margin;
    ImGui::PlotLines(id, seconds.data(), static_cast<int>(seconds.size()), 0, nullptr, low, high,
                     ImVec2(ImGui::GetContentRegionAvail().x, height));
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float y = max.y - pad.y - (max.y - min.y - 2 * pad.y) * (target - low) / (high - low);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 color = ImGui::GetColorU32(kGoodTextColor);
    draw->AddLine(ImVec2(min.x + pad.x, y), ImVec2(max.x - pad.x, y), color, 1.5f);
    const std::string label = "target " + std::to_string(static_cast<int>(target)) + " s";
    const float label_width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(max.x - pad.x - label_width, y + 2), color, label.c_str());
}

}  // namespace rapport::gui
