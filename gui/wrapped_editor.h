// A multi-line text field that wraps its lines at the field's width (Dear
// ImGui 1.86's own multi-line field cannot). Every multi-line field of the
// app uses it: the pitch script, meeting notes, debrief answers, the
// thank-you note, contact notes.
//
// Keys: arrows (Ctrl: by word), Up/Down across wrapped lines keeping the
// column, Home/End (Ctrl: whole text), Page Up/Down, Shift to select, mouse
// click, drag, Shift+click and double-click to select, Ctrl+A/C/X/V, Ctrl+Z
// to undo, Ctrl+Y or Ctrl+Shift+Z to redo, Enter for a new line, Escape or
// Tab to leave (what was typed stays). Text comes from ImGui's character
// queue, so any input method that types through GLFW works.
//
// The wrap and cursor logic is in gui/models/wrapped_text.h (tested without
// a window); this file draws it with the window's draw list.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

// Bytes [begin, end) of the field's text.
struct TextRange {
    size_t begin = 0;
    size_t end = 0;
};

struct WrappedEditorOptions {
    float width = 0;          // pixels; 0: all the width left on the line
    int min_lines = 3;        // the field grows with its text from this many lines…
    int max_lines = 12;       // …to this many, then scrolls
    const char* hint = "";    // shown in grey while the field is empty
    // Ranges drawn with a wavy underline (spelling); may be null.
    const std::vector<TextRange>* underlines = nullptr;
};

struct WrappedEditorResult {
    bool changed = false;                  // the text was edited this frame
    std::optional<size_t> clicked_offset;  // byte offset under a left click this frame
    std::optional<size_t> right_clicked_offset;  // … under a right click (a spelling menu)
    std::optional<size_t> hovered_offset;        // … under the mouse while it is over the field
    bool active = false;                   // the field has the keyboard
};

// A wavy line under [x0, x1) of a text line whose bottom is at line_bottom,
// as spelling checkers draw (in the alert colour).
void spelling_underline(ImDrawList* draw, float x0, float x1, float line_bottom, float font_size);

// Draws the field for `text` (edited in place). `id` is an ImGui label,
// usually "##name".
WrappedEditorResult wrapped_editor(const char* id, std::string& text,
                                   const WrappedEditorOptions& options = {});

}  // namespace rapport::gui
