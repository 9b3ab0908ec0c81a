// The text of a multi-line field with soft wrap, without ImGui: where the
// lines break at a given width, which line and x a byte offset sits at, and
// the editing state (cursor, selection, undo) that the wrapped editor widget
// (gui/wrapped_editor.h) draws and feeds keys to.
//
// Offsets are byte offsets into UTF-8 text and always sit on a code point
// boundary. A line break typed by the user ('\n') is kept in the text; a soft
// break exists only in the layout.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::gui {

// The width of one code point when drawn (the font's advance).
using GlyphAdvance = std::function<float(char32_t)>;

// One line as drawn: bytes [begin, end). `end` is the '\n' that closes a hard
// line, or the first byte of the next line for a soft one (its trailing
// spaces stay on it and hang past the edge, as in word processors).
struct VisualLine {
    size_t begin = 0;
    size_t end = 0;
    bool soft = false;  // true when the line was broken by the wrap, not by '\n'
};

// UTF-8 steps: the offset of the next / previous code point boundary.
size_t next_boundary(std::string_view text, size_t offset);
size_t prev_boundary(std::string_view text, size_t offset);
// The code point that starts at `offset` (U+FFFD for a malformed byte).
char32_t code_point_at(std::string_view text, size_t offset);

// Breaks `text` into lines no wider than `width`: after the last space that
// fits, or inside a word longer than the whole width. Always one line at least.
std::vector<VisualLine> wrap_lines(std::string_view text, float width, const GlyphAdvance& advance);

// The line a cursor at `offset` is drawn on (at a soft break: the next line's start).
size_t line_of(const std::vector<VisualLine>& lines, size_t offset);
// The last place a cursor can stand on the line (before the hanging space of
// a soft line, before the '\n' of a hard one).
size_t line_last_offset(std::string_view text, const VisualLine& line);
// The x of `offset` from the start of its line.
float x_of(std::string_view text, const VisualLine& line, size_t offset, const GlyphAdvance& advance);
// The boundary on the line nearest to `x`.
size_t offset_at_x(std::string_view text, const VisualLine& line, float x, const GlyphAdvance& advance);

// Editing state of one field: text, cursor, selection and undo history. The
// cursor is where typing goes; the anchor is the other end of the selection
// (equal to the cursor when nothing is selected).
class WrappedText {
public:
    explicit WrappedText(std::string text = {});

    const std::string& text() const { return text_; }
    size_t cursor() const { return cursor_; }
    size_t anchor() const { return anchor_; }
    bool has_selection() const { return cursor_ != anchor_; }
    size_t selection_begin() const { return std::min(cursor_, anchor_); }
    size_t selection_end() const { return std::max(cursor_, anchor_); }
    std::string selected_text() const;

    // Lays the text out at `width`; every call below that moves by lines uses
    // the last layout.
    void layout(float width, const GlyphAdvance& advance);
    const std::vector<VisualLine>& lines() const { return lines_; }

    // Replaces the selection with `typed` (UTF-8; "\r\n" and '\r' become '\n').
    void insert(std::string_view typed);
    void backspace();
    void delete_forward();
    void delete_word_back();

    // Moves; with `extend` the anchor stays, making or growing a selection.
    void move_left(bool extend, bool by_word = false);
    void move_right(bool extend, bool by_word = false);
    void move_up(bool extend);
    void move_down(bool extend);
    void move_home(bool extend);  // start of the visual line
    void move_end(bool extend);   // end of the visual line
    void move_to_start(bool extend);
    void move_to_end(bool extend);
    void move_to(size_t offset, bool extend);  // a click (extend: shift-click or drag)
    void select_all();
    void select_word_at(size_t offset);

    // One step of history; false when there is none. Typing a run of letters
    // is one step.
    bool undo();
    bool redo();

    // Sets the text from outside (the model changed it); clears the history
    // when it differs.
    void reset(std::string text);

private:
    struct Snapshot {
        std::string text;
        size_t cursor, anchor;
    };
    enum class Edit { none, typing, deleting, other };

    void replace_selection(std::string_view with, Edit kind);
    void remember(Edit kind);
    void set_cursor(size_t offset, bool extend);
    void move_vertically(int lines, bool extend);
    bool step_history(std::vector<Snapshot>& from, std::vector<Snapshot>& to);

    std::string text_;
    size_t cursor_ = 0, anchor_ = 0;
    void relayout();

    std::vector<VisualLine> lines_;
    float width_ = 0;
    GlyphAdvance advance_;
    float goal_x_ = -1;  // the x kept while moving up and down; < 0: none
    std::vector<Snapshot> undo_, redo_;
    Edit last_edit_ = Edit::none;
};

}  // namespace rapport::gui
