// Small widgets that more than one screen uses.
#pragma once

#include "engine/pitch/timer.h"
#include "gui/fonts.h"
#include "gui/palette.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace rapport::gui {

// A screen title in the heading font.
void heading(const Fonts& fonts, const char* text);

// A muted, wrapped paragraph: what to do first when a list is empty.
void hint(const char* text);

// ---------------------------------------------------------------------------
// Forms: a label column, the field, and the engine's message beside it
// (Meetings & contacts, Meeting live).
// ---------------------------------------------------------------------------

// ImGui reverts a text field to what it held before editing when Escape is
// pressed; this treats that revert as no edit, so Escape only leaves the
// field and nothing typed is lost.
bool edited_unless_escape(bool changed);

// The label of the next form row, in a column `label_width` font sizes wide;
// the field that follows is `field_width` font sizes wide.
void form_label(const char* label, float label_width = 9.0f, float field_width = 20.0f);

// A labelled one-line text field. `value` changes only for real edits (never
// for Escape's revert); returns true when it changed.
bool form_text(const char* label, std::string& value, const char* placeholder = "");

// The message about the field just drawn, in the error colour on its right;
// nothing when message is null.
void field_message(const std::string* message);

// A wrapped message in the error colour.
void error_text(const std::string& message);

// A button greyed out when its action does not apply; true when clicked.
bool action_button(const char* label, bool applies);

// ---------------------------------------------------------------------------
// Clocks (Pitch, Meeting live)
// ---------------------------------------------------------------------------

enum class ClockAction { none, start, pause, resume, stop, reset };

// Start, Pause, Resume, Stop and Reset on one line, greyed when they do not
// apply in `state`; returns the one clicked.
ClockAction clock_buttons(PitchTimer::State state);

}  // namespace rapport::gui

// --- Colours, messages and plots -------------------------------------------
namespace rapport::gui {

inline ImVec4 imgui_color(palette::Rgb c) { return ImVec4(c.r, c.g, c.b, 1.0f); }

// The meaning of each is in gui/palette.h.
inline const ImVec4 kGoodColor = imgui_color(palette::good);
inline const ImVec4 kCautionColor = imgui_color(palette::caution);
inline const ImVec4 kAlertColor = imgui_color(palette::alert);
inline const ImVec4 kErrorColor = imgui_color(palette::error);

// A wrapped paragraph in the given colour (messages, errors).
void colored_text(const ImVec4& color, const char* text);
inline void colored_text(const ImVec4& color, const std::string& text) {
    colored_text(color, text.c_str());
}

// Lengths in seconds (oldest first) as a line, with the target drawn across
// and labelled; the range spans both with a margin so small differences
// around the target stay visible. Needs two values or more.
void plot_against_target(const char* id, const std::vector<float>& seconds, float target,
                         float height);

}  // namespace rapport::gui
