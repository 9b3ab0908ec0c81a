#include "engine/records/profile.h"

#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "engine/records/record_checks.h"
#include "engine/records/settings.h"

#include <nlohmann/json.hpp>

namespace rapport {
namespace {

std::string setting_or_empty(Database& db, std::string_view key) {
    return get_setting(db, key).value_or("");
}

int int_setting_or(Database& db, std::string_view key, int fallback) {
    const auto text = get_setting(db, key);
    if (!text || text->empty()) return fallback;
    try {
        return std::stoi(*text);
    } catch (const std::exception&) {
        return fallback;  // a value an older or other tool wrote: the default is safe
    }
}

void check_range(const char* field, int value, std::pair<int, int> range, bool zero_allowed) {
    if (zero_allowed && value == 0) return;
    if (value < range.first || value > range.second)
        throw Error(std::string(field) + ": must be between " + std::to_string(range.first) +
                    " and " + std::to_string(range.second) + ", not " + std::to_string(value));
}

void store_if_given(Database& db, std::string_view key, const std::optional<std::string>& value) {
    if (value) set_setting(db, key, *value);
}

}  // namespace

Profile load_profile(Database& db) {
    Profile p;
    p.name = setting_or_empty(db, "profile.name");
    p.field = setting_or_empty(db, "profile.field");
    p.background = setting_or_empty(db, "profile.background");
    p.email = setting_or_empty(db, "profile.email");
    p.phone = setting_or_empty(db, "profile.phone");
    if (auto lang = get_setting(db, "profile.language"); lang && !lang->empty()) p.language = *lang;
    if (auto spelling = get_setting(db, "profile.english_spelling"); spelling && !spelling->empty())
        p.english_spelling = *spelling;
    p.default_minutes = int_setting_or(db, "profile.default_minutes", p.default_minutes);
    p.speaking_wpm = int_setting_or(db, "profile.speaking_wpm", 0);
    if (auto goals = get_setting(db, "profile.goals")) {
        auto parsed = nlohmann::json::parse(*goals, nullptr, false);
        if (parsed.is_array())
            for (const auto& g : parsed)
                if (g.is_string()) p.goals.push_back(g.get<std::string>());
    }
    return p;
}

void update_profile(Database& db, const ProfileChanges& ch) {
    require_utf8_fields({{"name", ch.name.value_or("")},
                         {"field", ch.field.value_or("")},
                         {"background", ch.background.value_or("")},
                         {"email", ch.email.value_or("")},
                         {"phone", ch.phone.value_or("")}});
    if (ch.goals) require_utf8_list("goal", *ch.goals);
    if (ch.language) require_one_of("language", *ch.language, kProfileLanguages);
    if (ch.default_minutes) check_range("default_minutes", *ch.default_minutes, kProfileMinutes, false);
    if (ch.speaking_wpm) check_range("speaking_wpm", *ch.speaking_wpm, kProfileWpm, true);
    db.transaction([&] {
        store_if_given(db, "profile.name", ch.name);
        store_if_given(db, "profile.field", ch.field);
        store_if_given(db, "profile.background", ch.background);
        store_if_given(db, "profile.email", ch.email);
        store_if_given(db, "profile.phone", ch.phone);
        store_if_given(db, "profile.language", ch.language);
        if (ch.default_minutes)
            set_setting(db, "profile.default_minutes", std::to_string(*ch.default_minutes));
        if (ch.speaking_wpm) set_setting(db, "profile.speaking_wpm", std::to_string(*ch.speaking_wpm));
        if (ch.goals) set_setting(db, "profile.goals", json_text(nlohmann::json(*ch.goals)));
    });
}

void set_english_spelling(Database& db, std::string_view spelling) {
    require_one_of("english_spelling", spelling, kProfileEnglishSpellings);
    set_setting(db, "profile.english_spelling", spelling);
}

std::string spelling_language_code(const Profile& profile, std::string_view language) {
    return language == "en" ? profile.english_spelling : std::string(language);
}

}  // namespace rapport
