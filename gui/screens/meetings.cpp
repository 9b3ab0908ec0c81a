// Meetings & contacts screen. This screen's content arrives with the app issue; until then
// it says what it is for.
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"

namespace rapport::gui {
namespace {

class MeetingsScreen : public Screen {
public:
    const char* id() const override { return "meetings"; }
    const char* name() const override { return "Meetings & contacts"; }

    void draw(AppContext& ctx) override {
        heading(*ctx.fonts, "Meetings & contacts");
        hint("Everyone you meet and every meeting: contact details, who referred whom, the sheet you used, your notes — all searchable.");
    }
};

}  // namespace

std::unique_ptr<Screen> make_meetings_screen() { return std::make_unique<MeetingsScreen>(); }

}  // namespace rapport::gui
