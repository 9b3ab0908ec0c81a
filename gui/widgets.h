// Small widgets that more than one screen uses.
#pragma once

#include "gui/fonts.h"

#include <imgui.h>

namespace rapport::gui {

// A screen title in the heading font.
void heading(const Fonts& fonts, const char* text);

// A muted, wrapped paragraph: what to do first when a list is empty.
void hint(const char* text);

}  // namespace rapport::gui
