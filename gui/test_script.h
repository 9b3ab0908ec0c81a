// Scripted input for tests (--script FILE, used with --frames): mouse clicks,
// keys and text injected into ImGui at given frames, and screenshots taken at
// given frames. The Xvfb tests use it to prove that pixels and keys are wired
// to the right actions; the logic itself is tested on the engine.
//
// The file is a JSON array of steps, each with a "frame" (0-based) and one of:
//   {"frame": 3, "click": [x, y]}                  left click at window pixels
//   {"frame": 3, "right_click": [x, y]}            right click (a context menu)
//   {"frame": 3, "move": [x, y]}                   move the mouse
//   {"frame": 5, "key": "Space", "ctrl": false}    press and release a key
//   {"frame": 7, "text": "Zoë"}                    type UTF-8 text
//   {"frame": 9, "screenshot": "/tmp/shot.png"}    save that frame as PNG
//   {"frame": 4, "wait_idle": true}                hold that frame (redrawing) until the
//                                                  screen stops animating, at most 10 s
//                                                  (a dictionary loading); alone on its frame
// Key names: A–Z, 0–9, F1–F12, Space, Enter, Tab, Escape, Backspace, Delete,
// Up, Down, Left, Right, Home, End.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

struct ScriptStep {
    int frame = 0;
    std::optional<ImVec2> click, right_click, move;
    int key = -1;  // GLFW key code
    bool ctrl = false, shift = false;
    std::string text;
    std::string screenshot;
    bool wait_idle = false;
};

class TestScript {
public:
    // Throws rapport::Error naming the file and step on bad input.
    static TestScript load(const std::filesystem::path& path);

    // Feeds this frame's input to ImGui; call between the backend's NewFrame
    // and ImGui::NewFrame (the backend overwrites mouse state every frame).
    void apply_input(int frame, ImGuiIO& io);
    // Screenshot paths requested for this frame.
    std::vector<std::string> screenshots_for(int frame) const;
    // Whether a wait_idle step holds this frame.
    bool waits_at(int frame) const;

private:
    std::vector<ScriptStep> steps_;
    ImVec2 mouse_{-1, -1};
    std::vector<int> keys_to_release_;
    bool release_mouse_ = false;
    bool release_mods_ = false;
};

}  // namespace rapport::gui
