// The App owns the window, the frame loop, fonts, scale and the idle policy.
//
// Idle policy (the only place it lives):
//  - after any input, draw a few more frames so ImGui settles (hover states,
//    widgets that change size);
//  - while a screen animates (a running clock), wake when its picture next
//    changes (Screen::seconds_until_change());
//  - otherwise block in glfwWaitEvents() and use no CPU at all.
// In --frames mode it never blocks: it renders N frames and exits.
#pragma once

#include "gui/fonts.h"
#include "gui/options.h"
#include "gui/screens/screen.h"
#include "gui/test_script.h"
#include "gui/ui_state.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

struct GLFWwindow;

namespace rapport::gui {

class App {
public:
    explicit App(AppOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Runs until the window closes, a signal arrives or --frames are done.
    // Returns the process exit code.
    int run();

    // Called by GLFW callbacks: something happened that may change the picture.
    void note_input() { settle_frames_left_ = kSettleFrames; }
    void note_content_scale_changed() { fonts_dirty_ = true; }

private:
    static constexpr int kSettleFrames = 3;
    static constexpr double kShortestWait = 0.005;  // seconds; a screen asking for less would spin

    bool create_window();
    void open_database();
    void follow_profile_language();
    void apply_scale();
    void wait_for_something_to_draw();
    void draw_frame();
    void draw_navigation();
    bool compact_navigation() const;
    float navigation_width() const;
    void handle_shortcuts();
    void select_screen(const std::string& id);
    void honour_screen_request();
    void save_ui_state_quietly();
    void remember_screen_when_changed();
    bool animating() const;
    bool holding_for_idle();
    void add_layout_report();

    AppOptions options_;
    UiState ui_state_;
    std::optional<TestScript> script_;
    int frame_index_ = 0;
    std::optional<std::chrono::steady_clock::time_point> idle_wait_since_;  // a wait_idle step
    GLFWwindow* window_ = nullptr;
    AppContext context_;
    int seen_profile_revision_ = 0;
    std::optional<Database> database_;
    Fonts fonts_;
    float scale_ = 1.0f;
    bool fonts_dirty_ = true;
    int settle_frames_left_ = kSettleFrames;
    std::vector<std::unique_ptr<Screen>> screens_;
    size_t current_screen_ = 0;
    nlohmann::json layout_reports_ = nlohmann::json::array();
    std::ofstream frame_times_;  // open with --frame-times
    std::chrono::steady_clock::time_point frame_built_;  // when ImGui::Render returned
    void write_frame_time(const std::string& screen, std::chrono::steady_clock::time_point started);
};

}  // namespace rapport::gui
