#include "gui/ui_state.h"

#include "engine/base/error.h"
#include "engine/base/paths.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace rapport::gui {

std::filesystem::path ui_state_path() { return config_dir() / "gui.json"; }

UiState load_ui_state(const std::filesystem::path& path) {
    UiState state;
    std::ifstream in(path);
    if (!in) return state;
    nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return state;
    // Each field on its own: one bad value does not throw away the others.
    state.width = std::clamp(j.value("width", state.width), 400, 8000);
    state.height = std::clamp(j.value("height", state.height), 300, 8000);
    state.screen = j.value("screen", state.screen);
    state.user_scale = std::clamp(j.value("user_scale", state.user_scale), 0.5f, 4.0f);
    return state;
}

void save_ui_state(const std::filesystem::path& path, const UiState& state) {
    ensure_private_dir(path.parent_path());
    const nlohmann::json j = {{"width", state.width},
                              {"height", state.height},
                              {"screen", state.screen},
                              {"user_scale", state.user_scale}};
    const std::string text = j.dump(2) + "\n";
    const std::filesystem::path tmp = path.string() + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw Error("cannot write " + tmp.string());  // i18n: terminal (App prints it)
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::filesystem::remove(tmp);
        throw Error("cannot write " + path.string());  // i18n: terminal (App prints it)
    }
}

}  // namespace rapport::gui
