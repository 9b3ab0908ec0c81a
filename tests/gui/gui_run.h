// Running the real app for the Home and Debrief Xvfb tests: a private temp
// folder with the database and config, seeding through rapport-cli, a chosen
// first screen, and reading the result back through rapport-cli.
#pragma once

#include "tests/gui/png_image.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rapport::test {

struct GuiRun {
    TempDir tmp;
    fs::path db = tmp / "rapport.db";

    CommandOptions options() const {
        CommandOptions o;
        o.env["XDG_CONFIG_HOME"] = (tmp / "config").string();
        o.env["XDG_DATA_HOME"] = (tmp / "data").string();
        return o;
    }
    // rapport-cli on this database; the step must succeed. Returns stdout.
    std::string cli(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db.string()});
        const CommandResult r = run_cli(args, options());
        INFO("rapport-cli stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r.out;
    }
    nlohmann::json cli_json(std::vector<std::string> args) const {
        args.push_back("--format");
        args.push_back("json");
        return nlohmann::json::parse(cli(std::move(args)));
    }
    // The app opens on `screen` (the remembered one), then plays the steps.
    CommandResult run(const std::string& screen, const nlohmann::json& steps, int frames) const {
        fs::create_directories(tmp / "config" / "rapport");
        write_file(tmp / "config" / "rapport" / "gui.json",
                   nlohmann::json{{"screen", screen}}.dump());
        write_file(tmp / "script.json", steps.dump());
        return run_command(RAPPORT_GUI_PATH,
                           {"--db", db.string(), "--frames", std::to_string(frames), "--script",
                            (tmp / "script.json").string()},
                           options());
    }
    // The screen open when the app closed.
    std::string last_screen() const {
        return nlohmann::json::parse(read_file(tmp / "config" / "rapport" / "gui.json")).at("screen");
    }
    fs::path shot(const std::string& name) const { return tmp / (name + ".png"); }
};

// Pixels in the red of overdue items and errors.
inline size_t red_pixels(const Image& image) {
    size_t count = 0;
    for (size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
        const int r = image.rgb[i], g = image.rgb[i + 1], b = image.rgb[i + 2];
        if (r > 120 && r > g + 70 && r > b + 70) ++count;
    }
    return count;
}

}  // namespace rapport::test
