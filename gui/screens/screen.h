// What every screen of the app is: a name for the navigation, a draw() that
// shows its state and turns clicks into engine calls, and whether it is
// animating (a running clock) so the App keeps redrawing.
#pragma once

#include "engine/records/database.h"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace rapport::gui {

struct Fonts;

// What the App hands to every screen.
struct AppContext {
    Database* db = nullptr;  // null when the database could not be opened
    std::string db_error;    // why, when db is null
    const Fonts* fonts = nullptr;

    // A screen asking for another one (Home's "Draft" opens the Debrief of a
    // meeting): during its draw() it sets request_screen to the other
    // screen's id() and, when a meeting is meant, request_meeting_id. After
    // the frame the App switches screens and clears request_screen; the
    // meeting id is kept for exactly one frame, the new screen's first, which
    // takes it (and sets it back to 0) when it shows meetings. 0: none.
    std::string request_screen;
    std::int64_t request_meeting_id = 0;
    // With request_screen = "meetings": the form to open there ("contact" or
    // "meeting"), kept for the new screen's first frame like the meeting id.
    std::string request_form;

    // Bumped whenever the Profile screen saves; screens that show something
    // drawn from the profile (the Debrief draft) compare it with the value
    // they last saw and re-read the profile when it moved.
    int profile_revision = 0;
};

class Screen {
public:
    virtual ~Screen() = default;
    // Stable identifier, remembered between runs ("home", "pitch", …).
    virtual const char* id() const = 0;
    // Label in the navigation.
    virtual const char* name() const = 0;
    // Label in the narrow navigation of a small window.
    virtual const char* short_name() const { return name(); }
    virtual void draw(AppContext& ctx) = 0;
    virtual bool animating() const { return false; }
    // While animating(): how many seconds the picture stays as it is, so the
    // App sleeps until then. The default suits a clock that shows tenths.
    virtual double seconds_until_change() const { return 0.1; }
    // Saves anything still pending (debounced edits); called before the app closes.
    virtual void flush(AppContext&) {}
};

}  // namespace rapport::gui
