// What every screen of the app is: a name for the navigation, a draw() that
// shows its state and turns clicks into engine calls, and whether it is
// animating (a running clock) so the App keeps redrawing.
#pragma once

#include "engine/database.h"

#include <imgui.h>

#include <string>

namespace rapport::gui {

struct Fonts;

// What the App hands to every screen.
struct AppContext {
    Database* db = nullptr;  // null when the database could not be opened
    std::string db_error;    // why, when db is null
    const Fonts* fonts = nullptr;
};

class Screen {
public:
    virtual ~Screen() = default;
    // Stable identifier, remembered between runs ("home", "pitch", …).
    virtual const char* id() const = 0;
    // Label in the navigation.
    virtual const char* name() const = 0;
    virtual void draw(AppContext& ctx) = 0;
    virtual bool animating() const { return false; }
    // While animating(): how many seconds the picture stays as it is, so the
    // App sleeps until then. The default suits a clock that shows tenths.
    virtual double seconds_until_change() const { return 0.1; }
    // Saves anything still pending (debounced edits); called before the app closes.
    virtual void flush(AppContext&) {}
};

}  // namespace rapport::gui
