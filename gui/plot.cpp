#include "gui/plot.h"

#include "engine/base/local_time.h"
#include "engine/pitch/analysis.h"
#include "gui/widgets.h"
#include "gui/i18n.h"
#include "engine/base/date_format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace rapport::gui {
namespace {

ImU32 with_alpha(const ImVec4& c, float alpha) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, alpha)); }

// "30 s" on a whole second, else with one decimal in the window's language
// ("37,5 s" in French).
std::string seconds_label(float s) {
    const double tenths = std::round(static_cast<double>(s) * 10) / 10;
    const bool whole = tenths == std::round(tenths);
    return (whole ? format("%.0f", tenths) : decimal(tenths, 1)) + " s";
}

}  // namespace

std::string local_day_of(const std::string& utc_stamp) {
    std::tm tm{};
    if (std::sscanf(utc_stamp.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
        return "";
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const LocalDateTime local = local_from_utc(static_cast<std::int64_t>(timegm(&tm)));
    return format_short_day(local, interface_language());
}

float tick_step(float span, int ticks) {
    static const float kSteps[] = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600};
    for (float step : kSteps)
        if (span / step <= static_cast<float>(ticks)) return step;
    return 600;
}

void attempts_plot(const char* id, const std::vector<PlotPoint>& points, std::optional<float> target,
                   float tolerance, float height, int first_number) {
    if (points.size() < 2) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();

    // Where a length is fine: around the target, or the usual length of a pitch.
    const float band_low = target ? *target * (1 - tolerance) : static_cast<float>(kUsualPitchShortestSeconds);
    const float band_high = target ? *target * (1 + tolerance) : static_cast<float>(kUsualPitchLongestSeconds);
    // The range spans the attempts and the band, with a margin.
    float low = band_low, high = band_high;
    for (const PlotPoint& p : points) {
        low = std::min(low, p.seconds);
        high = std::max(high, p.seconds);
    }
    const float margin = (high - low) * 0.12f + 0.5f;
    low = std::max(0.0f, low - margin);
    high += margin;

    const float font = ImGui::GetFontSize();
    const float axis = ImGui::CalcTextSize(seconds_label(high).c_str()).x + style.FramePadding.x * 2;
    const ImVec2 min(at.x + axis, at.y + font * 0.5f), max(at.x + width - style.FramePadding.x, at.y + height - font * 0.5f);
    const auto y_of = [&](float s) { return max.y - (max.y - min.y) * (s - low) / (high - low); };
    const auto x_of = [&](size_t i) {
        return min.x + (max.x - min.x) * (static_cast<float>(i) + 0.5f) / static_cast<float>(points.size());
    };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    // Seconds axis: ticks and grid lines.
    const float step = tick_step(high - low, 4);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (float s = std::ceil(low / step) * step; s <= high; s += step) {
        const float y = y_of(s);
        draw->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), grid);
        const std::string label = seconds_label(s);
        draw->AddText(ImVec2(min.x - style.FramePadding.x - ImGui::CalcTextSize(label.c_str()).x, y - font * 0.5f),
                      muted, label.c_str());
    }
    // The band where a length is fine, and the target across it.
    draw->AddRectFilled(ImVec2(min.x, y_of(band_high)), ImVec2(max.x, y_of(band_low)), with_alpha(kGoodColor, 0.15f));
    if (target)
        draw->AddLine(ImVec2(min.x, y_of(*target)), ImVec2(max.x, y_of(*target)), with_alpha(kGoodColor, 0.9f), 1.5f);
    // The attempts.
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_Text, 0.45f);
    for (size_t i = 1; i < points.size(); ++i)
        draw->AddLine(ImVec2(x_of(i - 1), y_of(points[i - 1].seconds)), ImVec2(x_of(i), y_of(points[i].seconds)), line, 1.5f);
    size_t nearest = 0;
    const float mouse_x = ImGui::GetIO().MousePos.x;
    for (size_t i = 0; i < points.size(); ++i) {
        const bool fine = points[i].seconds >= band_low && points[i].seconds <= band_high;
        draw->AddCircleFilled(ImVec2(x_of(i), y_of(points[i].seconds)), font * 0.25f,
                              ImGui::GetColorU32(fine ? kGoodColor : kCautionColor));
        if (std::abs(x_of(i) - mouse_x) < std::abs(x_of(nearest) - mouse_x)) nearest = i;
    }
    if (hovered) {
        const PlotPoint& p = points[nearest];
        draw->AddCircle(ImVec2(x_of(nearest), y_of(p.seconds)), font * 0.45f, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
        const int number = first_number + static_cast<int>(nearest);
        if (p.day.empty())
            ImGui::SetTooltip(_("Attempt %d · %s s"), number, decimal(p.seconds, 1).c_str());
        else
            ImGui::SetTooltip(_("Attempt %d · %s · %s s"), number, p.day.c_str(), decimal(p.seconds, 1).c_str());
    }
    const std::string legend =
        target ? format(_("Green band: %.0f–%.0f s is fine for the %.0f s target. Hover a point for its attempt."),
                        static_cast<double>(band_low), static_cast<double>(band_high), static_cast<double>(*target))
               : format(_("Green band: %.0f–%.0f s, the usual length of a pitch (no target). Hover a point for its "
                          "attempt."),
                        static_cast<double>(band_low), static_cast<double>(band_high));
    hint(legend.c_str());
}

}  // namespace rapport::gui
