// The "Copied" confirmation of the Copy buttons: shown for two seconds after
// a copy, with the time left for the app's wake-up.
#include "gui/models/copy_feedback.h"

#include <doctest/doctest.h>

using rapport::gui::CopyFeedback;

TEST_CASE("Copied shows for two seconds after each copy, and says when it goes") {
    CopyFeedback feedback;
    CHECK_FALSE(feedback.showing(100.0));
    CHECK(feedback.seconds_left(100.0) == 0.0);
    feedback.copied(100.0);
    CHECK(feedback.showing(100.0));
    CHECK(feedback.showing(101.9));
    CHECK(feedback.seconds_left(100.5) == doctest::Approx(1.5));
    CHECK_FALSE(feedback.showing(102.0));
    CHECK(feedback.seconds_left(103.0) == 0.0);
    feedback.copied(102.5);  // a second copy starts the two seconds again
    CHECK(feedback.showing(104.0));
    feedback.clear();
    CHECK_FALSE(feedback.showing(104.0));
}
