// The wrap and cursor logic of the wrapped editor (gui/models/wrapped_text.h),
// with a monospace "font" of 1 unit a code point, so widths read as columns.
#include "gui/models/wrapped_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rapport::gui;

namespace {

const GlyphAdvance kMono = [](char32_t) { return 1.0f; };

// The lines as the strings they draw.
std::vector<std::string> drawn(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const VisualLine& line : wrap_lines(text, width, kMono))
        out.push_back(text.substr(line.begin, line.end - line.begin));
    return out;
}

WrappedText laid_out(const std::string& text, float width) {
    WrappedText t(text);
    t.layout(width, kMono);
    return t;
}

}  // namespace

TEST_CASE("lines break after the last space that fits; spaces hang; hard newlines are kept") {
    CHECK(drawn("I study maps of old cities", 10) ==
          std::vector<std::string>{"I study ", "maps of ", "old cities"});
    CHECK(drawn("one\ntwo three four", 9) == std::vector<std::string>{"one", "two three ", "four"});
    CHECK(drawn("", 10) == std::vector<std::string>{""});
    CHECK(drawn("end\n", 10) == std::vector<std::string>{"end", ""});
    CHECK(drawn("a\n\nb", 10) == std::vector<std::string>{"a", "", "b"});
    // A word longer than the whole width is cut where the width ends.
    CHECK(drawn("cartographically", 6) == std::vector<std::string>{"cartog", "raphic", "ally"});
    CHECK(drawn("see cartographically", 6) == std::vector<std::string>{"see ", "cartog", "raphic", "ally"});
    // Spaces at the edge never start a line of their own.
    CHECK(drawn("abcde     fgh", 5) == std::vector<std::string>{"abcde     ", "fgh"});
    // The text is never changed by the wrap: the lines cover every byte.
    const std::string pitch = "Je m'intéresse aux cartes anciennes\net aux gens qui les dessinent.";
    size_t covered = 0;
    for (const VisualLine& line : wrap_lines(pitch, 12, kMono)) {
        CHECK(line.begin == covered);
        covered = line.end + (line.soft ? 0 : 1);
    }
    CHECK(covered == pitch.size() + 1);
}

TEST_CASE("UTF-8: widths count code points, and lines never split one") {
    const std::string text = "Zoë Ångström, Musée de Montréal";
    for (const VisualLine& line : wrap_lines(text, 7, kMono)) {
        CHECK((static_cast<unsigned char>(text[line.begin]) & 0xC0) != 0x80);
        CHECK(x_of(text, line, line.end, kMono) <= 8);  // 7 and a hanging space
    }
    CHECK(drawn(text, 7) == std::vector<std::string>{"Zoë ", "Ångströ", "m, ", "Musée ", "de ", "Montréa", "l"});
    CHECK(code_point_at(text, 2) == U'ë');
    CHECK(next_boundary(text, 2) == 4);
    CHECK(prev_boundary(text, 4) == 2);
    CHECK(code_point_at("\xC3", 0) == 0xFFFD);  // a truncated sequence
}

TEST_CASE("a cursor maps to its line and x, and back; a soft break belongs to the next line") {
    const std::string text = "I study maps of old cities";
    const auto lines = wrap_lines(text, 10, kMono);  // "I study " | "maps of " | "old cities"
    CHECK(line_of(lines, 0) == 0);
    CHECK(line_of(lines, 7) == 0);   // before the hanging space
    CHECK(line_of(lines, 8) == 1);   // "m" of maps: the next line's start
    CHECK(line_of(lines, text.size()) == 2);
    CHECK(x_of(text, lines[1], 12, kMono) == 4);
    CHECK(offset_at_x(text, lines[1], 4.4f, kMono) == 12);
    CHECK(offset_at_x(text, lines[1], 4.6f, kMono) == 13);
    CHECK(offset_at_x(text, lines[0], 99, kMono) == 7);  // past the end: before the hanging space
    CHECK(offset_at_x(text, lines[2], 99, kMono) == text.size());
    CHECK(line_last_offset(text, lines[0]) == 7);
}

TEST_CASE("up and down keep the column across wrapped and short lines; Home and End work per line") {
    WrappedText t = laid_out("I study maps of old cities\nok\nand the people who draw them", 10);
    t.move_to(3, false);  // "I s|tudy"
    t.move_down(false);
    CHECK(t.cursor() == 11);  // "map|s"
    t.move_down(false);
    CHECK(t.cursor() == 19);  // "old|"
    t.move_down(false);
    CHECK(t.cursor() == 29);  // "ok|": the short line takes its end
    t.move_down(false);
    CHECK(t.cursor() == 33);  // back in column 3 on "and|"
    t.move_home(false);
    CHECK(t.cursor() == 30);
    t.move_end(false);
    CHECK(t.text().substr(30, t.cursor() - 30) == "and the");  // before the hanging space
    t.move_up(true);
    CHECK(t.has_selection());
    t.move_to_start(false);
    t.move_up(false);
    CHECK(t.cursor() == 0);
    t.move_to_end(false);
    t.move_down(false);
    CHECK(t.cursor() == t.text().size());
}

TEST_CASE("typing replaces the selection; backspace and delete step over whole code points") {
    WrappedText t = laid_out("Zoë", 20);
    t.backspace();
    CHECK(t.text() == "Zo");
    t.insert("é");
    t.insert("\r\nline");
    CHECK(t.text() == "Zoé\nline");
    t.move_to(0, false);
    t.move_right(true);
    t.move_right(true);
    CHECK(t.selected_text() == "Zo");
    t.insert("Ch");
    CHECK(t.text() == "Ché\nline");
    t.delete_forward();  // the two bytes of "é"
    CHECK(t.text() == "Ch\nline");
    t.select_word_at(4);
    CHECK(t.selected_text() == "line");
    t.select_all();
    CHECK(t.selected_text() == "Ch\nline");
    t.move_to_end(false);
    t.delete_word_back();
    CHECK(t.text() == "Ch\n");
}

TEST_CASE("undo takes back a typed run in one step; redo puts it back; a new edit clears redo") {
    WrappedText t = laid_out("maps", 20);
    for (const char* letter : {" ", "o", "f", " ", "c", "i", "t", "i", "e", "s"}) t.insert(letter);
    CHECK(t.text() == "maps of cities");
    t.move_left(false);  // moving ends the typed run
    t.insert("!");
    CHECK(t.undo());
    CHECK(t.text() == "maps of cities");
    CHECK(t.undo());
    CHECK(t.text() == "maps");
    CHECK_FALSE(t.undo());
    CHECK(t.redo());
    CHECK(t.text() == "maps of cities");
    t.insert("?");
    CHECK_FALSE(t.redo());
    // Pasting is a step of its own.
    t.insert("two\nlines");
    CHECK(t.undo());
    CHECK(t.text().find("lines") == std::string::npos);
}

TEST_CASE("reset from outside keeps the cursor in range and clears history only on change") {
    WrappedText t = laid_out("a long pitch", 20);
    t.insert("!");
    t.reset("a long pitch!");
    CHECK(t.undo());  // same text: history kept
    t.reset("short");
    CHECK(t.cursor() == 5);
    CHECK_FALSE(t.undo());
}
