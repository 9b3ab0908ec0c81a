// Scripted input for tests (--script FILE, used with --frames): mouse clicks,
// keys and text injected into ImGui at given frames, and screenshots taken at
// given frames. The Xvfb tests use it to prove that pixels and keys are wired
// to the right actions; the logic itself is tested on the engine.
//
// The file is a JSON array of steps, each with a "frame" (0-based) and one of:
//   {"frame": 3, "click": [x, y]}                  left click at window pixels
//   {"frame": 3, "right_click": [x, y]}            right click (a context menu)
//   {"frame": 3, "click_text": "Save"}             left click on the text shown
//       (a button's label, a field's hint, a row), read from the previous
//       frame as drawn (gui/screen_text.h), spaces ignored; the pointer
//       moves there at that frame and presses at the next; "nth": 1 picks
//       the second such text, "offset": [dx, dy] clicks that far from its
//       centre (a field right of its label). The frame is held (redrawn,
//       not counted) until the text is shown at the same place in two
//       frames running, at most 3 s: a pane still settling (its scroll
//       coming back after a panel closed) is not clicked where it was a
//       frame ago. No such text by then stops the app (exit 2) with the
//       texts that were shown.
//   {"frame": 3, "wait_text": "Copied"}            hold that frame until the text is
//   {"frame": 3, "wait_gone": "Copied"}            shown / no longer shown ("nth" as
//                                                  above), at most 10 s ("timeout": 2
//                                                  for 2 s), else stop the app (exit 2)
//                                                  saying so
//   {"frame": 3, "move": [x, y]}                   move the mouse
//   {"frame": 5, "key": "Space", "ctrl": false}    press and release a key
//   {"frame": 7, "text": "Zoë"}                    type UTF-8 text
//   {"frame": 9, "screenshot": "/tmp/shot.png"}    save that frame as PNG
//   {"frame": 4, "wait_idle": true}                hold that frame (redrawing) until the
//                                                  screen stops animating, at most 10 s
//                                                  (a dictionary loading); alone on its frame
//   {"frame": 9, "sleep": 2.5}                     wait that many seconds first
//                                                  (for what changes with time)
// Key names: A–Z, 0–9, F1–F12, Space, Enter, Tab, Escape, Backspace, Delete,
// Up, Down, Left, Right, Home, End.
#pragma once

#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

struct ScriptStep {
    int frame = 0;
    std::optional<ImVec2> click, right_click, move;
    std::string click_text;
    std::string wait_text, wait_gone;
    double timeout_seconds = 10;  // of a wait_text or wait_gone
    int nth = 0;
    ImVec2 offset{0, 0};
    double sleep_seconds = 0;
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
    // A click on a text looks in the previous frame's draw data; throws
    // rapport::Error when that text is not shown. While the frame is held
    // (holding()), its steps wait and only earlier presses are released.
    void apply_input(int frame, ImGuiIO& io);
    // Whether the last apply_input held its frame: the app draws it again
    // without counting it (no screenshot, no report, same frame number).
    bool holding() const { return holding_; }
    // Screenshot paths requested for this frame.
    std::vector<std::string> screenshots_for(int frame) const;
    // Whether a wait_idle step holds this frame.
    bool waits_at(int frame) const;

private:
    ImVec2 locate_text(int frame, const ScriptStep& step) const;
    bool step_ready(int frame, const ScriptStep& step);
    std::string shown_texts() const;

    std::vector<ScriptStep> steps_;
    ImVec2 mouse_{-1, -1};
    std::vector<int> keys_to_release_;
    bool release_mouse_ = false;
    bool release_mods_ = false;
    bool press_next_frame_ = false;  // a click_text: the press follows the move
    // A held frame: since when, and where its click_text's text was last seen.
    bool holding_ = false;
    std::optional<std::chrono::steady_clock::time_point> held_since_;
    std::optional<ImVec2> last_seen_;
};

}  // namespace rapport::gui
