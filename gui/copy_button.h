// A Copy button that confirms: after putting text on the clipboard it reads
// "Copied" for two seconds (gui/models/copy_feedback.h). The screen keeps the
// CopyFeedback and reports it in animating() and seconds_until_change(), so
// the idle app wakes up to put the label back.
#pragma once

#include "gui/models/copy_feedback.h"

#include <functional>
#include <string>

namespace rapport::gui {

// Draws the button (greyed unless `enabled`), as wide as the wider of its
// label and "Copied" so the row does not jump. On a click it asks `go_ahead`
// (when given; e.g. the spelling check shown once before copying), then copies
// text() and starts the confirmation. True when it copied.
bool copy_button(const char* label, CopyFeedback& feedback, bool enabled,
                 const std::function<std::string()>& text,
                 const std::function<bool()>& go_ahead = {});

// The width copy_button() takes with this label.
float copy_button_width(const char* label);

// For a screen's animating() / seconds_until_change().
bool copy_feedback_showing(const CopyFeedback& feedback);
double copy_feedback_seconds_left(const CopyFeedback& feedback);

}  // namespace rapport::gui
