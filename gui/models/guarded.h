// How a screen model runs an engine action: no exception escapes a frame;
// the failure's message becomes the one the screen shows.
#pragma once

#include <exception>
#include <string>

namespace rapport::gui {

// Runs fn(); on an exception keeps its message in `error` and returns false.
template <class Fn>
bool guarded(std::string& error, Fn&& fn) {
    try {
        fn();
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

}  // namespace rapport::gui
