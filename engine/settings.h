// Key/value settings stored in the database (profile, preferences, rule
// choices). Each set() is its own transaction.
#pragma once

#include "engine/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace rapport {

std::optional<std::string> get_setting(Database& db, std::string_view key);
void set_setting(Database& db, std::string_view key, std::string_view value);
void erase_setting(Database& db, std::string_view key);

}  // namespace rapport
