#include "gui/test_script.h"

#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "gui/screen_text.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace rapport::gui {
namespace {

struct NamedKey {
    std::string_view name;
    int code;
};
constexpr NamedKey kNamedKeys[] = {
    {"Space", GLFW_KEY_SPACE},   {"Enter", GLFW_KEY_ENTER},   {"Tab", GLFW_KEY_TAB},
    {"Escape", GLFW_KEY_ESCAPE}, {"Backspace", GLFW_KEY_BACKSPACE},
    {"Delete", GLFW_KEY_DELETE}, {"Up", GLFW_KEY_UP},         {"Down", GLFW_KEY_DOWN},
    {"Left", GLFW_KEY_LEFT},     {"Right", GLFW_KEY_RIGHT},   {"Home", GLFW_KEY_HOME},
    {"End", GLFW_KEY_END},
};

int key_code(const std::string& name) {
    for (const NamedKey& key : kNamedKeys)
        if (key.name == name) return key.code;
    if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') return GLFW_KEY_A + (name[0] - 'A');
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    if (name.size() >= 2 && name[0] == 'F') {
        int n = std::atoi(name.c_str() + 1);
        if (n >= 1 && n <= 12) return GLFW_KEY_F1 + n - 1;
    }
    return -1;
}

std::optional<ImVec2> point(const nlohmann::json& step, const char* field) {
    if (!step.contains(field)) return std::nullopt;
    const auto& p = step[field];
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
        throw Error(std::string("\"") + field + "\" must be [x, y]");
    return ImVec2(p[0].get<float>(), p[1].get<float>());
}

}  // namespace

TestScript TestScript::load(const std::filesystem::path& path) {
    JsonSource src = load_json_source(path);
    if (!src.root.is_array()) throw Error(src.where("") + ": a script is a JSON array of steps");
    TestScript script;
    for (size_t i = 0; i < src.root.size(); ++i) {
        const auto& j = src.root[i];
        // Appended rather than "/" + …: g++ 12 warns falsely (-Wrestrict) on that form.
        std::string pointer = "/";
        pointer += std::to_string(i);
        const std::string where = src.where(pointer);
        try {
            ScriptStep step;
            step.frame = j.at("frame").get<int>();
            step.wait_text = j.value("wait_text", "");
            step.wait_gone = j.value("wait_gone", "");
            if (j.contains("wait_text") || j.contains("wait_gone")) {
                step.nth = j.value("nth", 0);
                step.timeout_seconds = j.value("timeout", 10.0);
            }
            if (j.contains("click_text")) {
                step.click_text = j["click_text"].get<std::string>();
                step.nth = j.value("nth", 0);
                if (auto offset = point(j, "offset")) step.offset = *offset;
            } else {
                step.click = point(j, "click");
            }
            step.sleep_seconds = j.value("sleep", 0.0);
            step.move = point(j, "move");
            step.right_click = point(j, "right_click");
            if (j.contains("key")) {
                step.key = key_code(j["key"].get<std::string>());
                if (step.key < 0) throw Error("unknown key \"" + j["key"].get<std::string>() + "\"");
            }
            step.ctrl = j.value("ctrl", false);
            step.shift = j.value("shift", false);
            step.text = j.value("text", "");
            step.screenshot = j.value("screenshot", "");
            step.wait_idle = j.value("wait_idle", false);
            script.steps_.push_back(std::move(step));
        } catch (const nlohmann::json::exception& e) {
            throw Error(where + ": " + e.what());
        } catch (const Error& e) {
            throw Error(where + ": " + e.what());
        }
    }
    return script;
}

