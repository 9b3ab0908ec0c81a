// How a screen model runs an engine action: a rapport::Error (or any other
// exception) becomes the message the screen shows, never a crash.
#pragma once

#include <exception>
#include <string>

namespace rapport::gui {

// Runs fn(); on an exception keeps its message in `error` and returns false.
template <class Fn>
bool run_guarded(std::string& error, Fn&& fn) {
    try {
        fn();
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

}  // namespace rapport::gui
