#include "gui/layout_report.h"

#include "gui/screen_text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <vector>

namespace rapport::gui {
namespace {

bool g_enabled = false;

struct EditorNote {
    std::string id;
    ImVec2 min, max, text_end;
    int frame;  // ImGui's frame count when drawn: only this frame's count
};
std::vector<EditorNote> g_editors;

struct HintNote {
    std::string hint;
    ImVec2 min, max;
    float needed;
    int frame;
};
std::vector<HintNote> g_hints;

nlohmann::json rect_json(ImVec2 min, ImVec2 max) { return {min.x, min.y, max.x, max.y}; }

float overlap_area(const ImRect& a, const ImRect& b) {
    const float w = std::min(a.Max.x, b.Max.x) - std::max(a.Min.x, b.Min.x);
    const float h = std::min(a.Max.y, b.Max.y) - std::max(a.Min.y, b.Min.y);
    return w > 0 && h > 0 ? w * h : 0;
}

void check_windows(nlohmann::json& report, nlohmann::json& problems) {
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden) continue;
        report["windows"].push_back({{"name", w->Name},
                                     {"rect", rect_json(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y))},
                                     {"scroll_max", {w->ScrollMax.x, w->ScrollMax.y}}});
        if (w->ScrollMax.x > 0.5f && !w->ScrollbarX)
            problems.push_back(std::string("content wider than window ") + w->Name + " by " +
                               std::to_string(static_cast<int>(w->ScrollMax.x)) + " px");
        if (w->ScrollMax.y > 0.5f && !w->ScrollbarY)
            problems.push_back(std::string("content taller than window ") + w->Name +
                               " with no scrollbar");
    }
}

void check_glyphs(const ImDrawData* data, nlohmann::json& report, nlohmann::json& problems) {
    const std::vector<Glyph> glyphs = glyphs_of(data);
    report["glyphs"] = glyphs.size();
    int cut = 0, overlapping = 0;
    for (const Glyph& g : glyphs) {
        const bool inside_vertically = g.quad.Max.y > g.clip.y && g.quad.Min.y < g.clip.w;
        if (!inside_vertically) continue;
        if ((g.quad.Min.x < g.clip.x - 1 || g.quad.Max.x > g.clip.z + 1) && cut++ < 5)
            problems.push_back("text cut at x " + std::to_string(static_cast<int>(g.quad.Min.x)) + ", y " +
                               std::to_string(static_cast<int>(g.quad.Min.y)));
    }
    // Text over text: glyphs of different runs sharing a good part of their area.
    std::vector<const Glyph*> by_x;
    for (const Glyph& g : glyphs) by_x.push_back(&g);
    std::sort(by_x.begin(), by_x.end(), [](const Glyph* a, const Glyph* b) { return a->quad.Min.x < b->quad.Min.x; });
    for (size_t i = 0; i < by_x.size(); ++i)
        for (size_t j = i + 1; j < by_x.size() && by_x[j]->quad.Min.x < by_x[i]->quad.Max.x; ++j) {
            const Glyph &a = *by_x[i], &b = *by_x[j];
            if (a.order + 1 == b.order || b.order + 1 == a.order || a.floating != b.floating) continue;
            const ImRect shown_a(ImMax(a.quad.Min, ImVec2(a.clip.x, a.clip.y)), ImMin(a.quad.Max, ImVec2(a.clip.z, a.clip.w)));
            const ImRect shown_b(ImMax(b.quad.Min, ImVec2(b.clip.x, b.clip.y)), ImMin(b.quad.Max, ImVec2(b.clip.z, b.clip.w)));
            const float smaller = std::min(a.quad.GetArea(), b.quad.GetArea());
            if (overlap_area(shown_a, shown_b) > 0.3f * smaller && overlapping++ < 5)
                problems.push_back("text over text at x " + std::to_string(static_cast<int>(a.quad.Min.x)) +
                                   ", y " + std::to_string(static_cast<int>(a.quad.Min.y)) + " and x " +
                                   std::to_string(static_cast<int>(b.quad.Min.x)) + ", y " +
                                   std::to_string(static_cast<int>(b.quad.Min.y)) + " (draw lists " +
                                   std::to_string(a.list) + ", " + std::to_string(b.list) + ")");
        }
    report["cut_glyphs"] = cut;
    report["overlapping_glyphs"] = overlapping;
}

// The texts the frame showed (tests read what the user would read).
nlohmann::json visible_texts(const ImDrawData* data) {
    nlohmann::json texts = nlohmann::json::array();
    for (const TextRun& run : text_runs(data))
        if (run.visible) texts.push_back({{"text", run.text}, {"rect", rect_json(run.rect.Min, run.rect.Max)}});
    return texts;
}

}  // namespace

bool layout_report_enabled() { return g_enabled; }
void enable_layout_report() { g_enabled = true; }

void note_editor(const std::string& id, ImVec2 frame_min, ImVec2 frame_max, ImVec2 text_end) {
    if (!g_enabled) return;
    const int frame = ImGui::GetFrameCount();
    std::erase_if(g_editors, [frame](const EditorNote& e) { return e.frame != frame; });
    g_editors.push_back({id, frame_min, frame_max, text_end, frame});
}

void note_hint(const std::string& hint, ImVec2 frame_min, ImVec2 frame_max, float needed_width) {
    if (!g_enabled) return;
    const int frame = ImGui::GetFrameCount();
    std::erase_if(g_hints, [frame](const HintNote& h) { return h.frame != frame; });
    g_hints.push_back({hint, frame_min, frame_max, needed_width, frame});
}

nlohmann::json layout_report(const std::string& screen, int frame) {
    nlohmann::json report = {{"screen", screen}, {"frame", frame}, {"windows", nlohmann::json::array()},
                             {"editors", nlohmann::json::array()}};
    nlohmann::json problems = nlohmann::json::array();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    report["display"] = {display.x, display.y};
    check_windows(report, problems);
    if (const ImDrawData* data = ImGui::GetDrawData()) {
        check_glyphs(data, report, problems);
        report["texts"] = visible_texts(data);
    }
    for (const EditorNote& e : g_editors) {
        if (e.frame != ImGui::GetFrameCount()) continue;
        report["editors"].push_back({{"id", e.id}, {"rect", rect_json(e.min, e.max)},
                                     {"text_end", {e.text_end.x, e.text_end.y}}});
        if (e.text_end.x > e.max.x || e.max.x > display.x)
            problems.push_back("editor " + e.id + ": the text ends outside the field");
    }
    g_editors.clear();
    report["hints"] = nlohmann::json::array();
    for (const HintNote& h : g_hints) {
        if (h.frame != ImGui::GetFrameCount()) continue;
        report["hints"].push_back({{"hint", h.hint}, {"rect", rect_json(h.min, h.max)}, {"needed", h.needed}});
        // Half a pixel of slack: text measured and drawn round differently.
        if (h.needed > h.max.x - h.min.x + 0.5f || h.max.x > display.x)
            problems.push_back("hint cut by its field: \"" + h.hint + "\" needs " +
                               std::to_string(static_cast<int>(h.needed)) + " px, the field has " +
                               std::to_string(static_cast<int>(h.max.x - h.min.x)) + " px");
    }
    g_hints.clear();
    report["problems"] = problems;
    return report;
}

}  // namespace rapport::gui
