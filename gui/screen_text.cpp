#include "gui/screen_text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace rapport::gui {
namespace {

void append_utf8(unsigned c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Atlas corner -> character, over every loaded font.
std::map<std::pair<float, float>, unsigned> characters_by_uv() {
    std::map<std::pair<float, float>, unsigned> out;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) out.emplace(std::pair{g.U0, g.V0}, g.Codepoint);
    return out;
}

// Spaces draw nothing, so the reader only sees gaps: a label matches whatever
// spaces it holds, including the no-break ones ICU and French typography use
// (U+00A0, U+202F).
std::string without_spaces(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') continue;
        if (text.compare(i, 2, "\u00A0") == 0) { ++i; continue; }
        if (text.compare(i, 3, "\u202F") == 0) { i += 2; continue; }
        out += text[i];
    }
    return out;
}

}  // namespace

std::vector<Glyph> glyphs_of(const ImDrawData* data) {
    std::vector<Glyph> glyphs;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        const std::string owner = list->_OwnerName ? list->_OwnerName : "";
        const bool floating = owner.starts_with("##Tooltip") || owner.starts_with("##Popup") ||
                              owner.starts_with("##Combo");
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            // The vertices this command draws (after tables merge their
            // channels, one command's vertices need not be one run).
            std::vector<unsigned> used;
            for (unsigned i = 0; i < cmd.ElemCount; ++i)
                used.push_back(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)]);
            std::sort(used.begin(), used.end());
            used.erase(std::unique(used.begin(), used.end()), used.end());
            for (size_t k = 0; k + 3 < used.size();) {
                const unsigned v = used[k];
                if (used[k + 3] != v + 3) {
                    ++k;
                    continue;
                }
                const ImDrawVert* q = &list->VtxBuffer[static_cast<int>(v)];
                const bool textured = q[0].uv.x != white.x || q[0].uv.y != white.y;
                const bool rect = q[0].pos.y == q[1].pos.y && q[1].pos.x == q[2].pos.x &&
                                  q[2].pos.y == q[3].pos.y && q[3].pos.x == q[0].pos.x &&
                                  q[0].pos.x < q[1].pos.x && q[0].pos.y < q[3].pos.y;
                if (textured && rect) {
                    glyphs.push_back({ImRect(q[0].pos, q[2].pos), cmd.ClipRect, q[0].uv, glyphs.size(), l, v,
                                      floating});
                    k += 4;
                } else {
                    ++k;
                }
            }
        }
    }
    return glyphs;
}

std::vector<TextRun> text_runs(const ImDrawData* data) {
    std::vector<TextRun> runs;
    if (!data) return runs;
    const auto characters = characters_by_uv();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Glyph* previous = nullptr;
    float line_height = 0;  // the tallest glyph of the run so far
    for (const Glyph& g : glyphs_of(data)) {
        const auto found = characters.find({g.uv.x, g.uv.y});
        if (found == characters.end()) continue;  // an image, not a character
        const float gap = previous ? g.quad.Min.x - previous->quad.Max.x : 0;
        // One run: drawn right after the previous glyph, on its line, close to it.
        const bool continues = previous && previous->list == g.list && previous->vertex + 4 == g.vertex &&
                               g.quad.Min.y < previous->quad.Max.y && g.quad.Max.y > previous->quad.Min.y &&
                               gap > -2 && gap < 1.2f * line_height;
        if (!continues) {
            runs.emplace_back();
            line_height = 0;
        }
        TextRun& run = runs.back();
        if (continues && gap > 0.2f * line_height) run.text += ' ';
        append_utf8(found->second, run.text);
        line_height = std::max(line_height, g.quad.GetHeight());
        const ImRect clip(ImMax(ImVec2(g.clip.x, g.clip.y), ImVec2(0, 0)), ImMin(ImVec2(g.clip.z, g.clip.w), display));
        const ImVec2 centre = g.quad.GetCenter();
        if (clip.Contains(centre)) {
            if (!run.visible) run.rect = g.quad;
            else run.rect.Add(g.quad);
            run.visible = true;
        }
        previous = &g;
    }
    return runs;
}

std::optional<ImVec2> find_text(const std::vector<TextRun>& runs, const std::string& label, int nth) {
    const std::string wanted = without_spaces(label);
    for (const TextRun& run : runs)
        if (run.visible && without_spaces(run.text) == wanted && nth-- == 0) return run.rect.GetCenter();
    return std::nullopt;
}

}  // namespace rapport::gui
