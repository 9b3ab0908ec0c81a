// Key/value settings stored in the database (profile, preferences, rule
// choices). Each set() is its own transaction.
#pragma once

#include "engine/records/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport {

std::optional<std::string> get_setting(Database& db, std::string_view key);
// Throws rapport::Error naming the key for a value its reader would refuse
// (check_setting()), so no setting can break a later command.
void set_setting(Database& db, std::string_view key, std::string_view value);

// Checks a setting the way the code that reads it does: "profile.language"
// is en or fr, "profile.english_spelling" en, en-ca or en-gb,
// "profile.goals" a JSON list of strings, "avoid.rule.ID" off or caution;
// every value is UTF-8. Other keys take any text. Throws
// rapport::Error "KEY: …".
void check_setting(std::string_view key, std::string_view value);
void erase_setting(Database& db, std::string_view key);
// Every (key, value) whose key starts with prefix, ordered by key.
std::vector<std::pair<std::string, std::string>> settings_with_prefix(Database& db,
                                                                      std::string_view prefix);

}  // namespace rapport
