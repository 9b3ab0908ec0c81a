// rapport: the desktop app. Everything happens in App (gui/app.h).
#include "gui/app.h"
#include "gui/options.h"

int main(int argc, char** argv) {
    auto parsed = rapport::gui::parse_options(argc, argv);
    if (parsed.exit_now) return *parsed.exit_now;
    rapport::gui::App app(parsed.options);
    return app.run();
}
