// The list of spelling issues under a text field: one row per issue with its
// reason, a button per suggestion (click: replace) and "Add to my words";
// F7 replaces the first issue with its first suggestion.
//
// A simple list for now: underlining inside the field waits for the
// wrapping multi-line editor; the spans to underline are already in
// SpellCheckModel::issues() (offset, length).
#pragma once

#include "gui/models/spell_check_model.h"

#include <string>

namespace rapport::gui {

// Draws the issues of the text last given to spell.update(), at most
// max_rows issues tall (it scrolls beyond). Returns true when a suggestion
// replaced part of text (text is then the new one).
// About how tall spelling_issue_list() will be (to size the field above it).
float spelling_issue_list_height(const SpellCheckModel& spell, int max_rows = 2);

bool spelling_issue_list(const char* id, SpellCheckModel& spell, std::string& text, int max_rows = 2);

}  // namespace rapport::gui
