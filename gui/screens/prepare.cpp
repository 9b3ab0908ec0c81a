// Prepare screen. This screen's content arrives with the app issue; until then
// it says what it is for.
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"

namespace rapport::gui {
namespace {

class PrepareScreen : public Screen {
public:
    const char* id() const override { return "prepare"; }
    const char* name() const override { return "Prepare"; }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, "Prepare a meeting");
        hint("Pick the contact's industry and your goals, set the length of the meeting, and get a short, ordered question sheet to print, copy or email.");
    }
};

}  // namespace

std::unique_ptr<Screen> make_prepare_screen() { return std::make_unique<PrepareScreen>(); }

}  // namespace rapport::gui
