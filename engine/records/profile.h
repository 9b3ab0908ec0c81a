// The user's own profile, used by the message drafts and the pitch: who they
// are, the field they are exploring and what they hope to get from their
// meetings. Stored in the settings table under "profile.*" keys.
#pragma once

#include "engine/records/database.h"

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rapport {

struct Profile {
    std::string name;
    std::string field;       // the field, industry or role of interest
    std::vector<std::string> goals;  // e.g. "change-careers", "learn-culture", free text allowed
    std::string background;  // one or two sentences: studies, experience
    std::string email;
    std::string phone;
    std::string language = "en";  // "en" or "fr": the app, checklists, sheets and drafts
    int default_minutes = 20;     // the meeting length new meetings and sheets start from
    int speaking_wpm = 0;         // the user's usual speaking rate; 0: not set (140 is assumed)
};

struct ProfileChanges {
    std::optional<std::string> name, field, background, email, phone, language;
    std::optional<std::vector<std::string>> goals;
    std::optional<int> default_minutes, speaking_wpm;
};

// Missing keys read as empty (language: "en").
Profile load_profile(Database& db);

// Saves the given fields in one transaction. Throws rapport::Error naming the
// field for a language other than "en" or "fr", a default length outside
// kProfileMinutes or a speaking rate outside kProfileWpm (0 clears it).
void update_profile(Database& db, const ProfileChanges& changes);

inline constexpr std::array<std::string_view, 2> kProfileLanguages = {"en", "fr"};
inline constexpr std::pair<int, int> kProfileMinutes = {5, 180};
inline constexpr std::pair<int, int> kProfileWpm = {60, 260};

}  // namespace rapport
