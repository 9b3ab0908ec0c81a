// Pitch screen. This screen's content arrives with the app issue; until then
// it says what it is for.
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"

namespace rapport::gui {
namespace {

class PitchScreen : public Screen {
public:
    const char* id() const override { return "pitch"; }
    const char* name() const override { return "Pitch"; }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, "Elevator pitch");
        hint("Write your pitch, see what it covers and how long it takes to say, then practise against a clock and watch your attempts get closer to the target.");
    }
};

}  // namespace

std::unique_ptr<Screen> make_pitch_screen() { return std::make_unique<PitchScreen>(); }

}  // namespace rapport::gui
