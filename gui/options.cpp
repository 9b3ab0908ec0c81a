#include "gui/options.h"

#include "engine/base/version.h"
#include "gui/i18n.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rapport::gui {

ParsedOptions parse_options(int argc, char** argv) {
    ParsedOptions parsed;
    AppOptions& o = parsed.options;
    CLI::App app{"rapport — an offline coach for informational interviews", "rapport"};
    app.set_version_flag("--version", std::string("rapport ") + kVersion);
    app.add_option("--db", o.db_path, "Database file (default: $XDG_DATA_HOME/rapport/rapport.db)");
    app.add_option("--frames", o.frames, "Render N frames, then exit 0 (for tests)")
        ->check(CLI::PositiveNumber);
    app.add_option("--screenshot", o.screenshot_path, "Save the last frame as a PNG file");
    app.add_option("--scale", o.user_scale, "Your own zoom factor on top of the monitor's scale")
        ->check(CLI::Range(0.5f, 4.0f));
    app.add_option("--script", o.script_path,
                   "Inject scripted clicks, keys and screenshots (tests; see gui/test_script.h)")
        ->check(CLI::ExistingFile);
    app.add_option("--layout-report", o.layout_report_path,
                   "Write what was laid out and any clipped or overlapping text at each screenshot "
                   "and the last frame, as JSON (tests; see gui/layout_report.h)");
    app.add_option("--frame-times", o.frame_times_path,
                   "Write how long each frame took, one line per frame: the screen, the "
                   "milliseconds in all, and the milliseconds spent building the frame before "
                   "OpenGL draws it (benchmarks)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        parsed.exit_now = app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        parsed.exit_now = app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "rapport: " << e.what() << "\nRun 'rapport --help' for usage.\n";
        parsed.exit_now = 2;
    }
    return parsed;
}

}  // namespace rapport::gui
