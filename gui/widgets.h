// Small widgets that more than one screen uses.
#pragma once

#include "engine/pitch/timer.h"
#include "gui/fonts.h"
#include "gui/palette.h"

#include <imgui.h>

#include <functional>
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

// ImGui::InputTextWithHint on a std::string, for every field with a hint.
// ImGui clips a hint wider than its field without a sign ("Search names,
// companies, notes… (Ctrl+"): with the layout report on, an empty field
// notes whether its hint fits (gui/layout_report.h).
bool hinted_input(const char* id, const char* hint, std::string* text, ImGuiInputTextFlags flags = 0);

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

// Start, Pause, Resume, Stop and Reset on one line (wrapping when narrow),
// greyed when they do not apply in `state`; returns the one clicked.
ClockAction clock_buttons(PitchTimer::State state);

// The row of clock buttons for a model with start(), pause(), resume(),
// stop() and reset() (PitchModel, LiveMeetingModel): draws it and calls the
// one clicked.
template <class ClockModel>
void clock_buttons_for(ClockModel& m, PitchTimer::State state) {
    switch (clock_buttons(state)) {
        case ClockAction::start: m.start(); break;
        case ClockAction::pause: m.pause(); break;
        case ClockAction::resume: m.resume(); break;
        case ClockAction::stop: m.stop(); break;
        case ClockAction::reset: m.reset(); break;
        case ClockAction::none: break;
    }
}

}  // namespace rapport::gui

// --- Colours and messages -------------------------------------------------
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

}  // namespace rapport::gui

// --- Layout that adapts to the window ----------------------------------------
namespace rapport::gui {

// Below this window width (in pixels at scale 1, times the scale) the
// navigation shows short labels in a narrow column.
constexpr float kCompactWindowWidth = 1000.0f;

// The width a button with this label takes.
float button_width(const char* label);

// SameLine() when an item `width` wide still fits on this line after the last
// item; otherwise the item starts the next line. Rows of buttons wrap so.
void same_line_if_fits(float width);
inline void same_line_for_button(const char* label) { same_line_if_fits(button_width(label)); }

// Two panes side by side when the area is at least `min_width_for_two` wide,
// else one under the other in the screen's own scrolling area (no child
// windows then). Use: Panes panes(40 * font); panes.begin("##left", w);
// …; panes.next("##right"); …; panes.end();
class Panes {
public:
    explicit Panes(float min_width_for_two);
    bool side_by_side() const { return side_by_side_; }
    // The left pane, `fraction` of the width (at least `min_width` pixels).
    void begin(const char* id, float fraction, float min_width, bool border = false);
    // The right pane, the rest of the width.
    void next(const char* id, bool border = false);
    void end();

private:
    bool side_by_side_;
};

// `text` cut to fit `width` pixels, ending in "…" when cut (at a code point boundary).
std::string fit_with_ellipsis(const std::string& text, float width);

// A tooltip with the whole of a text shown cut, wrapped to stay in the window.
void full_text_tooltip(const std::string& text);

// One line of text that ends in "…" when it does not fit the width left on
// the line (or `width`), with the whole text in a tooltip on hover.
void truncated_text(const std::string& text, float width = 0);
// A selectable list row whose label ends in "…" when too long, with the whole
// label in a tooltip on hover; true when clicked.
bool truncated_selectable(const std::string& label, bool selected);

// Large text in `font`, scaled down when the width left is too narrow for it
// (the big clocks).
void fitted_big_text(ImFont* font, const std::string& text, const ImVec4& color);

}  // namespace rapport::gui

namespace rapport::gui {

// The width for a field followed on its line by items `after` pixels wide:
// the room left beside them, or the whole line when that would leave the
// field less than `min_width` (the items then wrap under it with
// same_line_if_fits()).
float field_width_before(float after, float min_width);

// The width a radio button with this label takes.
float radio_width(const char* label);

}  // namespace rapport::gui

namespace rapport::gui {

// BeginCombo() whose shown value ends in "…" when longer than the combo
// (after SetNextItemWidth(), like any item).
bool begin_combo_fitted(const char* id, const std::string& shown);

// Calls draw_row(i) for the rows of 0..count-1 in view only (ImGuiListClipper;
// rows of one height): a list or a combo over years of records costs what
// shows, not 50,000 rows a frame.
template <class DrawRow>
void draw_rows_in_view(std::size_t count, DrawRow draw_row) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(static_cast<std::size_t>(i));
}

}  // namespace rapport::gui

// --- Exception safety ---------------------------------------------------------
namespace rapport::gui {

// Runs draw(). When it throws, whatever it left open inside the current
// window (child windows, style and ID pushes, groups, tables) is closed
// before the exception goes on, so the caller can catch an engine error and
// show it as a message: ImGui's stacks stay balanced and nothing aborts.
void draw_recovering(const std::function<void()>& draw);

}  // namespace rapport::gui
