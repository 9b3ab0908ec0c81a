#include "gui/models/profile_model.h"

#include "gui/models/guarded.h"
#include "gui/i18n.h"

#include "engine/records/settings.h"

#include <algorithm>
#include <optional>

namespace rapport::gui {
namespace {

// Where each typed field lives: its name for messages, its place in the
// profile shown and in the changes saved.
struct TextFieldPlace {
    const char* key;
    std::string Profile::*shown;
    std::optional<std::string> ProfileChanges::*change;
};

TextFieldPlace place_of(ProfileModel::TextField field) {
    using F = ProfileModel::TextField;
    switch (field) {
        case F::name: return {"name", &Profile::name, &ProfileChanges::name};
        case F::field: return {"field", &Profile::field, &ProfileChanges::field};
        case F::background: return {"background", &Profile::background, &ProfileChanges::background};
        case F::email: return {"email", &Profile::email, &ProfileChanges::email};
        case F::phone: return {"phone", &Profile::phone, &ProfileChanges::phone};
    }
    return {"name", &Profile::name, &ProfileChanges::name};
}

}  // namespace

ProfileModel::ProfileModel(Database* db, const std::filesystem::path& banks_dir, Debounce::Now now)
    : db_(db), banks_dir_(banks_dir), debounce_(std::move(now)) {
    // Only the tag files matter here (goal names); a broken user bank is
    // skipped by the loader like everywhere else.
    guarded(error_, [&] { banks_ = load_tags(bank_dirs(banks_dir_)).banks; });
    reload();
}

void ProfileModel::reload() {
    if (!db_) return;
    guarded(error_, [&] { profile_ = load_profile(*db_); });
}

std::vector<GoalChoice> ProfileModel::goal_choices() const {
    std::vector<GoalChoice> choices;
    const auto tags = banks_.tags.find(profile_.language);
    if (tags == banks_.tags.end()) return choices;
    for (const Tag& goal : tags->second.goals) {
        const bool chosen = std::find(profile_.goals.begin(), profile_.goals.end(), goal.id) !=
                            profile_.goals.end();
        choices.push_back({goal.id, goal.label, chosen});
    }
    return choices;
}

// One save, one transaction. A refusal is kept beside its field; the value
// the user chose stays on screen so nothing they did is lost.
bool ProfileModel::save(const ProfileChanges& changes, const std::string& field) {
    return store(field, [&] { update_profile(*db_, changes); });
}

bool ProfileModel::store(const std::string& field, const std::function<void()>& write) {
    if (!db_) return false;
    std::string message;
    if (!guarded(message, write)) {
        field_messages_[field] = message;
        return false;
    }
    field_messages_.erase(field);
    ++revision_;
    return true;
}

void ProfileModel::set_text(TextField field, const std::string& value) {
    std::string& shown = profile_.*place_of(field).shown;
    if (shown == value) return;
    shown = value;
    typed_[field] = value;
    debounce_.edited();
}

void ProfileModel::set_language(const std::string& code) {
    if (code == profile_.language) return;
    ProfileChanges changes;
    changes.language = code;
    if (save(changes, "language")) profile_.language = code;
}

void ProfileModel::set_english_spelling(const std::string& code) {
    if (code == profile_.english_spelling) return;
    if (store("english_spelling", [&] { rapport::set_english_spelling(*db_, code); }))
        profile_.english_spelling = code;
}

void ProfileModel::toggle_goal(const std::string& id) {
    std::vector<std::string> goals = profile_.goals;
    const auto found = std::find(goals.begin(), goals.end(), id);
    if (found == goals.end())
        goals.push_back(id);
    else
        goals.erase(found);
    ProfileChanges changes;
    changes.goals = goals;
    if (save(changes, "goals")) profile_.goals = goals;
}

void ProfileModel::set_default_minutes(int minutes) {
    ProfileChanges changes;
    changes.default_minutes = minutes;
    profile_.default_minutes = minutes;  // shown as typed, even when refused
    save(changes, "default_minutes");
}

void ProfileModel::set_speaking_wpm(int wpm) {
    ProfileChanges changes;
    changes.speaking_wpm = wpm;
    profile_.speaking_wpm = wpm;
    save(changes, "speaking_wpm");
}

void ProfileModel::tick() {
    if (debounce_.due()) flush();
}

void ProfileModel::flush() {
    if (!debounce_.pending()) return;
    ProfileChanges changes;
    for (const auto& [field, value] : typed_) changes.*place_of(field).change = value;
    const std::string first_field = place_of(typed_.begin()->first).key;
    if (save(changes, first_field)) typed_.clear();
    debounce_.clear();
}

const std::string* ProfileModel::field_message(const std::string& field) const {
    const auto found = field_messages_.find(field);
    return found == field_messages_.end() ? nullptr : &found->second;
}

std::string profile_interface_language(Database& db) {
    return choose_interface_language(get_setting(db, "profile.language"));
}

}  // namespace rapport::gui
