// The text a frame showed, read back from ImGui's draw lists: each glyph quad
// is mapped to its character through the font atlas, and glyphs drawn one
// after the other on one line form a run ("Save", "Copy to clipboard").
//
// For tests: the script clicks a button or field by its visible label
// ({"click_text": "Save"}, gui/test_script.h), so the same journey runs in
// any language and at any size, and the layout report lists the texts shown.
// Nothing is drawn differently for it.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

// One glyph as drawn: its quad, the clip rectangle it was drawn with, and
// where it sits in the draw lists.
struct Glyph {
    ImRect quad;
    ImVec4 clip;
    ImVec2 uv;       // its top-left corner in the font atlas: which character
    size_t order;    // position in drawing order; neighbours belong to one run of text
    int list;        // which draw list (one a window)
    unsigned vertex; // its first vertex in that list
    bool floating;   // in a tooltip or popup, which sit over the window by design
};

// Every glyph quad of the frame: the textured axis-aligned rectangles (all
// else ImGui draws uses the atlas's white pixel).
std::vector<Glyph> glyphs_of(const ImDrawData* data);

struct TextRun {
    std::string text;  // UTF-8, with a space where the gap between glyphs is a word's
    ImRect rect;       // of its glyphs inside their clip rectangles
    bool visible = false;  // some of it inside its clip rectangle and the display
};

// The runs of the frame last rendered, in drawing order.
std::vector<TextRun> text_runs(const ImDrawData* data);

// The centre of the `nth` (0-based) visible run that reads `label` (spaces
// ignored, since a space draws nothing); nullopt when there is none.
std::optional<ImVec2> find_text(const std::vector<TextRun>& runs, const std::string& label, int nth = 0);

}  // namespace rapport::gui
