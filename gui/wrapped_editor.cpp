#include "gui/wrapped_editor.h"

#include "gui/layout_report.h"
#include "gui/models/wrapped_text.h"
#include "gui/palette.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace rapport::gui {
namespace {

// What a field keeps between frames: its editing state and scroll.
struct EditorState {
    WrappedText model;
    float scroll_y = 0;
    bool dragging = false;
};

EditorState& state_of(ImGuiID id) {
    static std::unordered_map<ImGuiID, EditorState> states;
    return states[id];
}

GlyphAdvance advance_of(const ImFont* font, float font_size) {
    const float scale = font_size / font->FontSize;
    return [font, scale](char32_t c) {
        return font->GetCharAdvance(c <= 0xFFFF ? static_cast<ImWchar>(c) : ImWchar(0xFFFD)) * scale;
    };
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

// The keys that edit or move; returns true when the field should let go.
bool handle_keys(WrappedText& t, int page_lines) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool shift = io.KeyShift, ctrl = io.KeyCtrl;
    if (pressed(ImGuiKey_Escape)) return true;
    if (pressed(ImGuiKey_LeftArrow)) t.move_left(shift, ctrl);
    if (pressed(ImGuiKey_RightArrow)) t.move_right(shift, ctrl);
    if (pressed(ImGuiKey_UpArrow)) t.move_up(shift);
    if (pressed(ImGuiKey_DownArrow)) t.move_down(shift);
    if (pressed(ImGuiKey_PageUp))
        for (int i = 0; i < page_lines; ++i) t.move_up(shift);
    if (pressed(ImGuiKey_PageDown))
        for (int i = 0; i < page_lines; ++i) t.move_down(shift);
    if (pressed(ImGuiKey_Home)) ctrl ? t.move_to_start(shift) : t.move_home(shift);
    if (pressed(ImGuiKey_End)) ctrl ? t.move_to_end(shift) : t.move_end(shift);
    if (pressed(ImGuiKey_Backspace)) ctrl ? t.delete_word_back() : t.backspace();
    if (pressed(ImGuiKey_Delete)) t.delete_forward();
    // Ctrl+Enter is left to the form (it saves).
    if (!ctrl && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))) t.insert("\n");
    if (ctrl && pressed(ImGuiKey_A)) t.select_all();
    if (ctrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X)) && t.has_selection())
        ImGui::SetClipboardText(t.selected_text().c_str());
    if (ctrl && pressed(ImGuiKey_X) && t.has_selection()) t.insert("");
    if (ctrl && pressed(ImGuiKey_V))
        if (const char* pasted = ImGui::GetClipboardText()) t.insert(pasted);
    if (ctrl && pressed(ImGuiKey_Z)) shift ? t.redo() : t.undo();
    if (ctrl && pressed(ImGuiKey_Y)) t.redo();
    // Typed characters (Ctrl+letter shortcuts never reach the queue).
    for (ImWchar c : io.InputQueueCharacters) {
        if (c < 32 || c == 127) continue;
        char utf8[5];
        t.insert(ImTextCharToUtf8(utf8, c));
    }
    return false;
}

}  // namespace

void spelling_underline(ImDrawList* draw, float x0, float x1, float line_bottom, float font_size) {
    const ImU32 color = ImGui::GetColorU32(ImVec4(palette::alert.r, palette::alert.g, palette::alert.b, 1));
    const float step = std::max(1.5f, font_size / 8);
    const float y = line_bottom - 2;
    bool up = true;
    for (float x = x0; x < x1; x += step, up = !up)
        draw->AddLine(ImVec2(x, up ? y : y + step), ImVec2(std::min(x + step, x1), up ? y + step : y),
                      color, std::max(1.0f, step * 0.5f));
}

