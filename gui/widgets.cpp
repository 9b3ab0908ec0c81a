#include "gui/widgets.h"
#include "gui/i18n.h"
#include "gui/layout_report.h"

#include <GLFW/glfw3.h>
#include <imgui_internal.h>
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

bool hinted_input(const char* id, const char* hint, std::string* text, ImGuiInputTextFlags flags) {
    const float width = ImGui::CalcItemWidth();  // the frame's, before the item takes it
    const bool result = ImGui::InputTextWithHint(id, hint, text, flags);
    if (layout_report_enabled() && text->empty() && hint && *hint) {
        const ImVec2 min = ImGui::GetItemRectMin();
        note_hint(hint, min, ImVec2(min.x + width, ImGui::GetItemRectMax().y),
                  ImGui::CalcTextSize(hint).x + 2 * ImGui::GetStyle().FramePadding.x);
    }
    return result;
}

bool form_text(const char* label, std::string& value, const char* placeholder) {
    form_label(label);
    std::string edited = value;  // a copy: Escape's revert must not reach `value`
    ImGui::PushID(label);
    const bool changed =
        edited_unless_escape(hinted_input("##field", placeholder, &edited));
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
    if (action_button(_("Start"), s == State::idle || s == State::stopped)) clicked = ClockAction::start;
    same_line_for_button(_("Pause"));
    if (action_button(_("Pause"), s == State::running)) clicked = ClockAction::pause;
    same_line_for_button(_("Resume"));
    if (action_button(_("Resume"), s == State::paused)) clicked = ClockAction::resume;
    same_line_for_button(_("Stop"));
    if (action_button(_("Stop"), s == State::running || s == State::paused)) clicked = ClockAction::stop;
    same_line_for_button(_("Reset"));
    if (action_button(_("Reset"), s != State::idle)) clicked = ClockAction::reset;
    return clicked;
}

}  // namespace rapport::gui

// ---------------------------------------------------------------------------
// Layout that adapts
// ---------------------------------------------------------------------------
namespace rapport::gui {

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void same_line_if_fits(float width) {
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right_edge) ImGui::SameLine();
}

Panes::Panes(float min_width_for_two)
    : side_by_side_(ImGui::GetContentRegionAvail().x >= min_width_for_two) {}

void Panes::begin(const char* id, float fraction, float min_width, bool border) {
    if (!side_by_side_) return;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = std::max(min_width, (ImGui::GetContentRegionAvail().x - gap) * fraction);
    ImGui::BeginChild(id, ImVec2(width, 0), border);
}

void Panes::next(const char* id, bool border) {
    if (!side_by_side_) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        return;
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild(id, ImVec2(0, 0), border);
}

void Panes::end() {
    if (side_by_side_) ImGui::EndChild();
}

std::string fit_with_ellipsis(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    static const char* const kEllipsis = "…";
    const float room = width - ImGui::CalcTextSize(kEllipsis).x;
    size_t end = 0;
    for (size_t next = 0; next < text.size();) {
        next = end + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (ImGui::CalcTextSize(text.data(), text.data() + next).x > room) break;
        end = next;
    }
    while (end > 0 && text[end - 1] == ' ') --end;
    return text.substr(0, end) + kEllipsis;
}

// The whole of a cut text, wrapped so that a long one stays inside the window.
void full_text_tooltip(const std::string& text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(std::min(36.0f * ImGui::GetFontSize(), ImGui::GetIO().DisplaySize.x * 0.8f));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void truncated_text(const std::string& text, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const std::string shown = fit_with_ellipsis(text, width);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != text && ImGui::IsItemHovered()) full_text_tooltip(text);
}

bool truncated_selectable(const std::string& label, bool selected) {
    const std::string shown = fit_with_ellipsis(label, ImGui::GetContentRegionAvail().x);
    // "###": the row's identity is the whole label, however much of it shows.
    const bool clicked = ImGui::Selectable((shown + "###" + label).c_str(), selected);
    if (shown != label && ImGui::IsItemHovered()) full_text_tooltip(label);
    return clicked;
}

void fitted_big_text(ImFont* font, const std::string& text, const ImVec4& color) {
    ImGui::PushFont(font);
    const ImVec2 natural = ImGui::CalcTextSize(text.c_str());
    ImGui::PopFont();
    const float room = ImGui::GetContentRegionAvail().x;
    const float scale = natural.x > room ? std::max(0.3f, room / natural.x) : 1.0f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize * scale, at, ImGui::GetColorU32(color),
                                        text.c_str());
    ImGui::Dummy(ImVec2(natural.x * scale, natural.y * scale));
}

}  // namespace rapport::gui

namespace rapport::gui {

float field_width_before(float after, float min_width) {
    const float room = ImGui::GetContentRegionAvail().x;
    const float beside = room - after - ImGui::GetStyle().ItemSpacing.x;
    return beside >= min_width ? beside : room;
}

float radio_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

}  // namespace rapport::gui

namespace rapport::gui {

bool begin_combo_fitted(const char* id, const std::string& shown) {
    const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x;
    return ImGui::BeginCombo(id, fit_with_ellipsis(shown, room).c_str());
}

}  // namespace rapport::gui

namespace rapport::gui {

void draw_recovering(const std::function<void()>& draw) {
    ImGuiWindow* const outer = ImGui::GetCurrentWindow();
    try {
        draw();
    } catch (...) {
        while (ImGui::GetCurrentWindow() != outer) {
            ImGui::ErrorCheckEndWindowRecover(nullptr);
            if (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_ChildWindow) ImGui::EndChild();
            else ImGui::End();
        }
        ImGui::ErrorCheckEndWindowRecover(nullptr);
        throw;
    }
}

}  // namespace rapport::gui
