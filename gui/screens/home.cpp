// Home: where a session starts — what is coming up and what to do next.
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"

namespace rapport::gui {
namespace {

class HomeScreen : public Screen {
public:
    const char* id() const override { return "home"; }
    const char* name() const override { return "Home"; }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, "Welcome to Rapport");
        ImGui::TextWrapped(
            "Rapport helps you before, during and after informational interviews — short "
            "meetings where you ask someone about their field, their company or their role.");
        ImGui::Spacing();
        ImGui::BulletText("Prepare: build a short question sheet that fits the time offered.");
        ImGui::BulletText("Pitch: rehearse your elevator pitch against a clock.");
        ImGui::BulletText("Debrief: right after a meeting, fill in the checklist and thank them.");
        ImGui::Spacing();
        ImGui::Separator();
        if (ctx.db) {
            ImGui::Text("Your records are kept in %s", ctx.db->path().c_str());
            hint("Only you can read this file; Rapport never connects to the network.");
        }
    }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace rapport::gui
