// A test hook (--layout-report FILE): after a frame, what ImGui laid out and
// drew, checked for the faults a too-small window causes:
//  - a window whose content is wider than the window with no scrollbar to
//    reach it (a control pushed off the right edge), or taller with no
//    vertical scrollbar;
//  - text cut by the edge of the area it is drawn in (a glyph only partly
//    inside its clip rectangle, left or right);
//  - text drawn over other text (two glyphs of different runs overlapping);
//  - a wrapped editor whose last word ends outside the field;
//  - a field's hint wider than the field (ImGui clips it without a sign).
// Every window and editor is listed with its rectangle, and every visible
// run of text ("texts": text and rectangle, gui/screen_text.h), so tests can
// also find where things are and read what the user would read. Read from ImGui's own data (windows, draw lists);
// nothing is drawn differently when the report is on.
#pragma once

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>

namespace rapport::gui {

// True while --layout-report is given (widgets then note what they drew).
bool layout_report_enabled();
void enable_layout_report();

// Called by the wrapped editor each frame: its frame and where its text ends.
void note_editor(const std::string& id, ImVec2 frame_min, ImVec2 frame_max, ImVec2 text_end);

// Called by hinted_input (gui/widgets.h) for an empty field: its frame and
// the width its hint needs; a hint wider than the frame is reported cut.
void note_hint(const std::string& hint, ImVec2 frame_min, ImVec2 frame_max, float needed_width);

// The report of the frame just rendered (call after ImGui::Render()), with
// `screen` (the open screen's id) and `frame`; clears the notes for the next
// frame. "problems" lists every fault found, in words.
nlohmann::json layout_report(const std::string& screen, int frame);

}  // namespace rapport::gui
