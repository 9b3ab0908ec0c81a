// "Copied": what a Copy button shows for a moment after it put text on the
// clipboard, so the user sees that the click did something. Times are the
// app's clock in seconds (ImGui::GetTime()); tests pass their own.
//
// The app sleeps in glfwWaitEvents while idle, so a screen showing the
// confirmation reports animating() and seconds_left() as the time until the
// label must change back (Screen::seconds_until_change()).
#pragma once

#include <algorithm>

namespace rapport::gui {

class CopyFeedback {
public:
    static constexpr double kShownSeconds = 2.0;

    void copied(double now) { until_ = now + kShownSeconds; }
    bool showing(double now) const { return now < until_; }
    // Until the confirmation goes; 0 when it is not shown.
    double seconds_left(double now) const { return std::max(0.0, until_ - now); }
    void clear() { until_ = 0; }

private:
    double until_ = 0;
};

}  // namespace rapport::gui
