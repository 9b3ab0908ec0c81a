// The few colours that carry meaning in the app, as plain numbers so the Xvfb
// tests can count their pixels without ImGui (widgets.h turns them into
// ImVec4 for the screens).
#pragma once

namespace rapport::gui::palette {

struct Rgb {
    float r, g, b;
};

// Good: under target, on time, a question that is fine, a covered part.
inline constexpr Rgb good{0.10f, 0.48f, 0.20f};
// Caution: closing on the target, time to wrap up, due soon, a question to word with care.
inline constexpr Rgb caution{0.80f, 0.48f, 0.00f};
// Alert: over the time, a question to avoid.
inline constexpr Rgb alert{0.78f, 0.10f, 0.10f};
// Errors, and items overdue.
inline constexpr Rgb error{0.70f, 0.05f, 0.05f};

// One channel as the 0–255 value a screenshot holds.
constexpr int to_byte(float channel) { return static_cast<int>(channel * 255.0f + 0.5f); }

}  // namespace rapport::gui::palette
