// Small widgets that more than one screen uses.
#pragma once

#include "gui/fonts.h"

#include <imgui.h>

#include <vector>

namespace rapport::gui {

// A screen title in the heading font.
void heading(const Fonts& fonts, const char* text);

// A muted, wrapped paragraph: what to do first when a list is empty.
void hint(const char* text);

}  // namespace rapport::gui

// --- Shared by Home and Debrief ---------------------------------------------
namespace rapport::gui {

inline const ImVec4 kErrorTextColor{0.70f, 0.05f, 0.05f, 1.0f};
inline const ImVec4 kWarningTextColor{0.80f, 0.40f, 0.00f, 1.0f};
inline const ImVec4 kGoodTextColor{0.10f, 0.48f, 0.20f, 1.0f};

// A wrapped paragraph in the given colour (messages, errors).
void colored_text(const ImVec4& color, const char* text);

// ImGui 1.86 puts back what a text field held before editing when Escape is
// pressed; pass the field's "changed" result through this so Escape only
// leaves the field and nothing typed is lost (the model keeps the text).
bool text_edited(bool changed);

// A button greyed out when its action does not apply; true when clicked.
bool button_if(const char* label, bool applies);

}  // namespace rapport::gui

namespace rapport::gui {

// Lengths in seconds (oldest first) as a line, with the target drawn across
// and labelled; the range spans both with a margin so small differences
// around the target stay visible. Needs two values or more.
void plot_against_target(const char* id, const std::vector<float>& seconds, float target,
                         float height);

}  // namespace rapport::gui
