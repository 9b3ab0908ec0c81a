// The Profile & settings screen's model on a temp database: choices saved on
// the click, typed text after the delay, refusals beside their field, and the
// Debrief draft following the profile at once.
#include "gui/models/debrief_model.h"
#include "gui/models/profile_model.h"

#include "engine/records/profile.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    ManualClock clock;
    ProfileModel model() { return ProfileModel(&db, shipped_banks(), clock.function()); }
};

bool chosen(const ProfileModel& m, const std::string& id) {
    const auto goals = m.goal_choices();
    return std::any_of(goals.begin(), goals.end(),
                       [&](const GoalChoice& g) { return g.id == id && g.chosen; });
}

}  // namespace

TEST_CASE("typed text is saved about a second after the last keystroke, or on flush") {
    Fixture f;
    ProfileModel m = f.model();
    CHECK(m.profile().name.empty());
    m.set_text(ProfileModel::TextField::name, "Zoë Ångström");
    m.set_text(ProfileModel::TextField::field, "urbanisme");
    CHECK(m.save_pending());
    CHECK(load_profile(f.db).name.empty());
    f.clock.advance(900ms);
    m.tick();
    CHECK_FALSE(m.save_pending());
    CHECK(load_profile(f.db).name == "Zoë Ångström");
    CHECK(load_profile(f.db).field == "urbanisme");
    CHECK(m.revision() == 1);

    m.set_text(ProfileModel::TextField::email, "zoe@example.org");
    m.flush();
    CHECK(load_profile(f.db).email == "zoe@example.org");
    CHECK(f.model().profile().email == "zoe@example.org");
}

TEST_CASE("language, goals and numbers are saved on the click; refusals stay beside the field") {
    Fixture f;
    ProfileModel m = f.model();
    const auto english_goals = m.goal_choices();
    REQUIRE(english_goals.size() >= 5);
    const std::string goal = english_goals.front().id;
    m.toggle_goal(goal);
    CHECK(chosen(m, goal));
    CHECK(load_profile(f.db).goals == std::vector<std::string>{goal});
    m.toggle_goal(goal);
    CHECK(load_profile(f.db).goals.empty());

    m.set_language("fr");
    CHECK(load_profile(f.db).language == "fr");
    const auto french_goals = m.goal_choices();
    REQUIRE(french_goals.size() == english_goals.size());
    CHECK(french_goals.front().label != english_goals.front().label);  // labels follow the language

    m.set_default_minutes(30);
    CHECK(load_profile(f.db).default_minutes == 30);
    m.set_default_minutes(400);
    REQUIRE(m.field_message("default_minutes"));
    CHECK(m.field_message("default_minutes")->find("between 5 and 180") != std::string::npos);
    CHECK(m.profile().default_minutes == 400);  // what the user typed stays on screen
    CHECK(load_profile(f.db).default_minutes == 30);
    m.set_default_minutes(25);
    CHECK_FALSE(m.field_message("default_minutes"));

    m.set_speaking_wpm(150);
    CHECK(load_profile(f.db).speaking_wpm == 150);
    m.set_speaking_wpm(0);
    CHECK(load_profile(f.db).speaking_wpm == 0);
}

TEST_CASE("the Debrief draft follows a name set on the Profile screen, with no command line shown") {
    Fixture f;
    const auto contact = seed_contact(f.db, "Élodie Brûlé", "Québec Archives");
    const auto met = seed_meeting(f.db, contact, "2025-03-10T09:30", 20, "done");
    DebriefModel debrief(&f.db, shipped_banks(), f.clock.function(), [] { return local("2025-03-12T10:00"); });
    debrief.select_meeting(met);
    debrief.set_text("learned", "Old survey maps are scanned by volunteers.");
    debrief.flush();
    CHECK(debrief.draft_text().empty());
    CHECK(debrief.draft_needs_name());
    CHECK(debrief.draft_problem().find("Profile") != std::string::npos);
    CHECK(debrief.draft_problem().find("rapport-cli") == std::string::npos);
    CHECK(debrief.draft_problem().find(".json") == std::string::npos);

    ProfileModel profile = f.model();
    profile.set_text(ProfileModel::TextField::name, "Camille Roy");
    profile.flush();
    debrief.profile_changed();  // what the screen does when the revision moved
    CHECK_FALSE(debrief.draft_needs_name());
    CHECK(debrief.draft_problem().empty());
    CHECK(debrief.draft_text().find("Camille Roy") != std::string::npos);

    profile.set_language("fr");
    debrief.profile_changed();
    CHECK(debrief.checklist().language == "fr");
}