void TestScript::apply_input(int frame, ImGuiIO& io) {
    // Releases of the previous frame's presses: a click or key press needs a
    // frame down and a frame up.
    for (int key : keys_to_release_) io.KeysDown[key] = false;
    keys_to_release_.clear();
    if (release_mods_) io.KeyCtrl = io.KeyShift = release_mods_ = false;
    io.MouseDown[0] = io.MouseDown[1] = false;
    release_mouse_ = false;
    if (press_next_frame_) {  // a click on a text: the pointer got there last frame
        io.MouseDown[0] = true;
        release_mouse_ = true;
        press_next_frame_ = false;
    }

    holding_ = false;
    for (const ScriptStep& step : steps_)
        if (step.frame == frame && !step_ready(frame, step)) holding_ = true;
    if (holding_) {
        if (mouse_.x >= 0) io.MousePos = mouse_;
        return;
    }
    held_since_.reset();
    last_seen_.reset();

    for (const ScriptStep& step : steps_) {
        if (step.frame != frame) continue;
        if (step.sleep_seconds > 0)
            std::this_thread::sleep_for(std::chrono::duration<double>(step.sleep_seconds));
        if (step.move) mouse_ = *step.move;
        if (!step.click_text.empty()) {
            // As a hand does: over the text first, the press a frame later
            // (ImGui ignores a press where the pointer just jumped to after
            // keyboard use).
            mouse_ = locate_text(frame, step);
            press_next_frame_ = true;
        }
        if (step.click) {
            mouse_ = *step.click;
            io.MouseDown[0] = true;
            release_mouse_ = true;
        }
        if (step.right_click) {
            mouse_ = *step.right_click;
            io.MouseDown[1] = true;
            release_mouse_ = true;
        }
        if (step.key >= 0) {
            io.KeysDown[step.key] = true;
            io.KeyCtrl = step.ctrl;
            io.KeyShift = step.shift;
            keys_to_release_.push_back(step.key);
            release_mods_ = true;
        }
        if (!step.text.empty()) io.AddInputCharactersUTF8(step.text.c_str());
    }
    if (mouse_.x >= 0) io.MousePos = mouse_;
}

// Whether the step can run on the frame just drawn, or its frame must be
// drawn again: a click_text waits for its text to stay put, a wait_text /
// wait_gone for its text to come / go. Past the time allowed, a click_text
// runs (and fails if its text is missing), a wait fails.
bool TestScript::step_ready(int frame, const ScriptStep& step) {
    if (step.click_text.empty() && step.wait_text.empty() && step.wait_gone.empty()) return true;
    const auto now = std::chrono::steady_clock::now();
    if (!held_since_) held_since_ = now;
    const double waited = std::chrono::duration<double>(now - *held_since_).count();
    const std::vector<TextRun> runs = text_runs(ImGui::GetDrawData());
    if (!step.click_text.empty()) {
        const std::optional<ImVec2> at = find_text(runs, step.click_text, step.nth);
        const bool still = at && last_seen_ && std::abs(at->x - last_seen_->x) < 0.5f &&
                           std::abs(at->y - last_seen_->y) < 0.5f;
        last_seen_ = at;
        return still || waited > 3;
    }
    const std::string& label = step.wait_text.empty() ? step.wait_gone : step.wait_text;
    const bool shown = find_text(runs, label, step.nth).has_value();
    if (shown == step.wait_text.empty()) {  // not there yet, or not gone yet
        if (waited <= step.timeout_seconds) return false;
        char after[32];
        std::snprintf(after, sizeof after, " after %g s", step.timeout_seconds);
        throw Error("script frame " + std::to_string(frame) + ": \"" + label + "\" " +
                    (shown ? "still shown" : "not shown") + after + "; shown: " + shown_texts());
    }
    return true;
}

// Where the step's text was drawn in the frame on screen (ImGui's draw data
// stays valid until the next NewFrame).
ImVec2 TestScript::locate_text(int frame, const ScriptStep& step) const {
    const std::vector<TextRun> runs = text_runs(ImGui::GetDrawData());
    if (auto at = find_text(runs, step.click_text, step.nth))
        return ImVec2(at->x + step.offset.x, at->y + step.offset.y);
    throw Error("script frame " + std::to_string(frame) + ": no text \"" + step.click_text + "\"" +
                (step.nth ? " (number " + std::to_string(step.nth + 1) + ")" : "") +
                " on screen; shown: " + shown_texts());
}

// The texts of the frame on screen, quoted, for a message.
std::string TestScript::shown_texts() const {
    std::string shown;
    for (const TextRun& run : text_runs(ImGui::GetDrawData()))
        if (run.visible && shown.size() < 6000) shown += (shown.empty() ? "\"" : ", \"") + run.text + "\"";
    return shown;
}

std::vector<std::string> TestScript::screenshots_for(int frame) const {
    std::vector<std::string> paths;
    for (const ScriptStep& step : steps_)
        if (step.frame == frame && !step.screenshot.empty()) paths.push_back(step.screenshot);
    return paths;
}

bool TestScript::waits_at(int frame) const {
    return std::any_of(steps_.begin(), steps_.end(),
                       [frame](const ScriptStep& step) { return step.frame == frame && step.wait_idle; });
}

}  // namespace rapport::gui
