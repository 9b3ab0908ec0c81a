// The screens in navigation order.
#pragma once

#include "gui/screens/screen.h"

#include <memory>
#include <vector>

namespace rapport::gui {

std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_prepare_screen();
std::unique_ptr<Screen> make_pitch_screen();
std::unique_ptr<Screen> make_meetings_screen();
std::unique_ptr<Screen> make_meeting_live_screen();
std::unique_ptr<Screen> make_debrief_screen();
std::unique_ptr<Screen> make_profile_screen();

inline std::vector<std::unique_ptr<Screen>> make_all_screens() {
    std::vector<std::unique_ptr<Screen>> screens;
    screens.push_back(make_home_screen());
    screens.push_back(make_prepare_screen());
    screens.push_back(make_pitch_screen());
    screens.push_back(make_meetings_screen());
    screens.push_back(make_meeting_live_screen());
    screens.push_back(make_debrief_screen());
    screens.push_back(make_profile_screen());
    return screens;
}

}  // namespace rapport::gui
