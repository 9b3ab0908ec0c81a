// Small helpers the record modules (contacts, meetings, debriefs, import)
// share: text trimming, required fields and new ids. Internal to the engine.
#pragma once

#include "engine/records/database.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rapport {

// Without leading and trailing ASCII whitespace.
std::string trimmed(std::string_view text);

// Throws rapport::Error "FIELD: must not be empty" for blank text.
void require_text(std::string_view field, std::string_view value);

// The id the next record of `table` gets (one past the largest). table is a
// constant from the engine, never user text.
std::int64_t next_id(Database& db, const char* table);

// Throws rapport::Error "FIELD: 'VALUE' is not one of a, b, c".
void require_one_of(std::string_view field, std::string_view value,
                    std::span<const std::string_view> allowed);

}  // namespace rapport
