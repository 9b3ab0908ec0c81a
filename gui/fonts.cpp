#include "gui/fonts.h"

#include "engine/base/error.h"
#include "engine/base/paths.h"

namespace rapport::gui {
namespace {

constexpr float kBaseTextSize = 17.0f;  // pixels at scale 1
constexpr float kHeadingRatio = 1.35f;
constexpr float kClockRatio = 4.5f;

// Code points we draw. ImGui keeps a pointer to this array: it must outlive the atlas.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x024F,  // Latin Extended-A and -B (Polish, Czech, Turkish, Romanian…)
    0x0300, 0x036F,  // Combining diacritical marks
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese, Welsh)
    0x2000, 0x206F,  // General Punctuation: — – … “ ” ‘ ’ •
    0x20A0, 0x20CF,  // Currency symbols (€)
    0x2190, 0x21FF,  // Arrows
    0x2300, 0x23FF,  // Misc technical (⏱ where the font has it)
    0x25A0, 0x25FF,  // Geometric shapes (▶ ■ ●)
    0x2713, 0x2717,  // Check marks and crosses
    0,
};
constexpr ImWchar kClockRanges[] = {0x0020, 0x003F, 0x2212, 0x2212, 0};  // digits, :, +, −

ImFont* add_font(ImGuiIO& io, const char* file_name, float size, const ImWchar* ranges) {
    std::filesystem::path path = find_font(file_name);
    if (path.empty())
        throw Error(std::string("font ") + file_name +
                    " not found (looked in the assets/fonts folder and "  // i18n: terminal
                    "/usr/share/fonts/truetype/dejavu; install the fonts-dejavu-core package)");
    ImFontConfig config;
    config.OversampleH = 2;
    ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, ranges);
    if (!font) throw Error("cannot load font " + path.string());  // i18n: terminal (before the window)
    return font;
}

}  // namespace

std::filesystem::path find_font(const std::string& file_name) {
    const std::filesystem::path candidates[] = {
        shipped_assets_dir() / "fonts" / file_name,
        std::filesystem::path("/usr/share/fonts/truetype/dejavu") / file_name,
    };
    for (const auto& candidate : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    return {};
}

Fonts load_fonts(ImGuiIO& io, float scale) {
    io.Fonts->Clear();
    Fonts fonts;
    fonts.text = add_font(io, "DejaVuSans.ttf", kBaseTextSize * scale, kTextRanges);
    fonts.heading = add_font(io, "DejaVuSans-Bold.ttf", kBaseTextSize * kHeadingRatio * scale,
                             kTextRanges);
    fonts.clock = add_font(io, "DejaVuSans-Bold.ttf", kBaseTextSize * kClockRatio * scale,
                           kClockRanges);
    if (!io.Fonts->Build()) throw Error("cannot build the font atlas");  // i18n: terminal
    io.FontDefault = fonts.text;
    return fonts;
}

}  // namespace rapport::gui
