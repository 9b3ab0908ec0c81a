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
    std::vector<std::string> goals;  // e.g. "change-careers", "company-culture", free text allowed
    std::string background;  // one or two sentences: studies, experience
    std::string email;
    std::string phone;
    std::string language = "en";  // "en" or "fr": the app, checklists, sheets and drafts
    int default_minutes = 20;     // the meeting length new meetings and sheets start from
    int speaking_wpm = 0;         // the user's usual speaking rate; 0: not set (140 is assumed)
    // How English is spelled for the spelling check: "en" (US), "en-ca" or
    // "en-gb". French text is always checked in French.
    std::string english_spelling = "en";
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
// Saves Profile::english_spelling; throws rapport::Error naming the field for
// a value not in kProfileEnglishSpellings.
void set_english_spelling(Database& db, std::string_view spelling);

inline constexpr std::array<std::string_view, 2> kProfileLanguages = {"en", "fr"};
inline constexpr std::array<std::string_view, 3> kProfileEnglishSpellings = {"en", "en-ca", "en-gb"};
inline constexpr std::pair<int, int> kProfileMinutes = {5, 180};
inline constexpr std::pair<int, int> kProfileWpm = {60, 260};

// The spelling check's language code for a text in `language` ("en" or
// "fr"): the profile's English spelling for English, else the language.
std::string spelling_language_code(const Profile& profile, std::string_view language);

}  // namespace rapport
