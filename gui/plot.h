// The pitch history plot (Home and Pitch), drawn with ImGui's draw list: a
// seconds axis, the target band (target ± the tolerance; with no target the
// usual length of a pitch, 30 s to 2 min, and no target line), one point an
// attempt joined by a line, and a tooltip for the point under the mouse
// ("Attempt 3 · Nov 29 · 58.9 s"). The legend is a line of text under it, so
// the data never hides it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

struct PlotPoint {
    float seconds = 0;
    std::string day;  // "Nov 29", or empty
};

// `points` oldest first; the first is attempt `first_number`. Draws nothing
// for fewer than two points.
void attempts_plot(const char* id, const std::vector<PlotPoint>& points, std::optional<float> target,
                   float tolerance, float height, int first_number = 1);

// "Nov 29" in local time for a stored UTC stamp ("2026-11-29T20:07:57Z");
// empty when the stamp cannot be read.
std::string local_day_of(const std::string& utc_stamp);

// The tick step, in seconds, for an axis spanning `span` seconds with about
// `ticks` ticks (1, 2, 5, 10, 15, 20, 30, 60 … seconds).
float tick_step(float span, int ticks);

}  // namespace rapport::gui
