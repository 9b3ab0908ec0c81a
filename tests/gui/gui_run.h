// Running the real app for the Xvfb tests: a private temp folder with the
// database, config and home, seeding through rapport-cli, a chosen first
// screen, scripted input (gui/test_script.h), and reading the result back
// through rapport-cli. Also the pixel counts the tests read screenshots with,
// in the app's own colours (gui/palette.h).
#pragma once

#include "engine/base/local_time.h"
#include "gui/i18n.h"
#include "gui/palette.h"
#include "tests/gui/png_image.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace rapport::test {

struct GuiRun {
    TempDir tmp;
    // With RAPPORT_KEEP_SHOTS set to a folder, the screenshots are copied
    // there (named after the temp folder) before the temp folder goes.
    ~GuiRun() {
        const char* keep = std::getenv("RAPPORT_KEEP_SHOTS");
        if (!keep) return;
        std::error_code ignored;
        for (const auto& entry : fs::directory_iterator(tmp.path(), ignored))
            if (entry.path().extension() == ".png")
                fs::copy_file(entry.path(), fs::path(keep) / (tmp.path().filename().string() + "-" +
                                                              entry.path().filename().string()),
                              fs::copy_options::overwrite_existing, ignored);
    }
    fs::path db = tmp / "rapport.db";
    fs::path home = tmp / "home";  // $HOME: where files are saved by default

    CommandOptions options() const {
        CommandOptions o;
        o.env["XDG_CONFIG_HOME"] = (tmp / "config").string();
        o.env["XDG_DATA_HOME"] = (tmp / "data").string();
        o.env["HOME"] = home.string();
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
    // The app opens on `screen` (written as the remembered one; empty: what
    // the state file already says), plays the steps for `frames` frames and
    // exits. `extra` are more command-line options (--scale 2, …).
    CommandResult run(const std::string& screen, const nlohmann::json& steps, int frames,
                      std::vector<std::string> extra = {}) const {
        fs::create_directories(home);
        if (!screen.empty()) {
            fs::create_directories(tmp / "config" / "rapport");
            write_file(state_file(), nlohmann::json{{"screen", screen}}.dump());
        }
        write_file(tmp / "script.json", steps.dump());
        std::vector<std::string> args = {"--db", db.string(), "--frames", std::to_string(frames),
                                         "--script", (tmp / "script.json").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_command(RAPPORT_GUI_PATH, args, options());
    }
    fs::path state_file() const { return tmp / "config" / "rapport" / "gui.json"; }
    nlohmann::json saved_state() const { return nlohmann::json::parse(read_file(state_file())); }
    // The screen open when the app closed.
    std::string last_screen() const { return saved_state().at("screen"); }
    fs::path shot(const std::string& name) const { return tmp / (name + ".png"); }
};

// `english` as the window shows it in `language`: the app's own catalogue
// (the rapport.mo the build compiles from po/<lang>.po), looked up with
// gettext through gui/i18n as the window does. The switch lives in this
// process's LANGUAGE variable, which the apps a test starts would inherit:
// each lookup puts it back as it was.
inline std::string translated(const std::string& language, const std::string& english) {
    static const bool bound = (rapport::gui::init_translations(), true);
    (void)bound;
    const char* before = std::getenv("LANGUAGE");
    const std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
    rapport::gui::set_interface_language(language);
    std::string text = _(english.c_str());
    rapport::gui::set_interface_language("en");
    if (saved) ::setenv("LANGUAGE", saved->c_str(), 1);
    else ::unsetenv("LANGUAGE");
    return text;
}

// Local time an hour from now as the CLI's --at takes it ("2026-11-29T21:05"):
// a meeting then is the one Meeting (live) opens.
inline std::string an_hour_from_now() {
    std::string at = rapport::local_from_utc(rapport::now_local().utc_seconds() + 3600).wall_clock();
    at[10] = 'T';
    return at;
}

// A colour of gui/palette.h as a screenshot holds it.
struct Rgb8 {
    int r, g, b;
};
inline Rgb8 screen_color(rapport::gui::palette::Rgb c) {
    using rapport::gui::palette::to_byte;
    return {to_byte(c.r), to_byte(c.g), to_byte(c.b)};
}

// Pixels within `tolerance` of `color` in every channel, in the columns from
// `from_x` on (0: the whole width).
inline size_t pixels_near(const Image& image, Rgb8 color, int tolerance = 12, int from_x = 0) {
    size_t count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = from_x; x < image.width; ++x) {
            const auto* p = &image.rgb[(static_cast<size_t>(y) * image.width + x) * 3];
            if (std::abs(p[0] - color.r) <= tolerance && std::abs(p[1] - color.g) <= tolerance &&
                std::abs(p[2] - color.b) <= tolerance)
                ++count;
        }
    return count;
}

// Pixels in a strong red: the alert and error colours (text is anti-aliased,
// so this is a family of hues rather than one exact colour).
inline size_t red_pixels(const Image& image) {
    size_t count = 0;
    for (size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
        const int r = image.rgb[i], g = image.rgb[i + 1], b = image.rgb[i + 2];
        if (r > 120 && r > g + 70 && r > b + 70) ++count;
    }
    return count;
}

// Pixels in the green of palette::good (a clock under its target).
inline size_t green_pixels(const Image& image) { return pixels_near(image, screen_color(rapport::gui::palette::good), 40); }

}  // namespace rapport::test
