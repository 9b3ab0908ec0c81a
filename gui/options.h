// Command-line options of the desktop app.
#pragma once

#include <optional>
#include <string>

namespace rapport::gui {

struct AppOptions {
    std::string db_path;          // --db (empty: the default location)
    int frames = 0;               // --frames N: render N frames, then exit 0 (0: run normally)
    std::string screenshot_path;  // --screenshot PATH: save the last frame as PNG
    std::optional<float> user_scale;  // --scale F: the user's own zoom (else the saved one)
    std::string script_path;      // --script FILE: scripted input for tests (see test_script.h)
    std::string layout_report_path;  // --layout-report FILE: layout faults at each screenshot (layout_report.h)
    std::string frame_times_path;    // --frame-times FILE: "screen total_ms build_ms" per frame (bench/gui_frames.sh)
};

// Parses argv. Returns the options, or an exit code when the program should
// stop at once (--help and --version: 0; a bad option: 2, message on stderr).
struct ParsedOptions {
    AppOptions options;
    std::optional<int> exit_now;
};
ParsedOptions parse_options(int argc, char** argv);

}  // namespace rapport::gui
