// Debrief screen. This screen's content arrives with the app issue; until then
// it says what it is for.
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"

namespace rapport::gui {
namespace {

class DebriefScreen : public Screen {
public:
    const char* id() const override { return "debrief"; }
    const char* name() const override { return "Debrief"; }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, "Debrief");
        hint("Right after a meeting: were your critical questions answered, what came up, who else to talk to, what the place felt like, next steps — and a thank-you note within 24 hours.");
    }
};

}  // namespace

std::unique_ptr<Screen> make_debrief_screen() { return std::make_unique<DebriefScreen>(); }

}  // namespace rapport::gui
