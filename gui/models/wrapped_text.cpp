#include "gui/models/wrapped_text.h"

#include <algorithm>

namespace rapport::gui {
namespace {

constexpr size_t kUndoSteps = 200;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }
bool is_space(char32_t c) { return c == ' ' || c == '\t'; }

// Lines wrapped with no layout yet (the widget always lays out first; this
// keeps the model usable on its own).
std::vector<VisualLine> hard_lines(std::string_view text) {
    std::vector<VisualLine> lines;
    size_t begin = 0;
    while (true) {
        const size_t end = std::min(text.find('\n', begin), text.size());
        lines.push_back({begin, end, false});
        if (end == text.size()) return lines;
        begin = end + 1;
    }
}

// Wraps one hard line, bytes [begin, end), onto `lines`.
void wrap_segment(std::string_view text, size_t begin, size_t end, float width,
                  const GlyphAdvance& advance, std::vector<VisualLine>& lines) {
    size_t line_begin = begin;
    size_t word_start = std::string_view::npos;  // where the last word after a space starts
    float x = 0;
    for (size_t i = begin; i < end;) {
        const char32_t c = code_point_at(text, i);
        const float w = advance(c);
        if (is_space(c)) {  // spaces hang past the edge: they never force a break
            x += w;
            i = next_boundary(text, i);
            word_start = i;
            continue;
        }
        if (x + w > width && i > line_begin) {
            const size_t brk = word_start != std::string_view::npos && word_start > line_begin ? word_start : i;
            lines.push_back({line_begin, brk, true});
            line_begin = brk;
            word_start = std::string_view::npos;
            x = 0;
            for (size_t j = brk; j < i; j = next_boundary(text, j)) x += advance(code_point_at(text, j));
            if (x + w > width && i > line_begin) continue;  // the word alone is too long: break inside it
        }
        x += w;
        i = next_boundary(text, i);
    }
    lines.push_back({line_begin, end, false});
}

}  // namespace

size_t next_boundary(std::string_view text, size_t offset) {
    if (offset >= text.size()) return text.size();
    ++offset;
    while (offset < text.size() && is_continuation(static_cast<unsigned char>(text[offset]))) ++offset;
    return offset;
}

size_t prev_boundary(std::string_view text, size_t offset) {
    if (offset == 0) return 0;
    offset = std::min(offset, text.size());
    --offset;
    while (offset > 0 && is_continuation(static_cast<unsigned char>(text[offset]))) --offset;
    return offset;
}

char32_t code_point_at(std::string_view text, size_t offset) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    if (lead < 0x80) return lead;
    const size_t length = next_boundary(text, offset) - offset;
    const int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (static_cast<int>(length) != expected) return 0xFFFD;
    char32_t c = lead & (0x7F >> expected);
    for (size_t i = 1; i < length; ++i) c = (c << 6) | (byte(offset + i) & 0x3F);
    return c;
}

std::vector<VisualLine> wrap_lines(std::string_view text, float width, const GlyphAdvance& advance) {
    std::vector<VisualLine> lines;
    for (const VisualLine& hard : hard_lines(text)) wrap_segment(text, hard.begin, hard.end, width, advance, lines);
    return lines;
}

size_t line_of(const std::vector<VisualLine>& lines, size_t offset) {
    const auto after = std::upper_bound(lines.begin(), lines.end(), offset,
                                        [](size_t o, const VisualLine& line) { return o < line.begin; });
    return after == lines.begin() ? 0 : static_cast<size_t>(after - lines.begin()) - 1;
}

size_t line_last_offset(std::string_view text, const VisualLine& line) {
    return line.soft && line.end > line.begin ? prev_boundary(text, line.end) : line.end;
}

float x_of(std::string_view text, const VisualLine& line, size_t offset, const GlyphAdvance& advance) {
    float x = 0;
    for (size_t i = line.begin; i < std::min(offset, line.end); i = next_boundary(text, i))
        x += advance(code_point_at(text, i));
    return x;
}

size_t offset_at_x(std::string_view text, const VisualLine& line, float x, const GlyphAdvance& advance) {
    const size_t last = line_last_offset(text, line);
    float left = 0;
    for (size_t i = line.begin; i < last; i = next_boundary(text, i)) {
        const float w = advance(code_point_at(text, i));
        if (x < left + w / 2) return i;
        left += w;
    }
    return last;
}

// ---------------------------------------------------------------------------
// WrappedText
// ---------------------------------------------------------------------------

WrappedText::WrappedText(std::string text) : text_(std::move(text)) {
    cursor_ = anchor_ = text_.size();
    relayout();
}

std::string WrappedText::selected_text() const {
    return text_.substr(selection_begin(), selection_end() - selection_begin());
}

void WrappedText::layout(float width, const GlyphAdvance& advance) {
    width_ = width;
    advance_ = advance;
    relayout();
}

void WrappedText::relayout() { lines_ = advance_ ? wrap_lines(text_, width_, advance_) : hard_lines(text_); }

void WrappedText::remember(Edit kind) {
    const bool continues_run = kind == last_edit_ && (kind == Edit::typing || kind == Edit::deleting);
    if (!continues_run) {
        undo_.push_back({text_, cursor_, anchor_});
        if (undo_.size() > kUndoSteps) undo_.erase(undo_.begin());
    }
    redo_.clear();
    last_edit_ = kind;
}

void WrappedText::replace_selection(std::string_view with, Edit kind) {
    remember(kind);
    const size_t begin = selection_begin();
    text_.replace(begin, selection_end() - begin, with);
    cursor_ = anchor_ = begin + with.size();
    goal_x_ = -1;
    relayout();
}

