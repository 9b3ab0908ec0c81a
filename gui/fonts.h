// Fonts: a Unicode text font (DejaVu Sans) with the glyph ranges Rapport
// needs (Latin-1, Latin Extended, general punctuation, arrows, check marks)
// and a large bold font for clock digits. Sizes follow the scale.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace rapport::gui {

struct Fonts {
    ImFont* text = nullptr;
    ImFont* heading = nullptr;
    ImFont* clock = nullptr;
};

// Finds a font file by name in the shipped assets/fonts folder, then in the
// system's DejaVu folder. Returns an empty path when none exists.
std::filesystem::path find_font(const std::string& file_name);

// (Re)builds the font atlas at the given scale. Throws rapport::Error naming
// the font file when it cannot be loaded.
Fonts load_fonts(ImGuiIO& io, float scale);

}  // namespace rapport::gui
