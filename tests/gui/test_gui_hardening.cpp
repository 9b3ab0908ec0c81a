// The app against engine errors and years of records (issue 19): an engine
// error on a screen is a message in it, never an ImGui assertion (exit 134).
#include "engine/records/database.h"
#include "tests/gui/gui_run.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

TEST_CASE("Prepare and Home show an engine error instead of aborting") {
    GuiRun r;
    r.cli({"contact", "add", "--name", "Zoë Ångström"});
    r.cli({"meeting", "add", "--contact", "1", "--at", "2030-03-14T09:30"});
    // One that took place too: Debrief reads only those.
    r.cli({"meeting", "add", "--contact", "1", "--at", "2024-03-14T09:30", "--status", "done"});
    {
        // A date no version of Rapport writes: every read of the meetings fails.
        rapport::Database db = rapport::Database::open(r.db);
        db.exec("UPDATE meetings SET at_local = 'not a date'");
    }
    for (const char* screen : {"prepare", "home", "debrief", "meetings"}) {
        CAPTURE(screen);
        const CommandResult result =
            r.run(screen, json::array({{{"frame", 4}, {"screenshot", r.shot(screen).string()}}}), 6);
        INFO("stderr: " << result.err);
        CHECK(result.exit_code == 0);
        CHECK(result.signal == 0);
        CHECK(r.last_screen() == screen);
        const Image image = load_png(r.shot(screen));
        CHECK(red_pixels(image) > 50);  // the message, in the error colour
    }
}