void WrappedText::insert(std::string_view typed) {
    std::string clean;
    for (size_t i = 0; i < typed.size(); ++i) {
        if (typed[i] == '\r') {
            if (i + 1 < typed.size() && typed[i + 1] == '\n') continue;
            clean += '\n';
        } else {
            clean += typed[i];
        }
    }
    if (clean.empty() && !has_selection()) return;
    const bool one_letter = next_boundary(clean, 0) == clean.size() && clean != "\n";
    replace_selection(clean, one_letter && !has_selection() ? Edit::typing : Edit::other);
}

void WrappedText::backspace() {
    if (!has_selection()) {
        if (cursor_ == 0) return;
        anchor_ = prev_boundary(text_, cursor_);
    }
    replace_selection("", Edit::deleting);
}

void WrappedText::delete_forward() {
    if (!has_selection()) {
        if (cursor_ >= text_.size()) return;
        anchor_ = next_boundary(text_, cursor_);
    }
    replace_selection("", Edit::deleting);
}

void WrappedText::delete_word_back() {
    if (!has_selection()) {
        const size_t from = cursor_;
        move_left(false, true);
        anchor_ = from;
    }
    replace_selection("", Edit::other);
}

void WrappedText::set_cursor(size_t offset, bool extend) {
    cursor_ = std::min(offset, text_.size());
    if (!extend) anchor_ = cursor_;
    goal_x_ = -1;
    last_edit_ = Edit::none;
}

void WrappedText::move_left(bool extend, bool by_word) {
    if (has_selection() && !extend && !by_word) return set_cursor(selection_begin(), false);
    size_t at = prev_boundary(text_, cursor_);
    if (by_word) {
        at = cursor_;
        while (at > 0 && is_space(code_point_at(text_, prev_boundary(text_, at)))) at = prev_boundary(text_, at);
        while (at > 0 && !is_space(code_point_at(text_, prev_boundary(text_, at))) &&
               text_[prev_boundary(text_, at)] != '\n')
            at = prev_boundary(text_, at);
        if (at == cursor_) at = prev_boundary(text_, cursor_);
    }
    set_cursor(at, extend);
}

void WrappedText::move_right(bool extend, bool by_word) {
    if (has_selection() && !extend && !by_word) return set_cursor(selection_end(), false);
    size_t at = next_boundary(text_, cursor_);
    if (by_word) {
        at = cursor_;
        while (at < text_.size() && !is_space(code_point_at(text_, at)) && text_[at] != '\n')
            at = next_boundary(text_, at);
        while (at < text_.size() && is_space(code_point_at(text_, at))) at = next_boundary(text_, at);
        if (at == cursor_) at = next_boundary(text_, cursor_);
    }
    set_cursor(at, extend);
}

void WrappedText::move_vertically(int step, bool extend) {
    const size_t line = line_of(lines_, cursor_);
    const GlyphAdvance& advance = advance_ ? advance_ : GlyphAdvance([](char32_t) { return 1.0f; });
    const float goal = goal_x_ >= 0 ? goal_x_ : x_of(text_, lines_[line], cursor_, advance);
    const long target = static_cast<long>(line) + step;
    if (target < 0) return move_to_start(extend);
    if (target >= static_cast<long>(lines_.size())) return move_to_end(extend);
    set_cursor(offset_at_x(text_, lines_[static_cast<size_t>(target)], goal, advance), extend);
    goal_x_ = goal;  // kept for the next step, so a short line does not pull the cursor left
}

void WrappedText::move_up(bool extend) { move_vertically(-1, extend); }
void WrappedText::move_down(bool extend) { move_vertically(1, extend); }

void WrappedText::move_home(bool extend) { set_cursor(lines_[line_of(lines_, cursor_)].begin, extend); }

void WrappedText::move_end(bool extend) {
    set_cursor(line_last_offset(text_, lines_[line_of(lines_, cursor_)]), extend);
}

void WrappedText::move_to_start(bool extend) { set_cursor(0, extend); }
void WrappedText::move_to_end(bool extend) { set_cursor(text_.size(), extend); }

void WrappedText::move_to(size_t offset, bool extend) { set_cursor(offset, extend); }

void WrappedText::select_all() {
    set_cursor(text_.size(), false);
    anchor_ = 0;
}

void WrappedText::select_word_at(size_t offset) {
    size_t begin = std::min(offset, text_.size()), end = begin;
    const auto in_word = [&](size_t i) { return !is_space(code_point_at(text_, i)) && text_[i] != '\n'; };
    while (begin > 0 && in_word(prev_boundary(text_, begin))) begin = prev_boundary(text_, begin);
    while (end < text_.size() && in_word(end)) end = next_boundary(text_, end);
    set_cursor(end, false);
    anchor_ = begin;
}

bool WrappedText::undo() { return step_history(undo_, redo_); }
bool WrappedText::redo() { return step_history(redo_, undo_); }

// Takes the last state of `from` back, keeping the present one on `to`.
bool WrappedText::step_history(std::vector<Snapshot>& from, std::vector<Snapshot>& to) {
    if (from.empty()) return false;
    to.push_back({text_, cursor_, anchor_});
    Snapshot s = std::move(from.back());
    from.pop_back();
    text_ = std::move(s.text);
    cursor_ = s.cursor;
    anchor_ = s.anchor;
    last_edit_ = Edit::none;
    goal_x_ = -1;
    relayout();
    return true;
}

void WrappedText::reset(std::string text) {
    if (text == text_) return;
    text_ = std::move(text);
    cursor_ = anchor_ = text_.size();
    undo_.clear();
    redo_.clear();
    last_edit_ = Edit::none;
    goal_x_ = -1;
    relayout();
}

}  // namespace rapport::gui
