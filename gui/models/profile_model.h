// What the Profile & settings screen shows and does, without ImGui, so tests
// drive it on a temp database.
//
// The profile is who the user is for the drafts and the pitch (name, field,
// goals, a sentence of background, email, phone) and how the app works for
// them (language of the interface, sheets and drafts; the default meeting
// length; the usual speaking rate). It is stored by engine/records/profile.h,
// the same values `rapport-cli profile set` writes.
//
// Saving follows the app's rule: choices (language, goals, numbers) are saved
// on the click, typed text about a second after the user stops typing, and
// everything pending on flush(). Each save bumps revision(), so other screens
// (the Debrief draft) can follow the profile at once. A value the engine
// refuses is shown next to its field and nothing else is lost.
#pragma once

#include "gui/models/debounce.h"

#include "engine/questions/bank.h"
#include "engine/records/database.h"
#include "engine/records/profile.h"

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace rapport::gui {

struct GoalChoice {
    std::string id;
    std::string label;  // in the profile's language
    bool chosen = false;
};

class ProfileModel {
public:
    enum class TextField { name, field, background, email, phone };

    ProfileModel(Database* db, const std::filesystem::path& banks_dir,
                 Debounce::Now now = Debounce::Clock::now);

    const Profile& profile() const { return profile_; }
    // The goals of the tag files in the profile's language, those chosen
    // first ticked; goals the user typed elsewhere (free text) are kept.
    std::vector<GoalChoice> goal_choices() const;

    void set_text(TextField field, const std::string& value);  // debounced
    void set_language(const std::string& code);                 // saved at once
    // "en" (US), "en-ca" or "en-gb": how the spelling check reads English.
    void set_english_spelling(const std::string& code);         // saved at once
    void toggle_goal(const std::string& id);                    // saved at once
    void set_default_minutes(int minutes);                      // saved at once
    void set_speaking_wpm(int wpm);                             // saved at once; 0 clears

    void tick();   // once per frame: saves typed text whose delay is up
    void flush();  // saves typed text now
    bool save_pending() const { return debounce_.pending(); }
    Debounce::Clock::duration wait() const { return debounce_.wait(); }

    int revision() const { return revision_; }
    // The engine's message for a field ("default_minutes", "speaking_wpm", …),
    // or null; and a general one (the database could not be read).
    const std::string* field_message(const std::string& field) const;
    const std::string& error() const { return error_; }

private:
    void reload();
    bool save(const ProfileChanges& changes, const std::string& field);
    bool store(const std::string& field, const std::function<void()>& write);

    Database* db_;
    std::filesystem::path banks_dir_;
    Banks banks_;  // tags only (load_tags): the goal labels
    Profile profile_;
    std::map<TextField, std::string> typed_;  // edits waiting for the debounce
    Debounce debounce_;
    int revision_ = 0;
    std::map<std::string, std::string> field_messages_;
    std::string error_;
};

// The interface language for the profile stored in `db`: its
// "profile.language" setting when the user chose one, else the system's
// (choose_interface_language, gui/i18n.h). Throws rapport::Error when the
// database cannot be read.
std::string profile_interface_language(Database& db);

}  // namespace rapport::gui
