#include "gui/app.h"

#include "engine/records/backup.h"
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "gui/screens/all_screens.h"
#include "gui/i18n.h"
#include "gui/layout_report.h"
#include "gui/models/profile_model.h"
#include "gui/screenshot.h"
#include "gui/signal_watcher.h"
#include "gui/widgets.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace rapport::gui {
namespace {

std::string g_last_glfw_error;  // set by the GLFW error callback, read right after a failed call

void remember_glfw_error(int /*code*/, const char* description) {
    g_last_glfw_error = description ? description : "unknown error";  // i18n: terminal
}

App& app_of(GLFWwindow* window) { return *static_cast<App*>(glfwGetWindowUserPointer(window)); }

// Our callbacks only note that something happened; ImGui's backend, installed
// after them, chains to them and does the real input handling.
void install_wake_callbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { app_of(w).note_input(); });
    glfwSetMouseButtonCallback(window,
                               [](GLFWwindow* w, int, int, int) { app_of(w).note_input(); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { app_of(w).note_input(); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { app_of(w).note_input(); });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { app_of(w).note_input(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { app_of(w).note_input(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { app_of(w).note_input(); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { app_of(w).note_input(); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { app_of(w).note_input(); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
        app_of(w).note_content_scale_changed();
        app_of(w).note_input();
    });
}

}  // namespace

App::App(AppOptions options) : options_(std::move(options)) {
    init_translations();
    set_interface_language(system_language());
    screens_ = make_all_screens();
    ui_state_ = load_ui_state(ui_state_path());
    if (options_.user_scale) ui_state_.user_scale = *options_.user_scale;
    select_screen(ui_state_.screen);
}

void App::select_screen(const std::string& id) {
    for (size_t i = 0; i < screens_.size(); ++i)
        if (id == screens_[i]->id()) current_screen_ = i;
}

App::~App() {
    if (!window_) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool App::create_window() {
    glfwSetErrorCallback(remember_glfw_error);
    if (!glfwInit()) {
        std::cerr << "rapport: no display available (" << g_last_glfw_error
                  << "); run it in a desktop session, or headless with: xvfb-run rapport\n";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(ui_state_.width, ui_state_.height, "Rapport", nullptr, nullptr);
    if (!window_) {
        std::cerr << "rapport: cannot open a window (" << g_last_glfw_error
                  << "); an OpenGL 3.0 display is needed (headless: xvfb-run rapport)\n";
        glfwTerminate();
        return false;
    }
    glfwSetWindowUserPointer(window_, this);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    install_wake_callbacks(window_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window state is ours to keep (ui_state.h), not imgui.ini's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
}

void App::open_database() {
    const std::filesystem::path path =
        options_.db_path.empty() ? default_db_path() : std::filesystem::path(options_.db_path);
    try {
        database_.emplace(Database::open(path));
        // The first use of the day checks the whole file and keeps a copy
        // (as the CLI does). A campaign's file is small: this takes
        // milliseconds, so it runs before the first frame.
        std::string warning;
        backup_if_due(*database_, &warning);
        if (!warning.empty()) std::cerr << "rapport: warning: " << warning << "\n";
        context_.db = &*database_;
        follow_profile_language();
    } catch (const Error& e) {
        // Shown in the window: the app still opens, and the file is untouched.
        context_.db_error = e.what();
    }
}

// The window speaks the profile's language (else the system's): read when
// the database opens and whenever the Profile screen saved.
void App::follow_profile_language() {
    seen_profile_revision_ = context_.profile_revision;
    if (!context_.db) return;
    try {
        set_interface_language(profile_interface_language(*context_.db));
    } catch (const Error& e) {
        // The profile could not be read: keep the language shown, say why.
        std::cerr << "rapport: " << e.what() << "\n";
    }
}

// Scale = the monitor's content scale × the user's own zoom. Fonts and style
// are rebuilt from scratch so sizes never compound.
void App::apply_scale() {
    float x_scale = 1.0f, y_scale = 1.0f;
    glfwGetWindowContentScale(window_, &x_scale, &y_scale);
    scale_ = std::max(x_scale, y_scale) * ui_state_.user_scale;

    ImGuiIO& io = ImGui::GetIO();
    fonts_ = load_fonts(io, scale_);
    context_.fonts = &fonts_;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();

    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.ScaleAllSizes(scale_);
    ImGui::GetStyle() = style;
    fonts_dirty_ = false;
}

// See AppContext::request_screen: the switch happens between frames, and the
// meeting id lives for the new screen's first frame only, so it can never
// reach a screen opened later.
void App::honour_screen_request() {
    if (context_.request_screen.empty()) {
        context_.request_meeting_id = 0;
        context_.request_form.clear();
        return;
    }
    select_screen(context_.request_screen);
    context_.request_screen.clear();
    note_input();  // draw the new screen now, not at the next event
}

bool App::animating() const { return screens_[current_screen_]->animating(); }

// A scripted wait_idle step holds its frame until the screen stops animating
// (a dictionary loading, suggestions on their way), at most 10 s, and a
// click_text or wait_text step until its text is in place: the Xvfb tests
// then see the same picture however slow the machine is.
bool App::holding_for_idle() {
    if (script_ && script_->holding()) return true;  // a step waits for a text (test_script.h)
    if (!script_ || !script_->waits_at(frame_index_)) return false;
    const auto now = std::chrono::steady_clock::now();
    if (!idle_wait_since_) idle_wait_since_ = now;
    if (animating() && now - *idle_wait_since_ < std::chrono::seconds(10)) return true;
    idle_wait_since_.reset();
    return false;
}

void App::wait_for_something_to_draw() {
    if (options_.frames > 0 || settle_frames_left_ > 0)
        glfwPollEvents();
    else if (animating())
        glfwWaitEventsTimeout(
            std::max(kShortestWait, screens_[current_screen_]->seconds_until_change()));
    else
        glfwWaitEvents();
}

// A small window gets a narrow navigation with short labels (the full name
// in the tooltip), leaving the screen the room.
bool App::compact_navigation() const {
    return ImGui::GetMainViewport()->WorkSize.x < kCompactWindowWidth * scale_;
}

float App::navigation_width() const {
    if (!compact_navigation()) return 13.0f * ImGui::GetFontSize();
    float widest = ImGui::CalcTextSize("Rapport").x;  // i18n: product name
    for (const auto& screen : screens_) widest = std::max(widest, ImGui::CalcTextSize(screen->short_name()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    return widest + 2 * (style.WindowPadding.x + style.FramePadding.x);
}

void App::draw_navigation() {
    const bool compact = compact_navigation();
    if (!compact) ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("Rapport");  // i18n: product name
    if (!compact) ImGui::PopFont();
    ImGui::Separator();
    for (size_t i = 0; i < screens_.size(); ++i) {
        const char* label = compact ? screens_[i]->short_name() : screens_[i]->name();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label, current_screen_ == i)) current_screen_ = i;
        ImGui::PopID();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · Ctrl+%zu", screens_[i]->name(), i + 1);  // i18n: key name
    }
}

// Ctrl+1 … Ctrl+N open the screens in navigation order.
void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    for (size_t i = 0; i < screens_.size() && i < 9; ++i)
        if (ImGui::IsKeyPressed(GLFW_KEY_1 + static_cast<int>(i), false)) current_screen_ = i;
}

// The open screen is written as soon as it changes, not only on a clean
// close: after a crash or a kill the app reopens where the user was.
void App::remember_screen_when_changed() {
    const std::string open = screens_[current_screen_]->id();
    if (open == ui_state_.screen) return;
    save_ui_state_quietly();
}

void App::save_ui_state_quietly() {
    glfwGetWindowSize(window_, &ui_state_.width, &ui_state_.height);
    ui_state_.screen = screens_[current_screen_]->id();
    try {
        save_ui_state(ui_state_path(), ui_state_);
    } catch (const Error& e) {
        // Only window geometry: say so and carry on closing.
        std::cerr << "rapport: " << e.what() << "\n";
    }
}

void App::draw_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (script_) script_->apply_input(frame_index_, ImGui::GetIO());
    ImGui::NewFrame();
    handle_shortcuts();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);

    ImGui::BeginChild("##navigation", ImVec2(navigation_width(), 0), true);
    draw_navigation();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##screen", ImVec2(0, 0), false);
    if (!context_.db_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
        ImGui::TextWrapped(_("The database could not be opened: %s"), context_.db_error.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
    }
    try {
        // Any screen: an engine error is a message in the screen, never a crash.
        draw_recovering([&] { screens_[current_screen_]->draw(context_); });
    } catch (const std::exception& e) {
        colored_text(kErrorColor, format(_("Something went wrong on this screen: %s"), e.what()));
    }
    ImGui::EndChild();
    ImGui::End();

    ImGui::Render();
    frame_built_ = std::chrono::steady_clock::now();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Appends this frame's layout report and rewrites the file, so a crash later
// still leaves the reports so far.
void App::add_layout_report() {
    nlohmann::json report = layout_report(screens_[current_screen_]->id(), frame_index_);
    // What the navigation shows, in the interface language (tests read the
    // language of the window from it).
    report["language"] = interface_language();
    report["navigation"] = nlohmann::json::array();
    for (const auto& screen : screens_)
        report["navigation"].push_back(compact_navigation() ? screen->short_name() : screen->name());
    layout_reports_.push_back(std::move(report));
    std::ofstream out(options_.layout_report_path, std::ios::trunc);
    out << layout_reports_.dump(1) << "\n";
    if (!out) throw Error("cannot write the layout report " + options_.layout_report_path);  // i18n: test hook
}

// One line per frame: the screen, the whole frame, and the part spent
// building it (our code and ImGui, from NewFrame to Render) — the rest is
// OpenGL drawing and the buffer swap, which under Xvfb's software renderer
// costs the same with 10 records or 70,000.
void App::write_frame_time(const std::string& screen,
                           std::chrono::steady_clock::time_point started) {
    using Milliseconds = std::chrono::duration<double, std::milli>;
    const auto now = std::chrono::steady_clock::now();
    frame_times_ << screen << ' ' << Milliseconds(now - started).count() << ' '
                 << Milliseconds(frame_built_ - started).count() << std::endl;
}

int App::run() {
    block_shutdown_signals();
    if (!create_window()) return 2;
    SignalWatcher signals;
    open_database();
    if (!options_.layout_report_path.empty()) enable_layout_report();
    if (!options_.script_path.empty()) {
        try {
            script_ = TestScript::load(options_.script_path);
        } catch (const Error& e) {
            std::cerr << "rapport: " << e.what() << "\n";
            return 2;
        }
    }

    if (!options_.frame_times_path.empty()) {
        frame_times_.open(options_.frame_times_path, std::ios::trunc);
        if (!frame_times_) {
            std::cerr << "rapport: cannot write " << options_.frame_times_path << "\n";
            return 2;
        }
    }

    int exit_code = 0;
    try {
        while (true) {
            wait_for_something_to_draw();
            const auto frame_started = std::chrono::steady_clock::now();
            const std::string frame_screen = screens_[current_screen_]->id();
            const bool last_test_frame = options_.frames > 0 && frame_index_ + 1 >= options_.frames;
            const bool closing = glfwWindowShouldClose(window_) || signals.quit_requested();
            if (fonts_dirty_) apply_scale();
            draw_frame();
            // The Profile screen saved: its language may be another one. The
            // next frame is drawn in it (no restart).
            if (context_.profile_revision != seen_profile_revision_) follow_profile_language();
            honour_screen_request();
            remember_screen_when_changed();
            if (holding_for_idle()) {
                glfwSwapBuffers(window_);
                continue;
            }
            if (settle_frames_left_ > 0) --settle_frames_left_;
            std::vector<std::string> shots;
            if (script_) shots = script_->screenshots_for(frame_index_);
            if ((last_test_frame || closing) && !options_.screenshot_path.empty())
                shots.push_back(options_.screenshot_path);
            if (!options_.layout_report_path.empty() && (!shots.empty() || last_test_frame))
                add_layout_report();
            if (!shots.empty()) {
                int width = 0, height = 0;
                glfwGetFramebufferSize(window_, &width, &height);
                for (const auto& path : shots) save_framebuffer_png(path, width, height);
            }
            glfwSwapBuffers(window_);
            if (frame_times_.is_open()) write_frame_time(frame_screen, frame_started);
            ++frame_index_;
            if (last_test_frame || closing) break;
        }
    } catch (const Error& e) {
        std::cerr << "rapport: " << e.what() << "\n";
        exit_code = 2;
    }
    try {
        for (auto& screen : screens_) screen->flush(context_);
    } catch (const Error& e) {
        std::cerr << "rapport: could not save on close: " << e.what() << "\n";
        exit_code = 2;
    }
    save_ui_state_quietly();
    return exit_code;
}

}  // namespace rapport::gui