WrappedEditorResult wrapped_editor(const char* label, std::string& text, const WrappedEditorOptions& o) {
    WrappedEditorResult result;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return result;
    const ImGuiID id = window->GetID(label);
    const ImGuiStyle& style = g.Style;
    ImGuiIO& io = g.IO;
    EditorState& state = state_of(id);
    WrappedText& t = state.model;
    if (t.text() != text) t.reset(text);  // changed from outside, or another record shown

    // Size: wrap inside the padding, with room kept for the scrollbar so the
    // lines do not re-wrap when it appears.
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float line_height = font_size;
    const float width = o.width > 0 ? o.width : std::max(ImGui::GetContentRegionAvail().x, 4 * font_size);
    const float bar = std::round(style.ScrollbarSize * 0.5f);
    const float wrap_width = std::max(font_size, width - 2 * style.FramePadding.x - bar);
    const GlyphAdvance advance = advance_of(font, font_size);
    t.layout(wrap_width, advance);

    const auto height_for = [&](size_t lines) {
        const int shown = std::clamp(static_cast<int>(lines), o.min_lines, std::max(o.min_lines, o.max_lines));
        return shown * line_height + 2 * style.FramePadding.y;
    };
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect frame(pos, ImVec2(pos.x + width, pos.y + height_for(t.lines().size())));
    ImGui::ItemSize(frame, style.FramePadding.y);
    if (!ImGui::ItemAdd(frame, id, &frame, ImGuiItemFlags_Inputable)) return result;
    const bool hovered = ImGui::ItemHoverable(frame, id);
    if (hovered) {
        g.MouseCursor = ImGuiMouseCursor_TextInput;
        ImGui::SetItemUsingMouseWheel();
    }

    // Taking and leaving the keyboard.
    const bool tabbed_in = (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0 ||
                           g.NavActivateInputId == id || g.NavActivateId == id;
    const bool clicked = hovered && io.MouseClicked[0];
    if ((clicked || tabbed_in) && g.ActiveId != id) {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
        if (tabbed_in) t.select_all();
    } else if (g.ActiveId == id && io.MouseClicked[0] && !hovered) {
        ImGui::ClearActiveID();
    }
    const bool active = g.ActiveId == id;
    result.active = active;
    // As ImGui's own text fields do: while typing here, the other items stay
    // clickable, so one click on a field drawn above this one moves there
    // (without it the click only ended the editing, and was lost).
    if (active) g.ActiveIdAllowOverlap = !io.MouseDown[0];

    const ImRect inner(ImVec2(frame.Min.x + style.FramePadding.x, frame.Min.y + style.FramePadding.y),
                       ImVec2(frame.Max.x - style.FramePadding.x - bar, frame.Max.y - style.FramePadding.y));
    const int visible_lines = std::max(1, static_cast<int>(inner.GetHeight() / line_height));
    const auto offset_under_mouse = [&] {
        const float y = io.MousePos.y - inner.Min.y + state.scroll_y;
        const long line = std::clamp(static_cast<long>(std::floor(y / line_height)), 0L,
                                     static_cast<long>(t.lines().size()) - 1);
        return offset_at_x(t.text(), t.lines()[static_cast<size_t>(line)], io.MousePos.x - inner.Min.x, advance);
    };

    bool cursor_moved = false;
    if (clicked) {
        const size_t at = offset_under_mouse();
        result.clicked_offset = at;
        if (io.MouseDoubleClicked[0]) {
            t.select_word_at(at);
        } else {
            t.move_to(at, io.KeyShift);
            state.dragging = true;
        }
        cursor_moved = true;
    } else if (state.dragging && io.MouseDown[0] && active) {
        t.move_to(offset_under_mouse(), true);
        cursor_moved = true;
    }
    if (!io.MouseDown[0]) state.dragging = false;
    if (hovered) {
        result.hovered_offset = offset_under_mouse();
        if (io.MouseClicked[1]) result.right_clicked_offset = result.hovered_offset;
    }

    if (active) {
        // Arrows, Home/End and Escape are the field's while it has the keyboard.
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) |
                                     (1 << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= (1 << ImGuiNavInput_Cancel);
        g.ActiveIdUsingKeyInputMask |= (ImU64(1) << ImGuiKey_Home) | (ImU64(1) << ImGuiKey_End) |
                                       (ImU64(1) << ImGuiKey_PageUp) | (ImU64(1) << ImGuiKey_PageDown);
        g.WantTextInputNextFrame = 1;
        const size_t cursor_before = t.cursor(), anchor_before = t.anchor();
        const std::string before = t.text();
        if (handle_keys(t, visible_lines - 1)) ImGui::ClearActiveID();
        cursor_moved |= t.cursor() != cursor_before || t.anchor() != anchor_before;
        if (t.text() != before) {
            text = t.text();
            result.changed = true;
            ImGui::MarkItemEdited(id);
        }
    }

    // Scroll: the wheel over the field, and the cursor kept in view.
    const float content_height = t.lines().size() * line_height;
    const float max_scroll = std::max(0.0f, content_height - inner.GetHeight());
    if (hovered && io.MouseWheel != 0) state.scroll_y -= io.MouseWheel * 3 * line_height;
    const size_t cursor_line = line_of(t.lines(), t.cursor());
    if (cursor_moved || result.changed) {
        const float cursor_top = cursor_line * line_height;
        if (cursor_top < state.scroll_y) state.scroll_y = cursor_top;
        if (cursor_top + line_height > state.scroll_y + inner.GetHeight())
            state.scroll_y = cursor_top + line_height - inner.GetHeight();
    }
    state.scroll_y = std::clamp(state.scroll_y, 0.0f, max_scroll);

    // Drawing.
    ImDrawList* draw = window->DrawList;
    ImGui::RenderFrame(frame.Min, frame.Max,
                       ImGui::GetColorU32(active ? ImGuiCol_FrameBgActive
                                          : hovered ? ImGuiCol_FrameBgHovered
                                                    : ImGuiCol_FrameBg),
                       true, style.FrameRounding);
    if (active) draw->AddRect(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), style.FrameRounding);
    ImGui::RenderNavHighlight(frame, id);
    ImGui::PushClipRect(ImVec2(inner.Min.x - 1, inner.Min.y), ImVec2(inner.Max.x + bar, inner.Max.y), true);

    const std::string& s = t.text();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    if (s.empty() && !active && o.hint && *o.hint)
        draw->AddText(font, font_size, inner.Min, ImGui::GetColorU32(ImGuiCol_TextDisabled), o.hint);
    const size_t first = static_cast<size_t>(state.scroll_y / line_height);
    const size_t last = std::min(t.lines().size(), first + static_cast<size_t>(visible_lines) + 2);
    const size_t sel_begin = t.selection_begin(), sel_end = t.selection_end();
    const ImU32 selection_color = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    for (size_t i = first; i < last; ++i) {
        const VisualLine& line = t.lines()[i];
        const float y = inner.Min.y + i * line_height - state.scroll_y;
        const auto x_at = [&](size_t offset) { return inner.Min.x + x_of(s, line, offset, advance); };
        if (t.has_selection() && sel_begin <= line.end && sel_end > line.begin) {
            const size_t b = std::max(sel_begin, line.begin), e = std::min(sel_end, line.end);
            // A selected line break shows as a little room past the line's end.
            const float tail = sel_end > line.end && !line.soft ? font_size * 0.4f : 0.0f;
            draw->AddRectFilled(ImVec2(x_at(b), y), ImVec2(x_at(e) + tail, y + line_height), selection_color);
        }
        draw->AddText(font, font_size, ImVec2(inner.Min.x, y), text_color, s.data() + line.begin,
                      s.data() + line.end);
        if (o.underlines)
            for (const TextRange& r : *o.underlines) {
                const size_t b = std::max(r.begin, line.begin), e = std::min(r.end, line.end);
                if (b < e) spelling_underline(draw, x_at(b), x_at(e), y + line_height, font_size);
            }
    }
    if (active) {
        const VisualLine& line = t.lines()[cursor_line];
        const float x = std::min(inner.Min.x + x_of(s, line, t.cursor(), advance), inner.Max.x + bar - 1);
        const float y = inner.Min.y + cursor_line * line_height - state.scroll_y;
        draw->AddLine(ImVec2(x, y), ImVec2(x, y + line_height), text_color, std::max(1.0f, font_size / 14));
        g.PlatformImePos = ImVec2(x - 1, y);  // where an input method shows what is being composed
    }
    ImGui::PopClipRect();
    if (layout_report_enabled()) {
        const VisualLine& end_line = t.lines().back();
        const size_t last_line = t.lines().size() - 1;
        note_editor(label, frame.Min, frame.Max,
                    ImVec2(inner.Min.x + x_of(s, end_line, end_line.end, advance),
                           inner.Min.y + last_line * line_height - state.scroll_y));
    }

    // A thin scroll indicator when the text is taller than the field.
    if (max_scroll > 0) {
        const float track = inner.GetHeight();
        const float thumb = std::max(line_height, track * inner.GetHeight() / content_height);
        const float top = inner.Min.y + (track - thumb) * state.scroll_y / max_scroll;
        const float x = frame.Max.x - style.FramePadding.x * 0.5f - bar * 0.5f;
        draw->AddRectFilled(ImVec2(x, top), ImVec2(x + bar * 0.5f, top + thumb),
                            ImGui::GetColorU32(ImGuiCol_ScrollbarGrab), bar * 0.25f);
    }
    return result;
}

}  // namespace rapport::gui
