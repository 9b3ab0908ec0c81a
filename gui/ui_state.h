// What the app remembers between runs: window size, the open screen and the
// user's zoom. Kept as JSON in $XDG_CONFIG_HOME/rapport/gui.json (mode 0600),
// written atomically so a crash never leaves half a file.
#pragma once

#include <filesystem>
#include <string>

namespace rapport::gui {

struct UiState {
    int width = 1100;
    int height = 720;
    std::string screen = "home";
    float user_scale = 1.0f;
};

std::filesystem::path ui_state_path();

// Missing file: defaults. An unreadable or invalid file: defaults too (it is
// only window geometry), and the file is left alone until the next save.
UiState load_ui_state(const std::filesystem::path& path);

// Throws rapport::Error naming the file when it cannot be written.
void save_ui_state(const std::filesystem::path& path, const UiState& state);

}  // namespace rapport::gui
