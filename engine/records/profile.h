// The user's own profile, used by the message drafts and the pitch: who they
// are, the field they are exploring and what they hope to get from their
// meetings. Stored in the settings table under "profile.*" keys.
#pragma once

#include "engine/records/database.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

struct Profile {
    std::string name;
    std::string field;       // the field, industry or role of interest
    std::vector<std::string> goals;  // e.g. "change-careers", "company-culture", free text allowed
    std::string background;  // one or two sentences: studies, experience
    std::string email;
    std::string phone;
    std::string language = "en";  // "en" or "fr": checklist and drafts
};

struct ProfileChanges {
    std::optional<std::string> name, field, background, email, phone, language;
    std::optional<std::vector<std::string>> goals;
};

// Missing keys read as empty (language: "en").
Profile load_profile(Database& db);

// Saves the given fields in one transaction. Throws rapport::Error for a
// language other than "en" or "fr".
void update_profile(Database& db, const ProfileChanges& changes);

inline constexpr std::array<std::string_view, 2> kProfileLanguages = {"en", "fr"};

}  // namespace rapport
