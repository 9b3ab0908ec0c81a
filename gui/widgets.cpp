#include "gui/widgets.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

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

// ---------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------

bool edited_unless_escape(bool changed) {
    return changed && !ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
}

void form_label(const char* label, float label_width, float field_width) {
    const float font = ImGui::GetFontSize();
    const float row_start = ImGui::GetCursorPosX();
    const float room = ImGui::GetContentRegionAvail().x - label_width * font;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(row_start + label_width * font);
    // Narrow windows shrink the field rather than push it out of sight.
    ImGui::SetNextItemWidth(std::max(4.0f * font, std::min(field_width * font, room)));
}

bool form_text(const char* label, std::string& value, const char* placeholder) {
    form_label(label);
    std::string edited = value;  // a copy: Escape's revert must not reach `value`
    ImGui::PushID(label);
    const bool changed =
        edited_unless_escape(ImGui::InputTextWithHint("##field", placeholder, &edited));
    ImGui::PopID();
    if (changed) value = edited;
    return changed;
}

void field_message(const std::string* message) {
    if (!message) return;
    // Beside the field when it fits, else just under it, aligned with it.
    const float field_x = ImGui::GetItemRectMin().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float room = ImGui::GetContentRegionMax().x - (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x) - spacing;
    if (ImGui::CalcTextSize(message->c_str()).x <= room) {
        ImGui::SameLine();
    } else {
        ImGui::SetCursorPosX(field_x);
    }
    error_text(*message);
}

void error_text(const std::string& message) { colored_text(kErrorColor, message.c_str()); }

void colored_text(const ImVec4& color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool action_button(const char* label, bool applies) {
    ImGui::BeginDisabled(!applies);
    const bool clicked = ImGui::Button(label);
    ImGui::EndDisabled();
    return clicked;
}

// ---------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------

ClockAction clock_buttons(PitchTimer::State s) {
    using State = PitchTimer::State;
    ClockAction clicked = ClockAction::none;
    if (action_button("Start", s == State::idle || s == State::stopped)) clicked = ClockAction::start;
    ImGui::SameLine();
    if (action_button("Pause", s == State::running)) clicked = ClockAction::pause;
    ImGui::SameLine();
    if (action_button("Resume", s == State::paused)) clicked = ClockAction::resume;
    ImGui::SameLine();
    if (action_button("Stop", s == State::running || s == State::paused)) clicked = ClockAction::stop;
    ImGui::SameLine();
    if (action_button("Reset", s != State::idle)) clicked = ClockAction::reset;
    return clicked;
}

}  // namespace rapport::gui

// ---------------------------------------------------------------------------
// Plots
// ---------------------------------------------------------------------------
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
    const ImU32 color = ImGui::GetColorU32(kGoodColor);
    draw->AddLine(ImVec2(min.x + pad.x, y), ImVec2(max.x - pad.x, y), color, 1.5f);
    const std::string label = "target " + std::to_string(static_cast<int>(target)) + " s";
    const float label_width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(max.x - pad.x - label_width, y + 2), color, label.c_str());
}

}  // namespace rapport::gui
